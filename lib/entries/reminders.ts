import "server-only";
import { createElement } from "react";
import { getDb } from "@/db/client";
import { EntryReminderEmail, entryReminderSubject } from "@/emails/entries/reminder";
import { getClassForUser } from "@/lib/classes/queries";
import type { Viewer } from "@/lib/classes/scope";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n";
import { enqueueMail, formatMailDate, libraryName, renderEmail, type NewMail } from "@/lib/mail";
import { shanghaiDay } from "@/lib/time";
import { loadClassProgress, reminderTargets } from "./progress";

export type ReminderResult = {
  /** Reminders queued now. */
  sent: number;
  /** Guardians who already had today's reminder (a second click, or a colleague's). */
  alreadySent: number;
  /** Pupils who have not submitted and whose guardian left only a phone number. */
  withoutEmail: number;
};

/**
 * A teacher emails the guardians of the class's pupils who have submitted nothing in the
 * campaign yet, each in the pupil's language, while the school's submission window is open.
 * At most one reminder per pupil per campaign per Beijing day
 * (`entry-reminder/<campaign>-<pupil>-<YYYYMMDD>`), so a double click sends once.
 */
export async function sendEntryReminders(
  user: Viewer,
  input: { classId: number; campaignId: number },
  opts: { origin: string; now?: Date },
): Promise<ReminderResult> {
  const now = opts.now ?? new Date();
  const cls = await getClassForUser(user, input.classId, "manage");
  if (!cls) throw new AppError("not_found");
  const [progress] = await loadClassProgress(cls, { now, campaignId: input.campaignId });
  if (!progress) throw new AppError("not_found");
  if (progress.windowState !== "open") throw new AppError("conflict", undefined, "entriesProgress.errors.closed");

  const targets = reminderTargets(progress);
  const reachable = targets.filter((p) => p.guardianEmail);
  const day = shanghaiDay(now).replaceAll("-", "");
  const libraries = new Map<Locale, string>();
  const mails: NewMail[] = [];
  // Rendered before the transaction, which then only writes the outbox rows.
  for (const p of reachable) {
    if (!libraries.has(p.locale)) libraries.set(p.locale, await libraryName(getDb(), p.locale));
    const closesAt = formatMailDate(progress.window.closesAt, p.locale, true);
    const { html, text } = await renderEmail(
      createElement(EntryReminderEmail, {
        locale: p.locale,
        libraryName: libraries.get(p.locale)!,
        guardianName: p.guardianName,
        pupilName: p.name,
        schoolName: cls.schoolName,
        className: cls.name,
        campaignTitle: progress.campaign.title,
        categories: p.open.map((o) => ({ name: o.category.name, status: o.status })),
        closesAt,
        consentMissing: !p.consentOk,
        url: `${opts.origin}/me/entries`,
      }),
    );
    mails.push({
      kind: "entry-reminder",
      entityId: `${progress.campaign.id}-${p.pupilId}-${day}`,
      to: p.guardianEmail!,
      locale: p.locale,
      subject: entryReminderSubject(p.locale, p.name, progress.campaign.title),
      html,
      text,
    });
  }
  const sent = await getDb().transaction(async (tx) => {
    let n = 0;
    for (const m of mails) if (await enqueueMail(tx, m)) n++;
    return n;
  });
  return { sent, alreadySent: reachable.length - sent, withoutEmail: targets.length - reachable.length };
}
