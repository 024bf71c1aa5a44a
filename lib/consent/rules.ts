import { shanghaiDay } from "@/lib/time";

/** The consent text's version, stored with every consent (rule 9). Change it when the text in messages changes. */
export const CONSENT_RULES_VERSION = "2026-1";

/** An emailed consent link works this long. */
export const CONSENT_LINK_DAYS = 14;

export const CONSENT_AGE = 14;

/** The year in Beijing, which is what "this year" means to the school. */
export function currentYear(now = new Date()): number {
  return Number(shanghaiDay(now).slice(0, 4));
}

/**
 * Whether a guardian must consent: pupils under 14. With a birth year, by this year's age
 * (the younger reading, so a child turning 14 later this year still needs it); without one,
 * by grade — grade 8 and below.
 */
export function needsConsent(pupil: { birthYear: number | null; grade: number }, now = new Date()): boolean {
  if (pupil.birthYear !== null) return currentYear(now) - pupil.birthYear < CONSENT_AGE;
  return pupil.grade <= 8;
}

export type ConsentState = "not_required" | "given" | "requested" | "missing";

export function consentState(
  pupil: { birthYear: number | null; grade: number },
  facts: { confirmed: boolean; requested: boolean },
  now = new Date(),
): ConsentState {
  if (facts.confirmed) return "given";
  if (!needsConsent(pupil, now)) return "not_required";
  return facts.requested ? "requested" : "missing";
}

/** Whether consent stands in the way of taking part (for entries). */
export function consentSatisfied(state: ConsentState): boolean {
  return state === "given" || state === "not_required";
}
