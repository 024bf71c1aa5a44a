import { createHash } from "node:crypto";
import type { OutboxMessage } from "@/db/schema/mail";

// How claimed rows are grouped into provider requests. A batch request is keyed by a hash of its
// rows' own keys, so the same rows sent together again carry the same key, and Resend answers a
// retry after a lost response with the first answer instead of sending the emails twice. While a
// batch's outcome is in doubt (timeout, 5xx) its rows keep that key in `provider_id`: the sender
// claims them together and retries them as the very same request.

const PREFIX = "outbox-batch/";

/** Stable for a set of rows, whatever order they were claimed in. */
export function batchKey(rows: readonly OutboxMessage[]): string {
  const keys = rows.map((r) => r.idempotencyKey).sort();
  return PREFIX + createHash("sha256").update(keys.join("\n")).digest("hex");
}

/** The key of the in-doubt batch the row was last sent in, if any. */
export function inDoubtBatch(row: Pick<OutboxMessage, "providerId">): string | null {
  return row.providerId?.startsWith(PREFIX) ? row.providerId : null;
}

export const inDoubtPattern = `${PREFIX}%`;

/** One provider request: a batch under `key`, or a single message under its own key (`key` null). */
export type MailRequest = { rows: OutboxMessage[]; key: string | null };

const byKey = (a: OutboxMessage, b: OutboxMessage) => (a.idempotencyKey < b.idempotencyKey ? -1 : a.idempotencyKey > b.idempotencyKey ? 1 : 0);

/** A batch of the rows in key order (the payload order, so a retry sends the same body), or a single send. */
function request(rows: OutboxMessage[], key?: string): MailRequest {
  if (rows.length === 1) return { rows, key: null };
  const sorted = [...rows].sort(byKey);
  return { rows: sorted, key: key ?? batchKey(sorted) };
}

/**
 * Splits claimed rows into requests of at most `limit` messages. Rows of an in-doubt batch go
 * again as that batch when all of them are here; when some are missing (given up, retried by
 * staff) the rest go one by one, since a new batch key could send again what the old one sent.
 */
export function planRequests(rows: readonly OutboxMessage[], limit: number): MailRequest[] {
  const fresh: OutboxMessage[] = [];
  const groups = new Map<string, OutboxMessage[]>();
  for (const r of rows) {
    const key = inDoubtBatch(r);
    if (!key) fresh.push(r);
    else if (groups.has(key)) groups.get(key)!.push(r);
    else groups.set(key, [r]);
  }
  const out: MailRequest[] = [];
  for (const [key, group] of groups) {
    if (group.length > 1 && group.length <= limit && batchKey(group) === key) out.push(request(group, key));
    else out.push(...group.map((r) => request([r])));
  }
  for (let i = 0; i < fresh.length; i += limit) out.push(request(fresh.slice(i, i + limit)));
  return out;
}
