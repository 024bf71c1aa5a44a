import { eq } from "drizzle-orm";
import { createTranslator } from "next-intl";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { createUser } from "@/db/factories";
import { createEnrolledPupil, createOpenCampaign } from "@/db/factories-entries";
import { entries, type Role } from "@/db/schema";
import en from "@/messages/en.json";

// Who may save an entry through the form's action: the pupil and their teachers. Staff, judges
// and the signed-out are refused by the action itself, and the pupil is the control.

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth/config", () => ({ sessionUserId: async () => session.userId ?? null }));
vi.mock("next-intl/server", () => ({
  getTranslations: async (namespace?: string) => createTranslator({ locale: "en", messages: en, namespace: namespace as never }),
  getLocale: async () => "en",
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { saveEntryAction } = await import("./actions");

function form(fields: Record<string, string | number>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, String(v));
  return fd;
}

describe("saveEntryAction", () => {
  it("refuses staff, judges and the signed-out; the pupil saves", async () => {
    const db = getDb();
    const { campaign, essay } = await createOpenCampaign(db);
    const { pupil } = await createEnrolledPupil(db, campaign.id);
    const fields = { pupilId: pupil.user.id, categoryId: essay.id, intent: "draft", title: "草稿", bookTitle: "", bookAuthor: "", body: "开头", statement: "" };
    const as = async (roles: Role[]) => (await createUser(db, { roles })).id;
    for (const [who, expected] of [
      [await as(["staff"]), en.errors.forbidden],
      [await as(["judge"]), en.errors.forbidden],
      [null, en.errors.unauthenticated],
    ] as const) {
      session.userId = who;
      expect(await saveEntryAction({ status: "idle" }, form(fields))).toMatchObject({ status: "error", message: expected });
    }
    expect(await db.select().from(entries).where(eq(entries.pupilId, pupil.user.id))).toEqual([]);
    session.userId = pupil.user.id;
    expect(await saveEntryAction({ status: "idle" }, form(fields))).toMatchObject({ status: "ok", data: { status: "draft" } });
  });
});
