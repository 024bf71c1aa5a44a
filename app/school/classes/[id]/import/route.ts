import { randomUUID } from "node:crypto";
import { z } from "zod";
import { can } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { previewImport } from "@/lib/pupils/import";
import { MAX_IMPORT_BYTES } from "@/lib/pupils/import/read-sheet";

const params = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

const seeOther = (location: string) => new Response(null, { status: 303, headers: { Location: location } });

/**
 * The spreadsheet upload: checks who is asking, reads and checks the file, stores the preview
 * and sends the browser to it — or back to the class page with what was wrong.
 */
export async function POST(request: Request, ctx: { params: Promise<{ id: string }> }) {
  // Cookies are SameSite=Lax already; refusing other sites' forms outright costs nothing.
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (origin && host && new URL(origin).host !== host) return new Response("Forbidden", { status: 403 });

  const parsed = params.safeParse(await ctx.params);
  if (!parsed.success) return new Response("Not found", { status: 404 });
  const classPage = `/school/classes/${parsed.data.id}`;
  const back = (error: string) => seeOther(`${classPage}?importError=${error}#import`);

  const user = await getCurrentUser();
  if (!user) return seeOther(`/signin?callbackUrl=${encodeURIComponent(classPage)}`);
  if (!can(user, "classes.manage")) return new Response("Forbidden", { status: 403 });

  // Refuse a huge body before reading it (the multipart wrapping adds a little to the file).
  if (Number(request.headers.get("content-length") ?? 0) > MAX_IMPORT_BYTES + 64 * 1024) return back("tooLarge");
  const form = await request.formData().catch(() => null);
  const file = form?.get("file");
  if (!(file instanceof File) || file.size === 0) return back("empty");
  if (file.size > MAX_IMPORT_BYTES) return back("tooLarge");

  try {
    const result = await previewImport(user, parsed.data.id, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    return result.ok ? seeOther(`${classPage}/import/${result.importId}`) : back(result.error);
  } catch (e) {
    if (isAppError(e) && e.code === "not_found") return new Response("Not found", { status: 404 });
    const requestId = randomUUID().slice(0, 8);
    console.error(`[import] request ${requestId} failed`, e);
    return seeOther(`${classPage}?importError=unexpected&ref=${requestId}#import`);
  }
}
