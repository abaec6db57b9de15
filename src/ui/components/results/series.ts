// Chart data derived from a RunResult: plain arrays for the layers, computed in $derived on the main thread (cheap:
// at most 121 months × a few series). No model code here. Pure.
import type { RunResult, VarKey } from '../../../engine/results';
import { isoToDate, formatCount, formatMonthYear, formatPct } from '../../charts/format';
import type { BinBar, CategoryBar } from '../../charts/types';

export type TimePoint = [Date, number | null];
export type TimeBand = [Date, number | null, number | null];

const num = (v: number | null | undefined): number | null => (v === null || v === undefined || !Number.isFinite(v) ? null : v);

/** Cumulative PD with its 95 % Wilson band, starting at 0 on the start date. */
export function pdCurve(r: RunResult): { line: TimePoint[]; band: TimeBand[] } {
  const dates = r.monthDates.map(isoToDate);
  const line: TimePoint[] = [[dates[0], 0]];
  const band: TimeBand[] = [[dates[0], 0, 0]];
  r.pdByMonth.forEach((pd, i) => {
    line.push([dates[i + 1], pd]);
    band.push([dates[i + 1], r.pdCI95[i][0], r.pdCI95[i][1]]);
  });
  return { line, band };
}

export interface FanData {
  p5p95: TimeBand[];
  p25p75: TimeBand[];
  median: TimePoint[];
  samples: { path: number; defaulted: boolean; points: TimePoint[]; cross: { x: Date; y: number; title: string } | null }[];
  /** Paths the quantiles are taken over at the horizon. */
  nAtHorizon: number;
}

/** Value of a monthly series on a date between two month ends: linear between them, else the last known one. */
function valueAt(series: (number | null)[], dates: Date[], d: Date): { y: number | null; lastIndex: number } {
  let i = 0;
  while (i + 1 < dates.length && dates[i + 1].getTime() <= d.getTime()) i++;
  const a = num(series[i]), b = num(series[i + 1]);
  if (a !== null && b !== null && i + 1 < dates.length) {
    const t = (d.getTime() - dates[i].getTime()) / (dates[i + 1].getTime() - dates[i].getTime());
    return { y: a + t * (b - a), lastIndex: i };
  }
  return { y: a, lastIndex: i };
}

/**
 * Fan of one variable: 5–95 % and 25–75 % bands and the median by month (opening from the known start value on the
 * start date), and the first `nSamples` sample paths; a defaulted path stops at its default date, marked by a cross.
 * `fromStart` false leaves out the start date for variables without a start value (the kernel records the miner's
 * share as 0 there, before any machine has run, and BTC mined is a monthly flow).
 */
export function fanData(r: RunResult, key: VarKey, nSamples = 5, formatValue: (v: number) => string = String, fromStart = true): FanData {
  const dates = r.monthDates.map(isoToDate);
  const q = r.quantiles[key];
  const start = num(r.samplePaths[0]?.series[key]?.[0]);
  const p5p95: TimeBand[] = fromStart ? [[dates[0], start, start]] : [];
  const p25p75: TimeBand[] = fromStart ? [[dates[0], start, start]] : [];
  const median: TimePoint[] = fromStart ? [[dates[0], start]] : [];
  for (let i = 0; i < q.p50.length; i++) {
    const has = q.n[i] > 0;
    p5p95.push([dates[i + 1], has ? num(q.p5[i]) : null, has ? num(q.p95[i]) : null]);
    p25p75.push([dates[i + 1], has ? num(q.p25[i]) : null, has ? num(q.p75[i]) : null]);
    median.push([dates[i + 1], has ? num(q.p50[i]) : null]);
  }
  const samples = r.samplePaths.slice(0, nSamples).map((s) => {
    const series = s.series[key] ?? [];
    const points: TimePoint[] = series.map((v, i): TimePoint => [dates[i], i === 0 && !fromStart ? null : num(v)]);
    if (!s.defaultDate) return { path: s.path, defaulted: false, points, cross: null };
    const d = isoToDate(s.defaultDate);
    const { y, lastIndex } = valueAt(series, dates, d);
    // Firm variables stop at the default (null after it): the line ends at the last month end and the cross sits
    // at the default date at that last value. Market variables go on, so their line is drawn whole.
    const firm = lastIndex + 1 < series.length && series.slice(lastIndex + 1).every((v) => v === null);
    const when = firm ? 'last month-end value before it' : 'value then';
    return {
      path: s.path,
      defaulted: true,
      points: firm ? points.slice(0, lastIndex + 1) : points,
      cross: y === null ? null : { x: d, y, title: `Sample path ${s.path + 1} defaults on ${s.defaultDate}; ${when}: ${formatValue(y)}` },
    };
  });
  return { p5p95, p25p75, median, samples, nAtHorizon: q.n[q.n.length - 1] ?? 0 };
}

/** Time-to-default histogram: monthly bins up to 60 months, quarterly beyond (120 thin bars are unreadable). */
export function ttdBins(r: RunResult): { bins: BinBar[]; months: number } {
  const counts = r.timeToDefault.monthCounts;
  const months = counts.length > 60 ? 3 : 1;
  const dates = r.monthDates.map(isoToDate);
  const paths = r.meta.paths;
  const bins: BinBar[] = [];
  for (let i = 0; i < counts.length; i += months) {
    const j = Math.min(counts.length, i + months);
    let c = 0;
    for (let k = i; k < j; k++) c += counts[k];
    const span = months === 1 ? formatMonthYear(dates[i + 1]) : `${formatMonthYear(dates[i])} – ${formatMonthYear(dates[j])}`;
    bins.push({
      x0: dates[i], x1: dates[j], value: c,
      title: `${span} (month ${i + 1}${j > i + 1 ? `–${j}` : ''}): ${formatCount(c)} paths default (${formatPct(paths ? c / paths : 0, 2)} of all paths)`,
    });
  }
  return { bins, months };
}

export const CAUSE_LABELS: Record<string, string> = {
  liquidity: 'Liquidity', operating: 'Operating', maturity: 'Maturity', margin_call: 'Margin call',
};

/** Bars of shares of defaulted paths, labelled "75.6 % · 6,178". */
export function shareBars(entries: Record<string, { count: number; share: number }>, label: (key: string) => string): CategoryBar[] {
  return Object.entries(entries).map(([key, { count, share }]) => ({
    key: label(key),
    value: share,
    label: `${formatPct(share, 1)} · ${formatCount(count)}`,
    title: `${label(key)}: ${formatCount(count)} defaulted paths (${formatPct(share, 1)} of defaults)`,
  }));
}

/** The source line under exported charts: what produced the numbers, so a pasted chart can be traced. */
export function exportFooter(r: RunResult, caveat: string, scenarioName?: string): string {
  const title = scenarioName ?? r.meta.scenarioName;
  const name = title ? `${title} · ` : '';
  return `minerisk ${r.meta.version} · ${name}${formatCount(r.meta.paths)} paths · seed ${r.meta.seed} · data to ${r.meta.startDate} · ${caveat}`;
}

/** Base of export file names: scenario, seed and paths, so files of different runs do not overwrite each other. */
export function exportBase(r: RunResult | null): string {
  return r ? `minerisk-seed${r.meta.seed}-${r.meta.paths}paths` : 'minerisk';
}
