import { Heading, Section, Text } from "@react-email/components";
import type { Locale } from "@/lib/i18n";
import { colors, EmailLayout, textStyles } from "../layout";
import { schoolsEmailT } from "./translator";

export type SchoolRejectedEmailProps = {
  locale: Locale;
  libraryName: string;
  schoolName: string;
  coordinatorName: string;
  reason: string;
  /** The library's phone and email, when it has them: the reply address is not read. */
  contact: string;
};

/** The registration was not accepted, with the reason staff gave. */
export function SchoolRejectedEmail({
  locale = "zh-CN",
  libraryName = "书香",
  schoolName = "滦南县第一实验小学",
  coordinatorName = "李春华",
  reason = "学校名称与教育局名录不一致，请核对后重新登记。",
  contact = "0315-4112345",
}: Partial<SchoolRejectedEmailProps>) {
  const t = schoolsEmailT(locale);
  return (
    <EmailLayout locale={locale} libraryName={libraryName} preview={t("rejected.preview", { school: schoolName })}>
      <Heading as="h1" style={textStyles.heading}>
        {t("rejected.heading")}
      </Heading>
      <Text style={textStyles.body}>{t("greeting", { name: coordinatorName })}</Text>
      <Text style={textStyles.body}>{t("rejected.body", { school: schoolName })}</Text>
      <Section style={{ borderLeft: `4px solid ${colors.rule}`, margin: "0 0 16px", padding: "4px 12px" }}>
        <Text style={{ ...textStyles.small, margin: 0 }}>{t("rejected.reasonLabel")}</Text>
        <Text style={{ ...textStyles.body, margin: 0, whiteSpace: "pre-line" }}>{reason}</Text>
      </Section>
      <Text style={textStyles.body}>{contact ? t("rejected.contact", { contact }) : t("rejected.contactNoDetails")}</Text>
    </EmailLayout>
  );
}

SchoolRejectedEmail.PreviewProps = {
  locale: "zh-CN",
  libraryName: "滦南县图书馆",
  schoolName: "滦南县第一实验小学",
  coordinatorName: "李春华",
  reason: "学校名称与教育局名录不一致，请核对后重新登记。",
  contact: "0315-4112345",
} satisfies SchoolRejectedEmailProps;

export default SchoolRejectedEmail;

export function schoolRejectedSubject(locale: Locale, schoolName: string): string {
  return schoolsEmailT(locale)("rejected.subject", { school: schoolName });
}
