import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { startFakeS3, type FakeS3 } from "@/test/fake-s3";
import { deleteStoredFile, readFileBytes, saveUpload } from ".";
import { objectUrl, s3ConfigFromEnv } from "./s3";
import { store } from "./store";

const BUCKET = "shuxiang-test";
const KEY_ID = "AKIAFAKEFAKEFAKE";
const SECRET = "fake/secret+key/that-must-never-show";
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 250]);

let fake: FakeS3;
let localDir: string;

beforeAll(async () => {
  fake = await startFakeS3({ bucket: BUCKET, accessKeyId: KEY_ID, secretAccessKey: SECRET });
});
afterAll(async () => {
  await fake.close();
});

beforeEach(async () => {
  localDir = await mkdtemp(path.join(tmpdir(), "shuxiang-storage-"));
  vi.stubEnv("STORAGE_DIR", localDir);
  vi.stubEnv("S3_BUCKET", BUCKET);
  vi.stubEnv("S3_ENDPOINT", fake.url);
  vi.stubEnv("S3_ACCESS_KEY_ID", KEY_ID);
  vi.stubEnv("S3_SECRET_ACCESS_KEY", SECRET);
  fake.requests.length = 0;
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await rm(localDir, { recursive: true, force: true });
});

const key = () => `2026-05/${crypto.randomUUID()}.png`;

describe("S3 store", () => {
  it("puts signed bytes with their type and gets the same bytes back", async () => {
    const k = key();
    await store().put(k, PNG, "image/png");
    expect(fake.objects.get(k)).toEqual({ bytes: PNG, contentType: "image/png" });
    expect(await store().get(k)).toEqual(PNG);
    expect(fake.requests).toEqual([
      { method: "PUT", key: k, status: 200 },
      { method: "GET", key: k, status: 200 },
    ]);
    // Nothing went to local disk.
    expect(await readdir(localDir)).toEqual([]);
  });

  it("answers null for a missing object", async () => {
    expect(await store().get(key())).toBeNull();
    expect(fake.requests.map((r) => r.status)).toEqual([404]);
  });

  it("removes an object, and removing a missing one is fine (204 or 404)", async () => {
    const k = key();
    await store().put(k, PNG, "image/png");
    await store().remove(k);
    expect(fake.objects.has(k)).toBe(false);
    await store().remove(k);
    fake.failNext(404, "NoSuchKey");
    await store().remove(k);
    expect(fake.requests.map((r) => `${r.method} ${r.status}`)).toEqual(["PUT 200", "DELETE 204", "DELETE 204", "DELETE 404"]);
  });

  it("retries a 500, then throws a clear error without secrets", async () => {
    const k = key();
    fake.failNext(500, "InternalError", 3);
    const error = await store()
      .put(k, PNG, "image/png")
      .catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(`S3 PUT of "${k}" in bucket "${BUCKET}" failed: HTTP 500 InternalError`);
    expect(fake.requests.map((r) => r.status)).toEqual([500, 500, 500]);
    expect(fake.objects.has(k)).toBe(false);
  });

  it("recovers when a retry succeeds", async () => {
    const k = key();
    fake.failNext(503, "SlowDown");
    await store().put(k, PNG, "image/png");
    expect(fake.requests.map((r) => r.status)).toEqual([503, 200]);
    expect(fake.objects.get(k)?.bytes).toEqual(PNG);
  });

  it("is refused by the fake when signed with the wrong secret, and says so without echoing keys", async () => {
    vi.stubEnv("S3_SECRET_ACCESS_KEY", "not-the-secret");
    const error = await store()
      .get(key())
      .catch((e: unknown) => e as Error);
    expect((error as Error).message).toMatch(/failed: HTTP 403 SignatureDoesNotMatch$/);
    expect((error as Error).message).not.toContain(KEY_ID);
    expect((error as Error).message).not.toContain("not-the-secret");
  });

  it("is refused by the fake with another access key id or no signature at all", async () => {
    vi.stubEnv("S3_ACCESS_KEY_ID", "AKIAOTHER");
    await expect(store().get(key())).rejects.toThrow(/HTTP 403 InvalidAccessKeyId$/);
    const unsigned = await fetch(`${fake.url}/${BUCKET}/${key()}`);
    expect(unsigned.status).toBe(403);
  });

  it("treats a missing bucket as an error, not a missing file", async () => {
    vi.stubEnv("S3_BUCKET", "no-such-bucket");
    await expect(store().get(key())).rejects.toThrow(/bucket "no-such-bucket" failed: HTTP 404 NoSuchBucket$/);
    await expect(store().remove(key())).rejects.toThrow(/NoSuchBucket$/);
  });

  it("says which request failed when the store cannot be reached", async () => {
    vi.stubEnv("S3_ENDPOINT", "http://127.0.0.1:1");
    await expect(store().get("2026-05/a.png")).rejects.toThrow(/^S3 GET of "2026-05\/a.png" in bucket "shuxiang-test" failed: .+/);
  });

  it("saveUpload stores the bytes in the bucket when S3 is configured", async () => {
    const file = new File([PNG], "cover.png", { type: "image/png" });
    const row = await saveUpload(getDb(), "cover", file, { allowed: ["image/png"], maxBytes: 1024 }, null);
    expect(row.storageKey).toMatch(/^\d{4}-\d{2}\/[0-9a-f-]{36}\.png$/);
    expect(fake.objects.get(row.storageKey)).toEqual({ bytes: PNG, contentType: "image/png" });
    expect(await readdir(localDir)).toEqual([]);
    expect(await readFileBytes(row.storageKey)).toEqual(PNG);
    await deleteStoredFile(row.storageKey);
    expect(fake.objects.has(row.storageKey)).toBe(false);
  });
});

