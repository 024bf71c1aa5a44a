import { getFile, readFileBytes } from "@/lib/storage";

// Public files only (covers, gallery images). Private files are served by routes that check
// who may see them; here they look exactly like files that do not exist.
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const file = /^[0-9a-f-]{36}$/.test(id) ? await getFile(id) : null;
  const bytes = file?.isPublic ? await readFileBytes(file.storageKey) : null;
  if (!file || !bytes) return new Response("Not found", { status: 404 });
  return new Response(bytes as BodyInit, {
    headers: {
      "Content-Type": file.mimeType,
      "Content-Length": String(bytes.byteLength),
      "Cache-Control": "public, max-age=31536000, immutable",
      "Content-Disposition": "inline",
    },
  });
}
