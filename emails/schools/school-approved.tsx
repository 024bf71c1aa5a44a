import { Button, Heading, Link, Section, Text } from "@react-email/components";
import type { Locale } from "@/lib/i18n";
import { EmailLayout, textStyles } from "../layout";
import { schoolsEmailT } from "./translator";

export type SchoolApprovedEmailProps = {
  locale: Locale;
  libraryName: string;
  schoolName: string;
  coordinatorName: string;
  email: string;
  signInUrl: string;
};

/** The school is approved and the coordinator's account is ready: how to sign in. */
export function SchoolApprovedEmail({
  locale = "zh-CN",
  libraryName = "书香",
  schoolName = "滦南县第一实验小学",
  coordinatorName = "李春华",
  email = "coordinator@example.com",
  signInUrl = "http://localhost:3000/signin?email=coordinator%40example.com",
}: Partial<SchoolApprovedEmailProps>) {
  const t = schoolsEmailT(locale);
  return (
    <EmailLayout locale={locale} libraryName={libraryName} preview={t("approved.preview", { school: schoolName })}>
      <Heading as="h1" style={textStyles.heading}>
        {t("approved.heading")}
      </Heading>
      <Text style={textStyles.body}>{t("greeting", { name: coordinatorName })}</Text>
      <Text style={textStyles.body}>{t("approved.body", { school: schoolName })}</Text>
      <Text style={textStyles.body}>{t("approved.howToSignIn", { email })}</Text>
      <Section style={{ margin: "8px 0 24px" }}>
        <Button href={signInUrl} style={textStyles.button}>
          {t("approved.button")}
        </Button>
      </Section>
      <Text style={textStyles.small}>{t("fallback")}</Text>
      <Text style={{ margin: "0 0 16px" }}>
        <Link href={signInUrl} style={textStyles.link}>
          {signInUrl}
        </Link>
      </Text>
      <Text style={textStyles.small}>{t("approved.next")}</Text>
    </EmailLayout>
  );
}

SchoolApprovedEmail.PreviewProps = {
  locale: "zh-CN",
  libraryName: "滦南县图书馆",
  schoolName: "滦南县第一实验小学",
  coordinatorName: "李春华",
  email: "coordinator@example.com",
  signInUrl: "http://localhost:3000/signin?email=coordinator%40example.com",
} satisfies SchoolApprovedEmailProps;

export default SchoolApprovedEmail;

export function schoolApprovedSubject(locale: Locale, schoolName: string): string {
  return schoolsEmailT(locale)("approved.subject", { school: schoolName });
}
