import "server-only";
import { createElement } from "react";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { librarySettings } from "@/db/schema";
import type { Locale } from "@/lib/i18n";
import { enqueueMail, libraryName, renderEmail } from "@/lib/mail";
import { SchoolApprovedEmail, schoolApprovedSubject } from "@/emails/schools/school-approved";
import { SchoolReceivedEmail, schoolReceivedSubject } from "@/emails/schools/school-received";
import { SchoolRejectedEmail, schoolRejectedSubject } from "@/emails/schools/school-rejected";
import { TeacherInvitationEmail, teacherInvitationSubject } from "@/emails/schools/teacher-invitation";

// Typed helpers, one per kind of school email. Each queues inside the caller's transaction
// (rule 4); the caller runs scheduleDrain() after the commit. Keys are `<kind>/<entity id>`.

type School = { id: number; name: string; coordinatorName: string; coordinatorEmail: string };

export async function sendSchoolReceived(db: DbOrTx, m: { school: School; townName: string; locale: Locale }) {
  const { school, locale } = m;
  const { html, text } = await renderEmail(
    createElement(SchoolReceivedEmail, {
      locale,
      libraryName: await libraryName(db, locale),
      schoolName: school.name,
      townName: m.townName,
      coordinatorName: school.coordinatorName,
    }),
  );
  return enqueueMail(db, {
    kind: "school-received",
    entityId: school.id,
    to: school.coordinatorEmail,
    locale,
    subject: schoolReceivedSubject(locale, school.name),
    html,
    text,
  });
}

export async function sendSchoolApproved(db: DbOrTx, m: { school: School; signInUrl: string; locale: Locale }) {
  const { school, locale } = m;
  const { html, text } = await renderEmail(
    createElement(SchoolApprovedEmail, {
      locale,
      libraryName: await libraryName(db, locale),
      schoolName: school.name,
      coordinatorName: school.coordinatorName,
      email: school.coordinatorEmail,
      signInUrl: m.signInUrl,
    }),
  );
  return enqueueMail(db, {
    kind: "school-approved",
    entityId: school.id,
    to: school.coordinatorEmail,
    locale,
    subject: schoolApprovedSubject(locale, school.name),
    html,
    text,
  });
}

export async function sendSchoolRejected(db: DbOrTx, m: { school: School; reason: string; locale: Locale }) {
  const { school, locale } = m;
  const [settings] = await db
    .select({ phone: librarySettings.phone, email: librarySettings.email })
    .from(librarySettings)
    .where(eq(librarySettings.id, 1))
    .limit(1);
  const { html, text } = await renderEmail(
    createElement(SchoolRejectedEmail, {
      locale,
      libraryName: await libraryName(db, locale),
      schoolName: school.name,
      coordinatorName: school.coordinatorName,
      reason: m.reason,
      contact: [settings?.phone, settings?.email].filter(Boolean).join(" · "),
    }),
  );
  return enqueueMail(db, {
    kind: "school-rejected",
    entityId: school.id,
    to: school.coordinatorEmail,
    locale,
    subject: schoolRejectedSubject(locale, school.name),
    html,
    text,
  });
}

export async function sendTeacherInvitation(
  db: DbOrTx,
  m: {
    /** Invitation id plus a piece of the token's hash: a resent invitation is a new email. */
    entityId: string;
    to: string;
    teacherName: string;
    schoolName: string;
    inviterName: string;
    url: string;
    expiresAt: Date;
    locale: Locale;
  },
) {
  const { locale } = m;
  const { html, text } = await renderEmail(
    createElement(TeacherInvitationEmail, {
      locale,
      libraryName: await libraryName(db, locale),
      teacherName: m.teacherName,
      schoolName: m.schoolName,
      inviterName: m.inviterName,
      url: m.url,
      expiresAt: m.expiresAt,
    }),
  );
  return enqueueMail(db, {
    kind: "teacher-invitation",
    entityId: m.entityId,
    to: m.to,
    locale,
    subject: teacherInvitationSubject(locale, m.schoolName),
    html,
    text,
  });
}
