import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { campaignCategories, entries } from "@/db/schema";
import { AppError, type FieldMessage } from "@/lib/errors";
import { saveUpload } from "@/lib/storage";
import { sniffMimeType } from "@/lib/storage/sniff";
import { formatEntryCode } from "./code";
import { countChars } from "./count";
import { sendEntryReceiptMail } from "./emails";
import { personalInfoFlags } from "./flags";
import { getEntrySlot, getPupilForWriter, type Blocker, type EntrySlot, type Writer } from "./queries";
import type { EntryFormInput } from "./schemas";

const blockerMessages: Record<Blocker, string> = {
  pupil_pending: "entries.errors.pupilPending",
  not_enrolled: "entries.errors.notEnrolled",
  grade: "entries.errors.ineligible",
  consent: "entries.errors.consentMissing",
  not_open: "entries.errors.notOpen",
  closed: "entries.errors.closed",
  disqualified: "entries.errors.disqualified",
};

/** Drawings: JPEG, PNG or PDF, as the category allows in size. */
const drawingTypes = ["image/jpeg", "image/png", "application/pdf"] as const;

/** The category's rules, checked only when submitting: a draft keeps whatever was typed. */
function submitProblems(slot: EntrySlot, input: EntryFormInput, hasFile: boolean): Record<string, FieldMessage> {
  const problems: Record<string, FieldMessage> = {};
  if (!input.title) problems.title = "errors.required";
  if (slot.category.entryType === "essay") {
    if (!input.bookTitle) problems.bookTitle = "errors.required";
    const n = countChars(input.body);
    const min = slot.category.minChars ?? 1;
    const max = slot.category.maxChars;
    if (n === 0) problems.body = "errors.required";
    else if (n < min) problems.body = ["entries.errors.bodyTooShort", { min, count: n }];
    else if (max !== null && n > max) problems.body = ["entries.errors.bodyTooLong", { max, count: n }];
  } else if (!hasFile) {
    problems.file = "entries.errors.fileRequired";
  }
  return problems;
}

/** The next number in the category, taken in its own statement so that the row is locked only briefly. */
async function nextCode(slot: EntrySlot): Promise<string> {
  const [row] = await getDb()
    .update(campaignCategories)
    .set({ entrySeq: sql`${campaignCategories.entrySeq} + 1` })
    .where(eq(campaignCategories.id, slot.category.id))
    .returning({ seq: campaignCategories.entrySeq });
  return formatEntryCode(slot.campaign.year, slot.campaign.codePrefix, slot.category.code, row!.seq);
}

/** `updatedAt` names the version saved, so the form's local copy knows what it was typed over. */
export type SaveResult = { entryId: number; status: "draft" | "submitted"; code: string | null; mailed: boolean; updatedAt: string };

/**
 * Saves a pupil's entry as a draft, or submits it (rule 4: the entry and its receipt commit
 * together). Submitting twice, or again after a lost response, keeps one entry, one code and one
 * receipt. Who may write it, and whether the window is open, is checked here, in Beijing time's
 * instants, not by the form.
 */
