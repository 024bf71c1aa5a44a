import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq, like } from "drizzle-orm";
import { createTranslator } from "next-intl";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { createUser } from "@/db/factories";
import { createEnrolledPupil, createOpenCampaign } from "@/db/factories-entries";
import { entries, outbox, submissionExtensions, type Role } from "@/db/schema";
import en from "@/messages/en.json";
import { saveUpload } from "@/lib/storage";

// Who may use the staff side of entries: the actions answer "forbidden" to anyone but staff and
// admins, and the export and file routes refuse them. The request is faked at its edges only
// (the session cookie's user, the request's language); roles are read from the database as in
// production, and a staff control proves each refusal would be seen if the check were missing.

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth/config", () => ({ sessionUserId: async () => session.userId ?? null }));
vi.mock("next-intl/server", () => ({
  getTranslations: async (namespace?: string) => createTranslator({ locale: "en", messages: en, namespace: namespace as never }),
  getLocale: async () => "en",
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ host: "localhost:3000" }) }));

const { disqualifyEntryAction, grantExtensionAction, redactEntryAction, removeExtensionAction, undoDisqualificationAction } = await import("./actions");
const { GET: exportGet } = await import("./export/route");
const { GET: fileGet } = await import("@/app/entries/[id]/file/route");

const form = (fields: Record<string, string | number>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, String(v));
  return fd;
};
const idle = { status: "idle" } as const;

let scene: Awaited<ReturnType<typeof makeScene>>;

async function makeScene() {
  const db = getDb();
  const { campaign, drawing } = await createOpenCampaign(db);
  const side = await createEnrolledPupil(db, campaign.id);
  const file = await saveUpload(db, "file", new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])], "d.png"), { allowed: ["image/png"], maxBytes: 1000 }, null);
  const [entry] = await db
    .insert(entries)
    .values({
      campaignId: campaign.id,
      categoryId: drawing.id,
      pupilId: side.pupil.user.id,
      schoolId: side.school.id,
      classId: side.cls.id,
      status: "submitted",
      code: "2026-YZ-D-00077",
      title: "我的家乡",
      fileId: file.id,
      submittedAt: new Date(),
    })
    .returning();
  const later = new Date(campaign.submissionClosesAt.getTime() + 86_400_000);
  const [extension] = await db.insert(submissionExtensions).values({ campaignId: campaign.id, schoolId: side.school.id, closesAt: later }).returning();
  const as = async (roles: Role[]) => (await createUser(db, { roles, schoolId: roles.includes("staff") ? null : side.school.id })).id;
  return {
    campaign,
    side,
    entry: entry!,
    extension: extension!,
    later,
    users: {
      student: side.pupil.user.id,
      teacher: side.teacher.id,
      coordinator: await as(["coordinator", "teacher"]),
      judge: await as(["judge"]),
      staff: await as(["staff"]),
    },
  };
}

beforeAll(async () => {
  process.env.STORAGE_DIR = mkdtempSync(path.join(tmpdir(), "entries-access-"));
  scene = await makeScene();
});
beforeEach(() => {
  session.userId = null;
});

function calls() {
  const { entry, campaign, side, extension, later } = scene;
  const closesAt = new Date(later.getTime() + 8 * 3_600_000).toISOString().slice(0, 16);
  return [
    ["redact", () => redactEntryAction(idle, form({ entryId: entry.id, body: "××" }))],
    ["disqualify", () => disqualifyEntryAction(idle, form({ entryId: entry.id, reason: "test" }))],
    ["undo", () => undoDisqualificationAction(idle, form({ entryId: entry.id }))],
    ["grant extension", () => grantExtensionAction(idle, form({ campaignId: campaign.id, schoolId: side.school.id, closesAt, reason: "" }))],
    ["remove extension", () => removeExtensionAction(idle, form({ extensionId: extension.id }))],
  ] as const;
}

const exportRequest = () => new Request("http://localhost:3000/admin/entries/export?format=csv");
const fileRequest = () => [new Request(`http://localhost:3000/entries/${scene.entry.id}/file`), { params: Promise.resolve({ id: String(scene.entry.id) }) }] as const;

describe.each(["student", "teacher", "coordinator", "judge"] as const)("as a %s", (who) => {
  it("every staff action on entries answers forbidden and changes nothing", async () => {
    session.userId = scene.users[who];
    for (const [, call] of calls()) {
      const state = await call();
      expect(state).toMatchObject({ status: "error", message: en.errors.forbidden });
    }
    const [row] = await getDb().select().from(entries).where(eq(entries.id, scene.entry.id));
    expect(row).toMatchObject({ disqualifiedAt: null, redactedAt: null });
    expect(await getDb().select().from(submissionExtensions).where(eq(submissionExtensions.id, scene.extension.id))).toHaveLength(1);
  });

  it("the export answers 403; the entry's file opens for the pupil and their teachers, not a judge", async () => {
    session.userId = scene.users[who];
    expect((await exportGet(exportRequest())).status).toBe(403);
    // The student is the entry's own pupil, the teacher runs their class, the coordinator is at their school.
    expect((await fileGet(...fileRequest())).status).toBe(who === "judge" ? 404 : 200);
  });
});

describe("signed out", () => {
  it("actions ask to sign in; the routes send to the sign-in page", async () => {
    for (const [, call] of calls()) expect(await call()).toMatchObject({ status: "error", message: en.errors.unauthenticated });
    const exported = await exportGet(exportRequest());
    expect(exported.status).toBe(303);
    expect(exported.headers.get("location")).toMatch(/^\/signin\?callbackUrl=%2Fadmin%2Fentries/);
    expect((await fileGet(...fileRequest())).status).toBe(404);
  });
});

describe("as staff (the control)", () => {
  it("the same calls go through", async () => {
    session.userId = scene.users.staff;
    const file = await fileGet(...fileRequest());
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("image/png");
    const exported = await exportGet(exportRequest());
    expect(exported.status).toBe(200);
    expect(await exported.text()).toContain("2026-YZ-D-00077");

    const results: Record<string, string | undefined> = {};
    for (const [name, call] of calls()) {
      const state = await call();
      results[name] = state.status === "ok" ? "ok" : state.message;
    }
    // Redacting a drawing is refused for what it is, not for who asks.
    expect(results).toEqual({ redact: en.entriesAdmin.errors.notEssay, disqualify: "ok", undo: "ok", "grant extension": "ok", "remove extension": "ok" });
    const mail = await getDb().select().from(outbox).where(like(outbox.idempotencyKey, `entry-disqualified/${scene.entry.id}-%`));
    expect(mail).toHaveLength(1);
  });
});
