"use client";

import { useTranslations } from "next-intl";

/** A username and first password to hand to a pupil, shown once after adding or resetting. */
export function Credentials({ title, username, password }: { title: string; username: string; password: string }) {
  const t = useTranslations("pupils");
  return (
    <div role="status" className="rounded-lg border border-accent/30 bg-accent-soft p-4">
      <p className="font-bold">{title}</p>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt>{t("username")}</dt>
        <dd className="font-mono text-lg" data-testid="new-username">
          {username}
        </dd>
        <dt>{t("initialPassword")}</dt>
        <dd className="font-mono text-lg" data-testid="new-password">
          {password}
        </dd>
      </dl>
      <p className="mt-2 text-sm text-ink-soft">{t("credentialsHint")}</p>
    </div>
  );
}
