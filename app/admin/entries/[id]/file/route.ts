import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getEntryFile } from "@/lib/entries/review-queries";
import { entryRefSchema } from "@/lib/entries/review-schemas";
import { readFileBytes } from "@/lib/storage";

/**
 * An entry's drawing or PDF, for staff only (pupils, teachers and judges get theirs through the
 * general file access). The type was checked by content at upload; nosniff keeps it that way.
 */
export async function GET(_request: Request, ctx: { params: Promise<{ id: string }> }) {
  const { id } = await ctx.params;
  const user = await getCurrentUser();
  if (!user) return new Response(null, { status: 303, headers: { Location: `/signin?callbackUrl=${encodeURIComponent(`/admin/entries/${id}`)}` } });
  if (!can(user, "entries.review")) return new Response("Forbidden", { status: 403 });
  const parsed = entryRefSchema.safeParse({ entryId: id });
  const file = parsed.success ? await getEntryFile(parsed.data.entryId) : null;
  const bytes = file ? await readFileBytes(file.storageKey) : null;
  if (!file || !bytes) return new Response("Not found", { status: 404 });
  return new Response(bytes as BodyInit, {
    headers: {
      "Content-Type": file.mimeType,
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": `inline; filename*=UTF-8''${encodeURIComponent(file.originalName || `entry-${parsed.data!.entryId}`)}`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
