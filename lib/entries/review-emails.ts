import "server-only";
import { createElement } from "react";
import { eq, sql } from "drizzle-orm";
import { createTranslator } from "next-intl";
import type { Tx } from "@/db/client";
import { campaignCategories, campaigns, classes, librarySettings, schools, users } from "@/db/schema";
import { classLabel } from "@/lib/classes/label";
import {
  EntryDisqualifiedEmail,
  EntryReinstatedEmail,
  entryDisqualifiedSubject,
  entryReinstatedSubject,
  type EntryDecisionEmailProps,
} from "@/emails/entries/disqualified";
import type { Locale } from "@/lib/i18n";
import { emailMessages, enqueueMail, libraryName, perLocale, renderEmail } from "@/lib/mail";

const classesT = perLocale((locale: Locale) => createTranslator({ locale, messages: emailMessages(locale), namespace: "classes" }));

type DecidedEntry = { id: number; code: string | null; title: string; pupilId: string; schoolId: number; classId: number | null; categoryId: number; campaignId: number };

/**
 * Who hears about a decision on an entry: the class teacher (an active account with an email),
 * else the school's coordinator, in their own language (zh-CN when they have no account yet).
 */
async function recipient(tx: Tx, entry: DecidedEntry) {
  if (entry.classId !== null) {
    const [t] = await tx
      .select({ email: users.email, name: users.name, locale: users.locale })
      .from(classes)
      .innerJoin(users, eq(users.id, classes.teacherId))
      .where(sql`${classes.id} = ${entry.classId} and ${users.disabled} = false and ${users.email} is not null`)
      .limit(1);
    if (t?.email) return { email: t.email, name: t.name ?? "", locale: t.locale };
  }
  const [c] = await tx
    .select({ email: schools.coordinatorEmail, name: schools.coordinatorName, locale: users.locale })
    .from(schools)
    .leftJoin(users, sql`lower(${users.email}) = lower(${schools.coordinatorEmail})`)
    .where(eq(schools.id, entry.schoolId))
    .limit(1);
  return { email: c!.email, name: c!.name, locale: c!.locale ?? ("zh-CN" as Locale) };
}

async function emailProps(tx: Tx, entry: DecidedEntry, locale: Locale): Promise<Omit<EntryDecisionEmailProps, "reason" | "teacherName">> {
  const [facts] = await tx
    .select({
      pupilName: users.name,
      schoolName: schools.name,
      classGrade: classes.grade,
      className: classes.name,
      campaignTitle: campaigns.title,
      categoryName: campaignCategories.name,
      phone: librarySettings.phone,
      libraryEmail: librarySettings.email,
    })
    .from(users)
    .innerJoin(schools, eq(schools.id, entry.schoolId))
    .innerJoin(campaigns, eq(campaigns.id, entry.campaignId))
    .innerJoin(campaignCategories, eq(campaignCategories.id, entry.categoryId))
    .leftJoin(classes, sql`${classes.id} = ${entry.classId}`)
    .leftJoin(librarySettings, eq(librarySettings.id, 1))
    .where(eq(users.id, entry.pupilId))
    .limit(1);
  const f = facts!;
  const tc = classesT(locale);
  return {
    locale,
    libraryName: await libraryName(tx, locale),
    pupilName: f.pupilName ?? "",
    schoolName: f.schoolName,
    className: f.className !== null && f.classGrade !== null ? classLabel(tc, { grade: f.classGrade, name: f.className }) : "",
    campaignTitle: f.campaignTitle,
    categoryName: f.categoryName,
    code: entry.code ?? "—",
    entryTitle: entry.title,
    contact: [f.phone, f.libraryEmail].filter(Boolean).join(" · "),
  };
}

/**
 * Tells the teacher an entry was disqualified, with the reason. `round` counts this entry's
 * disqualifications, so a second disqualification after an undo is a new email, while a retried
 * request for the same one is not (`entry-disqualified/<id>-<round>`).
 */
export async function sendEntryDisqualified(tx: Tx, entry: DecidedEntry, reason: string, round: number) {
  const to = await recipient(tx, entry);
  const props = await emailProps(tx, entry, to.locale);
  const { html, text } = await renderEmail(createElement(EntryDisqualifiedEmail, { ...props, teacherName: to.name, reason }));
  return enqueueMail(tx, {
    kind: "entry-disqualified",
    entityId: `${entry.id}-${round}`,
    to: to.email,
    locale: to.locale,
    subject: entryDisqualifiedSubject(to.locale, props.code),
    html,
    text,
  });
}

/** Tells the teacher the entry is back in the campaign (`entry-reinstated/<id>-<round>`). */
export async function sendEntryReinstated(tx: Tx, entry: DecidedEntry, round: number) {
  const to = await recipient(tx, entry);
  const props = await emailProps(tx, entry, to.locale);
  const { html, text } = await renderEmail(createElement(EntryReinstatedEmail, { ...props, teacherName: to.name, reason: "" }));
  return enqueueMail(tx, {
    kind: "entry-reinstated",
    entityId: `${entry.id}-${round}`,
    to: to.email,
    locale: to.locale,
    subject: entryReinstatedSubject(to.locale, props.code),
    html,
    text,
  });
}
