// The PD curves of a comparison as chart series: cumulative PD by month with its 95 % Wilson band, starting at 0 on
// the start date; the base first and drawn on top. Pure.
import type { ComparisonResult, ComparedRun } from '../../../engine/compare';
import { BASE_LABEL } from './table';

export type TimePoint = [Date, number | null];
export type TimeBand = [Date, number | null, number | null];

/** The base in the text colour (the reference), the variants in the series colours. */
export const BASE_COLOR = 'var(--text)';
export const VARIANT_COLORS = ['var(--series-1)', 'var(--series-2)', 'var(--series-3)', 'var(--series-4)', 'var(--series-5)'];

export interface CompareSeries { name: string; isBase: boolean; color: string; line: TimePoint[]; band: TimeBand[] }

const isoToDate = (iso: string) => new Date(iso + 'T00:00:00Z');

function curve(run: ComparedRun, dates: Date[]): { line: TimePoint[]; band: TimeBand[] } {
  const line: TimePoint[] = [[dates[0], 0]];
  const band: TimeBand[] = [[dates[0], 0, 0]];
  run.pdByMonth.forEach((pd, i) => {
    line.push([dates[i + 1], pd]);
    band.push([dates[i + 1], run.pdCI95[i]?.[0] ?? null, run.pdCI95[i]?.[1] ?? null]);
  });
  return { line, band };
}

export function compareSeries(r: ComparisonResult): CompareSeries[] {
  const dates = r.monthDates.map(isoToDate);
  return [
    { name: BASE_LABEL, isBase: true, color: BASE_COLOR, ...curve(r.base, dates) },
    ...r.variants.map((v, i) => ({ name: v.name, isBase: false, color: VARIANT_COLORS[i % VARIANT_COLORS.length], ...curve(v, dates) })),
  ];
}

/** Top of the y axis: the highest upper 95 % bound shown, at least 1 %. */
export function pdAxisMax(series: CompareSeries[]): number {
  let max = 0.01;
  for (const s of series) for (const [, , hi] of s.band) if (hi !== null && hi > max) max = hi;
  return Math.min(1, max);
}
