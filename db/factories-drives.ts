import { randomBytes } from "node:crypto";
import type { DbOrTx } from "./client";
import { driveCategories, drives } from "./schema";

// Drives with a need-list for tests and the demo seed; each call makes a unique, published drive.

export async function createDriveRow(db: DbOrTx, values: Partial<typeof drives.$inferInsert> = {}) {
  const id = randomBytes(4).toString("hex");
  const startsAt = values.startsAt ?? new Date(Date.now() - 7 * 86_400_000);
  const [row] = await db
    .insert(drives)
    .values({
      slug: `drive-${id}`,
      title: `测试捐书${id}`,
      town: "方各庄镇",
      village: "东万坨村",
      readingRoom: "农家书屋",
      status: "published",
      endsAt: new Date(startsAt.getTime() + 60 * 86_400_000),
      ...values,
      startsAt,
    })
    .returning();
  return row!;
}

export async function createCategoryRows(db: DbOrTx, driveId: number, lines: { name: string; target: number; welcome?: string; notWelcome?: string }[]) {
  return db
    .insert(driveCategories)
    .values(lines.map((l, i) => ({ driveId, sortOrder: i, ...l })))
    .returning();
}
