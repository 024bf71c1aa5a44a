"use client";

import { useTranslations } from "next-intl";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("error");
  return (
    <div role="alert" className="flex flex-col gap-3">
      <h1 className="text-2xl">{t("title")}</h1>
      <p>{t("body")}</p>
      {error.digest ? <p className="text-sm text-ink-soft">{t("reference", { digest: error.digest })}</p> : null}
      <button type="button" onClick={reset} className="min-h-11 self-start rounded-md bg-accent px-4 py-2 text-white">
        {t("retry")}
      </button>
    </div>
  );
}
