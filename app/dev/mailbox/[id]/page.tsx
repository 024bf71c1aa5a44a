import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { getMailboxMessage, isDevMailboxEnabled } from "@/lib/mail";

export default async function MailboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  if (!isDevMailboxEnabled()) notFound();
  const id = Number((await params).id);
  const message = Number.isInteger(id) && id > 0 ? await getMailboxMessage(id) : null;
  if (!message) notFound();
  const [t, format] = await Promise.all([getTranslations("mailbox"), getFormatter()]);
  // Links are listed as well, so they can be followed with the keyboard outside the framed email.
  const links = [...new Set(message.text.match(/https?:\/\/[^\s<>"')\]]+/g) ?? [])];
  return (
    <>
      <PageHeader title={message.subject}>
        <p className="text-sm text-ink-soft">
          {t("to")}: <span data-testid="mail-to">{message.toAddress}</span> ·{" "}
          {format.dateTime(message.createdAt, { dateStyle: "medium", timeStyle: "medium" })}
        </p>
      </PageHeader>
      {links.length ? (
        <ul className="mb-4 flex flex-col gap-1">
          {links.map((href) => (
            <li key={href}>
              <a href={href} className="break-all" data-testid="mail-link">
                {href}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      <iframe title={message.subject} srcDoc={message.html} sandbox="" className="h-[70vh] w-full rounded-lg border border-line bg-white" />
    </>
  );
}
