import { Button, Heading, Link, Section, Text } from "@react-email/components";
import type { Locale } from "@/lib/i18n";
import { EmailLayout, textStyles } from "../layout";
import { formatMailDate } from "@/lib/mail/render";
import { inviteEmailT } from "./translator";

export type TeacherInvitationEmailProps = {
  locale: Locale;
  libraryName: string;
  teacherName: string;
  schoolName: string;
  inviterName: string;
  url: string;
  expiresAt: Date;
};

/** A coordinator invites a teacher of their school; the link opens /invite/<token>. */
export function TeacherInvitationEmail({
  locale = "zh-CN",
  libraryName = "书香",
  teacherName = "王老师",
  schoolName = "滦南县第一实验小学",
  inviterName = "李春华",
  url = "http://localhost:3000/invite/preview-token",
  expiresAt = new Date("2026-03-08T09:00:00+08:00"),
}: Partial<TeacherInvitationEmailProps>) {
  const t = inviteEmailT(locale);
  return (
    <EmailLayout locale={locale} libraryName={libraryName} preview={t("preview", { school: schoolName })}>
      <Heading as="h1" style={textStyles.heading}>
        {t("heading", { school: schoolName })}
      </Heading>
      <Text style={textStyles.body}>{t("greeting", { name: teacherName })}</Text>
      <Text style={textStyles.body}>{t("body", { inviter: inviterName, school: schoolName, library: libraryName })}</Text>
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
      <Text style={textStyles.small}>{t("expires", { date: formatMailDate(expiresAt, locale, true) })}</Text>
      <Text style={textStyles.small}>{t("ignore")}</Text>
    </EmailLayout>
  );
}

TeacherInvitationEmail.PreviewProps = {
  locale: "zh-CN",
  libraryName: "滦南县图书馆",
  teacherName: "王老师",
  schoolName: "滦南县第一实验小学",
  inviterName: "李春华",
  url: "http://localhost:3000/invite/preview-token",
  expiresAt: new Date("2026-03-08T09:00:00+08:00"),
} satisfies TeacherInvitationEmailProps;

export default TeacherInvitationEmail;

export function teacherInvitationSubject(locale: Locale, schoolName: string): string {
  return inviteEmailT(locale)("subject", { school: schoolName });
}
