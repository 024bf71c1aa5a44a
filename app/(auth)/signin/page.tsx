import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { IntlProvider } from "@/components/intl-provider";
import { PageHeader } from "@/components/ui/page-header";
import { safeCallbackPath } from "@/lib/auth/schemas";
import { getCurrentUser } from "@/lib/auth/session";
import { MagicLinkForm, PupilForm } from "./sign-in-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("signInTitle") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  // Approval and invitation emails link here with the address filled in.
  const email = z.email().safeParse(params.email?.trim().toLowerCase()).data;
  if (await getCurrentUser()) redirect(callbackUrl ?? "/");
  const t = await getTranslations("auth");
  return (
    <IntlProvider namespaces={["auth"]}>
      <PageHeader title={t("signInTitle")} />
      {params.error ? (
        <p role="alert" className="mb-6 rounded-md border border-danger/30 bg-red-50 px-3 py-2 text-danger">
          {t("linkError")}
        </p>
      ) : null}
      <div className="grid gap-6 md:grid-cols-2">
        <section aria-labelledby="pupil-heading" className="rounded-xl border border-line bg-white p-5">
          <h2 id="pupil-heading" className="mb-3 text-lg">
            {t("pupilTab")}
          </h2>
          <PupilForm callbackUrl={callbackUrl} />
        </section>
        <section aria-labelledby="adult-heading" className="rounded-xl border border-line bg-white p-5">
          <h2 id="adult-heading" className="mb-3 text-lg">
            {t("adultTab")}
          </h2>
          <MagicLinkForm callbackUrl={callbackUrl} email={email} />
        </section>
      </div>
    </IntlProvider>
  );
}
