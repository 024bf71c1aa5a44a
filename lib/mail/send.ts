import "server-only";
import { createHash } from "node:crypto";
import { createElement } from "react";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { librarySettings } from "@/db/schema/library";
import type { Locale } from "@/lib/i18n";
import { MagicLinkEmail, magicLinkSubject } from "@/emails/auth/magic-link";
import { enqueueMail } from "./outbox";
import { renderEmail } from "./render";

// Typed helpers, one per kind of mail: callers pass domain facts, never subjects or HTML.
// Each takes the caller's transaction (rule 4) and only queues; call scheduleDrain() after commit.

const FALLBACK_NAME = { "zh-CN": "书香", en: "Shuxiang" } as const;

// Every message names the library: read it at most every few seconds, through the caller's
// handle (inside its transaction: PGlite has one connection). A change made here clears it.
const NAME_TTL_MS = 5_000;
let names: { at: number; zh?: string; en?: string } | undefined;

/** The library's name for the email header and footer, in the reader's language. */
export async function libraryName(db: DbOrTx, locale: Locale): Promise<string> {
  if (!names || Date.now() - names.at > NAME_TTL_MS) {
    const [row] = await db
      .select({ nameZh: librarySettings.nameZh, nameEn: librarySettings.nameEn })
      .from(librarySettings)
      .where(eq(librarySettings.id, 1))
      .limit(1);
    names = { at: Date.now(), zh: row?.nameZh, en: row?.nameEn };
  }
  const name = locale === "en" ? names.en : names.zh;
  return name?.trim() || FALLBACK_NAME[locale];
}

/** After the library's details change. */
export function forgetLibraryName() {
  names = undefined;
}

/** A stable id that does not put the secret itself into keys that staff pages show. */
function digest(value: string): string {
  return createHash("sha256").update(value).digest("hex").slice(0, 32);
}

export async function sendMagicLink(
  db: DbOrTx,
  m: { to: string; url: string; locale: Locale; tokenId: string },
): Promise<boolean> {
  const name = await libraryName(db, m.locale);
  const { html, text } = await renderEmail(createElement(MagicLinkEmail, { locale: m.locale, libraryName: name, url: m.url }));
  return enqueueMail(db, {
    kind: "magic-link",
    entityId: digest(m.tokenId),
    to: m.to,
    locale: m.locale,
    subject: magicLinkSubject(m.locale),
    html,
    text,
  });
}
