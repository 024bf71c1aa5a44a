import { z } from "zod";
import { checkbox, id, slug } from "@/lib/form-fields";
import { parseShanghaiDate } from "@/lib/time";

export const MAX_PLEDGE_BOOKS = 10_000;

// Mainland mobile and landline numbers, written with or without spaces and dashes.
const phone = z
  .string()
  .trim()
  .transform((v) => v.replace(/[\s-]/g, ""))
  .pipe(z.string().regex(/^(\+?\d{7,15})?$/, "drives.phoneFormat"));

const count = z.coerce.number().int("drives.countWhole").min(1, "drives.countMin").max(MAX_PLEDGE_BOOKS, "drives.countMax");

export type ItemInput = { categoryId: number; count: number; titles: string };

/**
 * The pledge form names its count fields `count_<category id>` (and `titles_<category id>`):
 * one per need-list line, left empty for categories the donor does not give. Blank counts are
 * skipped; a zero or negative one is an error on that field, so nothing typed is lost.
 */
function collectItems(form: Record<string, unknown>, ctx: z.RefinementCtx): ItemInput[] {
  const items: ItemInput[] = [];
  for (const [key, raw] of Object.entries(form)) {
    const m = /^count_(\d+)$/.exec(key);
    if (!m || typeof raw !== "string" || raw.trim() === "") continue;
    const parsed = count.safeParse(raw.trim());
    if (!parsed.success) {
      ctx.addIssue({ code: "custom", path: [key], message: parsed.error.issues[0]!.message });
      continue;
    }
    const titles = String(form[`titles_${m[1]}`] ?? "").trim().slice(0, 2000);
    items.push({ categoryId: Number(m[1]), count: parsed.data, titles });
  }
  if (!items.length) ctx.addIssue({ code: "custom", path: ["items"], message: "drives.itemsRequired" });
  else if (items.reduce((s, i) => s + i.count, 0) > MAX_PLEDGE_BOOKS) ctx.addIssue({ code: "custom", path: ["items"], message: "drives.countMax" });
  return items;
}

const donor = z.object({
  anonymous: checkbox,
  name: z.string().trim().max(60).optional().default(""),
  showName: checkbox,
  email: z.email("drives.emailRequired").trim().toLowerCase().max(200),
  phone,
  kind: z.enum(["person", "school"]).default("person"),
  schoolId: z.union([z.literal("").transform(() => null), id]).optional().default(null),
  handover: z.enum(["dropoff", "pickup"]).default("dropoff"),
  pickupAddress: z.string().trim().max(300).optional().default(""),
  pickupDays: z.string().trim().max(100).optional().default(""),
});

function refineDonor(v: z.output<typeof donor>, ctx: z.RefinementCtx) {
  if (!v.anonymous && !v.name) ctx.addIssue({ code: "custom", path: ["name"], message: "drives.nameOrAnonymous" });
  if (v.kind === "school" && !v.schoolId) ctx.addIssue({ code: "custom", path: ["schoolId"], message: "drives.schoolRequired" });
  if (v.handover === "pickup" && !v.pickupAddress) ctx.addIssue({ code: "custom", path: ["pickupAddress"], message: "drives.addressRequired" });
  if (v.handover === "pickup" && !v.phone) ctx.addIssue({ code: "custom", path: ["phone"], message: "drives.phoneForPickup" });
}

function withItems<S extends z.ZodObject>(base: S) {
  return z.looseObject(base.shape).transform((v, ctx) => {
    const { shape } = base;
    const known = Object.fromEntries(Object.keys(shape).map((k) => [k, (v as Record<string, unknown>)[k]])) as z.output<S>;
    return { ...known, items: collectItems(v as Record<string, unknown>, ctx) };
  });
}

export const pledgeSchema = withItems(
  donor.extend({
    driveId: id,
    // A hidden random value the browser gives the form: sending it twice gives one pledge. Without
    // JavaScript there is none, and the server draws one.
    nonce: z.union([z.literal(""), z.string().min(16).max(64)]).optional().default(""),
    website: z.string().max(200).optional().default(""),
  }),
).superRefine(refineDonor);
export type PledgeInput = z.output<typeof pledgeSchema>;

export const pledgeChangeSchema = withItems(donor.extend({ token: z.string().min(20).max(100) })).superRefine(refineDonor);
export type PledgeChangeInput = z.output<typeof pledgeChangeSchema>;

export const tokenSchema = z.object({ token: z.string().min(20).max(100) });

/** One intake: per category `accepted_<id>`, `declined_<id>`, `reason_<id>`. */
export type IntakeLine = { categoryId: number; accepted: number; declined: number; reason: string };

