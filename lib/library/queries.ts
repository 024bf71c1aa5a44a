import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLog, librarySettings, towns } from "@/db/schema";
import { memoize } from "@/lib/cache";
import { forgetLibraryName } from "@/lib/mail/send";
import type { Locale } from "@/lib/i18n";
import type { LibrarySettingsInput } from "./schemas";

export type LibraryInfo = { name: string; address: string; hours: string; phone: string; email: string };

const fallback = { nameZh: "书香图书馆", nameEn: "Shuxiang Library", addressZh: "", addressEn: "", hoursZh: "", hoursEn: "", phone: "", email: "" };

export async function getLibrarySettings() {
  const [row] = await getDb().select().from(librarySettings).where(eq(librarySettings.id, 1)).limit(1);
  return row ?? { id: 1, ...fallback, updatedAt: new Date(0) };
}

// Every page shows the library's name (header, footer, home): read it once every few seconds.
const cachedSettings = memoize(getLibrarySettings, 5_000);

/** The library's details in one language, for headers, footers and emails. */
export async function getLibraryInfo(locale: Locale): Promise<LibraryInfo> {
  const s = await cachedSettings();
  const zh = locale === "zh-CN";
  return {
    name: zh ? s.nameZh : s.nameEn,
    address: zh ? s.addressZh : s.addressEn,
    hours: zh ? s.hoursZh : s.hoursEn,
    phone: s.phone,
    email: s.email,
  };
}

export async function updateLibrarySettings(input: LibrarySettingsInput, actorId: string) {
  await getDb().transaction(async (tx) => {
    await tx
      .insert(librarySettings)
      .values({ id: 1, ...input })
      .onConflictDoUpdate({ target: librarySettings.id, set: { ...input, updatedAt: sql`now()` } });
    await tx.insert(auditLog).values({ actorId, action: "update", entity: "library_settings", entityId: "1", data: input });
  });
  cachedSettings.clear();
  forgetLibraryName();
}

export async function listTowns() {
  return getDb().select().from(towns).orderBy(asc(towns.sortOrder), asc(towns.id));
}
