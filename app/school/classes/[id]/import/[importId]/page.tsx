import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { IntlProvider } from "@/components/intl-provider";
import { Button, ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requireClassPage } from "@/lib/classes/page-guard";
import { getImport } from "@/lib/pupils/import";
import { classLabel } from "@/lib/classes/label";
import { discardImportForm } from "../../actions";
import { CommitImportForm } from "./commit-import-form";

// Every problem row is listed; of the clean ones a sample is enough to recognise the file.
const CLEAN_SHOWN = 100;

type Props = { params: Promise<{ id: string; importId: string }> };

export default async function ImportPreviewPage({ params }: Props) {
  const { id, importId } = await params;
  const { user, cls } = await requireClassPage(id, `/school/classes/${id}/import/${importId}`, "manage");
  const preview = /^\d{1,9}$/.test(importId) ? await getImport(user, cls.id, Number(importId)) : null;
  if (!preview) notFound();
  const [t, tc, tp, format] = await Promise.all([getTranslations("pupils.import"), getTranslations("classes"), getTranslations("pupils"), getFormatter()]);
  const withProblems = preview.rows.filter((r) => r.problems.length > 0);
  const clean = preview.rows.filter((r) => r.problems.length === 0);
  const contact = (r: (typeof clean)[number]) => [r.input.guardianPhone, r.input.guardianEmail].filter(Boolean).join(" · ");
  // What the row says, so the teacher can find and correct it in their spreadsheet.
  const typed = (input: (typeof clean)[number]["input"]) =>
    (["grade", "gender", "guardianName", "guardianPhone", "guardianEmail", "birthYear"] as const)
      .filter((k) => input[k])
      .map((k) => `${tp(`column.${k}`)}: ${input[k]}`)
      .join(" · ");

  return (
    <IntlProvider namespaces={["pupils", "errors"]}>
      <PageHeader title={t("previewTitle")} intro={`${classLabel(tc, cls)} · ${preview.fileName}`}>
        <p className="text-lg" data-testid="import-summary">
          {t("summary", { rows: preview.rows.length, clean: preview.clean, problems: preview.withProblems })}
        </p>
      </PageHeader>

      {preview.committedAt ? (
        <p role="status" className="mb-6 rounded-md border border-accent/30 bg-accent-soft px-3 py-2">
          {t("committedAt", { date: format.dateTime(preview.committedAt, { dateStyle: "medium", timeStyle: "short" }) })}
        </p>
      ) : preview.clean === 0 ? (
        <p role="alert" className="mb-6 rounded-md border border-danger/30 bg-red-50 px-3 py-2 text-danger">
          {t("nothingToImport")}
        </p>
      ) : (
        <div className="mb-8 flex flex-col gap-3 rounded-xl border border-line bg-white p-5">
          <p>{withProblems.length ? t("confirmWithProblems", { count: preview.clean, problems: withProblems.length }) : t("confirmAll", { count: preview.clean })}</p>
          <CommitImportForm classId={cls.id} importId={preview.id} count={preview.clean} />
        </div>
      )}

      {withProblems.length > 0 ? (
        <section aria-labelledby="problems-heading" className="mb-8">
          <h2 id="problems-heading" className="mb-3 text-xl">
            {t("problemsTitle", { count: withProblems.length })}
          </h2>
          <ul className="flex flex-col divide-y divide-line rounded-lg border border-danger/30 bg-white" data-testid="problem-rows">
            {withProblems.map((r) => (
              <li key={r.line} className="px-4 py-3">
                <p className="font-bold">
                  {t("line", { line: r.line })} · {r.input.name || t("noName")}
                </p>
                <p className="break-all text-sm text-ink-soft">{typed(r.input)}</p>
                <ul className="list-disc pl-5 text-danger">
                  {r.problems.map((p) => (
                    <li key={`${p.field}-${p.code}`}>{tp(`problem.${p.code}`)}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {clean.length > 0 ? (
        <section aria-labelledby="clean-heading" className="mb-8">
          <details open={clean.length <= 40}>
            <summary className="mb-3 inline-flex min-h-11 cursor-pointer items-center text-xl font-bold" id="clean-heading">
              {t("cleanTitle", { count: clean.length })}
            </summary>
            <ul className="grid gap-x-6 gap-y-2 rounded-lg border border-line bg-white px-4 py-3 sm:grid-cols-2">
              {clean.slice(0, CLEAN_SHOWN).map((r) => (
                <li key={r.line}>
                  <span className="font-medium">{r.input.name}</span>
                  <span className="text-sm text-ink-soft">
                    {" "}
                    · {r.input.guardianName} {contact(r)}
                  </span>
                </li>
              ))}
            </ul>
            {clean.length > CLEAN_SHOWN ? <p className="mt-2 text-ink-soft">{t("moreClean", { count: clean.length - CLEAN_SHOWN })}</p> : null}
          </details>
        </section>
      ) : null}

      <div className="flex flex-wrap gap-3">
        {preview.committedAt ? null : (
          <form action={discardImportForm}>
            <input type="hidden" name="classId" value={cls.id} />
            <input type="hidden" name="importId" value={preview.id} />
            <Button type="submit" variant="secondary">
              {t("discard")}
            </Button>
          </form>
        )}
        <ButtonLink href={`/school/classes/${cls.id}`} variant="ghost">
          {t("backToClass")}
        </ButtonLink>
      </div>
    </IntlProvider>
  );
}
