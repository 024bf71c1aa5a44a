import "server-only";
import { createElement } from "react";
import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { campaignJudges, campaigns, users } from "@/db/schema";
import { JudgeReminderEmail, judgeReminderSubject } from "@/emails/judging/reminder";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n";
import { enqueueMail, formatMailDate, libraryName, renderEmail, scheduleDrain, type NewMail } from "@/lib/mail";
import { shanghaiDay } from "@/lib/time";
import { judgeProgress } from "./assignments";

export type JudgeReminderResult = {
  /** Reminders queued now. */
  sent: number;
  /** Judges behind who already had today's reminder for this campaign (a second click, a colleague's). */
  alreadySent: number;
};

/**
 * Emails every judge on the panel who still has entries to score in the campaign, each in their
 * own language, while judging is open. At most one reminder per judge per campaign per Beijing
 * day (`judge-reminder/<campaign>-<judge>-<YYYYMMDD>`), so a double click sends once.
 */
export async function remindJudgesBehind(campaignId: number, opts: { origin: string; now?: Date }): Promise<JudgeReminderResult> {
  const now = opts.now ?? new Date();
  const db = getDb();
  const [campaign] = await db
    .select({ id: campaigns.id, title: campaigns.title, judgingEndsAt: campaigns.judgingEndsAt })
    .from(campaigns)
    .where(eq(campaigns.id, campaignId))
    .limit(1);
  if (!campaign) throw new AppError("not_found");
  if (now >= campaign.judgingEndsAt) throw new AppError("conflict", undefined, "judgingAdmin.errors.judgingClosed");

  const behind = (await judgeProgress(campaignId)).filter((p) => p.submitted < p.assigned);
  if (behind.length === 0) return { sent: 0, alreadySent: 0 };
  // Only judges still on the panel, with an address and an account in use.
  const reachable = await db
    .select({ id: users.id, email: users.email, locale: users.locale })
    .from(users)
    .innerJoin(campaignJudges, and(eq(campaignJudges.judgeId, users.id), eq(campaignJudges.campaignId, campaignId)))
    .where(
      and(
        inArray(
          users.id,
          behind.map((p) => p.judgeId),
        ),
        eq(users.disabled, false),
      ),
    );
  const day = shanghaiDay(now).replaceAll("-", "");
  const libraries = new Map<Locale, string>();
  const mails: NewMail[] = [];
  // Rendered before the transaction, which then only writes the outbox rows.
  for (const judge of reachable) {
    const p = behind.find((b) => b.judgeId === judge.id)!;
    if (!judge.email) continue;
    const locale = judge.locale;
    if (!libraries.has(locale)) libraries.set(locale, await libraryName(db, locale));
    const { html, text } = await renderEmail(
      createElement(JudgeReminderEmail, {
        locale,
        libraryName: libraries.get(locale)!,
        judgeName: p.name ?? judge.email,
        campaignTitle: campaign.title,
        assigned: p.assigned,
        submitted: p.submitted,
        judgingEnds: formatMailDate(campaign.judgingEndsAt, locale, true),
        url: `${opts.origin}/judging`,
      }),
    );
    mails.push({
      kind: "judge-reminder",
      entityId: `${campaignId}-${judge.id}-${day}`,
      to: judge.email,
      locale,
      subject: judgeReminderSubject(locale, campaign.title, p.assigned - p.submitted),
      html,
      text,
    });
  }
  const sent = await db.transaction(async (tx) => {
    let n = 0;
    for (const m of mails) if (await enqueueMail(tx, m)) n++;
    return n;
  });
  if (sent) scheduleDrain();
  return { sent, alreadySent: mails.length - sent };
}
