import "server-only";
import { and, count, desc, eq, sql, type SQL } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { outbox, outboxStatusEnum, type OutboxMessage, type OutboxStatus } from "@/db/schema/mail";
import type { Locale } from "@/lib/i18n";

export type NewMail = {
  /** What the mail confirms, e.g. "magic-link", "booking-confirmed". First half of the idempotency key. */
  kind: string;
  /** The thing it confirms. The pair must be unique per email that should ever be sent. */
  entityId: string | number;
  to: string;
  locale: Locale;
  subject: string;
  html: string;
  text: string;
  /** Hold the mail until then (e.g. a reminder the day before). */
  sendAfter?: Date;
};

export function idempotencyKey(kind: string, entityId: string | number): string {
  return `${kind}/${entityId}`;
}

/**
 * Queues one email. Pass the caller's transaction so the mail commits (or rolls back) with the
 * change it confirms. The same `kind/entityId` is queued once: a retried action does not mail twice.
 * Returns true when this call created the row.
 */
export async function enqueueMail(db: DbOrTx, m: NewMail): Promise<boolean> {
  const rows = await db.insert(outbox).values(outboxRow(m)).onConflictDoNothing({ target: outbox.idempotencyKey }).returning({ id: outbox.id });
  return rows.length > 0;
}

/** The outbox row of a mail; a statement that queues mail itself (a booking's) stores exactly this. */
export function outboxRow(m: NewMail) {
  const to = m.to.trim();
  // A newline in the address could smuggle extra headers in some transports; refuse early.
  if (!to || /[\r\n]/.test(to)) throw new Error("enqueueMail: invalid recipient address");
  return {
    idempotencyKey: idempotencyKey(m.kind, m.entityId),
    kind: m.kind,
    toAddress: to,
    locale: m.locale,
    subject: m.subject,
    html: m.html,
    text: m.text,
    ...(m.sendAfter ? { sendAfter: m.sendAfter } : {}),
  };
}

/**
 * Queues many emails in a few statements (results to thousands of guardians), with the same
 * once-per-key rule as enqueueMail. Returns how many rows were created.
 */
export async function enqueueMails(db: DbOrTx, mails: readonly NewMail[]): Promise<number> {
  let created = 0;
  for (let i = 0; i < mails.length; i += 1000) {
    const rows = await db
      .insert(outbox)
      .values(mails.slice(i, i + 1000).map(outboxRow))
      .onConflictDoNothing({ target: outbox.idempotencyKey })
      .returning({ id: outbox.id });
    created += rows.length;
  }
  return created;
}

// Staff lists leave out the bodies: they are large, and a magic link's body is a live sign-in link.
const summaryColumns = {
  id: outbox.id,
  idempotencyKey: outbox.idempotencyKey,
  kind: outbox.kind,
  toAddress: outbox.toAddress,
  locale: outbox.locale,
  subject: outbox.subject,
  status: outbox.status,
  attempts: outbox.attempts,
  sendAfter: outbox.sendAfter,
  providerId: outbox.providerId,
  lastError: outbox.lastError,
  createdAt: outbox.createdAt,
  sentAt: outbox.sentAt,
};

export type OutboxSummary = Omit<OutboxMessage, "html" | "text" | "lockedUntil">;
export type Page<T> = { rows: T[]; total: number; page: number; pageSize: number };

function pageArgs(page: number, pageSize: number) {
  const size = Math.min(Math.max(Math.trunc(pageSize) || 20, 1), 200);
  const p = Math.max(Math.trunc(page) || 1, 1);
  return { page: p, pageSize: size, offset: (p - 1) * size };
}

async function listPage(where: SQL | undefined, page: number, pageSize: number): Promise<Page<OutboxSummary>> {
  const db = getDb();
  const a = pageArgs(page, pageSize);
  const [rows, [totalRow]] = await Promise.all([
    db.select(summaryColumns).from(outbox).where(where).orderBy(desc(outbox.createdAt), desc(outbox.id)).limit(a.pageSize).offset(a.offset),
    db.select({ n: count() }).from(outbox).where(where),
  ]);
  return { rows, total: totalRow?.n ?? 0, page: a.page, pageSize: a.pageSize };
}

/** For the staff outbox page (the caller checks the staff role). Newest first, 1-based pages. */
export async function listOutbox(opts: { status?: OutboxStatus; kind?: string; page: number; pageSize: number }) {
  const where = and(
    opts.status ? eq(outbox.status, opts.status) : undefined,
    opts.kind ? eq(outbox.kind, opts.kind) : undefined,
  );
  return listPage(where, opts.page, opts.pageSize);
}

/** Every status with its count, zeros included, for the staff dashboard. */
export async function countOutboxByStatus(): Promise<Record<OutboxStatus, number>> {
  const rows = await getDb().select({ status: outbox.status, n: count() }).from(outbox).groupBy(outbox.status);
  const counts = Object.fromEntries(outboxStatusEnum.enumValues.map((s) => [s, 0])) as Record<OutboxStatus, number>;
  for (const r of rows) counts[r.status] = r.n;
  return counts;
}

/**
 * Staff "send again" for a failed message: back to pending, due now, with a fresh attempt budget.
 * Only failed rows move, so a double click or a stale page cannot disturb a message in flight.
 */
export async function retryOutboxMessage(id: number): Promise<boolean> {
  const rows = await getDb()
    .update(outbox)
    .set({ status: "pending", attempts: 0, sendAfter: sql`now()`, lockedUntil: null })
    .where(and(eq(outbox.id, id), eq(outbox.status, "failed")))
    .returning({ id: outbox.id });
  return rows.length > 0;
}

/**
 * The dev mailbox shows every queued message, whatever its status, so a developer (or an
 * end-to-end test) sees the mail as soon as it is committed. The page must check
 * `isDevMailboxEnabled()` first.
 */
export async function listMailbox(opts: { page: number; pageSize: number; to?: string }) {
  return listPage(opts.to ? eq(outbox.toAddress, opts.to.trim()) : undefined, opts.page, opts.pageSize);
}

export async function getMailboxMessage(id: number): Promise<OutboxMessage | null> {
  const [row] = await getDb().select().from(outbox).where(eq(outbox.id, id)).limit(1);
  return row ?? null;
}
