import { readFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { afterAll, beforeAll, inject } from "vitest";
import { closeDb, openDb, schema, setDbHandle, type Db } from "@/db/client";

// Every test file runs against its own copy of the migrated database (PGlite), or the run's
// fresh PostgreSQL database; tests make their own unique rows with db/factories.ts.
beforeAll(async () => {
  const url = inject("databaseUrl");
  if (url) {
    setDbHandle(openDb(url));
    return;
  }
  const dump = readFileSync(inject("pgliteDump"));
  const client = new PGlite({ loadDataDir: new Blob([dump]) });
  await client.waitReady;
  setDbHandle({ db: drizzle(client, { schema }) as unknown as Db, close: () => client.close(), driver: "pglite" });
});

afterAll(async () => {
  await closeDb();
});
