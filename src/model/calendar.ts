// Calendar arithmetic on ISO dates (UTC), used by the host to turn dates into the kernel's day indexes.
// Day t of a run is the date start + t days; month m ends at the end of start + m calendar months (§1).

const MS_PER_DAY = 86_400_000;

export function parseIsoDate(s: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) throw new Error(`not a date (YYYY-MM-DD): ${s}`);
  return Date.UTC(+m[1], +m[2] - 1, +m[3]);
}

export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (ISO dates). */
export function daysBetween(from: string, to: string): number {
  return Math.round((parseIsoDate(to) - parseIsoDate(from)) / MS_PER_DAY);
}

export function addDays(date: string, days: number): string {
  return isoDate(parseIsoDate(date) + days * MS_PER_DAY);
}

/** date + n calendar months, the day clamped to the target month's last day (§11.8). */
export function addMonths(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + n;
  const ty = Math.floor(total / 12);
  const tm = total - ty * 12;
  const last = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  return isoDate(Date.UTC(ty, tm, Math.min(d, last)));
}

/** Day index (from the start date) on which month m ends, m = 0..months. */
export function monthEndDays(start: string, months: number): Int32Array {
  const out = new Int32Array(months + 1);
  for (let m = 1; m <= months; m++) out[m] = daysBetween(start, addMonths(start, m));
  return out;
}
