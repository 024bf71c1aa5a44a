import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Functions that may run inside a caller's transaction take this. */
export type DbOrTx = Db | Tx;

type Handle = { db: Db; close: () => Promise<void>; driver: "pglite" | "postgres" };

const g = globalThis as unknown as { __shuxiangDb?: Handle };

export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATA_DIR ?? ".data/pglite");
}

export function openDb(url = process.env.DATABASE_URL): Handle {
  if (url) {
    const client = postgres(url, {
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      onnotice: () => {},
    });
    return {
      db: drizzlePostgres(client, { schema }) as unknown as Db,
      close: () => client.end({ timeout: 5 }),
      driver: "postgres",
    };
  }
  const dir = dataDir();
  mkdirSync(dir, { recursive: true });
  const client = new PGlite(dir);
  return {
    db: drizzlePglite(client, { schema }) as unknown as Db,
    close: () => client.close(),
    driver: "pglite",
  };
}

/** The process-wide database, opened on first use (never at import time, so `next build` needs none). */
export function getDb(): Db {
  g.__shuxiangDb ??= openDb();
  return g.__shuxiangDb.db;
}

/**
 * A query built and prepared once per database handle (tests install their own), for the few that
 * run on nearly every request: drizzle building a query can cost more than running it.
 */
export function preparedQuery<Q>(build: (db: Db) => Q): () => Q {
  const byDb = new WeakMap<Db, Q>();
  return () => {
    const db = getDb();
    let query = byDb.get(db);
    if (!query) byDb.set(db, (query = build(db)));
    return query;
  };
}

export function dbDriver(): Handle["driver"] {
  g.__shuxiangDb ??= openDb();
  return g.__shuxiangDb.driver;
}

/** Tests and scripts install their own handle (a PGlite loaded from a snapshot, a fresh PostgreSQL database). */
export function setDbHandle(handle: Handle | undefined) {
  g.__shuxiangDb = handle;
}

export async function closeDb() {
  const h = g.__shuxiangDb;
  g.__shuxiangDb = undefined;
  await h?.close();
}

export { schema };

/** The rows of `db.execute()`: PGlite answers with `{ rows }`, postgres.js with the rows themselves. */
export function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;
}
