import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getFormatter, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination, pageParam } from "@/components/ui/pagination";
import { isDevMailboxEnabled, listMailbox } from "@/lib/mail";

const PAGE_SIZE = 30;

export default async function MailboxPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await connection();
  if (!isDevMailboxEnabled()) notFound();
  const page = pageParam((await searchParams).page);
  const [t, format, { rows, total }] = await Promise.all([
    getTranslations("mailbox"),
    getFormatter(),
    listMailbox({ page, pageSize: PAGE_SIZE }),
  ]);
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      {rows.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <ul className="flex flex-col divide-y divide-line rounded-lg border border-line bg-white">
          {rows.map((m) => (
            <li key={m.id}>
              <Link href={`/dev/mailbox/${m.id}`} className="flex flex-col gap-1 px-4 py-3 text-ink no-underline hover:bg-paper-deep sm:flex-row sm:items-baseline sm:justify-between">
                <span className="font-medium">{m.subject}</span>
                <span className="text-sm text-ink-soft">
                  {m.toAddress} · {format.dateTime(m.createdAt, { dateStyle: "short", timeStyle: "medium" })}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pages={Math.ceil(total / PAGE_SIZE)} href={(p) => `/dev/mailbox?page=${p}`} />
    </>
  );
}
