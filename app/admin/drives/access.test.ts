import { eq } from "drizzle-orm";
import { createTranslator } from "next-intl";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { createSchool, createUser } from "@/db/factories";
import { createCategoryRows, createDriveRow } from "@/db/factories-drives";
import { driveCategories, driveDeliveries, driveIntakes, drives, type Role } from "@/db/schema";
import en from "@/messages/en.json";

// Who may use the staff side of drives: every action answers "forbidden" to anyone but staff
// and admins, and the export refuses them. Only the request's edges are faked (the session's
// user, the language); roles come from the database, and a staff control shows each refusal
// would be seen if the check were missing.

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth/config", () => ({ sessionUserId: async () => session.userId ?? null }));
vi.mock("next-intl/server", () => ({
  getTranslations: async (namespace?: string) => createTranslator({ locale: "en", messages: en, namespace: namespace as never }),
  getLocale: async () => "en",
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {} }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ host: "localhost:3000" }) }));

const actions = await import("./actions");
const { GET: exportGet } = await import("./[id]/export/route");

const form = (fields: Record<string, string | number>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, String(v));
  return fd;
};
const idle = { status: "idle" } as const;

let scene: Awaited<ReturnType<typeof makeScene>>;

async function makeScene() {
  const db = getDb();
  const drive = await createDriveRow(db, { status: "draft" });
  const [picture, science] = await createCategoryRows(db, drive.id, [
    { name: "绘本", target: 100 },
    { name: "科普", target: 50 },
  ]);
  const school = await createSchool(db);
  const as = async (roles: Role[]) => (await createUser(db, { roles, schoolId: roles.some((r) => r === "teacher" || r === "coordinator" || r === "student") ? school.id : null })).id;
  return {
    drive,
    picture: picture!,
    science: science!,
    users: {
      student: await as(["student"]),
      teacher: await as(["teacher"]),
      coordinator: await as(["coordinator", "teacher"]),
      judge: await as(["judge"]),
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
  const { drive, picture, science } = scene;
  const details = { title: "新标题", slug: drive.slug, story: "", town: "方各庄镇", village: "东万坨村", readingRoom: "农家书屋", startsOn: "2026-11-01", endsOn: "2026-12-31" };
  return [
    ["create", () => actions.createDriveAction(idle, form({ ...details, slug: `${drive.slug}-copy` }))],
    ["update", () => actions.updateDriveAction(idle, form({ driveId: drive.id, ...details }))],
    ["publish", () => actions.setDriveStateAction(idle, form({ driveId: drive.id, to: "published" }))],
    ["edit category", () => actions.saveCategoryAction(idle, form({ driveId: drive.id, categoryId: picture.id, name: "图画书", target: 120, welcome: "", notWelcome: "" }))],
    ["move category", () => actions.changeCategoryAction(idle, form({ driveId: drive.id, categoryId: science.id, op: "up" }))],
    ["intake", () => actions.recordIntakeAction(idle, form({ driveId: drive.id, [`accepted_${picture.id}`]: 5, [`declined_${picture.id}`]: 0, donorName: "王芳" }))],
    ["delivery", () => actions.recordDeliveryAction(idle, form({ driveId: drive.id, deliveredOn: "2026-11-20", receivedBy: "村支书", [`count_${picture.id}`]: 3 }))],
  ] as const;
}

const exportCall = () => exportGet(new Request(`http://localhost:3000/admin/drives/${scene.drive.id}/export?format=csv`), { params: Promise.resolve({ id: String(scene.drive.id) }) });

async function unchanged() {
  const db = getDb();
  const [d] = await db.select().from(drives).where(eq(drives.id, scene.drive.id));
  expect(d).toMatchObject({ title: scene.drive.title, status: "draft" });
  const lines = await db.select().from(driveCategories).where(eq(driveCategories.driveId, scene.drive.id));
  expect(lines.map((l) => l.name).sort()).toEqual(["科普", "绘本"]);
  expect(await db.select().from(driveIntakes).where(eq(driveIntakes.driveId, scene.drive.id))).toHaveLength(0);
  expect(await db.select().from(driveDeliveries).where(eq(driveDeliveries.driveId, scene.drive.id))).toHaveLength(0);
}

describe.each(["student", "teacher", "coordinator", "judge"] as const)("as a %s", (who) => {
  it("every staff action on drives answers forbidden and changes nothing; the export answers 403", async () => {
    session.userId = scene.users[who];
    for (const [, call] of calls()) expect(await call()).toMatchObject({ status: "error", message: en.errors.forbidden });
    await unchanged();
    expect((await exportCall()).status).toBe(403);
  });
});

describe("signed out", () => {
  it("actions ask to sign in; the export sends to the sign-in page", async () => {
    for (const [, call] of calls()) expect(await call()).toMatchObject({ status: "error", message: en.errors.unauthenticated });
    await unchanged();
    const r = await exportCall();
    expect(r.status).toBe(303);
    expect(r.headers.get("location")).toBe(`/signin?callbackUrl=${encodeURIComponent(`/admin/drives/${scene.drive.id}`)}`);
  });
});

describe("as staff (the control)", () => {
  it("the same calls go through", async () => {
    session.userId = scene.users.staff;
    const results: Record<string, string | undefined> = {};
    for (const [name, call] of calls()) {
      try {
        const state = await call();
        results[name] = state.status === "ok" ? "ok" : state.message;
      } catch (e) {
        // Creating a drive ends in a redirect to its page, which Next throws.
        results[name] = (e as { digest?: string }).digest?.startsWith("NEXT_REDIRECT") ? "ok" : String(e);
      }
    }
    expect(results).toEqual({ create: "ok", update: "ok", publish: "ok", "edit category": "ok", "move category": "ok", intake: "ok", delivery: "ok" });
    const exported = await exportCall();
    expect(exported.status).toBe(200);
    expect(await exported.text()).toContain("图画书");
  });
});
