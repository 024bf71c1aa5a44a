import "server-only";
import { createElement } from "react";
import { and, asc, eq, isNull, ne } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { driveCategories, driveIntakes, drivePledgeItems, drivePledges, drives, librarySettings } from "@/db/schema";
import { DonorEmail, donorEmailSubject, type DonorEmailVariant } from "@/emails/drives/donor";
import type { Locale } from "@/lib/i18n";
import { createTranslator } from "next-intl";
import { emailMessages, enqueueMail, libraryName, perLocale, renderEmail } from "@/lib/mail";

const translator = perLocale((locale: Locale) => createTranslator({ locale, messages: emailMessages(locale), namespace: "drives" }));

export const pledgeUrl = (origin: string, token: string) => `${origin}/pledges/${token}`;

type Drive = { id: number; slug: string; title: string; destination: string };

export function destinationOf(d: { destination: string; town: string; village: string; readingRoom: string }): string {
  return d.destination || [d.town, d.village, d.readingRoom].filter(Boolean).join("");
}

export async function driveForMail(db: DbOrTx, driveId: number): Promise<Drive> {
  const [d] = await db.select().from(drives).where(eq(drives.id, driveId));
  return { id: d!.id, slug: d!.slug, title: d!.title, destination: destinationOf(d!) };
}

export type DonorMail = {
  /** With the variant, the idempotency key: one mail per key, ever. */
  key: string | number;
  variant: DonorEmailVariant;
  to: string;
  locale: Locale;
  name: string;
  code: string;
  lines: { name: string; count: number }[];
  url: string;
  handover?: string;
};

/** Queues one mail to a donor (key `drive-<variant>/<key>`); returns false when it was already queued. */
export async function sendDonorMail(db: DbOrTx, drive: Drive, m: DonorMail): Promise<boolean> {
  const { html, text } = await renderEmail(
    createElement(DonorEmail, {
      locale: m.locale,
      variant: m.variant,
      libraryName: await libraryName(db, m.locale),
      name: m.name || translator(m.locale)("anonymous"),
      driveTitle: drive.title,
      destination: drive.destination,
      code: m.code,
      lines: m.lines,
      handover: m.handover ?? "",
      url: m.url,
    }),
  );
  return enqueueMail(db, { kind: `drive-${m.variant}`, entityId: m.key, to: m.to, locale: m.locale, subject: donorEmailSubject(m.locale, m.variant, drive.title), html, text });
}

/** A pledge's items by category name, in need-list order. */
export async function pledgeLines(db: DbOrTx, pledgeId: number) {
  return db
    .select({ name: driveCategories.name, count: drivePledgeItems.count })
    .from(drivePledgeItems)
    .innerJoin(driveCategories, eq(driveCategories.id, drivePledgeItems.categoryId))
    .where(eq(drivePledgeItems.pledgeId, pledgeId))
    .orderBy(asc(driveCategories.sortOrder), asc(driveCategories.id));
}

/** Where the books go: the library's address and hours for drop-off, the donor's own for pickup. */
// Read in the caller's transaction (not through the cached settings): PGlite has one connection.
async function handoverText(db: DbOrTx, p: { handover: "dropoff" | "pickup"; pickupAddress: string; pickupDays: string; locale: Locale }) {
  const t = translator(p.locale);
  if (p.handover === "pickup") return t("email.pickup", { address: p.pickupAddress, days: p.pickupDays || "—" });
  const [lib] = await db.select().from(librarySettings).where(eq(librarySettings.id, 1));
  const zh = p.locale === "zh-CN";
  return t("email.dropoff", { address: (zh ? lib?.addressZh : lib?.addressEn) || "—", hours: (zh ? lib?.hoursZh : lib?.hoursEn) || "—" });
}

/** The confirmation (or change / cancel notice) of a pledge, with its manage link. */
export async function sendPledgeMail(db: DbOrTx, variant: "pledged" | "changed" | "cancelled", pledgeId: number, o: { origin: string; token?: string; key?: string }) {
  const [p] = await db.select().from(drivePledges).where(eq(drivePledges.id, pledgeId));
  const drive = await driveForMail(db, p!.driveId);
  return sendDonorMail(db, drive, {
    key: o.key ?? pledgeId,
    variant,
    to: p!.email,
    locale: p!.locale,
    name: p!.name,
    code: p!.code,
    lines: variant === "cancelled" ? [] : await pledgeLines(db, pledgeId),
    url: o.token ? pledgeUrl(o.origin, o.token) : `${o.origin}/drives/${drive.slug}`,
    handover: variant === "cancelled" ? "" : await handoverText(db, p!),
  });
}

/** Everyone who gave (a pledge received, or a walk-in that left an email), one entry per address. */
export async function donorsOf(db: DbOrTx, driveId: number) {
  const pledged = await db
    .select({ email: drivePledges.email, name: drivePledges.name, locale: drivePledges.locale })
    .from(drivePledges)
    .where(and(eq(drivePledges.driveId, driveId), eq(drivePledges.status, "received")))
    .orderBy(asc(drivePledges.id));
  const walkIns = await db
    .select({ email: driveIntakes.donorEmail, name: driveIntakes.donorName })
    .from(driveIntakes)
    .where(and(eq(driveIntakes.driveId, driveId), isNull(driveIntakes.pledgeId), ne(driveIntakes.donorEmail, "")))
    .orderBy(asc(driveIntakes.id));
  const byEmail = new Map<string, { email: string; name: string; locale: Locale }>();
  for (const d of [...pledged, ...walkIns.map((w) => ({ ...w, locale: "zh-CN" as Locale }))]) {
    const key = d.email.toLowerCase();
    if (!byEmail.has(key)) byEmail.set(key, { ...d, email: key });
  }
  return [...byEmail.values()];
}
