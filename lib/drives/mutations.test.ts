import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { createCategoryRows, createDriveRow } from "@/db/factories-drives";
import { createSchool, createUser } from "@/db/factories";
import { mailsTo } from "@/db/factories-schools";
import { cancelPledge, changePledge, createPledge, recordDelivery, recordIntake } from "./mutations";
import { driveProgress, schoolTotals } from "./queries";
import { deliverySchema, intakeSchema, pledgeChangeSchema, pledgeSchema } from "./schemas";

const origin = "http://localhost:3000";
const hex = () => randomBytes(8).toString("hex");

async function newDrive(values: Parameters<typeof createDriveRow>[1] = {}) {
  const drive = await createDriveRow(getDb(), values);
  const [picture, science] = await createCategoryRows(getDb(), drive.id, [
    { name: "绘本", target: 100, notWelcome: "教辅" },
    { name: "科普", target: 50 },
  ]);
  return { drive, picture: picture!, science: science! };
}

const form = (driveId: number, counts: Record<number, string>, extra: Record<string, string> = {}) => ({
  driveId: String(driveId),
  nonce: hex() + hex(),
  name: "李明",
  email: `donor-${hex()}@example.test`,
  phone: "13800000000",
  ...Object.fromEntries(Object.entries(counts).map(([id, n]) => [`count_${id}`, n])),
  ...extra,
});

async function pledge(driveId: number, counts: Record<number, string>, extra: Record<string, string> = {}) {
  const input = pledgeSchema.parse(form(driveId, counts, extra));
  return { input, result: await createPledge(input, { origin, locale: "zh-CN" }) };
}

const intake = (driveId: number, lines: Record<number, [number, number]>, extra: Record<string, string> = {}) =>
  intakeSchema.parse({
    driveId: String(driveId),
    ...Object.fromEntries(Object.entries(lines).flatMap(([id, [a, d]]) => [[`accepted_${id}`, String(a)], [`declined_${id}`, String(d)], [`reason_${id}`, d ? "破损" : ""]])),
    ...extra,
  });

