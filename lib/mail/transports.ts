import "server-only";
import { Resend } from "resend";
import type { OutboxMessage } from "@/db/schema/mail";

/** Why a send failed, and whether the same message may succeed later. */
export class TransportError extends Error {
  readonly retryable: boolean;
  /** The provider asked us to wait this long (HTTP 429 retry-after). */
  readonly retryAfterMs?: number;
  readonly status?: number | null;
  readonly rateLimited: boolean;
  /** The provider refused the request's content (400/422): for a batch, maybe only one message in it is bad. */
  readonly invalid: boolean;

  constructor(
    message: string,
    o: { retryable: boolean; retryAfterMs?: number; status?: number | null; rateLimited?: boolean; invalid?: boolean },
  ) {
    super(message);
    this.name = "TransportError";
    this.retryable = o.retryable;
    this.retryAfterMs = o.retryAfterMs;
    this.status = o.status;
    this.rateLimited = o.rateLimited ?? false;
    this.invalid = o.invalid ?? false;
  }
}

export interface MailTransport {
  name: string;
  /** Whether requests count against a provider rate limit and must take a slot from the shared pacer. */
  paced?: boolean;
  send(msg: OutboxMessage, opts: { signal: AbortSignal }): Promise<{ providerId: string }>;
  /**
   * Sends several messages in one request, all or none; the ids come back in the messages' order.
   * The key makes a retry of the same messages harmless. Transports without it send one by one.
   */
  sendBatch?(msgs: OutboxMessage[], opts: { signal: AbortSignal; idempotencyKey: string }): Promise<{ providerIds: string[] }>;
  /** The most messages one sendBatch request may carry. */
  batchLimit?: number;
}

export const DEFAULT_FROM = "书香 <noreply@shuxiang.local>";

/** Resend sends `retry-after` in seconds; an HTTP date is allowed by the standard, so accept it too. */
export function parseRetryAfter(value: string | undefined | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

type ResendError = { statusCode: number | null; name: string; message: string } | null;

/** Maps a failed Resend answer (single or batch) to what the sender needs to decide. */
function resendError(error: ResendError, headers: Record<string, string> | null, signal: AbortSignal): TransportError {
  // The SDK turns aborts and connection errors into statusCode null.
  const status = error?.statusCode ?? null;
  const detail = signal.aborted ? "timed out" : `${error?.name ?? "error"}: ${error?.message ?? "no response body"}`;
  const message = `resend ${status ?? "network"} ${detail}`;
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(headers?.["retry-after"]) ?? parseRetryAfter(headers?.["ratelimit-reset"]);
    return new TransportError(message, { retryable: true, retryAfterMs, status, rateLimited: true });
  }
  // Another request with the same key is still in flight at Resend: ours may well have worked; ask again later.
  const concurrent = status === 409 && error?.name === "concurrent_idempotent_requests";
  const retryable = status === null || status >= 500 || concurrent;
  return new TransportError(message, { retryable, status, invalid: status === 400 || status === 422 });
}

const networkError = (err: unknown) =>
  new TransportError(`network: ${err instanceof Error ? err.message : String(err)}`, { retryable: true, status: null });

const RESEND_BATCH_LIMIT = 100;

export function resendTransport(apiKey: string, baseUrl?: string): MailTransport {
  const client = new Resend(apiKey, baseUrl ? { baseUrl } : undefined);
  const email = (msg: OutboxMessage) => ({
    from: process.env.MAIL_FROM ?? DEFAULT_FROM,
    to: msg.toAddress,
    subject: msg.subject,
    html: msg.html,
    text: msg.text,
  });
  return {
    name: "resend",
    paced: true,
    batchLimit: RESEND_BATCH_LIMIT,
    async send(msg, { signal }) {
      let result: Awaited<ReturnType<typeof client.emails.send>>;
      try {
        // The outbox key makes a retry after a lost response harmless: Resend answers with the first email.
        result = await client.emails.send(email(msg), { idempotencyKey: msg.idempotencyKey, signal });
      } catch (err) {
        throw networkError(err);
      }
      const { data, error, headers } = result;
      if (data && !error) return { providerId: data.id };
      throw resendError(error, headers, signal);
    },
    async sendBatch(msgs, { signal, idempotencyKey }) {
      if (msgs.length > RESEND_BATCH_LIMIT) throw new Error(`resend batch: ${msgs.length} emails, at most ${RESEND_BATCH_LIMIT}`);
      let result: Awaited<ReturnType<typeof client.batch.send>>;
      try {
        // Strict validation (the default): one invalid email refuses the whole batch with 422, so
        // nothing is half sent; the sender then sends those messages one by one.
        result = await client.batch.send(msgs.map(email), { idempotencyKey, signal });
      } catch (err) {
        throw networkError(err);
      }
      const { data, error, headers } = result;
      if (!data || error) throw resendError(error, headers, signal);
      // The SDK's type for strict batches hides the list; the body is `{ data: [{ id }, …] }`.
      const list = (data as unknown as { data?: { id?: unknown }[] }).data ?? [];
      const ids = list.map((d) => d.id).filter((id): id is string => typeof id === "string" && id !== "");
      // Not expected from Resend. The emails may have gone out, so this is retried like a timeout.
      if (ids.length !== msgs.length) {
        throw new TransportError(`resend batch: ${ids.length} ids for ${msgs.length} emails`, { retryable: true, status: 200 });
      }
      return { providerIds: ids };
    },
  };
}

/** Without a provider the mail stays in the outbox and is read at /dev/mailbox. */
export const devMailboxTransport: MailTransport = {
  name: "dev-mailbox",
  paced: false,
  async send(msg) {
    return { providerId: `dev-mailbox/${msg.id}` };
  },
};

const isOn = (v: string | undefined) => v === "true" || v === "1";
const isOff = (v: string | undefined) => v === "false" || v === "0";

/**
 * Whether /dev/mailbox may show mail. On by default in development; off in production and
 * whenever a real provider is configured, unless DEV_MAILBOX says otherwise (a staging server).
 */
export function isDevMailboxEnabled(): boolean {
  const flag = process.env.DEV_MAILBOX;
  if (isOn(flag)) return true;
  if (isOff(flag) || process.env.RESEND_API_KEY) return false;
  return process.env.NODE_ENV !== "production";
}

const g = globalThis as unknown as { __shuxiangMailNoProviderWarned?: boolean };

export function getTransport(): MailTransport {
  const key = process.env.RESEND_API_KEY;
  if (key) return resendTransport(key, process.env.RESEND_BASE_URL || undefined);
  if (process.env.NODE_ENV === "production" && !g.__shuxiangMailNoProviderWarned) {
    g.__shuxiangMailNoProviderWarned = true;
    console.warn("[mail] RESEND_API_KEY is not set: mail is kept in the database and not delivered");
  }
  return devMailboxTransport;
}
