import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { IntlProvider } from "@/components/intl-provider";
import { requirePagePermission } from "@/lib/auth/session";
import type { EntryFlag } from "@/lib/entries/flags";
import { entryDisplayStatus, isFlagged } from "@/lib/entries/review-filters";
import { getEntryForStaff, type StaffEntry } from "@/lib/entries/review-queries";
import { entryRefSchema } from "@/lib/entries/review-schemas";
import { classLabel } from "@/lib/classes/label";
import { EntryStatusBadge, FlagMarker } from "../entry-badges";
import { DecisionPanel } from "./decision-panel";
import { RedactForm } from "./redact-form";

type Params = Promise<{ id: string }>;

async function load(id: string) {
  const parsed = entryRefSchema.safeParse({ entryId: id });
  return parsed.success ? getEntryForStaff(parsed.data.entryId) : null;
}

// A fixed title: the entry's own would be read before the page checks who is asking.
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("entriesAdmin"))("title") };
}

export default async function AdminEntryPage({ params }: { params: Params }) {
  const { id } = await params;
  await requirePagePermission("entries.review", `/admin/entries/${id}`);
  const row = await load(id);
  if (!row) notFound();
  const [t, tc, format, locale] = await Promise.all([getTranslations("entriesAdmin"), getTranslations("classes"), getFormatter(), getLocale()]);
  const e = row.entry;
  const status = entryDisplayStatus(e);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const flagList = (flags: string[]) => flags.map((f) => t(`flags.${f as EntryFlag}`)).join(locale === "en" ? ", " : "、");
  const essay = row.category.entryType === "essay";

  return (
    <IntlProvider namespaces={["entriesAdmin", "errors"]}>
      <p className="no-print mb-4">
        <Link href="/admin/entries">← {t("detail.back")}</Link>
      </p>
      <header className="mb-6 flex flex-col gap-2 border-b border-line pb-4">
        <p className="font-mono text-ink-soft">{e.code ?? t("noCode")}</p>
        <h1 className="break-words text-2xl sm:text-3xl">{e.title || t("untitled")}</h1>
        <div className="flex flex-wrap items-center gap-2">
          <EntryStatusBadge status={status} label={t(`status.${status}`)} />
          {isFlagged(e) ? <FlagMarker label={t("flaggedMarker")} /> : null}
          {e.redactedAt ? <span className="text-sm text-ink-soft">{t("redactedMarker")}</span> : null}
        </div>
      </header>

      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="flex min-w-0 flex-col gap-8">
          <section aria-labelledby="flags-heading" className="flex flex-col gap-2">
            <h2 id="flags-heading" className="text-xl">
              {t("detail.flagsHeading")}
            </h2>
            {e.flags.length === 0 ? (
              <p className="text-ink-soft">{t("detail.flagsNone")}</p>
            ) : (
              <p className={e.redactedAt ? "text-ink-soft" : "rounded-md border border-warm/40 bg-orange-50 px-3 py-2 text-warm-deep"}>
                {e.redactedAt ? t("detail.flagsRemaining", { list: flagList(e.flags) }) : t("detail.flagsFound", { list: flagList(e.flags) })}
              </p>
            )}
            {e.redactedAt ? (
              <p className="text-sm text-ink-soft">{t("detail.redactedBy", { name: row.redactedByName ?? t("detail.someone"), date: when(e.redactedAt) })}</p>
            ) : null}
          </section>

          {essay ? <EssaySection row={row} /> : <DrawingSection row={row} />}
        </div>

        <aside className="flex min-w-0 flex-col gap-8">
          <section aria-labelledby="facts-heading">
            <h2 id="facts-heading" className="mb-2 text-xl">
              {t("detail.facts")}
            </h2>
            <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 rounded-lg border border-line bg-white p-4">
              {(
                [
                  ["pupil", row.pupilName ?? ""],
                  ["class", row.className !== null && row.classGrade !== null ? classLabel(tc, { grade: row.classGrade, name: row.className }) : "—"],
                  ["teacher", row.teacherName ?? t("detail.noTeacher")],
                  ["school", row.school.name],
                  ["town", locale === "en" ? row.townEn : row.townZh],
                  ["campaign", row.campaign.title],
                  ["category", `${row.category.code} · ${row.category.name}`],
                  ["submittedAt", e.submittedAt ? when(e.submittedAt) : t("notSubmitted")],
                  ...(essay
                    ? ([
                        ["book", e.bookTitle ? t("detail.bookLine", { title: e.bookTitle, author: e.bookAuthor }) : t("detail.noBook")],
                        ["length", t("chars", { count: e.charCount })],
                      ] as const)
                    : []),
                ] as const
              ).map(([key, value]) => (
                <div key={key} className="contents">
                  <dt className="text-ink-soft">{t(`detail.${key}`)}</dt>
                  <dd className="break-words">{value}</dd>
                </div>
              ))}
            </dl>
          </section>

          <section aria-labelledby="decision-heading" className="flex flex-col gap-2">
            <h2 id="decision-heading" className="text-xl">
              {t("disqualify.heading")}
            </h2>
            <DecisionPanel
              entryId={e.id}
              code={e.code ?? ""}
              canDisqualify={e.status === "submitted"}
              disqualified={
                e.disqualifiedAt
                  ? {
                      info: t("disqualify.info", { name: row.disqualifiedByName ?? t("detail.someone"), date: when(e.disqualifiedAt) }),
                      reason: e.disqualifiedReason ?? "",
                    }
                  : null
              }
            />
          </section>
        </aside>
      </div>
    </IntlProvider>
  );
}

