// Rows of the comparison table and the CSV files of the comparison and of the tornado. Pure.
import type { ComparisonResult, ComparedRun, PairedDiff, TornadoResult } from '../../../engine/compare';
import type { PdPoint } from '../../../engine/results';

/** Years the table shows when they fall within the horizon (the engine reports these in pdAtYears). */
export const TABLE_YEARS = ['1', '2', '3', '5'] as const;
export const BASE_LABEL = 'Base (current scenario)';

export interface ComparisonRow {
  name: string;
  isBase: boolean;
  /** PD at each of the years asked for, in that order. */
  years: PdPoint[];
  horizon: PdPoint;
  /** Paired difference from the base at the horizon; null on the base row. */
  vsBase: PairedDiff | null;
}

const MINUS = '\u2212';

export function yearsShown(r: { months: number }): string[] {
  return TABLE_YEARS.filter((y) => 12 * Number(y) <= r.months);
}

/** The years before the horizon (the table gives the horizon a column of its own). */
export function yearsBeforeHorizon(r: { months: number }): string[] {
  return TABLE_YEARS.filter((y) => 12 * Number(y) < r.months);
}

/** PD at the last month with its binomial standard error and the engine's Wilson interval. */
function horizonPoint(run: ComparedRun, paths: number): PdPoint {
  const m = run.pdByMonth.length - 1;
  const p = run.pdByMonth[m] ?? run.pd;
  return { pd: p, se: paths > 0 ? Math.sqrt((p * (1 - p)) / paths) : 0, ci95: run.pdCI95[m] ?? [p, p] };
}

/** Rows of the table, the base first; `years` (default: all within the horizon) picks the PD-by-year columns. */
export function comparisonRows(r: ComparisonResult, years: readonly string[] = yearsShown(r)): ComparisonRow[] {
  const row = (run: ComparedRun, isBase: boolean, vsBase: PairedDiff | null): ComparisonRow => ({
    name: isBase ? BASE_LABEL : run.name,
    isBase,
    years: years.map((y) => run.pdAtYears[y]),
    horizon: horizonPoint(run, r.paths),
    vsBase,
  });
  return [row(r.base, true, null), ...r.variants.map((v) => row(v, false, v.vsBase.horizon))];
}

/** Decimals for a PD in percent down to the first significant digit of its uncertainty (SE 0.46 pp → 1). */
export function decimalsFor(uncertainty: number): number {
  const u = uncertainty * 100;
  if (!(u > 0) || !Number.isFinite(u)) return 1;
  return Math.min(3, Math.max(0, -Math.floor(Math.log10(u))));
}

/** "12.3 %" */
export function pct(p: number, decimals = 1): string {
  return Number.isFinite(p) ? `${(p * 100).toFixed(decimals)} %` : '–';
}

/** A difference in percentage points with its sign: "−3.2 pp", "+0.4 pp", "0 pp". */
export function pp(d: number, decimals = 1): string {
  if (!Number.isFinite(d)) return '–';
  if (d === 0) return '0 pp';
  const s = Math.abs(d * 100).toFixed(decimals);
  if (Number(s) === 0) return `${s} pp`;
  return `${d < 0 ? MINUS : '+'}${s} pp`;
}

/** A size in percentage points, without sign: "0.42 pp" (standard errors). */
export function ppSize(d: number, decimals = 1): string {
  return Number.isFinite(d) ? `${Math.abs(d * 100).toFixed(decimals)} pp` : '–';
}

// ---- CSV ------------------------------------------------------------------------------------------------------

export function csvCell(v: unknown): string {
  if (v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v))) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const csv = (rows: unknown[][]) => rows.map((r) => r.map(csvCell).join(',')).join('\n') + '\n';

/**
 * One row per strategy (the base first): PD with its 95 % interval at each year within the horizon and at the
 * horizon, the paired difference from the base at the horizon with its SE and 95 % interval, and the SE that two
 * independent runs would have had. Probabilities as fractions (0.123 = 12.3 %).
 */
export function comparisonCsv(r: ComparisonResult): string {
  const years = yearsShown(r);
  const header = ['strategy'];
  for (const y of years) header.push(`pd_${y}y`, `pd_${y}y_ci95_lo`, `pd_${y}y_ci95_hi`);
  header.push('pd_horizon', 'pd_horizon_ci95_lo', 'pd_horizon_ci95_hi', 'diff_vs_base', 'diff_se_paired',
    'diff_ci95_lo', 'diff_ci95_hi', 'diff_se_if_independent', 'horizon_months', 'paths', 'seed');
  const rows: unknown[][] = [header];
  for (const row of comparisonRows(r)) {
    const cells: unknown[] = [row.name];
    for (const p of row.years) cells.push(p?.pd, p?.ci95[0], p?.ci95[1]);
    const d = row.vsBase;
    cells.push(row.horizon.pd, row.horizon.ci95[0], row.horizon.ci95[1], d ? d.diff : 0, d ? d.se : 0,
      d?.ci95[0], d?.ci95[1], d?.independentSe, r.months, r.paths, r.seed);
    rows.push(cells);
  }
  return csv(rows);
}

/** One row per tornado input, by swing: PD at the horizon with the input at (1 − X) and (1 + X), and each one's
 *  paired difference from the base with SE and 95 % interval. An input that could not be varied has a note. */
export function tornadoCsv(t: TornadoResult): string {
  const rows: unknown[][] = [[
    'input', 'key', 'change', 'pd_base', 'pd_low', 'pd_high', 'swing',
    'diff_low', 'diff_low_se', 'diff_low_ci95_lo', 'diff_low_ci95_hi',
    'diff_high', 'diff_high_se', 'diff_high_ci95_lo', 'diff_high_ci95_hi', 'horizon_months', 'paths', 'seed', 'note',
  ]];
  for (const row of t.rows) {
    const lo = row.low?.vsBase.horizon, hi = row.high?.vsBase.horizon;
    const pdLow = row.low?.pd ?? t.base.pd, pdHigh = row.high?.pd ?? t.base.pd;
    rows.push([
      row.label, row.key, `±${Math.round(t.pct * 100)}%`, t.base.pd, row.low?.pd, row.high?.pd, Math.abs(pdHigh - pdLow),
      lo?.diff, lo?.se, lo?.ci95[0], lo?.ci95[1], hi?.diff, hi?.se, hi?.ci95[0], hi?.ci95[1],
      t.months, t.paths, t.seed, row.note ?? '',
    ]);
  }
  return csv(rows);
}