describe("pledges and progress", () => {
  it("adds up pledged, accepted, declined and delivered per category and overall", async () => {
    const { drive, picture, science } = await newDrive();
    const staff = await createUser(getDb(), { roles: ["staff"] });
    const a = await pledge(drive.id, { [picture.id]: "20", [science.id]: "5" });
    await pledge(drive.id, { [picture.id]: "10" });
    const cancelled = await pledge(drive.id, { [science.id]: "7" });
    await cancelPledge(cancelled.result.token!, { origin });
    await recordIntake(intake(drive.id, { [picture.id]: [18, 2], [science.id]: [5, 0] }, { pledgeId: String(a.result.pledgeId) }), staff.id, { origin });
    await recordDelivery(deliverySchema.parse({ driveId: String(drive.id), deliveredOn: "2026-11-20", receivedBy: "村书屋管理员", [`count_${picture.id}`]: "15" }), staff.id, { origin });

    const p = await driveProgress(drive.id);
    expect(p.categories.map((c) => [c.name, c.target, c.pledged, c.accepted, c.declined, c.delivered])).toEqual([
      ["绘本", 100, 30, 18, 2, 15],
      ["科普", 50, 5, 5, 0, 0],
    ]);
    expect(p.total).toEqual({ target: 150, pledged: 35, accepted: 23, declined: 2, delivered: 15 });
  });

  it("mails the confirmation with code and manage link, and the thank-you with the accepted counts only", async () => {
    const { drive, picture } = await newDrive();
    const staff = await createUser(getDb(), { roles: ["staff"] });
    const { input, result } = await pledge(drive.id, { [picture.id]: "20" });
    const [confirm] = await mailsTo(getDb(), input.email);
    expect(confirm!.kind).toBe("drive-pledged");
    expect(confirm!.html).toContain(result.code);
    expect(confirm!.html).toContain(`/pledges/${result.token}`);
    expect(confirm!.text).toContain("绘本：20 本");
    await recordIntake(intake(drive.id, { [picture.id]: [18, 2] }, { pledgeId: String(result.pledgeId) }), staff.id, { origin });
    const thanks = (await mailsTo(getDb(), input.email)).find((m) => m.kind === "drive-thanks")!;
    expect(thanks.text).toContain("绘本：18 本");
    expect(thanks.text).not.toMatch(/[¥￥]|元/);
  });

  it("accepts a pledge above what a category still needs, with a note", async () => {
    const { drive, science } = await newDrive();
    await pledge(drive.id, { [science.id]: "45" });
    const { result } = await pledge(drive.id, { [science.id]: "10" });
    expect(result.outcome).toBe("created");
    expect(result.over).toEqual(["科普"]);
    expect((await driveProgress(drive.id)).categories[1]!.pledged).toBe(55);
  });

  it("gives one pledge and one email when the same form is sent twice", async () => {
    const { drive, picture } = await newDrive();
    const input = pledgeSchema.parse(form(drive.id, { [picture.id]: "3" }));
    const [one, two] = await Promise.all([createPledge(input, { origin, locale: "zh-CN" }), createPledge(input, { origin, locale: "zh-CN" })]);
    expect(one.pledgeId).toBe(two.pledgeId);
    expect([one.outcome, two.outcome].sort()).toEqual(["created", "duplicate"]);
    expect(await mailsTo(getDb(), input.email)).toHaveLength(1);
    expect((await driveProgress(drive.id)).total.pledged).toBe(3);
  });

  it("lets the donor change and cancel through the link until the books arrive", async () => {
    const { drive, picture, science } = await newDrive();
    const { input, result } = await pledge(drive.id, { [picture.id]: "4" });
    const change = pledgeChangeSchema.parse({ token: result.token!, name: input.name, email: input.email, phone: input.phone, [`count_${science.id}`]: "6" });
    await changePledge(change, { origin });
    const p = await driveProgress(drive.id);
    expect(p.categories.map((c) => c.pledged)).toEqual([0, 6]);
    await cancelPledge(result.token!, { origin });
    expect((await driveProgress(drive.id)).total.pledged).toBe(0);
    await expect(cancelPledge(result.token!, { origin })).rejects.toMatchObject({ code: "conflict" });
    expect((await mailsTo(getDb(), input.email)).map((m) => m.kind).sort()).toEqual(["drive-cancelled", "drive-changed", "drive-pledged"]);
  });

  it("refuses a pledge to a closed, draft or ended drive", async () => {
    for (const values of [{ closedAt: new Date() }, { status: "draft" as const }, { endsAt: new Date(Date.now() - 1000) }]) {
      const { drive, picture } = await newDrive(values);
      await expect(pledge(drive.id, { [picture.id]: "1" })).rejects.toMatchObject({ code: "conflict", message: "drives.driveClosed" });
    }
  });

  it("explains bad input on the field it concerns", () => {
    const bad = (counts: Record<number, string>, extra: Record<string, string> = {}) => {
      const r = pledgeSchema.safeParse(form(1, counts, extra));
      return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
    };
    expect(bad({ 5: "0" })).toMatchObject({ count_5: "drives.countMin" });
    expect(bad({ 5: "-3" })).toMatchObject({ count_5: "drives.countMin" });
    expect(bad({ 5: "10001" })).toMatchObject({ count_5: "drives.countMax" });
    expect(bad({ 5: "6000", 6: "6000" })).toMatchObject({ items: "drives.countMax" });
    expect(bad({ 5: "" })).toMatchObject({ items: "drives.itemsRequired" });
    expect(bad({ 5: "2" }, { email: "" })).toMatchObject({ email: "drives.emailRequired" });
    expect(bad({ 5: "2" }, { name: "" })).toMatchObject({ name: "drives.nameOrAnonymous" });
    expect(bad({ 5: "2" }, { name: "", anonymous: "on" })).toEqual({});
    expect(bad({ 5: "2" }, { handover: "pickup" })).toMatchObject({ pickupAddress: "drives.addressRequired" });
  });

  it("rejects a category of another drive", async () => {
    const { drive } = await newDrive();
    const other = await newDrive();
    await expect(pledge(drive.id, { [other.picture.id]: "2" })).rejects.toMatchObject({ code: "invalid" });
  });
});

