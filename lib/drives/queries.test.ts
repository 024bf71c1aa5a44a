import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { createCategoryRows, createDriveRow } from "@/db/factories-drives";
import { createPledge } from "./mutations";
import { getPledgeView, getPublicDrive } from "./queries";
import { pledgeSchema } from "./schemas";

const pledgeAs = async (driveId: number, categoryId: number, extra: Record<string, string>) =>
  createPledge(
    pledgeSchema.parse({ driveId: String(driveId), nonce: randomBytes(16).toString("hex"), email: `d-${randomBytes(4).toString("hex")}@example.test`, phone: "", [`count_${categoryId}`]: "2", ...extra }),
    { origin: "http://localhost:3000", locale: "zh-CN" },
  );

describe("getPublicDrive", () => {
  it("shows donors' names only when they agreed, and hides drafts", async () => {
    const drive = await createDriveRow(getDb());
    const [c] = await createCategoryRows(getDb(), drive.id, [{ name: "绘本", target: 10 }]);
    await pledgeAs(drive.id, c!.id, { name: "张三", showName: "on" });
    await pledgeAs(drive.id, c!.id, { name: "李四" });
    await pledgeAs(drive.id, c!.id, { anonymous: "on", showName: "on" });
    const details = await getPublicDrive(drive.slug);
    expect(details!.donors).toEqual(["张三"]);
    expect(details!.progress.total.pledged).toBe(6);
    const draft = await createDriveRow(getDb(), { status: "draft" });
    expect(await getPublicDrive(draft.slug)).toBeNull();
  });

  it("opens a pledge by its link, and nothing for a wrong token", async () => {
    const drive = await createDriveRow(getDb());
    const [c] = await createCategoryRows(getDb(), drive.id, [{ name: "绘本", target: 10 }]);
    const r = await pledgeAs(drive.id, c!.id, { name: "张三", titles_X: "" });
    const view = await getPledgeView(r.token!);
    expect(view!.lines).toEqual([{ categoryId: c!.id, name: "绘本", count: 2, titles: "" }]);
    expect(view!.drive.id).toBe(drive.id);
    expect(await getPledgeView("x".repeat(43))).toBeNull();
  });
});
