import { can } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";
import { getJudgeFile } from "@/lib/judging/scoring";
import { getFile, readFileBytes } from "@/lib/storage";
import { extensionFor, type SniffedType } from "@/lib/storage/sniff";

/**
 * The drawing or PDF of one of the judge's own assignments, named by its entry code: the name
 * the pupil's device gave the file may be their own name, so it never leaves here. Strangers,
 * other judges and staff alike get the 404 of a file that does not exist (staff have their own
 * route), so an assignment id says nothing about whose it is.
 */
export async function GET(_req: Request, { params }: { params: Promise<{ assignmentId: string }> }) {
  const { assignmentId } = await params;
  const id = /^\d{1,9}$/.test(assignmentId) ? Number(assignmentId) : null;
  const user = await getCurrentUser();
  const found = id && user && can(user, "judging.view") ? await getJudgeFile(user, id) : null;
  const file = found?.fileId ? await getFile(found.fileId) : null;
  const bytes = file ? await readFileBytes(file.storageKey) : null;
  if (!found || !file || !bytes) return new Response("Not found", { status: 404 });
  const extension = extensionFor[file.mimeType as SniffedType] ?? "bin";
  return new Response(bytes as BodyInit, {
    headers: {
      "Content-Type": file.mimeType,
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": `inline; filename="${found.code}.${extension}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
