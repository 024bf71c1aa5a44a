import "server-only";
import { createElement } from "react";
import type { DbOrTx } from "@/db/client";
import { EnrolmentConfirmedEmail, enrolmentConfirmedSubject } from "@/emails/enrolment/confirmed";
import type { Locale } from "@/lib/i18n";
import { enqueueMail, formatMailDate, libraryName, renderEmail } from "@/lib/mail";

/** Confirms a school's enrolment to its coordinator. Idempotent per enrolment: `enrolment-confirmed/<id>`. */
export async function sendEnrolmentConfirmedMail(
  db: DbOrTx,
  m: { enrolmentId: number; to: string; locale: Locale; coordinatorName: string; schoolName: string; campaignTitle: string; submissionClosesAt: Date; url: string },
): Promise<boolean> {
  const { html, text } = await renderEmail(
    createElement(EnrolmentConfirmedEmail, {
      locale: m.locale,
      libraryName: await libraryName(db, m.locale),
      coordinatorName: m.coordinatorName,
      schoolName: m.schoolName,
      campaignTitle: m.campaignTitle,
      submissionCloses: formatMailDate(m.submissionClosesAt, m.locale, true),
      url: m.url,
    }),
  );
  return enqueueMail(db, {
    kind: "enrolment-confirmed",
    entityId: m.enrolmentId,
    to: m.to,
    locale: m.locale,
    subject: enrolmentConfirmedSubject(m.locale, m.campaignTitle),
    html,
    text,
  });
}
