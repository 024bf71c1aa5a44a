import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import postgres from "postgres";
import type { TestProject } from "vitest/node";

const migrationsFolder = path.resolve(__dirname, "../db/migrations");

declare module "vitest" {
  export interface ProvidedContext {
    /** A fresh PostgreSQL database for this run, when TEST_DATABASE_URL is set. */
    databaseUrl: string;
    /** A migrated PGlite data directory dump, loaded by every test file otherwise. */
    pgliteDump: string;
  }
}

/**
 * Builds the database once per run: on PostgreSQL a fresh database (dropped at the end),
 * on PGlite a migrated snapshot that each test file loads in about a second.
 */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const name = `shuxiang_test_${Date.now()}_${randomBytes(3).toString("hex")}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const client = postgres(url.toString(), { max: 1, onnotice: () => {} });
    const { drizzle: drizzlePg } = await import("drizzle-orm/postgres-js");
    const { migrate: migratePg } = await import("drizzle-orm/postgres-js/migrator");
    await migratePg(drizzlePg(client), { migrationsFolder });
    await client.end();
    project.provide("databaseUrl", url.toString());
    project.provide("pgliteDump", "");
    return async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  }

  const pg = new PGlite();
  await migrate(drizzle(pg), { migrationsFolder });
  const dump = await pg.dumpDataDir("gzip");
  await pg.close();
  const dir = mkdtempSync(path.join(tmpdir(), "shuxiang-test-"));
  const file = path.join(dir, "migrated.tar.gz");
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("databaseUrl", "");
  project.provide("pgliteDump", file);
  return () => rmSync(dir, { recursive: true, force: true });
}
