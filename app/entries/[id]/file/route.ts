import { getCurrentUser } from "@/lib/auth/session";
import { getEntryFileForViewer } from "@/lib/entries/files";
import { readFileBytes } from "@/lib/storage";

// An entry's drawing or PDF. Not public: the query decides who may see it, and everyone else
// gets the same 404 as for a file that does not exist.
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await getCurrentUser();
  const entryId = /^\d{1,9}$/.test(id) ? Number(id) : null;
  const file = user && entryId ? await getEntryFileForViewer(user, entryId) : null;
  const bytes = file ? await readFileBytes(file.storageKey) : null;
  if (!file || !bytes) return new Response("Not found", { status: 404 });
  return new Response(bytes as BodyInit, {
    headers: {
      "Content-Type": file.mimeType,
      "Content-Length": String(bytes.byteLength),
      "Cache-Control": "private, no-store",
      "Content-Disposition": `inline; filename="${file.code ?? `entry-${entryId}`}"`,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
