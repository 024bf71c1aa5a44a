import { randomBytes } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { createUser } from "@/db/factories";
import { auditLog, librarySettings } from "@/db/schema";
import { librarySettingsSchema, type LibrarySettingsInput } from "./schemas";
import { getLibraryInfo, getLibrarySettings, updateLibrarySettings } from "./queries";

// library_settings is a single row (id = 1) shared by every test file on PostgreSQL, so this
// file puts back whatever was there before it started.

let before: typeof librarySettings.$inferSelect | undefined;

beforeAll(async () => {
  [before] = await getDb().select().from(librarySettings).where(eq(librarySettings.id, 1));
});

afterAll(async () => {
  const db = getDb();
  if (before) await db.update(librarySettings).set(before).where(eq(librarySettings.id, 1));
  else await db.delete(librarySettings).where(eq(librarySettings.id, 1));
});

function settings(): LibrarySettingsInput {
  const id = randomBytes(4).toString("hex");
  return librarySettingsSchema.parse({
    nameZh: `测试图书馆${id}`,
    nameEn: `Test Library ${id}`,
    addressZh: `测试路${id}号`,
    addressEn: `${id} Test Road`,
    hoursZh: `周二至周日 9:00–17:00 (${id})`,
    hoursEn: `Tue–Sun 9:00–17:00 (${id})`,
    phone: `0315-${id}`,
    email: `Library-${id}@Example.TEST`,
  });
}

const auditRowsOf = (actorId: string) =>
  getDb()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.actorId, actorId), eq(auditLog.entity, "library_settings")))
    .orderBy(desc(auditLog.id));

describe("updateLibrarySettings", () => {
  it("writes the row and an audit_log entry naming the actor and the values", async () => {
    const admin = await createUser(getDb(), { roles: ["admin"] });
    const input = settings();
    expect(input.email).toBe(input.email.toLowerCase()); // the schema's own normalising

    const startedAt = Date.now();
    await updateLibrarySettings(input, admin.id);

    const [row] = await getDb().select().from(librarySettings).where(eq(librarySettings.id, 1));
    expect(row).toMatchObject({ id: 1, ...input });
    expect(row!.updatedAt.getTime()).toBeGreaterThan(startedAt - 60_000);

    const audit = await auditRowsOf(admin.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: admin.id, action: "update", entity: "library_settings", entityId: "1", data: input });
  });

  it("overwrites on a second save (still one row) and audits each save", async () => {
    const admin = await createUser(getDb(), { roles: ["admin"] });
    const first = settings();
    const second = { ...settings(), phone: "", email: "" };
    await updateLibrarySettings(first, admin.id);
    const [afterFirst] = await getDb().select().from(librarySettings).where(eq(librarySettings.id, 1));
    await updateLibrarySettings(second, admin.id);

    const rows = await getDb().select().from(librarySettings);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject(second);
    expect(rows[0]!.updatedAt.getTime()).toBeGreaterThanOrEqual(afterFirst!.updatedAt.getTime());
    expect(await getLibrarySettings()).toMatchObject(second);

    const audit = await auditRowsOf(admin.id);
    expect(audit.map((a) => a.data)).toEqual([second, first]);
  });

  it("writes nothing when the audit entry cannot be written (one transaction)", async () => {
    const input = settings();
    // An actor that does not exist breaks the audit_log foreign key after the settings upsert.
    await expect(updateLibrarySettings(input, `missing-${randomBytes(6).toString("hex")}`)).rejects.toThrow();
    const [row] = await getDb().select().from(librarySettings).where(eq(librarySettings.id, 1));
    expect(row?.nameZh).not.toBe(input.nameZh);
  });
});

describe("getLibraryInfo", () => {
  it("returns the fields in the requested language; phone and email in both", async () => {
    const admin = await createUser(getDb(), { roles: ["admin"] });
    const input = settings();
    await updateLibrarySettings(input, admin.id);

    expect(await getLibraryInfo("zh-CN")).toEqual({
      name: input.nameZh,
      address: input.addressZh,
      hours: input.hoursZh,
      phone: input.phone,
      email: input.email,
    });
    expect(await getLibraryInfo("en")).toEqual({
      name: input.nameEn,
      address: input.addressEn,
      hours: input.hoursEn,
      phone: input.phone,
      email: input.email,
    });
  });
});
