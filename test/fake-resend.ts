import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A tiny stand-in for the Resend API (POST /emails and POST /emails/batch), so tests, benchmarks
 * and end-to-end runs use the real SDK without the network. Like Resend it honours
 * Idempotency-Key: the same key and body answer with the first answer and store nothing again;
 * the same key with another body is refused (409). A batch is validated strictly, as Resend does
 * by default: one invalid email (or more than 100) refuses the whole request with 422.
 */

export type Scripted =
  | "ok"
  /** Never answers: for client timeouts. */
  | "hang"
  /** Handles the request for real (emails stored) but drops the connection instead of answering: a lost response. */
  | "lose"
  | { status: number; name?: string; message?: string; retryAfterSec?: number };

export type RecordedRequest = {
  /** When the request arrived, epoch milliseconds with sub-millisecond precision (comparable with database times). */
  at: number;
  path: "/emails" | "/emails/batch";
  idempotencyKey: string | null;
  /** One email's fields, or for a batch the list of them. */
  body: unknown;
  /** What the fake answered: a status, "hang", or "lost" (handled, answer dropped). */
  outcome: number | "hang" | "lost";
};

/** `key` is the request's idempotency key; the emails of one batch share it and differ by `index`. */
export type StoredEmail = { id: string; key: string | null; index?: number; body: Record<string, unknown> };

export type FakeResend = {
  url: string;
  requests: RecordedRequest[];
  /** Every email accepted as new, in order. */
  emails: StoredEmail[];
  /** Single sends by idempotency key. */
  emailsByKey: Map<string, StoredEmail>;
  /** Queue the answers to the next requests (single or batch alike); when the queue is empty requests succeed. */
  script(responses: Scripted[]): void;
  close(): Promise<void>;
};

const errorNames: Record<number, string> = {
  400: "validation_error",
  401: "missing_api_key",
  409: "invalid_idempotent_request",
  422: "validation_error",
  429: "rate_limit_exceeded",
  500: "application_error",
};

// Responses whose answer is to be dropped ("lose").
const losing = new WeakSet<ServerResponse>();

