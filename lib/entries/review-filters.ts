import { z } from "zod";
import { id } from "@/lib/form-fields";

// The staff list's filters live in the address (a GET form), so a filtered list can be bookmarked,
// shared and exported with exactly the same query. Nothing here touches the database.

/** What staff filter by; "disqualified" is not a stored status but `disqualified_at` being set. */
export const entryStatusFilters = ["submitted", "draft", "withdrawn", "disqualified"] as const;
export type EntryStatusFilter = (typeof entryStatusFilters)[number];

export type EntryFilters = {
  campaignId?: number;
  categoryId?: number;
  schoolId?: number;
  townId?: number;
  status?: EntryStatusFilter;
  /** Personal information found and not yet redacted. */
  flagged?: boolean;
  /** Part of an entry code or of the pupil's name. */
  q?: string;
};

export const ENTRIES_PAGE_SIZE = 50;

// Each field on its own: a stale or hand-edited address drops the bad filter, not the whole list.
const fields = {
  campaignId: id,
  categoryId: id,
  schoolId: id,
  townId: id,
  status: z.enum(entryStatusFilters),
  flagged: z.literal("1").transform(() => true),
  q: z
    .string()
    .trim()
    .min(1)
    .max(60),
} as const;

const paramNames: Record<keyof EntryFilters, string> = {
  campaignId: "campaign",
  categoryId: "category",
  schoolId: "school",
  townId: "town",
  status: "status",
  flagged: "flagged",
  q: "q",
};

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

function first(params: Params, name: string): string | undefined {
  if (params instanceof URLSearchParams) return params.get(name) ?? undefined;
  const v = params[name];
  return Array.isArray(v) ? v[0] : v;
}

export function parseEntryFilters(params: Params): EntryFilters {
  const out: Record<string, unknown> = {};
  for (const [key, name] of Object.entries(paramNames)) {
    const parsed = fields[key as keyof EntryFilters].safeParse(first(params, name));
    if (parsed.success) out[key] = parsed.data;
  }
  return out as EntryFilters;
}

/** The filters as query parameters, in the names the form uses. */
export function entryFilterParams(f: EntryFilters, extra: Record<string, string> = {}): URLSearchParams {
  const p = new URLSearchParams();
  for (const [key, name] of Object.entries(paramNames)) {
    const v = f[key as keyof EntryFilters];
    if (v === undefined || v === false) continue;
    p.set(name, v === true ? "1" : String(v));
  }
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  return p;
}

export function hasEntryFilters(f: EntryFilters): boolean {
  return Object.values(f).some((v) => v !== undefined && v !== false);
}

/** How staff see an entry's state: a disqualified entry is that, whatever it was before. */
export function entryDisplayStatus(e: { status: "draft" | "submitted" | "withdrawn"; disqualifiedAt: Date | null }): EntryStatusFilter {
  return e.disqualifiedAt ? "disqualified" : e.status;
}

/** Flags still to deal with: found in the text and not yet redacted by staff. */
export function isFlagged(e: { flags: string[]; redactedAt: Date | null }): boolean {
  return e.flags.length > 0 && e.redactedAt === null;
}
