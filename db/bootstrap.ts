import { getDb } from "./client";
import { migrateDb } from "./migrate";
import { seedDemo } from "./seed";

/** Brings the database up to date and, on a brand-new database, fills it with demo data. */
export async function bootstrapDb({ seed = process.env.SEED_DEMO !== "false" } = {}) {
  const started = Date.now();
  await migrateDb();
  const seeded = seed ? await seedDemo(getDb()) : false;
  console.log(`[db] ready in ${Date.now() - started} ms${seeded ? " (demo data added)" : ""}`);
}
