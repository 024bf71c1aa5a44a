import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { files } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { extensionFor, sniffMimeType, type SniffedType } from "./sniff";
import { cleanPdf } from "./clean-pdf";
import { stripMetadata } from "./strip-metadata";
import { store } from "./store";

export type UploadRules = { allowed: readonly SniffedType[]; maxBytes: number; isPublic?: boolean };

/** A picture shown to everyone (a cover, an exhibit, a delivery photo): JPEG, PNG or WebP up to 5 MB. */
export const PUBLIC_IMAGE: UploadRules = { allowed: ["image/jpeg", "image/png", "image/webp"], maxBytes: 5 * 1024 * 1024, isPublic: true };

/** Saves a public picture from an optional file field; undefined when none was chosen. */
export async function saveOptionalImage(db: DbOrTx, field: string, file: File | undefined, uploadedBy: string): Promise<string | undefined> {
  return file && file.size > 0 ? (await saveUpload(db, field, file, PUBLIC_IMAGE, uploadedBy)).id : undefined;
}

/**
 * Checks an upload by its content and size, removes a picture's metadata (place, owner) or
 * rebuilds a PDF from its pages (clean-pdf.ts), stores
 * the bytes and records the file. Errors name the form field so the message lands next to it.
 */
export async function saveUpload(db: DbOrTx, field: string, file: File, rules: UploadRules, uploadedBy: string | null) {
  if (file.size === 0) throw new AppError("invalid", { [field]: "errors.fileEmpty" });
  if (file.size > rules.maxBytes) throw new AppError("invalid", { [field]: "errors.fileTooLarge" });
  const uploaded = new Uint8Array(await file.arrayBuffer());
  const mimeType = sniffMimeType(uploaded);
  if (!mimeType || !rules.allowed.includes(mimeType)) throw new AppError("invalid", { [field]: "errors.fileType" });
  const bytes = mimeType === "application/pdf" ? await cleanPdf(uploaded) : stripMetadata(uploaded, mimeType);
  if (!bytes) throw new AppError("invalid", { [field]: "errors.pdfUnreadable" });
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