async function EssaySection({ row }: { row: StaffEntry }) {
  const t = await getTranslations("entriesAdmin");
  const e = row.entry;
  return (
    <>
      <section aria-labelledby="essay-heading" className="flex flex-col gap-2">
        <h2 id="essay-heading" className="text-xl">
          {t("detail.essay")}
        </h2>
        {e.body.trim() ? (
          <div className="whitespace-pre-wrap break-words rounded-lg border border-line bg-white p-4 leading-loose">{e.body}</div>
        ) : (
          <p className="text-ink-soft">{t("detail.essayEmpty")}</p>
        )}
      </section>
      <section aria-labelledby="redact-heading" className="no-print flex flex-col gap-2">
        <h2 id="redact-heading" className="text-xl">
          {t("redact.heading")}
        </h2>
        {e.status === "draft" ? (
          <p className="text-ink-soft">{t("redact.draftNote")}</p>
        ) : (
          <RedactForm entryId={e.id} body={e.body} initiallyOpen={isFlagged(e)} />
        )}
        {e.originalBody !== null ? (
          <details className="rounded-md border border-line bg-white">
            <summary className="flex min-h-11 cursor-pointer items-center px-3 font-medium">{t("redact.original")}</summary>
            <div className="whitespace-pre-wrap break-words border-t border-line p-4 leading-loose">{e.originalBody}</div>
          </details>
        ) : null}
      </section>
    </>
  );
}

async function DrawingSection({ row }: { row: StaffEntry }) {
  const [t, format] = await Promise.all([getTranslations("entriesAdmin"), getFormatter()]);
  const e = row.entry;
  const file = row.file;
  const src = `/entries/${e.id}/file`;
  return (
    <section aria-labelledby="drawing-heading" className="flex flex-col gap-3">
      <h2 id="drawing-heading" className="text-xl">
        {t("detail.drawing")}
      </h2>
      {file ? (
        <>
          {file.mimeType.startsWith("image/") ? (
            // A private, access-checked file: next/image would cache it in a shared optimiser.
            // eslint-disable-next-line @next/next/no-img-element
            <img
              src={src}
              alt={t("detail.imageAlt", { title: e.title || t("untitled") })}
              className="max-h-[70vh] w-auto max-w-full self-start rounded-lg border border-line bg-white object-contain"
            />
          ) : null}
          <a href={src} className="self-start" target="_blank" rel="noopener">
            {t("detail.openFile", {
              type: file.mimeType === "application/pdf" ? "PDF" : file.mimeType.replace("image/", "").toUpperCase(),
              size:
                file.size < 1024 * 1024
                  ? `${format.number(Math.max(1, Math.round(file.size / 1024)))} KB`
                  : `${format.number(file.size / 1024 / 1024, { maximumFractionDigits: 1 })} MB`,
            })}
          </a>
        </>
      ) : (
        <p className="text-ink-soft">{t("detail.noFile")}</p>
      )}
      <h3 className="font-bold">{t("detail.statement")}</h3>
      {e.statement ? <p className="whitespace-pre-wrap break-words">{e.statement}</p> : <p className="text-ink-soft">{t("detail.noStatement")}</p>}
      <p className="text-sm text-ink-soft">{t("redact.drawingNote")}</p>
    </section>
  );
}
