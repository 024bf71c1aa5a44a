import { Heading, Section, Text } from "@react-email/components";
import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/i18n";
import { emailMessages, perLocale } from "@/lib/mail/render";
import { EmailLayout, textStyles } from "../layout";

export type EntryReceiptEmailProps = {
  locale: Locale;
  libraryName: string;
  /** The guardian's or the teacher's name, whoever receives it. */
  recipientName: string;
  pupilName: string;
  campaignTitle: string;
  categoryName: string;
  entryTitle: string;
  code: string;
  /** Already formatted in Beijing time, in the email's language. */
  submittedAt: string;
  closesAt: string;
};

const translator = perLocale((locale: Locale) => createTranslator({ locale, messages: emailMessages(locale), namespace: "entries.email" }));

const codeStyle = { ...textStyles.body, fontSize: "22px", fontWeight: 700, letterSpacing: "1px", fontFamily: "ui-monospace, Menlo, monospace" };

export function EntryReceiptEmail({
  locale = "zh-CN",
  libraryName = "书香",
  recipientName = "王丽",
  pupilName = "王小明",
  campaignTitle = "燕赵少年读书活动 2026",
  categoryName = "小学高年级组（征文）",
  entryTitle = "我读《城南旧事》",
  code = "2026-YZ-B-00123",
  submittedAt = "2026年4月20日 19:30",
  closesAt = "2026年5月31日 17:00",
}: Partial<EntryReceiptEmailProps>) {
  const t = translator(locale);
  return (
    <EmailLayout locale={locale} libraryName={libraryName} preview={t("preview", { code })}>
      <Heading as="h1" style={textStyles.heading}>
        {t("heading")}
      </Heading>
      <Text style={textStyles.body}>{t("greeting", { name: recipientName })}</Text>
      <Text style={textStyles.body}>{t("body", { pupil: pupilName, campaign: campaignTitle, category: categoryName, title: entryTitle, date: submittedAt })}</Text>
      <Section style={{ margin: "8px 0 16px" }}>
        <Text style={textStyles.body}>{t("codeLabel")}</Text>
        <Text style={codeStyle}>{code}</Text>
      </Section>
      <Text style={textStyles.body}>{t("editable", { date: closesAt })}</Text>
    </EmailLayout>
  );
}

EntryReceiptEmail.PreviewProps = {
  locale: "zh-CN",
  libraryName: "滦南县图书馆",
  recipientName: "王丽",
  pupilName: "王小明",
  campaignTitle: "燕赵少年读书活动 2026",
  categoryName: "小学高年级组（征文）",
  entryTitle: "我读《城南旧事》",
  code: "2026-YZ-B-00123",
  submittedAt: "2026年4月20日 19:30",
  closesAt: "2026年5月31日 17:00",
} satisfies EntryReceiptEmailProps;

export default EntryReceiptEmail;

export function entryReceiptSubject(locale: Locale, code: string): string {
  return translator(locale)("subject", { code });
}
