/** An entry's human-readable code: 2026-YZ-A-00123 (year, campaign letters, category letter, number). */
export function formatEntryCode(year: number, prefix: string, categoryCode: string, seq: number): string {
  return [year, prefix, categoryCode, String(seq).padStart(5, "0")].filter((part) => part !== "").join("-");
}
