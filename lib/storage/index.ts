import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { eq } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { files } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { extensionFor, sniffMimeType, type SniffedType } from "./sniff";

/** Where uploaded bytes live. Local disk by default; an S3-compatible store plugs in here. */
type Store = {
  put(key: string, bytes: Uint8Array, mimeType: string): Promise<void>;
  get(key: string): Promise<Uint8Array | null>;
  remove(key: string): Promise<void>;
};

function localStore(root = path.resolve(/*turbopackIgnore: true*/ process.env.STORAGE_DIR ?? ".data/uploads")): Store {
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

const store = (): Store => localStore();

export type UploadRules = { allowed: readonly SniffedType[]; maxBytes: number; isPublic?: boolean };

/**
 * Checks an upload by its content and size, stores the bytes and records the file.
 * Errors name the form field so the message lands next to it.
 */
export async function saveUpload(db: DbOrTx, field: string, file: File, rules: UploadRules, uploadedBy: string | null) {
  if (file.size === 0) throw new AppError("invalid", { [field]: "errors.fileEmpty" });
  if (file.size > rules.maxBytes) throw new AppError("invalid", { [field]: "errors.fileTooLarge" });
  const bytes = new Uint8Array(await file.arrayBuffer());
  const mimeType = sniffMimeType(bytes);
  if (!mimeType || !rules.allowed.includes(mimeType)) throw new AppError("invalid", { [field]: "errors.fileType" });
  const key = `${new Date().toISOString().slice(0, 7)}/${randomUUID()}.${extensionFor[mimeType]}`;
  await store().put(key, bytes, mimeType);
  const [row] = await db
    .insert(files)
    .values({
      storageKey: key,
      mimeType,
      size: bytes.byteLength,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      originalName: file.name.slice(0, 200),
      isPublic: rules.isPublic ?? false,
      uploadedBy,
    })
    .returning();
  return row!;
}

export async function getFile(id: string) {
  const [row] = await getDb().select().from(files).where(eq(files.id, id)).limit(1);
  return row ?? null;
}

export async function readFileBytes(storageKey: string) {
  return store().get(storageKey);
}

export async function deleteStoredFile(storageKey: string) {
  await store().remove(storageKey);
}