describe("S3 configuration", () => {
  const env = { S3_BUCKET: "b", S3_ACCESS_KEY_ID: "id", S3_SECRET_ACCESS_KEY: "secret" };

  it("is off without S3_BUCKET, and fills in AWS defaults", () => {
    expect(s3ConfigFromEnv({})).toBeNull();
    const config = s3ConfigFromEnv(env)!;
    expect(config).toMatchObject({ bucket: "b", region: "us-east-1", forcePathStyle: true });
    expect(config.endpoint.href).toBe("https://s3.us-east-1.amazonaws.com/");
    expect(s3ConfigFromEnv({ ...env, S3_REGION: "cn-north-1" })!.endpoint.href).toBe("https://s3.cn-north-1.amazonaws.com/");
  });

  it("refuses half a configuration without naming the secret", () => {
    expect(() => s3ConfigFromEnv({ S3_BUCKET: "b", S3_ACCESS_KEY_ID: "id" })).toThrow(/S3_SECRET_ACCESS_KEY must be set/);
    expect(() => s3ConfigFromEnv({ ...env, S3_ENDPOINT: "minio:9000" })).toThrow(/S3_ENDPOINT must be an http\(s\) URL/);
  });

  it("builds path-style and virtual-hosted addresses", () => {
    const pathStyle = s3ConfigFromEnv({ ...env, S3_ENDPOINT: "http://127.0.0.1:9000/" })!;
    expect(objectUrl(pathStyle, "2026-05/x y.png").href).toBe("http://127.0.0.1:9000/b/2026-05/x%20y.png");
    const hosted = s3ConfigFromEnv({ ...env, S3_ENDPOINT: "https://s3.amazonaws.com", S3_FORCE_PATH_STYLE: "false" })!;
    expect(hosted.forcePathStyle).toBe(false);
    expect(objectUrl(hosted, "2026-05/x.png").href).toBe("https://b.s3.amazonaws.com/2026-05/x.png");
  });

  it("refuses keys that would leave the bucket", () => {
    const config = s3ConfigFromEnv(env)!;
    for (const bad of ["../other/x.png", "2026-05/../../x.png", "/x.png", "a//b", "a/./b"]) {
      expect(() => objectUrl(config, bad), bad).toThrow("bad storage key");
    }
  });
});