describe("walk-ins and deliveries", () => {
  it("counts a walk-in, thanks the walk-in donor and credits their school", async () => {
    const { drive, picture } = await newDrive();
    const staff = await createUser(getDb(), { roles: ["staff"] });
    const school = await createSchool(getDb());
    const email = `walkin-${hex()}@example.test`;
    await recordIntake(intake(drive.id, { [picture.id]: [7, 1] }, { donorName: "王芳", donorEmail: email, schoolId: String(school.id) }), staff.id, { origin });
    const p = await driveProgress(drive.id);
    expect([p.total.pledged, p.total.accepted, p.total.declined]).toEqual([0, 7, 1]);
    expect((await mailsTo(getDb(), email))[0]!.text).toContain("绘本：7 本");
    expect(await schoolTotals(drive.id)).toEqual([{ id: school.id, name: school.name, pledged: 0, accepted: 7, declined: 1 }]);
  });

  it("mails everyone who gave once, however many deliveries follow", async () => {
    const { drive, picture } = await newDrive();
    const staff = await createUser(getDb(), { roles: ["staff"] });
    const gave = await pledge(drive.id, { [picture.id]: "5" });
    const onlyPledged = await pledge(drive.id, { [picture.id]: "5" });
    await recordIntake(intake(drive.id, { [picture.id]: [5, 0] }, { pledgeId: String(gave.result.pledgeId) }), staff.id, { origin });
    const walkIn = `walkin-${hex()}@example.test`;
    await recordIntake(intake(drive.id, { [picture.id]: [3, 0] }, { donorEmail: walkIn }), staff.id, { origin });
    const delivery = (day: string) => deliverySchema.parse({ driveId: String(drive.id), deliveredOn: day, receivedBy: "村支书", [`count_${picture.id}`]: "4" });
    expect((await recordDelivery(delivery("2026-11-01"), staff.id, { origin })).mailed).toBe(2);
    expect((await recordDelivery(delivery("2026-11-15"), staff.id, { origin })).mailed).toBe(0);
    const kinds = async (to: string) => (await mailsTo(getDb(), to)).filter((m) => m.kind === "drive-delivered").length;
    expect(await kinds(gave.input.email)).toBe(1);
    expect(await kinds(walkIn)).toBe(1);
    expect(await kinds(onlyPledged.input.email)).toBe(0);
    const [mail] = (await mailsTo(getDb(), walkIn)).filter((m) => m.kind === "drive-delivered");
    expect(mail!.html).toContain("图书已送到方各庄镇东万坨村农家书屋");
  });

  it("delivers no more books of a category than arrived and are not yet delivered", async () => {
    const { drive, picture } = await newDrive();
    const staff = await createUser(getDb(), { roles: ["staff"] });
    await recordIntake(intake(drive.id, { [picture.id]: [6, 0] }, {}), staff.id, { origin });
    const delivery = (n: number) => deliverySchema.parse({ driveId: String(drive.id), deliveredOn: "2026-11-01", receivedBy: "村支书", [`count_${picture.id}`]: String(n) });
    await recordDelivery(delivery(4), staff.id, { origin });
    await expect(recordDelivery(delivery(3), staff.id, { origin })).rejects.toMatchObject({ code: "invalid", fields: { [`count_${picture.id}`]: ["drivesAdmin.moreThanInStock", { n: 2 }] } });
    expect((await driveProgress(drive.id)).total.delivered).toBe(4);
  });
});
