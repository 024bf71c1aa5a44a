// The library works in Asia/Shanghai, which has kept UTC+8 without daylight saving since 1991,
// so a fixed offset converts form values exactly.
const OFFSET_MS = 8 * 60 * 60 * 1000;

/** "2026-03-01T09:00" typed in a datetime-local field, read as Beijing time. */
export function parseShanghaiDateTime(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const d = new Date(`${value.length === 16 ? `${value}:00` : value}+08:00`);
  // A day that does not exist (2031-02-30) would roll over into March: refuse it instead.
  return Number.isNaN(d.getTime()) || toShanghaiInput(d) !== value.slice(0, 16) ? null : d;
}

/** "2026-03-01" typed in a date field, read as the start of that day in Beijing. */
export function parseShanghaiDate(value: string): Date | null {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? parseShanghaiDateTime(`${value}T00:00`) : null;
}

/** The value a datetime-local field shows for `d` in Beijing time. */
export function toShanghaiInput(d: Date): string {
  return new Date(d.getTime() + OFFSET_MS).toISOString().slice(0, 16);
}

/** The calendar date of `d` in Beijing, "YYYY-MM-DD". */
export function shanghaiDay(d: Date): string {
  return new Date(d.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}
