import { Link } from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination, pageParam } from "@/components/ui/pagination";
import { requirePagePermission } from "@/lib/auth/session";
import { listOutbox } from "@/lib/mail";
import { retryMessage } from "./actions";

const statuses = ["pending", "sending", "sent", "failed"] as const;
type Status = (typeof statuses)[number];
const PAGE_SIZE = 25;

export default async function OutboxPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requirePagePermission("outbox.view", "/admin/outbox");
  const params = await searchParams;
  const status = statuses.includes(params.status as Status) ? (params.status as Status) : undefined;
  const page = pageParam(params.page);
  const [t, format, { rows, total }] = await Promise.all([
    getTranslations("outbox"),
    getFormatter(),
    listOutbox({ status, page, pageSize: PAGE_SIZE }),
  ]);
  const href = (s: Status | undefined, p = 1) => `/admin/outbox?${new URLSearchParams({ ...(s ? { status: s } : {}), ...(p > 1 ? { page: String(p) } : {}) })}`;

  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <ul className="mb-4 flex flex-wrap gap-2" aria-label={t("title")}>
        {[undefined, ...statuses].map((s) => (
          <li key={s ?? "all"}>
            <Link
              href={href(s)}
              aria-current={s === status ? "page" : undefined}
              className="inline-flex min-h-11 items-center rounded-full border border-line bg-white px-4 no-underline aria-[current=page]:border-accent aria-[current=page]:bg-accent aria-[current=page]:text-white"
            >
              {t(`status.${s ?? "all"}`)}
            </Link>
          </li>
        ))}
      </ul>
      {rows.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <ul className="flex flex-col gap-3">
          {rows.map((m) => (
            <li key={m.id} className="rounded-lg border border-line bg-white p-4">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <span className="font-medium">{m.subject}</span>
                <span className={`text-sm ${m.status === "failed" ? "font-bold text-danger" : "text-ink-soft"}`}>{t(`status.${m.status}`)}</span>
              </div>
              <dl className="mt-2 grid gap-x-4 text-sm text-ink-soft sm:grid-cols-4">
                <div>
                  <dt className="inline">{t("to")}：</dt>
                  <dd className="inline break-all">{m.toAddress}</dd>
                </div>
                <div>
                  <dt className="inline">{t("kind")}：</dt>
                  <dd className="inline">{m.kind}</dd>
                </div>
                <div>
                  <dt className="inline">{t("attempts")}：</dt>
                  <dd className="inline">{m.attempts}</dd>
                </div>
                <div>
                  <dt className="inline">{t("created")}：</dt>
                  <dd className="inline">{format.dateTime(m.createdAt, { dateStyle: "short", timeStyle: "short" })}</dd>
                </div>
              </dl>
              {m.lastError ? (
                <p className="mt-2 break-words rounded bg-red-50 px-2 py-1 text-sm text-danger">
                  {t("error")}：{m.lastError}
                </p>
              ) : null}
              {m.status === "failed" ? (
                <form action={retryMessage} className="mt-2">
                  <input type="hidden" name="id" value={m.id} />
                  <Button type="submit" variant="secondary">
                    {t("retry")}
                  </Button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pages={Math.ceil(total / PAGE_SIZE)} href={(p) => href(status, p)} />
    </>
  );
}
