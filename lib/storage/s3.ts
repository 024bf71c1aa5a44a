import "server-only";
import { createHash } from "node:crypto";
import { AwsClient } from "aws4fetch";
import type { Env, Store } from "./store";

export type S3Config = {
  bucket: string;
  endpoint: URL;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** `<endpoint>/<bucket>/<key>` (MinIO and most self-hosted stores) rather than `<bucket>.<host>/<key>`. */
  forcePathStyle: boolean;
};

/** Null when S3_BUCKET is unset (files then stay on local disk); throws when S3 is half configured. */
export function s3ConfigFromEnv(env: Env): S3Config | null {
  const bucket = env.S3_BUCKET?.trim();
  if (!bucket) return null;
  const region = env.S3_REGION?.trim() || "us-east-1";
  const accessKeyId = env.S3_ACCESS_KEY_ID?.trim();
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY?.trim();
  if (!accessKeyId || !secretAccessKey) {
    throw new Error("S3_BUCKET is set, so S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set too");
  }
  const endpointText = env.S3_ENDPOINT?.trim() || `https://s3.${region}.amazonaws.com`;
  if (!URL.canParse(endpointText) || !/^https?:$/.test(new URL(endpointText).protocol)) {
    throw new Error(`S3_ENDPOINT must be an http(s) URL, got "${endpointText}"`);
  }
  const forcePathStyle = !/^(false|0|no)$/i.test(env.S3_FORCE_PATH_STYLE?.trim() ?? "");
  return { bucket, endpoint: new URL(endpointText), region, accessKeyId, secretAccessKey, forcePathStyle };
}

/** The object's address. Keys with empty, "." or ".." segments are refused: URL parsing would fold them into another path. */
export function objectUrl(config: S3Config, key: string): URL {
  const segments = key.split("/");
  if (segments.some((s) => s === "" || s === "." || s === "..")) throw new Error("bad storage key");
  const url = new URL(config.endpoint);
  const base = url.pathname.replace(/\/+$/, "");
  const encodedKey = segments.map(encodeURIComponent).join("/");
  if (config.forcePathStyle) {
    url.pathname = `${base}/${encodeURIComponent(config.bucket)}/${encodedKey}`;
  } else {
    url.hostname = `${config.bucket}.${url.hostname}`;
    url.pathname = `${base}/${encodedKey}`;
  }
  return url;
}

// Uploads are at most a few MB; a store that stops answering must not hold a request forever.
const TIMEOUT_MS = 60_000;

export function s3Store(config: S3Config): Store {
  // Retries (with backoff) cover 5xx and 429 only; every request here is idempotent.
  const client = new AwsClient({
    accessKeyId: config.accessKeyId,
    secretAccessKey: config.secretAccessKey,
    service: "s3",
    region: config.region,
    retries: 2,
  });

  const send = async (method: "PUT" | "GET" | "DELETE", key: string, body?: Uint8Array, mimeType?: string) => {
    const what = `S3 ${method} of "${key}" in bucket "${config.bucket}"`;
    const headers: Record<string, string> = {
      // Signing the payload's hash (rather than UNSIGNED-PAYLOAD) lets the store reject altered bytes.
      "x-amz-content-sha256": createHash("sha256").update(body ?? "").digest("hex"),
    };
    if (mimeType) headers["content-type"] = mimeType;
    let res: Response;
    try {
      res = await client.fetch(objectUrl(config, key).toString(), {
        method,
        headers,
        body: body as BodyInit | undefined,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (e) {
      const cause = e instanceof Error ? (e.cause instanceof Error ? e.cause.message : e.message) : String(e);
      throw new Error(`${what} failed: ${cause}`);
    }
    return { res, what };
  };

  // S3 explains errors in an XML body; its <Code> is safe to repeat, the rest may echo request details.
  const errorCode = async (res: Response) => /<Code>([^<]{1,100})<\/Code>/.exec(await res.text().catch(() => ""))?.[1];
  const failure = (res: Response, what: string, code: string | undefined) =>
    new Error(`${what} failed: HTTP ${res.status}${code ? ` ${code}` : ""}`);
  // A missing object is an answer; a missing bucket is a misconfiguration and must be seen.
  const isMissingObject = (res: Response, code: string | undefined) => res.status === 404 && code !== "NoSuchBucket";

  return {
    async put(key, bytes, mimeType) {
      const { res, what } = await send("PUT", key, bytes, mimeType);
      if (!res.ok) throw failure(res, what, await errorCode(res));
      await res.body?.cancel();
    },
    async get(key) {
      const { res, what } = await send("GET", key);
      if (res.ok) return new Uint8Array(await res.arrayBuffer());
      const code = await errorCode(res);
      if (isMissingObject(res, code)) return null;
      throw failure(res, what, code);
    },
    async remove(key) {
      const { res, what } = await send("DELETE", key);
      if (res.ok) return void (await res.body?.cancel());
      const code = await errorCode(res);
      if (!isMissingObject(res, code)) throw failure(res, what, code);
    },
  };
}
