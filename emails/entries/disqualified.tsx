import { Heading, Section, Text } from "@react-email/components";
import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/i18n";
import { emailMessages, perLocale } from "@/lib/mail/render";
import { colors, EmailLayout, textStyles } from "../layout";

export type EntryDecisionEmailProps = {
  locale: Locale;
  libraryName: string;
  /** The class teacher, or the school's coordinator when the class has none. */
  teacherName: string;
  pupilName: string;
  schoolName: string;
  /** The class as the school says it, e.g. 四年级 2班; empty when the entry has no class. */
  className: string;
  campaignTitle: string;
  categoryName: string;
  code: string;
  entryTitle: string;
  /** Only in the disqualification email. */
  reason: string;
  /** The library's phone and email, when it has them: the reply address is not read. */
  contact: string;
};

const translator = perLocale((locale: Locale) => createTranslator({ locale, messages: emailMessages(locale), namespace: "entriesAdmin.email" }));

const defaults: EntryDecisionEmailProps = {
  locale: "zh-CN",
  libraryName: "滦南县图书馆",
  teacherName: "李春华",
  pupilName: "王小明",
  schoolName: "滦南县第一实验小学",
  className: "四年级 2班",
  campaignTitle: "燕赵少年读书活动 2026",
  categoryName: "小学中年级组 · 读后感",
  code: "2026-YZ-A-00123",
  entryTitle: "读《草房子》有感",
  reason: "作品与已发表的文章大段相同。",
  contact: "0315-4112345",
};

/** Which entry the email is about, the same way in both emails. */
function EntryFacts({ p, t }: { p: EntryDecisionEmailProps; t: ReturnType<typeof translator> }) {
  return (
    <Section style={{ backgroundColor: colors.paper, borderRadius: "6px", margin: "0 0 16px", padding: "8px 12px" }}>
      <Text style={{ ...textStyles.body, margin: 0 }}>{t("code", { code: p.code })}</Text>
      <Text style={{ ...textStyles.body, margin: 0 }}>{t("entry", { title: p.entryTitle || "—" })}</Text>
      <Text style={{ ...textStyles.body, margin: 0 }}>{t("pupil", { pupil: p.pupilName, class: p.className || "—" })}</Text>
      <Text style={{ ...textStyles.body, margin: 0 }}>{t("category", { campaign: p.campaignTitle, category: p.categoryName })}</Text>
    </Section>
  );
}

/** The library disqualified an entry of the teacher's pupil, with the reason staff gave. */
export function EntryDisqualifiedEmail(props: Partial<EntryDecisionEmailProps>) {
  const p = { ...defaults, ...props };
  const t = translator(p.locale);
  return (
    <EmailLayout locale={p.locale} libraryName={p.libraryName} preview={t("disqualified.preview", { code: p.code })}>
      <Heading as="h1" style={textStyles.heading}>
        {t("disqualified.heading")}
      </Heading>
      <Text style={textStyles.body}>{t("greeting", { name: p.teacherName })}</Text>
      <Text style={textStyles.body}>{t("disqualified.body", { school: p.schoolName })}</Text>
      <EntryFacts p={p} t={t} />
      <Section style={{ borderLeft: `4px solid ${colors.rule}`, margin: "0 0 16px", padding: "4px 12px" }}>
        <Text style={{ ...textStyles.small, margin: 0 }}>{t("disqualified.reasonLabel")}</Text>
        <Text style={{ ...textStyles.body, margin: 0, whiteSpace: "pre-line" }}>{p.reason}</Text>
      </Section>
      <Text style={textStyles.body}>{p.contact ? t("contact", { contact: p.contact }) : t("contactNoDetails")}</Text>
    </EmailLayout>
  );
}

EntryDisqualifiedEmail.PreviewProps = defaults;

export default EntryDisqualifiedEmail;

/** The library took a disqualification back: the entry is in the campaign again. */
export function EntryReinstatedEmail(props: Partial<EntryDecisionEmailProps>) {
  const p = { ...defaults, ...props };
  const t = translator(p.locale);
  return (
    <EmailLayout locale={p.locale} libraryName={p.libraryName} preview={t("reinstated.preview", { code: p.code })}>
      <Heading as="h1" style={textStyles.heading}>
        {t("reinstated.heading")}
      </Heading>
      <Text style={textStyles.body}>{t("greeting", { name: p.teacherName })}</Text>
      <Text style={textStyles.body}>{t("reinstated.body", { school: p.schoolName })}</Text>
      <EntryFacts p={p} t={t} />
      <Text style={textStyles.body}>{p.contact ? t("contact", { contact: p.contact }) : t("contactNoDetails")}</Text>
    </EmailLayout>
  );
}

export function entryDisqualifiedSubject(locale: Locale, code: string): string {
  return translator(locale)("disqualified.subject", { code });
}

export function entryReinstatedSubject(locale: Locale, code: string): string {
  return translator(locale)("reinstated.subject", { code });
}
