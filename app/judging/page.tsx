import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/session";
import { Pagination, pageParam } from "@/components/ui/pagination";
import { judgeQueueSummary, listJudgeQueue, QUEUE_PAGE_SIZE } from "@/lib/judging/scoring";
import { ProgressBar } from "./progress-bar";
import { ScoreStatusBadge, scoreStateOf } from "./score-status";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("areas"))("judgingTitle") };
}

type Summary = Awaited<ReturnType<typeof judgeQueueSummary>>[number];
type Row = Awaited<ReturnType<typeof listJudgeQueue>>[number];
type Campaign = { id: number; title: string; judgingEndsAt: Date; open: boolean; categories: (Summary & { rows: Row[] })[]; total: number; submitted: number };

/** The summary comes ordered by campaign and category: keep that order, with this page's rows under each category. */
function group(summary: Summary[], rows: Row[], now: Date): Campaign[] {
  const campaigns: Campaign[] = [];
  for (const line of summary) {
    let c = campaigns.at(-1);
    if (c?.id !== line.campaignId) {
      c = { id: line.campaignId, title: line.campaignTitle, judgingEndsAt: line.judgingEndsAt, open: now < line.judgingEndsAt, categories: [], total: 0, submitted: 0 };
      campaigns.push(c);
    }
    c.categories.push({ ...line, rows: rows.filter((r) => r.campaignId === line.campaignId && r.categoryName === line.categoryName) });
    c.total += line.total;
    c.submitted += line.submitted;
  }
  return campaigns;
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function JudgingPage({ searchParams }: Props) {
  const user = await requirePagePermission("judging.view", "/judging");
  const params = await searchParams;
  const now = new Date();
  const summary = await judgeQueueSummary(user, now);
  const toScore = summary.reduce((n, l) => n + l.toScore, 0);
  const total = summary.reduce((n, l) => n + l.total, 0);
  // Entries still to score first; everything once nothing is left (or when asked).
  const todo = params.show === "all" ? false : params.show === "todo" || toScore > 0;
  const page = pageParam(params.page);
  const [ta, t, te, format, rows, [next]] = await Promise.all([
    getTranslations("areas"),
    getTranslations("judging.queue"),
    getTranslations("entries.type"),
    getFormatter(),
    listJudgeQueue(user, { todo, page, now }),
    toScore ? listJudgeQueue(user, { todo: true, page: 1, now }) : [],
  ]);
  const campaigns = group(summary, rows, now);
  const recused = params.recused === "1";
  const show = (which: "todo" | "all") => `/judging?show=${which}`;

  return (
    <>
      <PageHeader title={ta("judgingTitle")} intro={total ? t("intro") : undefined}>
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
        ) : total && campaigns.some((c) => c.open) ? (
          <p className="font-medium text-accent-deep">{t("allDone")}</p>
        ) : null}
      </PageHeader>

      {campaigns.length === 0 ? <EmptyState>{ta("judgingEmpty")}</EmptyState> : null}

      {total ? (
        <nav aria-label={t("showLabel")} className="mb-6 flex flex-wrap gap-2">
          {(["todo", "all"] as const).map((which) => {
            const current = (which === "todo") === todo;
            return (
              <Link
                key={which}
                href={show(which)}
                aria-current={current ? "page" : undefined}
                className={`inline-flex min-h-11 items-center rounded-full border px-4 no-underline ${current ? "border-accent bg-accent-soft font-bold text-accent-deep" : "border-line bg-white text-ink hover:bg-paper-deep"}`}
              >
                {which === "todo" ? t("showTodo", { n: toScore }) : t("showAll", { n: total })}
              </Link>
            );
          })}
        </nav>
      ) : null}
      {total && todo && toScore === 0 ? <p className="mb-6 text-ink-soft">{t("todoEmpty")}</p> : null}

      <div className="flex flex-col gap-8">
        {campaigns.map((c) => (
          <section key={c.id} aria-labelledby={`campaign-${c.id}`} className="flex flex-col gap-4">
            <div className="flex flex-col gap-1">
              <h2 id={`campaign-${c.id}`} className="text-xl">
                {c.title}
              </h2>
              <p className={c.open ? "text-ink-soft" : "font-medium text-warm-deep"}>
                {t(c.open ? "closes" : "closed", { date: format.dateTime(c.judgingEndsAt, { dateStyle: "medium", timeStyle: "short" }) })}
              </p>
              <ProgressBar done={c.submitted} total={c.total} label={t("progress", { done: c.submitted, total: c.total })} />
            </div>
            {c.categories.map((cat) => (
              <section key={cat.categoryName} aria-label={`${c.title} · ${cat.categoryName}`} className="rounded-xl border border-line bg-white p-4 sm:p-5">
                <div className="flex flex-col gap-1">
                  <h3 className="text-lg">
                    {cat.categoryName} <span className="text-base font-normal text-ink-soft">· {te(cat.entryType)}</span>
                  </h3>
                  <ProgressBar done={cat.submitted} total={cat.total} label={t("progress", { done: cat.submitted, total: cat.total })} />
                </div>
                {cat.rows.length ? (
                  <ul className="mt-3 divide-y divide-line">
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
                ) : null}
              </section>
            ))}
          </section>
        ))}
      </div>
      <Pagination page={page} pages={Math.ceil((todo ? toScore : total) / QUEUE_PAGE_SIZE)} href={(p) => `/judging?show=${todo ? "todo" : "all"}&page=${p}`} />
    </>
  );
}
