import "server-only";
import { eq } from "drizzle-orm";
import { createElement } from "react";
import type { DbOrTx } from "@/db/client";
import { schools, users } from "@/db/schema";
import { EntryReceiptEmail, entryReceiptSubject } from "@/emails/entries/receipt";
import type { Locale } from "@/lib/i18n";
import { cachedEmailTemplate, enqueueMail, formatMailDate, libraryName, placeholders } from "@/lib/mail";
import type { EntryPupil, EntrySlot } from "./queries";

type Recipient = { to: string; name: string; locale: Locale };

/**
 * Who hears about a pupil's entry: the guardian when we have their email (in the language the
 * pupil uses), otherwise the class teacher, otherwise the school's coordinator, each in their own.
 */
export async function entryRecipient(db: DbOrTx, pupil: EntryPupil): Promise<Recipient | null> {
  if (pupil.guardianEmail) return { to: pupil.guardianEmail, name: pupil.guardianName, locale: pupil.pupilLocale };
  if (pupil.teacherId) {
    const [teacher] = await db.select({ email: users.email, name: users.name, locale: users.locale }).from(users).where(eq(users.id, pupil.teacherId)).limit(1);
    if (teacher?.email) return { to: teacher.email, name: teacher.name ?? "", locale: teacher.locale };
  }
  const [school] = await db
    .select({ email: schools.coordinatorEmail, name: schools.coordinatorName })
    .from(schools)
    .where(eq(schools.id, pupil.schoolId))
    .limit(1);
  return school ? { to: school.email, name: school.name, locale: "zh-CN" } : null;
}

const receiptFields = ["recipientName", "pupilName", "campaignTitle", "categoryName", "entryTitle", "code", "submittedAt", "closesAt"] as const;

/** The receipt of a submitted entry, with its code. Once per entry: `entry-receipt/<id>`. */
export async function sendEntryReceiptMail(
  db: DbOrTx,
  m: { entryId: number; code: string; title: string; submittedAt: Date; pupil: EntryPupil; slot: EntrySlot },
): Promise<boolean> {
  const to = await entryRecipient(db, m.pupil);
  if (!to) return false;
  const library = await libraryName(db, to.locale);
  // Rendered once per language and library name, then filled for each entry.
  const fill = await cachedEmailTemplate(JSON.stringify(["entry-receipt", to.locale, library]), () =>
    createElement(EntryReceiptEmail, { locale: to.locale, libraryName: library, ...placeholders(receiptFields) }),
  );
  const { html, text } = fill({
    recipientName: to.name,
    pupilName: m.pupil.pupilName ?? "",
    campaignTitle: m.slot.campaign.title,
    categoryName: m.slot.category.name,
    entryTitle: m.title,
    code: m.code,
    submittedAt: formatMailDate(m.submittedAt, to.locale, true),
    closesAt: formatMailDate(m.slot.window.closesAt, to.locale, true),
  });
  return enqueueMail(db, { kind: "entry-receipt", entityId: m.entryId, to: to.to, locale: to.locale, subject: entryReceiptSubject(to.locale, m.code), html, text });
}
