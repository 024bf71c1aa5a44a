import "server-only";
import { createHash } from "node:crypto";
import { and, eq, isNull, lt, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { pupilImports } from "@/db/schema";
import { getClassForUser } from "@/lib/classes/queries";
import type { Viewer } from "@/lib/classes/scope";
import { currentYear } from "@/lib/consent/rules";
import { AppError } from "@/lib/errors";
import { insertPupilAccounts } from "../accounts";
import { newInitialCredentials } from "../credentials";
import type { PupilFields } from "../fields";
import { lockClass } from "../mutations";
import { classNameKeys } from "../queries";
import { MAX_IMPORT_ROWS, readSheet, type FileError } from "./read-sheet";
import { checkRows, splitRows, type ImportRow } from "./rows";

// A spreadsheet import in two steps. The upload is checked and stored in pupil_imports (never in
// memory: the confirmation may reach another server); nothing is imported until the teacher
// confirms, and then only the clean rows, in one transaction.

export type ImportFileError = FileError | "noNameColumn" | "noRows";
export type { ImportRow };

function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop()?.trim() ?? "";
  return (base || "upload").slice(0, 200);
}

export async function previewImport(
  user: Viewer,
  classId: number,
  file: { name: string; bytes: Uint8Array },
): Promise<{ ok: true; importId: number } | { ok: false; error: ImportFileError }> {
  const cls = await getClassForUser(user, classId, "manage");
  if (!cls) throw new AppError("not_found");
  const read = await readSheet(file.bytes);
  if (!read.ok) return read;
  const split = splitRows(read.sheet.rows);
  if (!split.ok) return split;
  if (split.rows.length > MAX_IMPORT_ROWS) return { ok: false, error: "tooManyRows" };

  const db = getDb();
  const checked = checkRows(split.rows, { classGrade: cls.grade, currentYear: currentYear(), namesInClass: await classNameKeys(db, cls.id) });
  const rows: ImportRow[] = checked.map(({ line, input, problems }) => ({ line, input, problems }));
  // Previews nobody confirmed are of no use after a day; clear them as new ones come.
  await db.delete(pupilImports).where(and(eq(pupilImports.classId, cls.id), isNull(pupilImports.committedAt), lt(pupilImports.createdAt, sql`now() - interval '1 day'`)));
  const [row] = await db
    .insert(pupilImports)
    .values({
      classId: cls.id,
      createdBy: user.id,
      fileName: cleanFileName(file.name),
      fileSha256: createHash("sha256").update(file.bytes).digest("hex"),
      rows,
    })
    .returning({ id: pupilImports.id });
  return { ok: true, importId: row!.id };
}

/** A stored preview of a class the user manages, with its rows; null when not theirs. */
export async function getImport(user: Viewer, classId: number, importId: number) {
  const cls = await getClassForUser(user, classId, "manage");
  if (!cls || !Number.isInteger(importId) || importId <= 0 || importId > 2_147_483_647) return null;
  const [row] = await getDb()
    .select()
    .from(pupilImports)
    .where(and(eq(pupilImports.id, importId), eq(pupilImports.classId, cls.id)))
    .limit(1);
  if (!row) return null;
  const rows = row.rows as ImportRow[];
  const clean = rows.filter((r) => r.problems.length === 0).length;
  return { ...row, rows, cls, clean, withProblems: rows.length - clean };
}

/**
 * Imports the rows that are clean now: a pupil added since the preview makes its row a
 * duplicate, and it is skipped. Passwords are hashed before the transaction so it stays short.
 */
export async function commitImport(user: Viewer, classId: number, importId: number): Promise<{ imported: number; skipped: number }> {
  const preview = await getImport(user, classId, importId);
  if (!preview) throw new AppError("not_found");
  if (preview.committedAt) throw new AppError("conflict", undefined, "pupils.import.alreadyDone");
  const cls = preview.cls;
  const creds = await newInitialCredentials(preview.clean);

  const imported = await getDb().transaction(async (tx) => {
    await lockClass(tx, cls.id);
    const [current] = await tx
      .select({ committedAt: pupilImports.committedAt })
      .from(pupilImports)
      .where(eq(pupilImports.id, preview.id))
      .for("update");
    // A second click, or the same preview confirmed in another tab.
    if (!current || current.committedAt) throw new AppError("conflict", undefined, "pupils.import.alreadyDone");
    const checked = checkRows(preview.rows, { classGrade: cls.grade, currentYear: currentYear(), namesInClass: await classNameKeys(tx, cls.id) });
    // Only rows the teacher saw as clean, and still clean now.
    const clean = checked.filter((r, i) => r.value && preview.rows[i]!.problems.length === 0).map((r) => r.value as PupilFields);
    if (clean.length === 0) throw new AppError("invalid", undefined, "pupils.import.nothingLeft");
    await insertPupilAccounts(
      tx,
      cls,
      clean.map((p, i) => ({ ...p, status: "active" as const, passwordHash: creds[i]!.passwordHash, initialPasswordEnc: creds[i]!.initialPasswordEnc })),
    );
    await tx.update(pupilImports).set({ committedAt: sql`now()` }).where(eq(pupilImports.id, preview.id));
    return clean.length;
  });
  return { imported, skipped: preview.clean - imported };
}

/** Throws a preview away (only one not yet imported). */
export async function discardImport(user: Viewer, classId: number, importId: number) {
  const preview = await getImport(user, classId, importId);
  if (!preview) throw new AppError("not_found");
  await getDb()
    .delete(pupilImports)
    .where(and(eq(pupilImports.id, preview.id), isNull(pupilImports.committedAt)));
}
