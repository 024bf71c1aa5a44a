import { Button, Heading, Section, Text } from "@react-email/components";
import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/i18n";
import { emailMessages, perLocale } from "@/lib/mail/render";
import { EmailLayout, textStyles } from "../layout";

export type EnrolmentConfirmedEmailProps = {
  locale: Locale;
  libraryName: string;
  coordinatorName: string;
  schoolName: string;
  campaignTitle: string;
  /** Already formatted in Beijing time, in the email's language. */
  submissionCloses: string;
  url: string;
};

const translator = perLocale((locale: Locale) => createTranslator({ locale, messages: emailMessages(locale), namespace: "enrolment.email" }));

export function EnrolmentConfirmedEmail({
  locale = "zh-CN",
  libraryName = "书香",
  coordinatorName = "李春华",
  schoolName = "滦南县第一实验小学",
  campaignTitle = "燕赵少年读书活动 2026",
  submissionCloses = "2026年5月31日 17:00",
  url = "http://localhost:3000/school/campaigns",
}: Partial<EnrolmentConfirmedEmailProps>) {
  const t = translator(locale);
  return (
    <EmailLayout locale={locale} libraryName={libraryName} preview={t("preview", { campaign: campaignTitle })}>
      <Heading as="h1" style={textStyles.heading}>
        {t("heading")}
      </Heading>
      <Text style={textStyles.body}>{t("greeting", { name: coordinatorName })}</Text>
      <Text style={textStyles.body}>{t("body", { school: schoolName, campaign: campaignTitle })}</Text>
      <Text style={textStyles.body}>{t("deadline", { date: submissionCloses })}</Text>
      <Text style={textStyles.body}>{t("next")}</Text>
      <Section style={{ margin: "8px 0 24px" }}>
        <Button href={url} style={textStyles.button}>
          {t("button")}
        </Button>
      </Section>
    </EmailLayout>
  );
}

EnrolmentConfirmedEmail.PreviewProps = {
  locale: "zh-CN",
  libraryName: "滦南县图书馆",
  coordinatorName: "李春华",
  schoolName: "滦南县第一实验小学",
  campaignTitle: "燕赵少年读书活动 2026",
  submissionCloses: "2026年5月31日 17:00",
  url: "http://localhost:3000/school/campaigns",
} satisfies EnrolmentConfirmedEmailProps;

export default EnrolmentConfirmedEmail;

export function enrolmentConfirmedSubject(locale: Locale, campaignTitle: string): string {
  return translator(locale)("subject", { campaign: campaignTitle });
}
