import { closeDb } from "./client";
import { migrateDb } from "./migrate";

// Run with the app stopped: PGlite allows one process at a time.
async function main() {
  await migrateDb();
  console.log("Migrations applied.");
  await closeDb();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
