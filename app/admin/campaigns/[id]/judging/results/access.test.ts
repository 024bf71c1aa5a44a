import { eq } from "drizzle-orm";
import { createTranslator } from "next-intl";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { createUser } from "@/db/factories";
import { createEnrolledPupil, createEntryRow, createOpenCampaign } from "@/db/factories-entries";
import { assignments, auditLog, entryResults, judgingSettings, outbox, type Role } from "@/db/schema";
import en from "@/messages/en.json";

// Who may make and publish results: every results action answers "forbidden" to pupils,
// teachers, coordinators and judges, and asks the signed-out to sign in. Only the request's
// edges are faked (the session's user, language and host); a staff control proves each refusal
// would be seen without the check.

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth/config", () => ({ sessionUserId: async () => session.userId ?? null }));
vi.mock("next-intl/server", () => ({
  getTranslations: async (namespace?: string) => createTranslator({ locale: "en", messages: en, namespace: namespace as never }),
  getLocale: async () => "en",
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ host: "localhost:3000" }) }));

const actions = await import("./actions");

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
  const side = await createEnrolledPupil(db, campaign.id, { guardianEmail: "guardian@example.test" });
  const entry = await createEntryRow(db, { campaignId: campaign.id, categoryId: essay.id, pupilId: side.pupil.user.id, schoolId: side.school.id });
  const judge = await createUser(db, { roles: ["judge"] });
  await db.insert(assignments).values({ entryId: entry.id, judgeId: judge.id, campaignId: campaign.id, total: 40, scoreStatus: "submitted", submittedAt: new Date() });
  const as = async (roles: Role[]) => (await createUser(db, { roles, schoolId: roles.includes("staff") ? null : side.school.id })).id;
  return {
    campaign,
    essay,
    entry,
    users: { student: side.pupil.user.id, teacher: side.teacher.id, coordinator: await as(["coordinator", "teacher"]), judge: judge.id, staff: await as(["staff"]) },
  };
}

beforeAll(async () => {
  scene = await makeScene();
});
beforeEach(() => {
  session.userId = null;
});

function calls() {
  const { campaign, essay, entry } = scene;
  const campaignId = campaign.id;
  const rule = { [`rules.${essay.id}.kind`]: "count", [`rules.${essay.id}.first`]: "1", [`rules.${essay.id}.second`]: "0", [`rules.${essay.id}.third`]: "0", [`rules.${essay.id}.meritMin`]: "" };
  // In the order staff work: settings, compute, a move by hand, publish.
  return [
    ["settings", () => actions.saveResultSettingsAction(idle, form({ campaignId, normalise: "on", ...rule }))],
    ["compute", () => actions.computeResultsAction(idle, form({ campaignId }))],
    ["move", () => actions.moveTierAction(idle, form({ campaignId, entryId: entry.id, tier: "merit", reason: "复议" }))],
    ["publish", () => actions.publishResultsAction(idle, form({ campaignId }))],
  ] as const;
}

async function unchanged() {
  const db = getDb();
  const { campaign, entry } = scene;
  expect(await db.select().from(judgingSettings).where(eq(judgingSettings.campaignId, campaign.id))).toEqual([]);
  expect(await db.select().from(entryResults).where(eq(entryResults.campaignId, campaign.id))).toEqual([]);
  expect(await db.select().from(outbox).where(eq(outbox.idempotencyKey, `results-award/${entry.id}`))).toEqual([]);
}

describe.each(["student", "teacher", "coordinator", "judge"] as const)("as a %s", (who) => {
  it("every results action answers forbidden and changes nothing", async () => {
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
  it("the same calls go through: settings, compute, a move by hand, and publishing tells the guardian", async () => {
    session.userId = scene.users.staff;
    const results: Record<string, unknown> = {};
    for (const [name, call] of calls()) {
      const state = await call();
      results[name] = state.status === "ok" ? "ok" : state.message;
    }
    expect(results).toEqual({ settings: "ok", compute: "ok", move: "ok", publish: "ok" });
    const db = getDb();
    const [result] = await db.select().from(entryResults).where(eq(entryResults.entryId, scene.entry.id));
    // One entry, and the rule gives first prize to one: it was first, then moved to merit by hand.
    expect(result).toMatchObject({ computedTier: "first", tier: "merit", overrideReason: "复议" });
    expect(result!.certificateCode).toMatch(/^[A-Z0-9]{10}$/);
    const [mail] = await db.select().from(outbox).where(eq(outbox.idempotencyKey, `results-award/${scene.entry.id}`));
    expect(mail!.html).toContain(`http://localhost:3000/certificates/${result!.certificateCode}`);
    const log = await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.actorId, scene.users.staff));
    expect(log.map((l) => l.action)).toEqual(expect.arrayContaining(["results:settings", "results:compute", "results:override", "results:publish"]));
  });

  it("publishing before any result exists says so in the user's language", async () => {
    session.userId = scene.users.staff;
    const { campaign } = await createOpenCampaign(getDb());
    expect(await actions.publishResultsAction(idle, form({ campaignId: campaign.id }))).toMatchObject({ status: "error", message: en.results.errors.nothingToPublish });
  });
});
