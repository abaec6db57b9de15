// Number and date formats for axes, labels and cards. Pure. Negative numbers use the minus sign (U+2212), as d3 does.
import { format } from 'd3-format';
import { utcFormat } from 'd3-time-format';
import type { Value } from './scales';

const MINUS = '\u2212';
const siMoney = format('$.3~s');
const siPlain = format('.3~s');
const roundSig = format(',.3~r');
const thousands = format(',');

/** $1.2B, $350M, $68k, $32, −$5.9M: three significant digits, 'B' for billions rather than SI 'G'. */
export function formatUsdShort(v: number): string {
  if (!Number.isFinite(v)) return '–';
  if (v === 0) return '$0';
  if (Math.abs(v) < 1) return (v < 0 ? MINUS : '') + '$' + Math.abs(v).toFixed(2);
  return siMoney(v).replace('G', 'B');
}

/** 134T, 2.5P: SI prefixes, three significant digits (difficulty). */
export function formatSi(v: number): string {
  if (!Number.isFinite(v)) return '–';
  return siPlain(v).replace('G', 'B');
}

/** 1,000 or 1,980: three significant digits with thousands separators (hashrate in EH/s). */
export function formatRound(v: number): string {
  if (!Number.isFinite(v)) return '–';
  return roundSig(v);
}

export function formatCount(n: number): string {
  return thousands(n);
}

/** Decimals that show a probability to the precision of its standard error (two significant digits of it). */
export function pctDecimals(se: number): number {
  const sePct = se * 100;
  if (!(sePct > 0)) return 2;
  return Math.min(4, Math.max(0, 1 - Math.floor(Math.log10(sePct))));
}

/** A probability as percent text, e.g. formatPct(0.8168, 1) = "81.7 %". */
export function formatPct(p: number, decimals = 1): string {
  if (!Number.isFinite(p)) return '–';
  return `${(p * 100).toFixed(decimals)} %`;
}

/** Tick labels for a percent axis: as many decimals as the tick step needs ("0.5%", "10%"). */
export function pctTickFormat(ticks: number[]): (v: number) => string {
  const step = ticks.length > 1 ? Math.abs(ticks[1] - ticks[0]) : Math.abs(ticks[0] ?? 1) || 1;
  const decimals = Math.min(4, Math.max(0, Math.ceil(-Math.log10(step * 100) - 1e-9)));
  return (v) => `${(v * 100).toFixed(decimals).replace('-', MINUS)}%`;
}

const fmtYear = utcFormat('%Y');
const fmtMonthYear = utcFormat('%b %Y');
const fmtMonth = utcFormat('%b');

/** Date tick labels: years alone when every tick is 1 January; otherwise "Apr 2027", shortened to "Jul" within a year already named. */
export function dateTickFormat(ticks: Value[]): (v: Value) => string {
  const dates = ticks.filter((t): t is Date => t instanceof Date);
  const allJan1 = dates.length > 0 && dates.every((d) => d.getUTCMonth() === 0 && d.getUTCDate() === 1);
  if (allJan1) return (v) => fmtYear(v as Date);
  return (v) => {
    const d = v as Date;
    const i = dates.findIndex((t) => t.getTime() === d.getTime());
    const prev = i > 0 ? dates[i - 1] : null;
    return prev && prev.getUTCFullYear() === d.getUTCFullYear() ? fmtMonth(d) : fmtMonthYear(d);
  };
}

export function formatMonthYear(d: Date | string): string {
  return fmtMonthYear(typeof d === 'string' ? isoToDate(d) : d);
}

export function isoToDate(iso: string): Date {
  return new Date(iso + 'T00:00:00Z');
}
