import "server-only";
import { createElement } from "react";
import type { DbOrTx } from "@/db/client";
import { ConsentRequestEmail, consentRequestSubject } from "@/emails/consent/request";
import type { Locale } from "@/lib/i18n";
import { enqueueMail, formatMailDate, libraryName, renderEmail } from "@/lib/mail";

/** Queues the guardian's consent link. Idempotent per consent row: `consent-request/<id>`. */
export async function sendConsentRequestMail(
  db: DbOrTx,
  m: { consentId: number; to: string; locale: Locale; url: string; guardianName: string; pupilName: string; schoolName: string; className: string; expiresAt: Date },
  library?: string,
): Promise<boolean> {
  const name = library ?? (await libraryName(db, m.locale));
  const { html, text } = await renderEmail(
    createElement(ConsentRequestEmail, {
      locale: m.locale,
      libraryName: name,
      guardianName: m.guardianName,
      pupilName: m.pupilName,
      schoolName: m.schoolName,
      className: m.className,
      validUntil: formatMailDate(m.expiresAt, m.locale),
      url: m.url,
    }),
  );
  return enqueueMail(db, {
    kind: "consent-request",
    entityId: m.consentId,
    to: m.to,
    locale: m.locale,
    subject: consentRequestSubject(m.locale, m.pupilName),
    html,
    text,
  });
}
