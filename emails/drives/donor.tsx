import { Button, Heading, Section, Text } from "@react-email/components";
import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/i18n";
import { emailMessages, perLocale } from "@/lib/mail/render";
import { EmailLayout, textStyles } from "../layout";

/**
 * Every message to a donor shares this layout: what happened (the variant), the books by
 * category (counts only — a donation is never given a money value) and a link.
 */
export type DonorEmailVariant = "pledged" | "changed" | "cancelled" | "thanks" | "delivered";

export type DonorEmailProps = {
  locale: Locale;
  variant: DonorEmailVariant;
  libraryName: string;
  name: string;
  driveTitle: string;
  destination: string;
  code: string;
  lines: { name: string; count: number }[];
  /** Drop-off: the library's address and hours; pickup: the donor's address and days. */
  handover: string;
  url: string;
};

const translator = perLocale((locale: Locale) => createTranslator({ locale, messages: emailMessages(locale), namespace: "drives.email" }));

export const donorEmailSubject = (locale: Locale, variant: DonorEmailVariant, drive: string) => translator(locale)(`${variant}.subject`, { drive });

export function DonorEmail({
  locale = "zh-CN",
  variant = "pledged",
  libraryName = "书香",
  name = "李明",
  driveTitle = "为东万坨村农家书屋捐书",
  destination = "方各庄镇东万坨村农家书屋",
  code = "K7MQ3XPA",
  lines = [{ name: "绘本", count: 20 }],
  handover = "",
  url = "http://localhost:3000/pledges/example",
}: Partial<DonorEmailProps>) {
  const t = translator(locale);
  return (
    <EmailLayout locale={locale} libraryName={libraryName} preview={t(`${variant}.subject`, { drive: driveTitle })}>
      <Heading as="h1" style={textStyles.heading}>
        {t(`${variant}.heading`, { drive: driveTitle, destination })}
      </Heading>
      <Text style={textStyles.body}>{t("greeting", { name })}</Text>
      <Text style={textStyles.body}>{t(`${variant}.body`, { drive: driveTitle, destination })}</Text>
      {lines.length > 0 && (
        <Text style={textStyles.body}>
          {lines.map((l) => (
            <span key={l.name}>
              {t("line", { category: l.name, count: l.count })}
              <br />
            </span>
          ))}
        </Text>
      )}
      {code && <Text style={textStyles.body}>{t("code", { code })}</Text>}
      {handover && <Text style={textStyles.body}>{handover}</Text>}
      <Section style={{ margin: "8px 0 24px" }}>
        <Button href={url} style={textStyles.button}>
          {t(variant === "pledged" || variant === "changed" ? "manage" : "view")}
        </Button>
      </Section>
    </EmailLayout>
  );
}

DonorEmail.PreviewProps = {
  locale: "zh-CN",
  variant: "pledged",
  libraryName: "滦南县图书馆",
  name: "李明",
  driveTitle: "为东万坨村农家书屋捐书",
  destination: "方各庄镇东万坨村农家书屋",
  code: "K7MQ3XPA",
  lines: [{ name: "绘本", count: 20 }],
  handover: "",
  url: "http://localhost:3000/pledges/example",
} satisfies DonorEmailProps;

export default DonorEmail;
