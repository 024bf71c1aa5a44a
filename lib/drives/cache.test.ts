import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { createCategoryRows, createDriveRow } from "@/db/factories-drives";
import { DRIVE_TTL_MS, driveChanged, getCachedPublicDrive } from "./cache";
import { createPledge } from "./mutations";
import { pledgeSchema } from "./schemas";

const pledge = (driveId: number, categoryId: number, count: number) =>
  createPledge(
    pledgeSchema.parse({ driveId: String(driveId), nonce: randomBytes(16).toString("hex"), email: `c-${randomBytes(4).toString("hex")}@example.test`, phone: "", name: "张三", [`count_${categoryId}`]: String(count) }),
    { origin: "http://localhost:3000", locale: "zh-CN" },
  );

const pledged = async (slug: string) => (await getCachedPublicDrive(slug))!.progress.total.pledged;

async function driveWithLine() {
  const drive = await createDriveRow(getDb());
  const [c] = await createCategoryRows(getDb(), drive.id, [{ name: "绘本", target: 100 }]);
  return { drive, categoryId: c!.id };
}

describe("the drive page's cache", () => {
  afterEach(() => vi.useRealTimers());

  it("reads again at once when told the drive changed (by id, by slug, or everything)", async () => {
    const { drive, categoryId } = await driveWithLine();
    expect(await pledged(drive.slug)).toBe(0);
    await pledge(drive.id, categoryId, 3);
    driveChanged(drive.id);
    expect(await pledged(drive.slug)).toBe(3);
    await pledge(drive.id, categoryId, 2);
    driveChanged(drive.slug);
    expect(await pledged(drive.slug)).toBe(5);
    await pledge(drive.id, categoryId, 1);
    driveChanged();
    expect(await pledged(drive.slug)).toBe(6);
  });

  it("keeps a drive for less than a second, so changes made elsewhere show within one", async () => {
    expect(DRIVE_TTL_MS).toBeLessThan(1000);
    const { drive, categoryId } = await driveWithLine();
    const other = await driveWithLine();
    expect(await pledged(drive.slug)).toBe(0);
    expect(await pledged(other.drive.slug)).toBe(0);
    vi.useFakeTimers({ toFake: ["Date"] });
    // Another instance takes a pledge: this one does not hear of it.
    await pledge(drive.id, categoryId, 4);
    expect(await pledged(drive.slug)).toBe(0);
    // A change to another drive leaves this one cached.
    driveChanged(other.drive.id);
    expect(await pledged(drive.slug)).toBe(0);
    vi.setSystemTime(Date.now() + DRIVE_TTL_MS + 1);
    expect(await pledged(drive.slug)).toBe(4);
  });

  it("knows unknown and draft drives as missing", async () => {
    const draft = await createDriveRow(getDb(), { status: "draft" });
    expect(await getCachedPublicDrive(draft.slug)).toBeNull();
    expect(await getCachedPublicDrive("no-such-drive")).toBeNull();
  });
});
