import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { IntlProvider } from "@/components/intl-provider";
import { PageHeader } from "@/components/ui/page-header";
import { listTowns } from "@/lib/library/queries";
import { RegisterForm } from "./register-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("schools"))("register.title") };
}

/** /schools/register: printed on posters, so the address stays. */
export default async function RegisterSchoolPage() {
  await connection();
  const [t, locale, towns] = await Promise.all([getTranslations("schools"), getLocale(), listTowns()]);
  const steps = [t("register.step1"), t("register.step2"), t("register.step3")];
  return (
    <IntlProvider namespaces={["schools", "common"]}>
      <PageHeader title={t("register.title")} intro={t("register.intro")}>
        <p className="text-sm text-ink-soft">
          {t("register.alreadyRegistered")}{" "}
          <Link href="/signin" className="inline-flex min-h-11 items-center">
            {t("register.signIn")}
          </Link>
        </p>
      </PageHeader>
      <div className="grid gap-8 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <RegisterForm towns={towns.map((town) => ({ id: town.id, name: locale === "en" ? town.nameEn : town.nameZh }))} />
        <aside aria-labelledby="steps-heading" className="order-first lg:order-last">
          <h2 id="steps-heading" className="mb-2 text-lg">
            {t("register.stepsTitle")}
          </h2>
          <ol className="flex flex-col gap-2">
            {steps.map((step, i) => (
              <li key={i} className="flex gap-3">
                <span aria-hidden className="grid h-7 w-7 shrink-0 place-items-center rounded-full bg-accent text-sm font-bold text-white">
                  {i + 1}
                </span>
                <span>{step}</span>
              </li>
            ))}
          </ol>
        </aside>
      </div>
    </IntlProvider>
  );
}