function reply(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  if (losing.has(res)) return void res.destroy();
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

const isEmail = (e: unknown): e is Record<string, unknown> => typeof e === "object" && e !== null && !Array.isArray(e);

/** What Resend's validation would say about one email, or null when it would take it. */
function invalid(email: Record<string, unknown>): string | null {
  if (!email.from || !email.to || !email.subject) return "from, to and subject are required";
  const to = Array.isArray(email.to) ? email.to : [email.to];
  if (!to.every((a) => typeof a === "string" && /^[^@\s]+@[^@\s]+$/.test(a))) return `invalid \`to\` field: ${JSON.stringify(email.to)}`;
  return null;
}

function batchProblem(body: unknown): string | null {
  if (!Array.isArray(body) || body.length === 0 || body.length > 100) return "a batch holds 1 to 100 emails";
  for (const [i, e] of body.entries()) {
    const problem = isEmail(e) ? invalid(e) : "not an email";
    if (problem) return `emails[${i}]: ${problem}`;
  }
  return null;
}

export async function startFakeResend(port = 0): Promise<FakeResend> {
  const requests: RecordedRequest[] = [];
  const emails: StoredEmail[] = [];
  const emailsByKey = new Map<string, StoredEmail>();
  // A batch key's first body and answer, for idempotent replays.
  const batchesByKey = new Map<string, { body: string; ids: string[] }>();
  const queue: Scripted[] = [];
  const hanging = new Set<ServerResponse>();

  const validationError = (res: ServerResponse, message: string) => reply(res, 422, { statusCode: 422, name: "validation_error", message });
  const reused = (res: ServerResponse) =>
    reply(res, 409, { statusCode: 409, name: "invalid_idempotent_request", message: "key reused with another payload" });

  /** Answers a scripted outcome when one is queued; otherwise returns false and the request is handled for real. */
  const scripted = (res: ServerResponse, record: (o: RecordedRequest["outcome"]) => void): boolean => {
    const next = queue.shift() ?? "ok";
    if (next === "lose") losing.add(res);
    if (next === "ok" || next === "lose") return false;
    if (next === "hang") {
      record("hang");
      hanging.add(res);
      res.on("close", () => hanging.delete(res));
      return true;
    }
    record(next.status);
    const headers: Record<string, string> = next.retryAfterSec !== undefined ? { "retry-after": String(next.retryAfterSec) } : {};
    const name = next.name ?? errorNames[next.status] ?? "application_error";
    reply(res, next.status, { statusCode: next.status, name, message: next.message ?? `scripted ${next.status}` }, headers);
    return true;
  };

  const handleSend = (res: ServerResponse, key: string | null, body: unknown, record: (o: RecordedRequest["outcome"]) => void) => {
    if (scripted(res, record)) return;
    const problem = isEmail(body) ? invalid(body) : "the body must be one email";
    if (problem || !isEmail(body)) {
      record(422);
      return validationError(res, problem ?? "invalid body");
    }
    const previous = key ? emailsByKey.get(key) : undefined;
    if (previous) {
      // Resend refuses a reused key with a different payload; the same payload gets the first answer.
      const same = JSON.stringify(previous.body) === JSON.stringify(body);
      record(same ? 200 : 409);
      return same ? reply(res, 200, { id: previous.id }) : reused(res);
    }
    const email: StoredEmail = { id: randomUUID(), key, body };
    emails.push(email);
    if (key) emailsByKey.set(key, email);
    record(200);
    reply(res, 200, { id: email.id });
  };

  const handleBatch = (res: ServerResponse, key: string | null, body: unknown, record: (o: RecordedRequest["outcome"]) => void) => {
    if (scripted(res, record)) return;
    const problem = batchProblem(body);
    if (problem || !Array.isArray(body)) {
      record(422);
      return validationError(res, problem ?? "invalid body");
    }
    const previous = key ? batchesByKey.get(key) : undefined;
    if (previous) {
      const same = previous.body === JSON.stringify(body);
      record(same ? 200 : 409);
      return same ? reply(res, 200, { data: previous.ids.map((id) => ({ id })) }) : reused(res);
    }
    const stored = (body as Record<string, unknown>[]).map((e, index): StoredEmail => ({ id: randomUUID(), key, index, body: e }));
    emails.push(...stored);
    if (key) batchesByKey.set(key, { body: JSON.stringify(body), ids: stored.map((e) => e.id) });
    record(200);
    reply(res, 200, { data: stored.map((e) => ({ id: e.id })) });
  };

  const server = createServer(async (req, res) => {
    const at = performance.timeOrigin + performance.now();
    const raw = await readBody(req);
    const path = (req.url ?? "/").split("?")[0];
    if (req.method === "POST" && (path === "/emails" || path === "/emails/batch")) {
      if (!req.headers.authorization?.startsWith("Bearer ")) {
        return reply(res, 401, { statusCode: 401, name: "missing_api_key", message: "Missing API key" });
      }
      let body: unknown;
      try {
        body = JSON.parse(raw);
      } catch {
        return reply(res, 400, { statusCode: 400, name: "validation_error", message: "Invalid JSON" });
      }
      const header = req.headers["idempotency-key"];
      const key = typeof header === "string" ? header : null;
      const record = (outcome: RecordedRequest["outcome"]) =>
        requests.push({ at, path, idempotencyKey: key, body, outcome: losing.has(res) ? "lost" : outcome });
      return path === "/emails" ? handleSend(res, key, body, record) : handleBatch(res, key, body, record);
    }
    // Helpers for end-to-end runs, where the fake lives in another process.
    if (req.method === "GET" && path === "/__fake/emails") return reply(res, 200, { emails, requests: requests.length });
    if (req.method === "POST" && path === "/__fake/script") {
      queue.push(...(JSON.parse(raw || "[]") as Scripted[]));
      return reply(res, 200, { queued: queue.length });
    }
    reply(res, 404, { statusCode: 404, name: "not_found", message: `no route ${req.method} ${path}` });
  });

  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${address.port}`,
    requests,
    emails,
    emailsByKey,
    script: (responses) => void queue.push(...responses),
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// `tsx test/fake-resend.ts` runs it on its own (end-to-end tests point RESEND_BASE_URL at it).
if (/fake-resend\.[cm]?[jt]s$/.test(process.argv[1] ?? "")) {
  const port = Number(process.env.FAKE_RESEND_PORT ?? 3025);
  void startFakeResend(port).then((fake) => {
    console.log(`fake Resend API listening on ${fake.url}`);
    const stop = () => void fake.close().then(() => process.exit(0));
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}
