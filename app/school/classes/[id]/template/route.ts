import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { can } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";
import { getClassForUser } from "@/lib/classes/queries";
import { pupilTemplate } from "@/lib/pupils/import/template";

const params = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
const query = z.object({ format: z.enum(["csv", "xlsx"]).default("xlsx"), lang: z.enum(["zh-CN", "en"]).default("zh-CN") });

const types = { csv: "text/csv; charset=utf-8", xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" } as const;

/** The pupil-list template, in Chinese or English, as CSV or XLSX. */
export async function GET(request: Request, ctx: { params: Promise<{ id: string }> }) {
  const p = params.safeParse(await ctx.params);
  const q = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!p.success || !q.success) return new Response("Not found", { status: 404 });
  const user = await getCurrentUser();
  if (!user) return new Response(null, { status: 303, headers: { Location: `/signin?callbackUrl=${encodeURIComponent(`/school/classes/${p.data.id}`)}` } });
  if (!can(user, "classes.manage")) return new Response("Forbidden", { status: 403 });
  if (!(await getClassForUser(user, p.data.id, "manage"))) return new Response("Not found", { status: 404 });

  const { format, lang } = q.data;
  const t = await getTranslations({ locale: lang, namespace: "pupils.template" });
  const bytes = await pupilTemplate(format, lang, {
    sheetName: t("sheetName"),
    helpSheetName: t("helpSheetName"),
    help: [t("help1"), t("help2"), t("help3"), t("help4"), t("help5"), t("help6")],
    genders: [t("female"), t("male")],
  });
  const name = `${t("fileName")}.${format}`;
  return new Response(bytes as BodyInit, {
    headers: {
      "Content-Type": types[format],
      "Content-Length": String(bytes.byteLength),
      // The ASCII name for old clients, the real one (maybe Chinese) for the rest.
      "Content-Disposition": `attachment; filename="pupils-template.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "Cache-Control": "private, no-store",
    },
  });
}
