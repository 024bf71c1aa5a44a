import { eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { createUser } from "@/db/factories";
import { createEnrolledPupil, createEntryRow, createOpenCampaign } from "@/db/factories-entries";
import { assignments, campaignJudges, outbox, users } from "@/db/schema";
import en from "@/messages/en.json";
import { shanghaiDay } from "@/lib/time";
import { remindJudgesBehind } from "./reminders";

const ORIGIN = "https://shuxiang.example.cn";
const DAY = 86_400_000;

/**
 * Four judges on a campaign with three entries: one has scored everything, one part of it, one
 * nothing yet (and reads English), one has no entries at all.
 */
async function setup() {
  const db = getDb();
  const { campaign, essay } = await createOpenCampaign(db);
  const list = [];
  for (let i = 0; i < 3; i++) {
    const side = await createEnrolledPupil(db, campaign.id, { name: "王小明" });
    list.push(await createEntryRow(db, { campaignId: campaign.id, categoryId: essay.id, pupilId: side.pupil.user.id, schoolId: side.school.id }));
  }
  const judge = async (locale: "zh-CN" | "en" = "zh-CN") => {
    const u = await createUser(db, { roles: ["judge"], locale });
    await db.insert(campaignJudges).values({ campaignId: campaign.id, judgeId: u.id });
    return u;
  };
  const [done, partly, idle, spare] = [await judge(), await judge(), await judge("en"), await judge()];
  const give = (judgeId: string, entryId: number, submitted: boolean) =>
    db.insert(assignments).values({ entryId, judgeId, campaignId: campaign.id, ...(submitted ? { scoreStatus: "submitted" as const, total: 70, submittedAt: new Date() } : {}) });
  for (const e of list) await give(done.id, e.id, true);
  await give(partly.id, list[0]!.id, true);
  await give(partly.id, list[1]!.id, false);
  await give(idle.id, list[2]!.id, false);
  return { campaign, entries: list, done, partly, idle, spare };
}

const reminders = (campaignId: number) =>
  getDb()
    .select()
    .from(outbox)
    .where(like(outbox.idempotencyKey, `judge-reminder/${campaignId}-%`));

describe("reminding judges behind", () => {
  it("emails each judge with entries left, once a day, in their own language, with counts only", async () => {
    const { campaign, entries, partly, idle } = await setup();
    const now = new Date();
    expect(await remindJudgesBehind(campaign.id, { origin: ORIGIN, now })).toEqual({ sent: 2, alreadySent: 0 });
    const mails = await reminders(campaign.id);
    const day = shanghaiDay(now).replaceAll("-", "");
    expect(mails.map((m) => m.idempotencyKey).sort()).toEqual([`judge-reminder/${campaign.id}-${idle.id}-${day}`, `judge-reminder/${campaign.id}-${partly.id}-${day}`].sort());
    const toIdle = mails.find((m) => m.toAddress === idle.email)!;
    expect(toIdle.locale).toBe("en");
    expect(toIdle.subject).toContain("1 entry is waiting");
    expect(toIdle.text).toContain(en.judgingAdmin.email.reminder.button);
    expect(toIdle.text).toContain(`${ORIGIN}/judging`);
    const toPartly = mails.find((m) => m.toAddress === partly.email)!;
    expect(toPartly).toMatchObject({ locale: "zh-CN" });
    expect(toPartly.text).toContain("已提交评分 1 件，还有 1 件待评");
    // Blind to the end: no pupil, no entry code.
    for (const m of mails) {
      expect(m.html + m.text).not.toContain("王小明");
      for (const e of entries) expect(m.html + m.text).not.toContain(e.code!);
    }

    // A second click the same day sends nothing more; the next day is a new reminder.
    expect(await remindJudgesBehind(campaign.id, { origin: ORIGIN, now: new Date(now.getTime() + 60_000) })).toEqual({ sent: 0, alreadySent: 2 });
    expect(await remindJudgesBehind(campaign.id, { origin: ORIGIN, now: new Date(now.getTime() + DAY) })).toEqual({ sent: 2, alreadySent: 0 });
    expect(await reminders(campaign.id)).toHaveLength(4);
  });

  it("leaves out judges taken off the panel or disabled, and stops when judging has closed", async () => {
    const { campaign, partly, idle } = await setup();
    await getDb().delete(campaignJudges).where(eq(campaignJudges.judgeId, partly.id));
    await getDb().update(users).set({ disabled: true }).where(eq(users.id, idle.id));
    expect(await remindJudgesBehind(campaign.id, { origin: ORIGIN })).toEqual({ sent: 0, alreadySent: 0 });
    await expect(remindJudgesBehind(campaign.id, { origin: ORIGIN, now: campaign.judgingEndsAt })).rejects.toMatchObject({
      code: "conflict",
      message: "judgingAdmin.errors.judgingClosed",
    });
    expect(await reminders(campaign.id)).toHaveLength(0);
  });

  it("a campaign where everyone is done sends nothing", async () => {
    const { campaign } = await setup();
    await getDb().update(assignments).set({ scoreStatus: "submitted", total: 60 }).where(eq(assignments.campaignId, campaign.id));
    expect(await remindJudgesBehind(campaign.id, { origin: ORIGIN })).toEqual({ sent: 0, alreadySent: 0 });
  });
});
