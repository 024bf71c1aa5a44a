import type { ReactNode } from "react";
import { Body, Container, Head, Hr, Html, Preview, Section, Text } from "@react-email/components";
import type { Locale } from "@/lib/i18n";
import { emailTranslator } from "@/lib/mail/render";

// Inline styles only: many mail clients (and most Chinese webmail) drop <style> blocks.
// Nothing is loaded from outside: system CJK fonts, no images, no web fonts.

export const colors = {
  paper: "#faf8f3",
  card: "#ffffff",
  ink: "#1f2a26",
  muted: "#5b6660",
  rule: "#e4e0d6",
  accent: "#1f5f4a",
  onAccent: "#ffffff",
} as const;

export const fontStack = '"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC",sans-serif';

export type EmailLayoutProps = {
  locale: Locale;
  libraryName: string;
  /** The line mail clients show next to the subject in the inbox list. */
  preview: string;
  children: ReactNode;
};

export function EmailLayout({ locale, libraryName, preview, children }: EmailLayoutProps) {
  const t = emailTranslator(locale);
  return (
    <Html lang={locale} dir="ltr">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: colors.paper, color: colors.ink, fontFamily: fontStack, margin: 0, padding: "24px 0" }}>
        <Container style={{ maxWidth: "560px", margin: "0 auto", padding: "0 12px" }}>
          <Section style={{ borderTop: `4px solid ${colors.accent}`, padding: "16px 4px 12px" }}>
            <Text style={{ color: colors.accent, fontSize: "18px", fontWeight: 700, letterSpacing: "0.05em", margin: 0 }}>
              {libraryName}
            </Text>
          </Section>
          <Section
            style={{
              backgroundColor: colors.card,
              border: `1px solid ${colors.rule}`,
              borderRadius: "8px",
              padding: "28px 24px",
            }}
          >
            {children}
          </Section>
          <Hr style={{ borderColor: colors.rule, margin: "24px 0 12px" }} />
          <Text style={{ color: colors.muted, fontSize: "13px", lineHeight: "1.75", margin: 0 }}>
            {t("footer", { library: libraryName })}
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

/** Shared text styles, so every template reads the same (16 px minimum for phones, CJK line height). */
export const textStyles = {
  heading: { color: colors.ink, fontSize: "22px", fontWeight: 700, lineHeight: "1.5", margin: "0 0 16px" },
  body: { color: colors.ink, fontSize: "16px", lineHeight: "1.75", margin: "0 0 16px" },
  small: { color: colors.muted, fontSize: "14px", lineHeight: "1.75", margin: "0 0 8px" },
  button: {
    backgroundColor: colors.accent,
    borderRadius: "6px",
    color: colors.onAccent,
    display: "inline-block",
    fontSize: "16px",
    fontWeight: 700,
    padding: "12px 28px",
    textDecoration: "none",
  },
  link: { color: colors.accent, fontSize: "14px", lineHeight: "1.6", wordBreak: "break-all" as const },
} as const;
