import { Heading, Text } from "@react-email/components";
import type { Locale } from "@/lib/i18n";
import { EmailLayout, textStyles } from "../layout";
import { schoolsEmailT } from "./translator";

export type SchoolReceivedEmailProps = {
  locale: Locale;
  libraryName: string;
  schoolName: string;
  townName: string;
  coordinatorName: string;
};

/** To the coordinator right after the form is sent: received, nothing to do until staff review it. */
export function SchoolReceivedEmail({
  locale = "zh-CN",
  libraryName = "书香",
  schoolName = "滦南县第一实验小学",
  townName = "倴城镇",
  coordinatorName = "李春华",
}: Partial<SchoolReceivedEmailProps>) {
  const t = schoolsEmailT(locale);
  return (
    <EmailLayout locale={locale} libraryName={libraryName} preview={t("received.preview", { school: schoolName })}>
      <Heading as="h1" style={textStyles.heading}>
        {t("received.heading")}
      </Heading>
      <Text style={textStyles.body}>{t("greeting", { name: coordinatorName })}</Text>
      <Text style={textStyles.body}>{t("received.body", { school: schoolName, town: townName })}</Text>
      <Text style={textStyles.body}>{t("received.next")}</Text>
      <Text style={textStyles.small}>{t("received.notYou")}</Text>
    </EmailLayout>
  );
}

SchoolReceivedEmail.PreviewProps = {
  locale: "zh-CN",
  libraryName: "滦南县图书馆",
  schoolName: "滦南县第一实验小学",
  townName: "倴城镇",
  coordinatorName: "李春华",
} satisfies SchoolReceivedEmailProps;

export default SchoolReceivedEmail;

export function schoolReceivedSubject(locale: Locale, schoolName: string): string {
  return schoolsEmailT(locale)("received.subject", { school: schoolName });
}