export const intakeSchema = z
  .looseObject({
    driveId: id,
    pledgeId: z.union([z.literal("").transform(() => null), id]).optional().default(null),
    donorName: z.string().trim().max(60).optional().default(""),
    donorEmail: z.union([z.literal(""), z.email().trim().toLowerCase().max(200)]).optional().default(""),
    schoolId: z.union([z.literal("").transform(() => null), id]).optional().default(null),
  })
  .transform((v, ctx) => {
    const form = v as Record<string, unknown>;
    const n = z.coerce.number().int().min(0, "drives.countMin").max(MAX_PLEDGE_BOOKS, "drives.countMax");
    const lines: IntakeLine[] = [];
    for (const key of Object.keys(form)) {
      const m = /^accepted_(\d+)$/.exec(key);
      if (!m) continue;
      const a = n.safeParse(String(form[key] || "0"));
      const d = n.safeParse(String(form[`declined_${m[1]}`] || "0"));
      if (!a.success) ctx.addIssue({ code: "custom", path: [key], message: a.error.issues[0]!.message });
      if (!d.success) ctx.addIssue({ code: "custom", path: [`declined_${m[1]}`], message: d.error.issues[0]!.message });
      if (a.success && d.success && a.data + d.data > 0) lines.push({ categoryId: Number(m[1]), accepted: a.data, declined: d.data, reason: String(form[`reason_${m[1]}`] ?? "").trim().slice(0, 200) });
    }
    if (!lines.length) ctx.addIssue({ code: "custom", path: ["_form"], message: "drives.itemsRequired" });
    return { driveId: v.driveId, pledgeId: v.pledgeId, donorName: v.donorName, donorEmail: v.donorEmail, schoolId: v.schoolId, lines };
  });
export type IntakeInput = z.output<typeof intakeSchema>;

export const deliverySchema = z
  .looseObject({
    driveId: id,
    deliveredOn: z.string().refine((v) => parseShanghaiDate(v) !== null, "errors.invalidDate"),
    receivedBy: z.string().trim().min(1).max(100),
    photo: z.instanceof(File).optional(),
  })
  .transform((v, ctx) => {
    const form = v as Record<string, unknown>;
    const items: { categoryId: number; count: number }[] = [];
    for (const [key, raw] of Object.entries(form)) {
      const m = /^count_(\d+)$/.exec(key);
      if (!m || typeof raw !== "string" || !raw.trim()) continue;
      const c = count.safeParse(raw.trim());
      if (!c.success) ctx.addIssue({ code: "custom", path: [key], message: c.error.issues[0]!.message });
      else items.push({ categoryId: Number(m[1]), count: c.data });
    }
    if (!items.length) ctx.addIssue({ code: "custom", path: ["_form"], message: "drives.itemsRequired" });
    return { driveId: v.driveId, deliveredOn: v.deliveredOn, receivedBy: v.receivedBy, photo: v.photo, items };
  });
export type DeliveryInput = z.output<typeof deliverySchema>;

// ── Staff: the drive, its need-list and its state ─────────────────────────────────────────

const day = z
  .string()
  .min(1)
  .transform((v, ctx) => {
    const d = parseShanghaiDate(v);
    if (!d) ctx.addIssue({ code: "custom", message: "errors.invalidDate" });
    return d ?? new Date(NaN);
  });

export const driveSchema = z
  .object({
    slug,
    title: z.string().trim().min(1).max(120),
    story: z.string().max(20_000),
    town: z.string().trim().max(50),
    village: z.string().trim().min(1).max(50),
    readingRoom: z.string().trim().max(100),
    // The first and the last day pledges are taken, in Beijing: the drive ends when that last day does.
    startsOn: day,
    endsOn: day,
    cover: z.instanceof(File).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.startsOn.getTime() > v.endsOn.getTime()) ctx.addIssue({ code: "custom", path: ["endsOn"], message: "drivesAdmin.endAfterStart" });
  });
export type DriveInput = z.output<typeof driveSchema>;

export const driveIdSchema = z.object({ driveId: id });
export const driveUpdateSchema = z.intersection(driveIdSchema, driveSchema);

/** publish / back to draft / close to pledges / reopen / archive. */
export const driveStateSchema = driveIdSchema.extend({ to: z.enum(["published", "draft", "closed", "reopened", "archived"]) });
export type DriveStateChange = z.output<typeof driveStateSchema>["to"];

export const categorySchema = driveIdSchema.extend({
  categoryId: z.union([z.literal("").transform(() => null), id]).optional().default(null),
  name: z.string().trim().min(1).max(40),
  target: z.coerce.number().int("drives.countWhole").min(1, "drives.countMin").max(100_000, "drivesAdmin.targetMax"),
  welcome: z.string().trim().max(300),
  notWelcome: z.string().trim().max(300),
});
export type CategoryInput = z.output<typeof categorySchema>;

export const categoryRefSchema = driveIdSchema.extend({ categoryId: id, op: z.enum(["up", "down", "delete"]) });

export const pledgeFilterSchema = z.object({
  q: z.string().trim().max(60).catch(""),
  status: z.enum(["pledged", "received", "cancelled", ""]).catch(""),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type PledgeFilter = z.output<typeof pledgeFilterSchema>;
