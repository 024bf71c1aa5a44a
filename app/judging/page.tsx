import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/session";
import { listJudgeQueue } from "@/lib/judging/scoring";
import { ProgressBar } from "./progress-bar";
import { ScoreStatusBadge, scoreStateOf } from "./score-status";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("areas"))("judgingTitle") };
}

type Row = Awaited<ReturnType<typeof listJudgeQueue>>[number];
type Group = { id: number; title: string; judgingEndsAt: Date; open: boolean; categories: { name: string; entryType: Row["entryType"]; rows: Row[] }[] };

/** The queue comes ordered by campaign, category and code: keep that order, grouped. */
function group(rows: Row[], now: Date): Group[] {
  const campaigns: Group[] = [];
  for (const row of rows) {
    let c = campaigns.at(-1);
    if (c?.id !== row.campaignId) {
      c = { id: row.campaignId, title: row.campaignTitle, judgingEndsAt: row.judgingEndsAt, open: now < row.judgingEndsAt, categories: [] };
      campaigns.push(c);
    }
    let cat = c.categories.at(-1);
    if (cat?.name !== row.categoryName) {
      cat = { name: row.categoryName, entryType: row.entryType, rows: [] };
      c.categories.push(cat);
    }
    cat.rows.push(row);
  }
  return campaigns;
}

const submittedIn = (rows: Row[]) => rows.filter((r) => r.scoreStatus === "submitted").length;

export default async function JudgingPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePagePermission("judging.view", "/judging");
  const [ta, t, te, format, rows, params] = await Promise.all([
    getTranslations("areas"),
    getTranslations("judging.queue"),
    getTranslations("entries.type"),
    getFormatter(),
    listJudgeQueue(user),
    searchParams,
  ]);
  const campaigns = group(rows, new Date());
  const next = campaigns.filter((c) => c.open).flatMap((c) => c.categories.flatMap((cat) => cat.rows)).find((r) => r.scoreStatus !== "submitted");
  const recused = params.recused === "1";

  return (
    <>
      <PageHeader title={ta("judgingTitle")} intro={rows.length ? t("intro") : undefined}>
        {recused ? (
          <p role="status" className="rounded-md border border-accent/30 bg-accent-soft px-3 py-2 text-accent-deep">
            {t("recused")}
          </p>
        ) : null}
        {next ? (
          <div className="mt-2">
            <ButtonLink href={`/judging/${next.assignmentId}`} variant="warm">
              {t("next", { code: next.code ?? "" })}
            </ButtonLink>
          </div>
        ) : rows.length && campaigns.some((c) => c.open) ? (
          <p className="font-medium text-accent-deep">{t("allDone")}</p>
        ) : null}
      </PageHeader>

      {campaigns.length === 0 ? <EmptyState>{ta("judgingEmpty")}</EmptyState> : null}

      <div className="flex flex-col gap-8">
        {campaigns.map((c) => {
          const all = c.categories.flatMap((cat) => cat.rows);
          return (
            <section key={c.id} aria-labelledby={`campaign-${c.id}`} className="flex flex-col gap-4">
              <div className="flex flex-col gap-1">
                <h2 id={`campaign-${c.id}`} className="text-xl">
                  {c.title}
                </h2>
                <p className={c.open ? "text-ink-soft" : "font-medium text-warm-deep"}>
                  {t(c.open ? "closes" : "closed", { date: format.dateTime(c.judgingEndsAt, { dateStyle: "medium", timeStyle: "short" }) })}
                </p>
                <ProgressBar done={submittedIn(all)} total={all.length} label={t("progress", { done: submittedIn(all), total: all.length })} />
              </div>
              {c.categories.map((cat) => (
                <section key={cat.name} aria-label={`${c.title} · ${cat.name}`} className="rounded-xl border border-line bg-white p-4 sm:p-5">
                  <div className="mb-3 flex flex-col gap-1">
                    <h3 className="text-lg">
                      {cat.name} <span className="text-base font-normal text-ink-soft">· {te(cat.entryType)}</span>
                    </h3>
                    <ProgressBar done={submittedIn(cat.rows)} total={cat.rows.length} label={t("progress", { done: submittedIn(cat.rows), total: cat.rows.length })} />
                  </div>
                  <ul className="divide-y divide-line">
                    {cat.rows.map((r) => (
                      <li key={r.assignmentId}>
                        <Link href={`/judging/${r.assignmentId}`} className="flex min-h-11 flex-wrap items-center justify-between gap-x-3 gap-y-1 py-2 text-ink no-underline hover:bg-paper">
                          <span className="flex min-w-0 flex-col sm:flex-row sm:gap-4">
                            <span className="font-mono font-bold tracking-wide text-accent">{r.code}</span>
                            {r.title ? <span className="break-words">{r.title}</span> : null}
                          </span>
                          <ScoreStatusBadge state={scoreStateOf(r)} total={r.total} />
                        </Link>
                      </li>
                    ))}
                  </ul>
                </section>
              ))}
            </section>
          );
        })}
      </div>
    </>
  );
}
