import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { IntlProvider } from "@/components/intl-provider";
import { PageHeader } from "@/components/ui/page-header";
import type { SessionUser } from "@/lib/auth/session";
import { getEntrySlot, getPupilForWriter } from "@/lib/entries/queries";
import { EntryForm } from "./entry-form";
import { EntryStatusBadge, entryStatusOf } from "./entry-status-badge";

/**
 * One entry of one pupil in one category: the form while the pupil may still change it, the
 * entry as submitted once they may not, and why. Pupils reach it from /me/entries, teachers from
 * their pupil's page; who may write for whom is decided in lib/entries.
 */
export async function EntryEditor({ user, pupilId, categoryId, backHref, selfPath }: { user: SessionUser; pupilId: string; categoryId: string; backHref: string; selfPath: string }) {
  const id = /^\d{1,9}$/.test(categoryId) ? Number(categoryId) : null;
  const pupil = id ? await getPupilForWriter(user, pupilId) : null;
  const slot = pupil && id ? await getEntrySlot(pupil, id) : null;
  if (!pupil || !slot) notFound();
  const [t, format] = await Promise.all([getTranslations("entries"), getFormatter()]);
  const { category, campaign, entry, window, blocker } = slot;
  const forSomeoneElse = pupil.pupilId !== user.id;

  return (
    <>
      <p className="mb-2">
        <Link href={backHref} className="inline-flex min-h-11 items-center">
          ← {t("back")}
        </Link>
      </p>
      <PageHeader title={category.name} intro={forSomeoneElse ? t("pupilTitle", { name: pupil.pupilName ?? "" }) : undefined}>
        <p className="text-ink-soft">
          <Link href={`/campaigns/${campaign.slug}`}>{campaign.title}</Link> · {t(`type.${category.entryType}`)}
        </p>
        <p className="font-medium">
          {t("deadline", { date: format.dateTime(window.closesAt, { dateStyle: "medium", timeStyle: "short" }) })}
          {window.extended ? ` ${t("extended")}` : null}
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <EntryStatusBadge status={entryStatusOf(entry)} />
          {entry?.code ? (
            <span className="rounded-md border border-accent/30 bg-white px-2">
              {t("code")} <span className="font-mono font-bold tracking-wide text-accent-deep">{entry.code}</span>
            </span>
          ) : null}
        </div>
      </PageHeader>
      {/* A comfortable line length for reading and writing; the page around it stays wide. */}
      <div className="max-w-3xl">
        {blocker ? (
          <div className="flex flex-col gap-4">
            <div role="status" className="flex flex-col items-start gap-2 rounded-md border border-warm/40 bg-amber-50 px-3 py-2">
              {/* Teachers read why in the third person, and where they can fix it. */}
              <p>{t(forSomeoneElse ? `blockedForPupil.${blocker}` : `blocked.${blocker}`, { reason: entry?.disqualifiedReason ?? "" })}</p>
              {forSomeoneElse && blocker === "consent" ? (
                <Link href={`/school/classes/${pupil.classId}/pupils/${encodeURIComponent(pupil.pupilId)}`} className="inline-flex min-h-11 items-center font-medium">
                  {t("toConsent")}
                </Link>
              ) : forSomeoneElse && blocker === "pupil_pending" ? (
                <Link href={`/school/classes/${pupil.classId}`} className="inline-flex min-h-11 items-center font-medium">
                  {t("toClass")}
                </Link>
              ) : null}
            </div>
            {entry ? <EntryReadOnly entry={entry} fileUrl={entry.fileId ? `/entries/${entry.id}/file` : null} /> : null}
          </div>
        ) : (
          <IntlProvider namespaces={["entries"]}>
            <EntryForm
              pupilId={pupil.pupilId}
              categoryId={category.id}
              entryType={category.entryType}
              minChars={category.minChars}
              maxChars={category.maxChars}
              maxFileMb={category.maxFileMb}
              signinUrl={`/signin?callbackUrl=${encodeURIComponent(selfPath)}`}
              entry={
                entry
                  ? {
                      id: entry.id,
                      status: entry.status,
                      code: entry.code,
                      title: entry.title,
                      bookTitle: entry.bookTitle,
                      bookAuthor: entry.bookAuthor,
                      // The pupil edits their own words, not a redacted copy of them.
                      body: entry.originalBody ?? entry.body,
                      statement: entry.statement,
                      updatedAt: entry.updatedAt.toISOString(),
                      fileUrl: entry.fileId ? `/entries/${entry.id}/file` : null,
                    }
                  : null
              }
            />
          </IntlProvider>
        )}
      </div>
    </>
  );
}

async function EntryReadOnly({ entry, fileUrl }: { entry: { title: string; bookTitle: string; bookAuthor: string; body: string; originalBody: string | null; statement: string }; fileUrl: string | null }) {
  const t = await getTranslations("entries");
  return (
    <article className="rounded-xl border border-line bg-white p-5">
      <p className="mb-3 text-ink-soft">{t("readOnly")}</p>
      <h2 className="text-xl">{entry.title}</h2>
      {entry.bookTitle ? (
        <p className="text-ink-soft">
          {t("form.bookTitle")}：{entry.bookTitle}
          {entry.bookAuthor ? ` · ${entry.bookAuthor}` : null}
        </p>
      ) : null}
      {entry.body || entry.originalBody ? <div className="mt-4 whitespace-pre-wrap leading-8">{entry.originalBody ?? entry.body}</div> : null}
      {fileUrl ? (
        <p className="mt-4">
          <a href={fileUrl} target="_blank" rel="noopener">
            {t("form.openFile")}
          </a>
        </p>
      ) : null}
      {entry.statement ? <p className="mt-4 whitespace-pre-wrap">{entry.statement}</p> : null}
    </article>
  );
}
