import "server-only";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { s3ConfigFromEnv, s3Store } from "./s3";

/** Where uploaded bytes live: local disk by default, an S3-compatible bucket when configured. */
export type Env = Record<string, string | undefined>;

export type Store = {
  put(key: string, bytes: Uint8Array, mimeType: string): Promise<void>;
  /** The bytes, or null when there is no such object. */
  get(key: string): Promise<Uint8Array | null>;
  /** Removing what is already gone is not an error. */
  remove(key: string): Promise<void>;
};

export function localStore(root: string): Store {
  const full = (key: string) => {
    const p = path.join(root, key);
    if (!p.startsWith(root + path.sep)) throw new Error("bad storage key");
    return p;
  };
  return {
    async put(key, bytes) {
      await mkdir(path.dirname(full(key)), { recursive: true });
      await writeFile(full(key), bytes);
    },
    async get(key) {
      try {
        return new Uint8Array(await readFile(full(key)));
      } catch {
        return null;
      }
    },
    async remove(key) {
      await rm(full(key), { force: true });
    },
  };
}

/** Chosen from the environment on every call, so a changed setting (or a test's) applies at once. */
export function store(env: Env = process.env): Store {
  const s3 = s3ConfigFromEnv(env);
  return s3 ? s3Store(s3) : localStore(path.resolve(/*turbopackIgnore: true*/ env.STORAGE_DIR ?? ".data/uploads"));
}
