import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { IntlProvider } from "@/components/intl-provider";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/session";
import { countChars } from "@/lib/entries/count";
import { dateTimeFormat } from "@/lib/i18n";
import { getJudgeAssignment } from "@/lib/judging/scoring";
import { ScoreStatusBadge, scoreStateOf } from "../score-status";
import { RecuseForm } from "./recuse-form";
import { ScoreForm } from "./score-form";

type Params = { params: Promise<{ assignmentId: string }> };

/**
 * The judge's own assignment or nothing: another judge's id, a recused one and a made-up one all
 * end in the same 404. Cached per request, as the title needs it too.
 */
const load = cache(async (raw: string) => {
  const user = await requirePagePermission("judging.view", `/judging/${raw}`);
  const id = /^\d{1,9}$/.test(raw) ? Number(raw) : null;
  const assignment = id ? await getJudgeAssignment(user, id) : null;
  return assignment ? { user, assignment } : null;
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const found = await load((await params).assignmentId);
  if (!found) return { title: (await getTranslations("notFound"))("title") };
  // The entry code only: the title is what a browser keeps in its history.
  return { title: (await getTranslations("judging.score"))("metaTitle", { code: found.assignment.entry.code ?? "" }) };
}

export default async function ScorePage({ params }: Params) {
  const found = await load((await params).assignmentId);
  if (!found) notFound();
  const { assignment: a } = found;
  const [t, te, locale] = await Promise.all([getTranslations("judging.score"), getTranslations("entries.type"), getLocale()]);
  const { entry, category, campaign } = a;
  const fileUrl = entry.hasFile ? `/judging/${a.assignment.id}/file` : null;
  // Whether to show the drawing inline or offer the PDF: the stored file's checked type.
  const mimeType = entry.fileType;
  const closes = dateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(campaign.judgingEndsAt);

  return (
    <>
      <p className="mb-2">
        <Link href="/judging" className="inline-flex min-h-11 items-center">
          ← {t("backToQueue")}
        </Link>
      </p>
      <PageHeader
        title={
          <>
            {t("heading")} <span className="font-mono tracking-wide text-accent-deep">{entry.code}</span>
          </>
        }
      >
        <p className="text-ink-soft">
          {campaign.title} · {category.name} · {te(category.entryType)}
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <ScoreStatusBadge state={scoreStateOf(a.assignment)} total={a.assignment.total} />
          <span className={a.open ? "text-ink-soft" : "font-medium text-warm-deep"}>{t(a.open ? "closes" : "closed", { date: closes })}</span>
        </div>
        <a href="#score" className="inline-flex min-h-11 items-center lg:hidden">
          {t("toScore")} ↓
        </a>
      </PageHeader>

      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_26rem] lg:items-start">
        <article aria-labelledby="entry-title" className="min-w-0 rounded-xl border border-line bg-white p-5 sm:p-8">
          <h2 id="entry-title" className="text-xl sm:text-2xl">
            {entry.title || t("untitled")}
          </h2>
          {entry.bookTitle ? (
            <p className="mt-1 text-ink-soft">
              {t("book", { title: entry.bookTitle })}
              {entry.bookAuthor ? ` · ${t("author", { author: entry.bookAuthor })}` : null}
            </p>
          ) : null}
          {entry.body ? (
            <>
              <p className="mt-1 text-sm text-ink-soft">{t("chars", { count: countChars(entry.body) })}</p>
              {/* As the pupil typed it: paragraphs, blank lines and indents kept. */}
              <div className="mt-5 max-w-[38em] whitespace-pre-wrap break-words text-lg leading-loose">{entry.body}</div>
            </>
          ) : null}
          {fileUrl ? (
            <figure className="mt-5 flex flex-col gap-2">
              {mimeType?.startsWith("image/") ? (
                // The drawing is private and served under its entry code; next/image would copy it into a cache.
                // eslint-disable-next-line @next/next/no-img-element
                <img src={fileUrl} alt={t("drawingAlt", { code: entry.code ?? "" })} className="max-h-[80vh] w-auto max-w-full self-start rounded border border-line bg-paper object-contain" />
              ) : null}
              <figcaption>
                <a href={fileUrl} target="_blank" rel="noopener" className="inline-flex min-h-11 items-center font-medium">
                  {mimeType === "application/pdf" ? t("openPdf") : t("openFull")}
                </a>
              </figcaption>
            </figure>
          ) : null}
          {entry.statement ? (
            <section aria-labelledby="statement" className="mt-6 border-t border-line pt-4">
              <h3 id="statement" className="text-base">
                {t("statement")}
              </h3>
              <p className="whitespace-pre-wrap break-words leading-loose">{entry.statement}</p>
            </section>
          ) : null}
        </article>

        <aside id="score" aria-label={t("formLabel")} className="flex scroll-mt-4 flex-col gap-6 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:overflow-y-auto">
          <IntlProvider namespaces={["judging", "common"]}>
            <ScoreForm
              assignmentId={a.assignment.id}
              open={a.open}
              submitted={a.assignment.scoreStatus === "submitted"}
              nextId={a.nextId}
              criteria={a.criteria}
              points={a.assignment.points}
              comment={a.assignment.comment}
            />
            {a.open ? <RecuseForm assignmentId={a.assignment.id} /> : null}
          </IntlProvider>
        </aside>
      </div>
    </>
  );
}
