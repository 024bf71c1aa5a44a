import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A tiny S3 stand-in (path-style PUT/GET/DELETE of one bucket, objects in memory) so storage tests
 * run the real client without the network. Like S3 it checks each request's SigV4 signature
 * with its own implementation, so a client that signs wrongly is refused here as it would be there.
 */

export type FakeS3Options = { bucket: string; accessKeyId: string; secretAccessKey: string; region?: string };

export type StoredObject = { bytes: Uint8Array; contentType: string };

export type FakeS3Request = { method: string; key: string; status: number };

export type FakeS3 = {
  url: string;
  /** By decoded key. */
  objects: Map<string, StoredObject>;
  requests: FakeS3Request[];
  /** Answer the next `times` signed requests with this S3 error instead of serving them. */
  failNext(status: number, code: string, times?: number): void;
  close(): Promise<void>;
};

const sha256Hex = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");
const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data).digest();

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** S3's error document; like S3 it may echo the access key id, which clients must not repeat. */
function replyError(res: ServerResponse, status: number, code: string, extra = "") {
  res.writeHead(status, { "content-type": "application/xml" });
  res.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${code}</Message>${extra}</Error>`);
}

const AUTH = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/;

/** Why a request is refused, or null when it is signed with the expected key. */
function signatureProblem(req: IncomingMessage, body: Buffer, opts: Required<FakeS3Options>): [number, string] | null {
  const auth = AUTH.exec(req.headers.authorization ?? "");
  if (!auth) return [403, "AccessDenied"];
  const [, keyId, date, region, signedHeaders, signature] = auth as unknown as string[];
  if (keyId !== opts.accessKeyId) return [403, "InvalidAccessKeyId"];
  if (region !== opts.region) return [400, "AuthorizationHeaderMalformed"];
  const amzDate = req.headers["x-amz-date"];
  const payloadHash = req.headers["x-amz-content-sha256"];
  if (typeof amzDate !== "string" || !/^\d{8}T\d{6}Z$/.test(amzDate) || !amzDate.startsWith(date!)) return [403, "AccessDenied"];
  if (typeof payloadHash !== "string") return [400, "InvalidRequest"];
  const signed = signedHeaders!.split(";");
  if (!["host", "x-amz-date", "x-amz-content-sha256"].every((h) => signed.includes(h))) return [403, "AccessDenied"];
  if (payloadHash !== "UNSIGNED-PAYLOAD" && payloadHash !== sha256Hex(body)) return [400, "XAmzContentSHA256Mismatch"];

  const [rawPath = "/", rawQuery = ""] = (req.url ?? "/").split("?");
  const query = rawQuery
    .split("&")
    .filter(Boolean)
    .map((p) => (p.includes("=") ? p : `${p}=`))
    .sort()
    .join("&");
  const headerLines = signed.map((h) => `${h}:${String(req.headers[h] ?? "").trim().replace(/\s+/g, " ")}\n`).join("");
  const canonical = [req.method, rawPath, query, headerLines, signedHeaders, payloadHash].join("\n");
  const scope = `${date}/${region}/s3/aws4_request`;
  const toSign = ["AWS4-HMAC-SHA256", amzDate, scope, sha256Hex(canonical)].join("\n");
  const signingKey = ["s3", "aws4_request"].reduce((k, part) => hmac(k, part), hmac(hmac(`AWS4${opts.secretAccessKey}`, date!), region!));
  const expected = hmac(signingKey, toSign);
  return timingSafeEqual(expected, Buffer.from(signature!, "hex")) ? null : [403, "SignatureDoesNotMatch"];
}

export async function startFakeS3(options: FakeS3Options): Promise<FakeS3> {
  const opts = { region: "us-east-1", ...options };
  const objects = new Map<string, StoredObject>();
  const requests: FakeS3Request[] = [];
  const failures: { status: number; code: string }[] = [];

  const handle = (req: IncomingMessage, res: ServerResponse, body: Buffer, key: string) => {
    const problem = signatureProblem(req, body, opts);
    if (problem) return replyError(res, ...problem, `<AWSAccessKeyId>${opts.accessKeyId}</AWSAccessKeyId>`);
    const failure = failures.shift();
    if (failure) return replyError(res, failure.status, failure.code);
    const [, bucket] = /^\/([^/]+)\//.exec(req.url ?? "") ?? [];
    if (bucket !== opts.bucket) return replyError(res, 404, "NoSuchBucket");
    if (req.method === "PUT") {
      if (req.headers["content-length"] === undefined) return replyError(res, 411, "MissingContentLength");
      objects.set(key, { bytes: new Uint8Array(body), contentType: req.headers["content-type"] ?? "binary/octet-stream" });
      res.writeHead(200, { etag: `"${createHash("md5").update(body).digest("hex")}"` });
      return res.end();
    }
    if (req.method === "GET") {
      const object = objects.get(key);
      if (!object) return replyError(res, 404, "NoSuchKey");
      res.writeHead(200, { "content-type": object.contentType, "content-length": object.bytes.byteLength });
      return res.end(object.bytes);
    }
    if (req.method === "DELETE") {
      // Like S3: deleting a missing key succeeds.
      objects.delete(key);
      res.writeHead(204);
      return res.end();
    }
    replyError(res, 405, "MethodNotAllowed");
  };

  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    const path = (req.url ?? "/").split("?")[0]!;
    const key = decodeURIComponent(path.split("/").slice(2).join("/"));
    handle(req, res, body, key);
    requests.push({ method: req.method ?? "", key, status: res.statusCode });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${address.port}`,
    objects,
    requests,
    failNext: (status, code, times = 1) => {
      for (let i = 0; i < times; i++) failures.push({ status, code });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
