import { Button, Heading, Section, Text } from "@react-email/components";
import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/i18n";
import { emailMessages, perLocale } from "@/lib/mail/render";
import { EmailLayout, textStyles } from "../layout";

export type JudgeReminderEmailProps = {
  locale: Locale;
  libraryName: string;
  judgeName: string;
  campaignTitle: string;
  assigned: number;
  submitted: number;
  /** Already formatted in Beijing time, in the email's language. */
  judgingEnds: string;
  url: string;
};

const translator = perLocale((locale: Locale) => createTranslator({ locale, messages: emailMessages(locale), namespace: "judgingAdmin.email.reminder" }));

/** Staff nudge a judge who still has entries to score. Counts only: never an entry's details. */
export function JudgeReminderEmail({
  locale = "zh-CN",
  libraryName = "书香",
  judgeName = "赵文华",
  campaignTitle = "燕赵少年读书活动 2026",
  assigned = 40,
  submitted = 12,
  judgingEnds = "2026年6月30日 17:00",
  url = "http://localhost:3000/judging",
}: Partial<JudgeReminderEmailProps>) {
  const t = translator(locale);
  const left = assigned - submitted;
  return (
    <EmailLayout locale={locale} libraryName={libraryName} preview={t("preview", { left, date: judgingEnds })}>
      <Heading as="h1" style={textStyles.heading}>
        {t("heading", { campaign: campaignTitle })}
      </Heading>
      <Text style={textStyles.body}>{t("greeting", { name: judgeName })}</Text>
      <Text style={textStyles.body}>{t("body", { assigned, submitted, left, campaign: campaignTitle })}</Text>
      <Text style={textStyles.body}>{t("deadline", { date: judgingEnds })}</Text>
      <Section style={{ margin: "8px 0 24px" }}>
        <Button href={url} style={textStyles.button}>
          {t("button")}
        </Button>
      </Section>
      <Text style={textStyles.small}>{t("thanks", { library: libraryName })}</Text>
    </EmailLayout>
  );
}

JudgeReminderEmail.PreviewProps = {
  locale: "zh-CN",
  libraryName: "滦南县图书馆",
  judgeName: "赵文华",
  campaignTitle: "燕赵少年读书活动 2026",
  assigned: 40,
  submitted: 12,
  judgingEnds: "2026年6月30日 17:00",
  url: "http://localhost:3000/judging",
} satisfies JudgeReminderEmailProps;

export default JudgeReminderEmail;

export function judgeReminderSubject(locale: Locale, campaignTitle: string, left: number): string {
  return translator(locale)("subject", { campaign: campaignTitle, left });
}
