import { Button, Heading, Link, Section, Text } from "@react-email/components";
import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/i18n";
import { emailMessages, perLocale } from "@/lib/mail/render";
import { EmailLayout, textStyles } from "../layout";

export type ConsentRequestEmailProps = {
  locale: Locale;
  libraryName: string;
  guardianName: string;
  pupilName: string;
  schoolName: string;
  className: string;
  /** Already formatted in Beijing time, in the email's language. */
  validUntil: string;
  url: string;
};

const translator = perLocale((locale: Locale) => createTranslator({ locale, messages: emailMessages(locale), namespace: "consent.email" }));

export function ConsentRequestEmail({
  locale = "zh-CN",
  libraryName = "书香",
  guardianName = "张建国",
  pupilName = "张小明",
  schoolName = "滦南县第一实验小学",
  className = "四年级（2）班",
  validUntil = "2026年3月15日",
  url = "http://localhost:3000/consent/preview",
}: Partial<ConsentRequestEmailProps>) {
  const t = translator(locale);
  return (
    <EmailLayout locale={locale} libraryName={libraryName} preview={t("preview", { pupil: pupilName })}>
      <Heading as="h1" style={textStyles.heading}>
        {t("heading")}
      </Heading>
      <Text style={textStyles.body}>{t("greeting", { guardian: guardianName })}</Text>
      <Text style={textStyles.body}>{t("body", { pupil: pupilName, school: schoolName, className, library: libraryName })}</Text>
      <Section style={{ margin: "8px 0 24px" }}>
        <Button href={url} style={textStyles.button}>
          {t("button")}
        </Button>
      </Section>
      <Text style={textStyles.small}>{t("validUntil", { date: validUntil })}</Text>
      <Text style={textStyles.small}>{t("fallback")}</Text>
      <Text style={{ margin: "0 0 16px" }}>
        <Link href={url} style={textStyles.link}>
          {url}
        </Link>
      </Text>
      <Text style={textStyles.small}>{t("ignore")}</Text>
    </EmailLayout>
  );
}

ConsentRequestEmail.PreviewProps = {
  locale: "zh-CN",
  libraryName: "滦南县图书馆",
  guardianName: "张建国",
  pupilName: "张小明",
  schoolName: "滦南县第一实验小学",
  className: "四年级（2）班",
  validUntil: "2026年3月15日",
  url: "http://localhost:3000/consent/preview",
} satisfies ConsentRequestEmailProps;

export default ConsentRequestEmail;

export function consentRequestSubject(locale: Locale, pupilName: string): string {
  return translator(locale)("subject", { pupil: pupilName });
}
