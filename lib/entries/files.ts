import "server-only";
import { and, eq, or } from "drizzle-orm";
import { getDb } from "@/db/client";
import { classes, entries, files } from "@/db/schema";
import { classScope, type Viewer } from "@/lib/classes/scope";

/**
 * An entry's uploaded file, for those who may see it: the pupil, the teachers of their class and
 * their coordinator, and staff (classScope "view" covers all three kinds of adult). Judges will
 * see the files of the entries assigned to them. Anyone else gets null, as for a missing file.
 */
export async function getEntryFileForViewer(user: Viewer, entryId: number) {
  const [row] = await getDb()
    .select({ storageKey: files.storageKey, mimeType: files.mimeType, size: files.size, code: entries.code })
    .from(entries)
    .innerJoin(files, eq(files.id, entries.fileId))
    .leftJoin(classes, eq(classes.id, entries.classId))
    .where(and(eq(entries.id, entryId), or(eq(entries.pupilId, user.id), classScope(user, "view"))))
    .limit(1);
  return row ?? null;
}
