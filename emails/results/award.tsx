import { Button, Heading, Section, Text } from "@react-email/components";
import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/i18n";
import { emailMessages, perLocale } from "@/lib/mail/render";
import { EmailLayout, textStyles } from "../layout";

export type AwardEmailProps = {
  locale: Locale;
  libraryName: string;
  recipientName: string;
  pupilName: string;
  campaignTitle: string;
  categoryName: string;
  entryTitle: string;
  code: string;
  /** Already in the email's language: 一等奖, First prize… */
  award: string;
  certificateUrl: string;
};

const translator = perLocale((locale: Locale) => createTranslator({ locale, messages: emailMessages(locale), namespace: "resultsEmail.award" }));

export function AwardEmail({
  locale = "zh-CN",
  libraryName = "书香",
  recipientName = "王丽",
  pupilName = "王小明",
  campaignTitle = "燕赵少年读书活动 2026",
  categoryName = "小学高年级组（征文）",
  entryTitle = "我读《城南旧事》",
  code = "2026-YZ-B-00123",
  award = "一等奖",
  certificateUrl = "http://localhost:3000/certificates/K7P2M9QX4T",
}: Partial<AwardEmailProps>) {
  const t = translator(locale);
  return (
    <EmailLayout locale={locale} libraryName={libraryName} preview={t("preview", { award, campaign: campaignTitle })}>
      <Heading as="h1" style={textStyles.heading}>
        {t("heading")}
      </Heading>
      <Text style={textStyles.body}>{t("greeting", { name: recipientName })}</Text>
      <Text style={textStyles.body}>{t("body", { pupil: pupilName, campaign: campaignTitle, category: categoryName, title: entryTitle, code, award })}</Text>
      <Section style={{ margin: "8px 0 24px" }}>
        <Button href={certificateUrl} style={textStyles.button}>
          {t("button")}
        </Button>
      </Section>
      <Text style={textStyles.small}>{t("verify", { url: certificateUrl })}</Text>
    </EmailLayout>
  );
}

AwardEmail.PreviewProps = {
  locale: "zh-CN",
  libraryName: "滦南县图书馆",
  recipientName: "王丽",
  pupilName: "王小明",
  campaignTitle: "燕赵少年读书活动 2026",
  categoryName: "小学高年级组（征文）",
  entryTitle: "我读《城南旧事》",
  code: "2026-YZ-B-00123",
  award: "一等奖",
  certificateUrl: "http://localhost:3000/certificates/K7P2M9QX4T",
} satisfies AwardEmailProps;

export default AwardEmail;

export function awardSubject(locale: Locale, campaignTitle: string): string {
  return translator(locale)("subject", { campaign: campaignTitle });
}
