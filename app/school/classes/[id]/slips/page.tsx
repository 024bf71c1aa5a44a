import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { requireClassPage } from "@/lib/classes/page-guard";
import { siteOrigin } from "@/lib/classes/site-url";
import { listSlips } from "@/lib/pupils/queries";
import { classLabel } from "../../class-label";
import { PrintButton } from "./print-button";

const SLIPS_PER_SHEET = 8;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pupils.slips"))("title") };
}

// A4 portrait, 2 × 4 slips with dashed cut lines. Only this page's print rules: the site's
// header and footer are already hidden in print (.no-print).
const printCss = `
@page { size: A4 portrait; margin: 8mm; }
@media print {
  body { display: block !important; min-height: 0 !important; }
  main#main { padding: 0 !important; max-width: none !important; }
  .slip-sheet { display: grid !important; grid-template-columns: 1fr 1fr; grid-template-rows: repeat(4, 1fr); gap: 0 !important;
    margin: 0 !important; height: 276mm; break-after: page; page-break-after: always; }
  .slip-sheet:last-child { break-after: auto; page-break-after: auto; }
  .slip { border: 1px dashed #888 !important; border-radius: 0 !important; break-inside: avoid; }
}`;

type Props = { params: Promise<{ id: string }> };

export default async function SlipsPage({ params }: Props) {
  const { id } = await params;
  // Slips show passwords: only the class's own teacher or the school's coordinator prints them.
  const { cls } = await requireClassPage(id, `/school/classes/${id}/slips`, "manage");
  const [t, tc, slips, origin] = await Promise.all([getTranslations("pupils.slips"), getTranslations("classes"), listSlips(cls), siteOrigin()]);
  const label = classLabel(tc, cls);
  const signin = `${origin}/signin`;
  const sheets: (typeof slips)[] = [];
  for (let i = 0; i < slips.length; i += SLIPS_PER_SHEET) sheets.push(slips.slice(i, i + SLIPS_PER_SHEET));

  return (
    <>
      <style>{printCss}</style>
      <div className="no-print mb-6 flex flex-col gap-3 border-b border-line pb-4">
        <h1 className="text-2xl sm:text-3xl">{t("title")}</h1>
        <p className="text-ink-soft">{t("intro", { count: slips.length, label })}</p>
        <div className="flex flex-wrap gap-2">
          {slips.length ? <PrintButton label={t("print")} /> : null}
          <ButtonLink href={`/school/classes/${cls.id}`} variant="ghost">
            {t("backToClass")}
          </ButtonLink>
        </div>
      </div>
      {slips.length === 0 ? <EmptyState>{t("empty")}</EmptyState> : null}
      {sheets.map((sheet, i) => (
        <div key={i} className="slip-sheet mb-4 grid gap-3 sm:grid-cols-2">
          {sheet.map((s) => (
            <article key={s.userId} className="slip flex flex-col justify-between rounded-lg border border-line bg-white p-4" data-testid="slip">
              <div>
                <p className="text-sm text-ink-soft">
                  {cls.schoolName} · {label}
                </p>
                <p className="text-xl font-bold">{s.name}</p>
              </div>
              <dl className="my-2 grid grid-cols-[auto_1fr] gap-x-3">
                <dt>{t("username")}</dt>
                <dd className="font-mono text-lg font-bold tracking-wider" data-testid="slip-username">
                  {s.username}
                </dd>
                <dt>{t("password")}</dt>
                {s.password ? (
                  <dd className="font-mono text-lg font-bold tracking-wider" data-testid="slip-password">
                    {s.password}
                  </dd>
                ) : (
                  <dd className="text-ink-soft">{t("passwordChanged")}</dd>
                )}
              </dl>
              <div className="text-sm">
                <p>
                  {t("signInAt")} <span className="break-all font-mono">{signin}</span>
                </p>
                {s.password ? <p className="text-ink-soft">{t("firstSignIn")}</p> : null}
              </div>
            </article>
          ))}
        </div>
      ))}
    </>
  );
}
