import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq, inArray, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "./client";
import { createSchool, createUser } from "./factories";
import { campaignCategories, campaignEnrolments, entries, files, outbox, pupils, users } from "./schema";
import { seedDemoCampaign } from "./seed-campaigns";
import { seedClassesAndPupils } from "./seed-classes";
import { seedEntries } from "./seed-entries";
import { hasConsent } from "@/lib/consent/queries";
import { needsConsent } from "@/lib/consent/rules";
import { formatEntryCode } from "@/lib/entries/code";
import { countChars } from "@/lib/entries/count";
import { personalInfoFlags } from "@/lib/entries/flags";
import { readFileBytes } from "@/lib/storage";
import { sniffMimeType } from "@/lib/storage/sniff";

let storage: string;
beforeAll(() => {
  storage = mkdtempSync(path.join(tmpdir(), "seed-entries-"));
  vi.stubEnv("STORAGE_DIR", storage);
});
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(storage, { recursive: true, force: true });
});

describe("seedEntries", () => {
  it("gives the demo campaign submitted entries with codes and drafts, from pupils who may take part", async () => {
    const db = getDb();
    const levels = ["primary", "primary", "primary", "junior", "junior", "senior"] as const;
    const enrolled: Awaited<ReturnType<typeof createSchool>>[] = [];
    for (const level of levels) enrolled.push(await createSchool(db, { level }));
    const outside = await createSchool(db);
    const teacher = await createUser(db, { roles: ["teacher"], schoolId: enrolled[0]!.id });
    // On a shared PostgreSQL another file's run may have made the demo pupils; otherwise make them here.
    const demo = await db.select({ id: users.id }).from(users).where(inArray(users.username, ["xiaoming", "xiaohong"]));
    if (demo.length === 0) {
      for (const username of ["xiaoming", "xiaohong"]) await createUser(db, { roles: ["student"], username, schoolId: enrolled[0]!.id, password: "shuxiang2026" });
    }
    const schoolIds = [...enrolled, outside].map((s) => s.id);
    await db.transaction((tx) => seedClassesAndPupils(tx, { schoolIds, teacherIdsBySchool: { [enrolled[0]!.id]: [teacher.id] } }));
    const campaign = await seedDemoCampaign(db, null, new Date(), `yanzhao-entries-${Date.now()}`);
    await db.insert(campaignEnrolments).values(enrolled.map((s) => ({ campaignId: campaign.id, schoolId: s.id })));

    const started = Date.now();
    const result = await db.transaction((tx) => seedEntries(tx, { campaignId: campaign.id }));
    console.log(`seedEntries: ${Date.now() - started} ms`);
    expect(result).toEqual({ submitted: 36, drafts: 12 });

    const rows = await db.select().from(entries).where(eq(entries.campaignId, campaign.id));
    const categories = await db.select().from(campaignCategories).where(eq(campaignCategories.campaignId, campaign.id));
    expect(rows).toHaveLength(48);
    for (const cat of categories) {
      const mine = rows.filter((r) => r.categoryId === cat.id);
      const sent = mine.filter((r) => r.status === "submitted");
      // Codes 1…n in the category, and the counter where the next submission carries on.
      expect(sent.map((r) => r.code).sort()).toEqual(sent.map((_, i) => formatEntryCode(campaign.year, "YZ", cat.code, i + 1)).sort());
      expect(cat.entrySeq).toBe(sent.length);
      expect(sent.length).toBeGreaterThanOrEqual(6);
      expect(mine.filter((r) => r.status === "draft").every((r) => r.code === null && r.submittedAt === null)).toBe(true);
      for (const r of sent) {
        expect(r.submittedAt!.getTime()).toBeGreaterThan(campaign.submissionOpensAt.getTime());
        if (cat.entryType === "essay") {
          expect(r.charCount).toBe(countChars(r.body));
          expect(r.charCount).toBeGreaterThanOrEqual(cat.minChars!);
          expect(r.charCount).toBeLessThanOrEqual(cat.maxChars!);
          expect(r.title && r.bookTitle && r.bookAuthor).toBeTruthy();
        } else {
          expect(r.fileId).not.toBeNull();
        }
      }
    }

    // Drawings are real PNG files in storage.
    const drawingFile = rows.find((r) => r.fileId)!;
    const [file] = await db.select().from(files).where(eq(files.id, drawingFile.fileId!));
    expect(file!.mimeType).toBe("image/png");
    expect(sniffMimeType((await readFileBytes(file!.storageKey))!)).toBe("image/png");

    // Flags as saving computes them: two phone numbers, a school and a name for staff to see.
    const who = await db
      .select({ id: pupils.userId, name: users.name, username: users.username, grade: pupils.grade, birthYear: pupils.birthYear, classId: pupils.classId })
      .from(pupils)
      .innerJoin(users, eq(users.id, pupils.userId))
      .where(inArray(pupils.userId, rows.map((r) => r.pupilId)));
    const byId = new Map(who.map((w) => [w.id, w]));
    const flagged = rows.flatMap((r) => r.flags);
    expect(flagged.filter((f) => f === "phone")).toHaveLength(2);
    expect(flagged.filter((f) => f === "school")).toHaveLength(1);
    expect(flagged.filter((f) => f === "name")).toHaveLength(1);
    const schoolName = new Map([...enrolled, outside].map((s) => [s.id, s.name]));
    for (const r of rows) {
      expect(r.flags).toEqual(personalInfoFlags([r.title, r.body, r.statement].join("\n"), { pupilName: byId.get(r.pupilId)!.name ?? "", schoolName: schoolName.get(r.schoolId)! }));
    }

    // Only enrolled schools, never the demo pupils, and consent where it is needed.
    expect(rows.every((r) => r.schoolId !== outside.id)).toBe(true);
    expect(who.some((w) => w.username === "xiaoming" || w.username === "xiaohong")).toBe(false);
    for (const w of who.filter((p) => needsConsent(p))) expect(await hasConsent(w.id)).toBe(true);
    // No receipts for old news.
    const receipts = await db.select({ key: outbox.idempotencyKey }).from(outbox).where(like(outbox.idempotencyKey, "entry-receipt/%"));
    expect(receipts.filter((m) => rows.some((r) => m.key === `entry-receipt/${r.id}`))).toEqual([]);

    // Seeding again changes nothing.
    expect(await db.transaction((tx) => seedEntries(tx, { campaignId: campaign.id }))).toEqual({ submitted: 0, drafts: 0 });
    expect(await db.select({ id: entries.id }).from(entries).where(and(eq(entries.campaignId, campaign.id)))).toHaveLength(48);
  });
});