export async function saveEntry(user: Writer, input: EntryFormInput, now = new Date()): Promise<SaveResult> {
  const pupil = await getPupilForWriter(user, input.pupilId);
  if (!pupil) throw new AppError("not_found");
  const first = await getEntrySlot(pupil, input.categoryId, { now });
  if (!first) throw new AppError("not_found");
  if (first.blocker) throw new AppError("invalid", undefined, blockerMessages[first.blocker]);
  // Changing a submitted entry keeps it submitted, so it must still meet the rules.
  const submit = input.intent === "submit" || first.entry?.status === "submitted";
  const isEssay = first.category.entryType === "essay";
  if (!isEssay && input.file) {
    if (input.file.size > first.category.maxFileMb * 1024 * 1024) throw new AppError("invalid", { file: ["entries.errors.fileTooLarge", { max: first.category.maxFileMb }] });
    // Checked here as well as on storing, so a refused file does not use up an entry number.
    const type = sniffMimeType(new Uint8Array(await input.file.slice(0, 16).arrayBuffer()));
    if (!type || !(drawingTypes as readonly string[]).includes(type)) throw new AppError("invalid", { file: "errors.fileType" });
  }
  if (submit) {
    const problems = submitProblems(first, input, Boolean(input.file ?? first.entry?.fileId));
    if (Object.keys(problems).length > 0) throw new AppError("invalid", problems);
  }
  const code = submit && !first.entry?.code ? await nextCode(first) : null;

  return getDb().transaction(async (tx) => {
    // Again under the entry's row lock: a concurrent withdrawal or a disqualification wins or waits.
    const slot = await getEntrySlot(pupil, input.categoryId, { db: tx, now, lock: true });
    if (!slot) throw new AppError("not_found");
    if (slot.blocker) throw new AppError("invalid", undefined, blockerMessages[slot.blocker]);
    const file = !isEssay && input.file ? await saveUpload(tx, "file", input.file, { allowed: drawingTypes, maxBytes: slot.category.maxFileMb * 1024 * 1024 }, user.id) : null;
    const body = isEssay ? input.body : "";
    const fields = {
      title: input.title,
      bookTitle: isEssay ? input.bookTitle : "",
      bookAuthor: isEssay ? input.bookAuthor : "",
      body,
      charCount: countChars(body),
      statement: isEssay ? "" : input.statement,
      flags: personalInfoFlags([input.title, body, isEssay ? "" : input.statement].join("\n"), { pupilName: pupil.pupilName ?? "", schoolName: pupil.schoolName }),
      // The pupil's new words replace any redaction staff made of the old ones.
      originalBody: null,
      redactedAt: null,
      redactedBy: null,
      updatedBy: user.id,
      updatedAt: now,
      ...(file ? { fileId: file.id } : {}),
    };
    const wasSubmitted = slot.entry?.status === "submitted";
    // A withdrawn entry saved again is a draft again (it keeps its code for the next submission).
    const status = submit || wasSubmitted ? "submitted" : "draft";
    const [row] = await tx
      .insert(entries)
      .values({
        campaignId: slot.campaign.id,
        categoryId: slot.category.id,
        pupilId: pupil.pupilId,
        schoolId: pupil.schoolId,
        classId: pupil.classId,
        status,
        code: slot.entry?.code ?? code,
        submittedAt: submit ? (slot.entry?.submittedAt ?? now) : null,
        ...fields,
      })
      .onConflictDoUpdate({
        target: [entries.pupilId, entries.categoryId],
        set: {
          ...fields,
          status,
          code: sql`coalesce(${entries.code}, excluded.code)`,
          submittedAt: submit ? sql`coalesce(${entries.submittedAt}, excluded.submitted_at)` : sql`${entries.submittedAt}`,
        },
      })
      .returning({ id: entries.id, code: entries.code, submittedAt: entries.submittedAt });
    const saved = row!;
    const mailed =
      submit && !wasSubmitted
        ? await sendEntryReceiptMail(tx, { entryId: saved.id, code: saved.code!, title: input.title, submittedAt: saved.submittedAt ?? now, pupil, slot })
        : false;
    return { entryId: saved.id, status, code: saved.code, mailed, updatedAt: now.toISOString() };
  });
}

/** Takes a submitted entry back while the window is open; its code is kept for a later submission. */
export async function withdrawEntry(user: Writer, input: { entryId: number; pupilId: string }, now = new Date()): Promise<void> {
  const pupil = await getPupilForWriter(user, input.pupilId);
  if (!pupil) throw new AppError("not_found");
  await getDb().transaction(async (tx) => {
    const [entry] = await tx
      .select({ categoryId: entries.categoryId })
      .from(entries)
      .where(and(eq(entries.id, input.entryId), eq(entries.pupilId, pupil.pupilId)))
      .limit(1);
    if (!entry) throw new AppError("not_found");
    const slot = await getEntrySlot(pupil, entry.categoryId, { db: tx, now, lock: true });
    if (!slot?.entry) throw new AppError("not_found");
    if (slot.blocker) throw new AppError("invalid", undefined, blockerMessages[slot.blocker]);
    if (slot.entry.status !== "submitted") throw new AppError("conflict", undefined, "entries.errors.notSubmitted");
    await tx.update(entries).set({ status: "withdrawn", updatedBy: user.id, updatedAt: now }).where(eq(entries.id, slot.entry.id));
  });
}
