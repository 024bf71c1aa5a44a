import { closeDb, getDb } from "./client";
import { migrateDb } from "./migrate";
import { seedDemo } from "./seed";

// Run with the app stopped: PGlite allows one process at a time.
async function main() {
  await migrateDb();
  const seeded = await seedDemo(getDb());
  console.log(seeded ? "Demo data added." : "The database already holds a library; nothing was changed.");
  await closeDb();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
