import { Button, Heading, Link, Section, Text } from "@react-email/components";
import type { Locale } from "@/lib/i18n";
import { emailTranslator } from "@/lib/mail/render";
import { EmailLayout, textStyles } from "../layout";

export type MagicLinkEmailProps = {
  locale: Locale;
  libraryName: string;
  url: string;
};

export function MagicLinkEmail({
  locale = "zh-CN",
  libraryName = "书香",
  url = "http://localhost:3000/api/auth/callback/resend?token=preview",
}: Partial<MagicLinkEmailProps>) {
  const t = emailTranslator(locale);
  return (
    <EmailLayout locale={locale} libraryName={libraryName} preview={t("magicLink.preview")}>
      <Heading as="h1" style={textStyles.heading}>
        {t("magicLink.heading")}
      </Heading>
      <Text style={textStyles.body}>{t("magicLink.body")}</Text>
      <Section style={{ margin: "8px 0 24px" }}>
        <Button href={url} style={textStyles.button}>
          {t("magicLink.button")}
        </Button>
      </Section>
      <Text style={textStyles.small}>{t("magicLink.fallback")}</Text>
      <Text style={{ margin: "0 0 16px" }}>
        <Link href={url} style={textStyles.link}>
          {url}
        </Link>
      </Text>
      <Text style={textStyles.small}>{t("magicLink.ignore")}</Text>
    </EmailLayout>
  );
}

/** Props the React Email preview server uses. */
MagicLinkEmail.PreviewProps = {
  locale: "zh-CN",
  libraryName: "滦南县图书馆",
  url: "http://localhost:3000/api/auth/callback/resend?token=preview",
} satisfies MagicLinkEmailProps;

export default MagicLinkEmail;

/** The subject line, from the same messages as the body. */
export function magicLinkSubject(locale: Locale): string {
  return emailTranslator(locale)("magicLink.subject");
}
