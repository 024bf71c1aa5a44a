import { Button, Heading, Section, Text } from "@react-email/components";
import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/i18n";
import { emailMessages, perLocale } from "@/lib/mail/render";
import { EmailLayout, textStyles } from "../layout";

export type EntryReminderEmailProps = {
  locale: Locale;
  libraryName: string;
  guardianName: string;
  pupilName: string;
  schoolName: string;
  className: string;
  campaignTitle: string;
  /** The categories the pupil can still enter, and where they are in each. */
  categories: { name: string; status: "none" | "draft" | "withdrawn" }[];
  /** Already formatted in Beijing time, in the email's language. */
  closesAt: string;
  /** Set when the guardian's consent is not on record yet: nothing can be submitted before it is. */
  consentMissing: boolean;
  url: string;
};

const translator = perLocale((locale: Locale) => createTranslator({ locale, messages: emailMessages(locale), namespace: "entriesProgress.email" }));

export function EntryReminderEmail({
  locale = "zh-CN",
  libraryName = "书香",
  guardianName = "王丽",
  pupilName = "王小明",
  schoolName = "滦南县第一实验小学",
  className = "四年级（1）班",
  campaignTitle = "燕赵少年读书活动 2026",
  categories = [{ name: "小学高年级组（征文）", status: "draft" }],
  closesAt = "2026年5月31日 17:00",
  consentMissing = false,
  url = "http://localhost:3000/me/entries",
}: Partial<EntryReminderEmailProps>) {
  const t = translator(locale);
  return (
    <EmailLayout locale={locale} libraryName={libraryName} preview={t("preview", { pupil: pupilName, date: closesAt })}>
      <Heading as="h1" style={textStyles.heading}>
        {t("heading")}
      </Heading>
      <Text style={textStyles.body}>{t("greeting", { name: guardianName })}</Text>
      <Text style={textStyles.body}>{t("body", { pupil: pupilName, campaign: campaignTitle, date: closesAt })}</Text>
      <Section style={{ margin: "0 0 8px" }}>
        {categories.map((c) => (
          <Text key={c.name} style={{ ...textStyles.body, margin: "0 0 4px" }}>
            {t("category", { name: c.name, status: c.status })}
          </Text>
        ))}
      </Section>
      {consentMissing ? <Text style={{ ...textStyles.body, fontWeight: 700 }}>{t("consent")}</Text> : null}
      <Text style={textStyles.body}>{t("howTo")}</Text>
      <Section style={{ margin: "8px 0 24px" }}>
        <Button href={url} style={textStyles.button}>
          {t("button")}
        </Button>
      </Section>
      <Text style={textStyles.small}>{t("sentBy", { school: schoolName, class: className })}</Text>
    </EmailLayout>
  );
}

EntryReminderEmail.PreviewProps = {
  locale: "zh-CN",
  libraryName: "滦南县图书馆",
  guardianName: "王丽",
  pupilName: "王小明",
  schoolName: "滦南县第一实验小学",
  className: "四年级（1）班",
  campaignTitle: "燕赵少年读书活动 2026",
  categories: [{ name: "小学高年级组（征文）", status: "draft" }],
  closesAt: "2026年5月31日 17:00",
  consentMissing: true,
  url: "http://localhost:3000/me/entries",
} satisfies EntryReminderEmailProps;

export default EntryReminderEmail;

export function entryReminderSubject(locale: Locale, pupilName: string, campaignTitle: string): string {
  return translator(locale)("subject", { pupil: pupilName, campaign: campaignTitle });
}
