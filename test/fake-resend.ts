import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A tiny stand-in for the Resend API (POST /emails), so tests and end-to-end runs use the real
 * SDK without the network. Like Resend it honours Idempotency-Key: the same key and body answer
 * with the first email's id and are not stored again.
 */

export type Scripted =
  | "ok"
  /** Never answers: for client timeouts. */
  | "hang"
  | { status: number; name?: string; message?: string; retryAfterSec?: number };

export type RecordedRequest = {
  /** When the request arrived, epoch milliseconds with sub-millisecond precision (comparable with database times). */
  at: number;
  idempotencyKey: string | null;
  body: Record<string, unknown>;
  /** What the fake answered: a status, or "hang". */
  outcome: number | "hang";
};

export type StoredEmail = { id: string; key: string | null; body: Record<string, unknown> };

export type FakeResend = {
  url: string;
  requests: RecordedRequest[];
  /** Every email accepted as new, in order. */
  emails: StoredEmail[];
  emailsByKey: Map<string, StoredEmail>;
  /** Queue the answers to the next requests; when the queue is empty requests succeed. */
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

function reply(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
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

export async function startFakeResend(port = 0): Promise<FakeResend> {
  const requests: RecordedRequest[] = [];
  const emails: StoredEmail[] = [];
  const emailsByKey = new Map<string, StoredEmail>();
  const queue: Scripted[] = [];
  const hanging = new Set<ServerResponse>();

  const handleSend = (res: ServerResponse, key: string | null, raw: string, at: number) => {
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return reply(res, 400, { statusCode: 400, name: "validation_error", message: "Invalid JSON" });
    }
    const next = queue.shift() ?? "ok";
    const record = (outcome: RecordedRequest["outcome"]) => requests.push({ at, idempotencyKey: key, body, outcome });
    if (next === "hang") {
      record("hang");
      hanging.add(res);
      res.on("close", () => hanging.delete(res));
      return;
    }
    if (next !== "ok") {
      record(next.status);
      const headers: Record<string, string> = next.retryAfterSec !== undefined ? { "retry-after": String(next.retryAfterSec) } : {};
      const name = next.name ?? errorNames[next.status] ?? "application_error";
      return reply(res, next.status, { statusCode: next.status, name, message: next.message ?? `scripted ${next.status}` }, headers);
    }
    if (!body.from || !body.to || !body.subject) {
      record(422);
      return reply(res, 422, { statusCode: 422, name: "validation_error", message: "from, to and subject are required" });
    }
    const previous = key ? emailsByKey.get(key) : undefined;
    if (previous) {
      // Resend refuses a reused key with a different payload; the same payload gets the first answer.
      if (JSON.stringify(previous.body) !== JSON.stringify(body)) {
        record(409);
        return reply(res, 409, { statusCode: 409, name: "invalid_idempotent_request", message: "key reused with another payload" });
      }
      record(200);
      return reply(res, 200, { id: previous.id });
    }
    const email: StoredEmail = { id: randomUUID(), key, body };
    emails.push(email);
    if (key) emailsByKey.set(key, email);
    record(200);
    reply(res, 200, { id: email.id });
  };

  const server = createServer(async (req, res) => {
    const at = performance.timeOrigin + performance.now();
    const raw = await readBody(req);
    const path = (req.url ?? "/").split("?")[0];
    if (req.method === "POST" && path === "/emails") {
      if (!req.headers.authorization?.startsWith("Bearer ")) {
        return reply(res, 401, { statusCode: 401, name: "missing_api_key", message: "Missing API key" });
      }
      const key = req.headers["idempotency-key"];
      return handleSend(res, typeof key === "string" ? key : null, raw, at);
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
