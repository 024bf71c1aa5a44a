import { eq } from "drizzle-orm";
import { createTranslator } from "next-intl";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { createUser } from "@/db/factories";
import { createEnrolledPupil, createEntryRow, createOpenCampaign } from "@/db/factories-entries";
import { assignments, campaignJudges, judgeInvitations, judgingSettings, rubricCriteria, type Role } from "@/db/schema";
import en from "@/messages/en.json";

// Who may run judging: every staff judging action answers "forbidden" to pupils, teachers,
// coordinators and judges, and asks the signed-out to sign in. The request is faked at its edges
// only (the session's user, the request's language and host); roles are read from the database,
// and a staff control proves each refusal would be seen if the check were missing.

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth/config", () => ({ sessionUserId: async () => session.userId ?? null }));
vi.mock("next-intl/server", () => ({
  getTranslations: async (namespace?: string) => createTranslator({ locale: "en", messages: en, namespace: namespace as never }),
  getLocale: async () => "en",
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ host: "localhost:3000" }) }));

const rubric = await import("./rubric/actions");
const judges = await import("./judges/actions");
const assign = await import("./assign/actions");

const form = (fields: Record<string, string | number>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, String(v));
  return fd;
};
const idle = { status: "idle" } as const;

let scene: Awaited<ReturnType<typeof makeScene>>;

async function makeScene() {
  const db = getDb();
  const { campaign, essay } = await createOpenCampaign(db);
  const side = await createEnrolledPupil(db, campaign.id);
  const entry = await createEntryRow(db, { campaignId: campaign.id, categoryId: essay.id, pupilId: side.pupil.user.id, schoolId: side.school.id });
  const as = async (roles: Role[]) => (await createUser(db, { roles, schoolId: roles.includes("staff") ? null : side.school.id })).id;
  const [first, second, spare] = [await createUser(db, { roles: ["judge"] }), await createUser(db, { roles: ["judge"] }), await createUser(db, { roles: ["judge"] })];
  await db.insert(campaignJudges).values([first, second].map((j) => ({ campaignId: campaign.id, judgeId: j.id })));
  const [criterion] = await db
    .insert(rubricCriteria)
    .values({ categoryId: essay.id, name: "立意", maxPoints: 10, bands: [{ from: 0, to: 10, text: "x" }] })
    .returning();
  const [assignment] = await db.insert(assignments).values({ entryId: entry.id, judgeId: first.id, campaignId: campaign.id }).returning();
  const [invitation] = await db
    .insert(judgeInvitations)
    .values({ campaignId: campaign.id, email: "someone@example.test", name: "某人", tokenHash: `hash-${campaign.id}`, expiresAt: new Date(Date.now() + 86_400_000) })
    .returning();
  return {
    campaign,
    essay,
    criterion: criterion!,
    assignment: assignment!,
    invitation: invitation!,
    judges: { first, second, spare },
    users: {
      student: side.pupil.user.id,
      teacher: side.teacher.id,
      coordinator: await as(["coordinator", "teacher"]),
      // A judge on this very panel may still not run it.
      judge: first.id,
      staff: await as(["staff"]),
    },
  };
}

beforeAll(async () => {
  scene = await makeScene();
});
beforeEach(() => {
  session.userId = null;
});

function calls() {
  const { campaign, essay, criterion, assignment, invitation, judges: j } = scene;
  const campaignId = campaign.id;
  const criterionFields = { campaignId, categoryId: essay.id, name: "文采", description: "", maxPoints: "20", weight: "1", sortOrder: "2", bands: "0-20 文从字顺" };
  return [
    ["save criterion", () => rubric.saveCriterionAction(idle, form(criterionFields))],
    ["delete criterion", () => rubric.deleteCriterionAction(idle, form({ campaignId, criterionId: criterion.id }))],
    ["invite", () => judges.inviteJudgeAction(idle, form({ campaignId, name: "赵", email: "new-judge@example.test" }))],
    ["resend", () => judges.resendJudgeInvitationAction(idle, form({ campaignId, invitationId: invitation.id }))],
    ["add judge", () => judges.addJudgeAction(idle, form({ campaignId, judgeId: j.spare.id }))],
    ["remove judge", () => judges.removeJudgeAction(idle, form({ campaignId, judgeId: j.second.id }))],
    ["remind", () => judges.remindJudgesAction(idle, form({ campaignId }))],
    ["move", () => assign.moveAssignmentAction(idle, form({ campaignId, assignmentId: assignment.id, judgeId: j.spare.id }))],
    ["apply", () => assign.applyAssignmentsAction(idle, form({ campaignId, judgesPerEntry: 2, disagreementPercent: 40 }))],
    // Last, as it removes the invitation the resend above needs.
    ["withdraw", () => judges.withdrawJudgeInvitationAction(idle, form({ campaignId, invitationId: invitation.id }))],
  ] as const;
}

async function unchanged() {
  const db = getDb();
  const { campaign, assignment, invitation, criterion, judges: j } = scene;
  expect(await db.select().from(rubricCriteria).where(eq(rubricCriteria.categoryId, scene.essay.id))).toEqual([expect.objectContaining({ id: criterion.id })]);
  expect((await db.select().from(campaignJudges).where(eq(campaignJudges.campaignId, campaign.id))).map((r) => r.judgeId).sort()).toEqual([j.first.id, j.second.id].sort());
  expect(await db.select().from(assignments).where(eq(assignments.campaignId, campaign.id))).toEqual([expect.objectContaining({ id: assignment.id, judgeId: j.first.id })]);
  expect((await db.select().from(judgeInvitations).where(eq(judgeInvitations.campaignId, campaign.id))).map((i) => i.id)).toEqual([invitation.id]);
  expect(await db.select().from(judgingSettings).where(eq(judgingSettings.campaignId, campaign.id))).toEqual([]);
}

describe.each(["student", "teacher", "coordinator", "judge"] as const)("as a %s", (who) => {
  it("every staff judging action answers forbidden and changes nothing", async () => {
    session.userId = scene.users[who];
    for (const [name, call] of calls()) expect(await call(), name).toMatchObject({ status: "error", message: en.errors.forbidden });
    await unchanged();
  });
});

describe("signed out", () => {
  it("every action asks to sign in and changes nothing", async () => {
    for (const [name, call] of calls()) expect(await call(), name).toMatchObject({ status: "error", message: en.errors.unauthenticated });
    await unchanged();
  });
});

describe("as staff (the control)", () => {
  it("the same calls go through", async () => {
    session.userId = scene.users.staff;
    const results: Record<string, string | undefined> = {};
    for (const [name, call] of calls()) {
      const state = await call();
      results[name] = state.status === "ok" ? "ok" : state.message;
    }
    expect(results).toEqual({
      "save criterion": "ok",
      "delete criterion": "ok",
      invite: "ok",
      resend: "ok",
      "add judge": "ok",
      "remove judge": "ok",
      remind: "ok",
      move: "ok",
      apply: "ok",
      withdraw: "ok",
    });
    const [settings] = await getDb().select().from(judgingSettings).where(eq(judgingSettings.campaignId, scene.campaign.id));
    expect(settings).toMatchObject({ judgesPerEntry: 2, disagreementShare: 0.4 });
  });
});
