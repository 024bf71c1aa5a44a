import { Button, Heading, Section, Text } from "@react-email/components";
import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/i18n";
import { emailMessages, perLocale } from "@/lib/mail/render";
import { EmailLayout, textStyles } from "../layout";

export type SchoolResultsEmailProps = {
  locale: Locale;
  libraryName: string;
  coordinatorName: string;
  schoolName: string;
  campaignTitle: string;
  /** Category by category, each award already in the email's language. */
  categories: { name: string; awards: { pupil: string; className: string; title: string; award: string }[] }[];
  resultsUrl: string;
  certificatesUrl: string;
};

const translator = perLocale((locale: Locale) => createTranslator({ locale, messages: emailMessages(locale), namespace: "resultsEmail.school" }));

const cell = { ...textStyles.body, margin: 0, padding: "4px 8px 4px 0", verticalAlign: "top" as const };

export function SchoolResultsEmail({
  locale = "zh-CN",
  libraryName = "书香",
  coordinatorName = "李春华",
  schoolName = "滦南县第一实验小学",
  campaignTitle = "燕赵少年读书活动 2026",
  categories = [{ name: "小学高年级组（征文）", awards: [{ pupil: "王小明", className: "四年级（1）班", title: "我读《城南旧事》", award: "一等奖" }] }],
  resultsUrl = "http://localhost:3000/campaigns/yanzhao-2026/results",
  certificatesUrl = "http://localhost:3000/school/certificates",
}: Partial<SchoolResultsEmailProps>) {
  const t = translator(locale);
  const count = categories.reduce((n, c) => n + c.awards.length, 0);
  return (
    <EmailLayout locale={locale} libraryName={libraryName} preview={t("preview", { campaign: campaignTitle, count })}>
      <Heading as="h1" style={textStyles.heading}>
        {t("heading")}
      </Heading>
      <Text style={textStyles.body}>{t("greeting", { name: coordinatorName })}</Text>
      <Text style={textStyles.body}>{t("body", { school: schoolName, campaign: campaignTitle, count })}</Text>
      {categories.map((c) => (
        <Section key={c.name} style={{ margin: "0 0 16px" }}>
          <Text style={{ ...textStyles.body, fontWeight: 700, margin: "0 0 4px" }}>{c.name}</Text>
          <table cellPadding={0} cellSpacing={0} role="presentation">
            <tbody>
              {c.awards.map((a, i) => (
                <tr key={i}>
                  <td style={cell}>{a.award}</td>
                  <td style={cell}>{a.pupil}</td>
                  <td style={cell}>{a.className}</td>
                  <td style={cell}>{a.title}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Section>
      ))}
      <Section style={{ margin: "8px 0 24px" }}>
        <Button href={certificatesUrl} style={textStyles.button}>
          {t("button")}
        </Button>
      </Section>
      <Text style={textStyles.small}>{t("public", { url: resultsUrl })}</Text>
    </EmailLayout>
  );
}

SchoolResultsEmail.PreviewProps = {
  locale: "zh-CN",
  libraryName: "滦南县图书馆",
  coordinatorName: "李春华",
  schoolName: "滦南县第一实验小学",
  campaignTitle: "燕赵少年读书活动 2026",
  categories: [{ name: "小学高年级组（征文）", awards: [{ pupil: "王小明", className: "四年级（1）班", title: "我读《城南旧事》", award: "一等奖" }] }],
  resultsUrl: "http://localhost:3000/campaigns/yanzhao-2026/results",
  certificatesUrl: "http://localhost:3000/school/certificates",
} satisfies SchoolResultsEmailProps;

export default SchoolResultsEmail;

export function schoolResultsSubject(locale: Locale, campaignTitle: string): string {
  return translator(locale)("subject", { campaign: campaignTitle });
}
