import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { IntlProvider } from "@/components/intl-provider";
import { PageHeader } from "@/components/ui/page-header";
import { getCurrentUser } from "@/lib/auth/session";
import { PasswordForm } from "./password-form";

export default async function ChangePasswordPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/signin?callbackUrl=/me/password");
  const t = await getTranslations("auth");
  return (
    <IntlProvider namespaces={["auth"]}>
      <PageHeader title={t("changePasswordTitle")} intro={user.mustChangePassword ? t("changePasswordIntro") : undefined} />
      <PasswordForm />
    </IntlProvider>
  );
}
