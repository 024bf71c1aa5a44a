import { Button, Heading, Link, Section, Text } from "@react-email/components";
import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/i18n";
import { emailMessages, perLocale } from "@/lib/mail/render";
import { EmailLayout, textStyles } from "../layout";

export type JudgeInvitationEmailProps = {
  locale: Locale;
  libraryName: string;
  judgeName: string;
  campaignTitle: string;
  inviterName: string;
  url: string;
  /** Already formatted in Beijing time, in the email's language. */
  expiresAt: string;
  judgingEnds: string;
};

const translator = perLocale((locale: Locale) => createTranslator({ locale, messages: emailMessages(locale), namespace: "judgingAdmin.email.invitation" }));

/** Staff invite a reader to a campaign's judging panel; the link opens /judge-invite/<token>. */
export function JudgeInvitationEmail({
  locale = "zh-CN",
  libraryName = "书香",
  judgeName = "赵文华",
  campaignTitle = "燕赵少年读书活动 2026",
  inviterName = "图书馆",
  url = "http://localhost:3000/judge-invite/preview-token",
  expiresAt = "2026年6月14日 09:00",
  judgingEnds = "2026年6月30日 17:00",
}: Partial<JudgeInvitationEmailProps>) {
  const t = translator(locale);
  return (
    <EmailLayout locale={locale} libraryName={libraryName} preview={t("preview", { campaign: campaignTitle })}>
      <Heading as="h1" style={textStyles.heading}>
        {t("heading", { campaign: campaignTitle })}
      </Heading>
      <Text style={textStyles.body}>{t("greeting", { name: judgeName })}</Text>
      <Text style={textStyles.body}>{t("body", { inviter: inviterName, library: libraryName, campaign: campaignTitle })}</Text>
      <Text style={textStyles.body}>{t("blind", { date: judgingEnds })}</Text>
      <Text style={textStyles.body}>{t("conflicts")}</Text>
      <Section style={{ margin: "8px 0 24px" }}>
        <Button href={url} style={textStyles.button}>
          {t("button")}
        </Button>
      </Section>
      <Text style={textStyles.small}>{t("fallback")}</Text>
      <Text style={{ margin: "0 0 16px" }}>
        <Link href={url} style={textStyles.link}>
          {url}
        </Link>
      </Text>
      <Text style={textStyles.small}>{t("expires", { date: expiresAt })}</Text>
      <Text style={textStyles.small}>{t("ignore")}</Text>
    </EmailLayout>
  );
}

JudgeInvitationEmail.PreviewProps = {
  locale: "zh-CN",
  libraryName: "滦南县图书馆",
  judgeName: "赵文华",
  campaignTitle: "燕赵少年读书活动 2026",
  inviterName: "刘馆员",
  url: "http://localhost:3000/judge-invite/preview-token",
  expiresAt: "2026年6月14日 09:00",
  judgingEnds: "2026年6月30日 17:00",
} satisfies JudgeInvitationEmailProps;

export default JudgeInvitationEmail;

export function judgeInvitationSubject(locale: Locale, campaignTitle: string): string {
  return translator(locale)("subject", { campaign: campaignTitle });
}
