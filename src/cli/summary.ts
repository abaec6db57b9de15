// The CLI's readable summary of a run: PD at 1/2/3/5 years with ± SE and 95 % interval, causes, tranches, and
// the median paths of the main variables at each year end.
import type { Scenario } from '../model/scenario';
import type { Preset } from '../model/presets';
import { scenarioView } from '../model/view';
import type { RunResult, VarKey } from '../engine/results';
import type { ComparisonResult, TornadoResult, PairedDiff } from '../engine/compare';

const pct = (x: number, d = 1) => `${(100 * x).toFixed(d)} %`;
const usd = (x: number) => {
  const a = Math.abs(x);
  const s = a >= 1e9 ? `$${(a / 1e9).toFixed(2)}B` : a >= 1e6 ? `$${(a / 1e6).toFixed(1)}M` : `$${a.toFixed(0)}`;
  return x < 0 ? `−${s}` : s;
};
const num = (x: number, d = 0) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

const ROWS: [VarKey, string, (x: number) => string][] = [
  ['btcPriceUsd', 'BTC price', (x) => `$${num(x)}`],
  ['hashpriceUsdPerPhDay', 'hashprice ($/PH/s/day)', (x) => num(x, 1)],
  ['networkHashrateEhs', 'network hashrate (EH/s)', (x) => num(x)],
  ['minerShare', 'miner share of network', (x) => pct(x, 2)],
  ['btcMinedPerMonth', 'BTC mined in the month', (x) => num(x, 1)],
  ['cashUsd', 'cash', usd],
  ['netDebtUsd', 'net debt', usd],
];

export function formatSummary(s: Scenario, r: RunResult, preset?: Preset): string {
  const out: string[] = [];
  out.push(`${s.name}`);
  out.push(`  ${scenarioView(s)}`);
  if (preset && preset.id !== 'default') out.push(`  balance sheet as of ${preset.asOf}; market start ${r.meta.startDate}`);
  out.push(`  ${num(r.meta.paths)} paths, seed ${r.meta.seed}, ${r.meta.months} months from ${r.meta.startDate}, ${s.market.price.model} price (σ ${s.market.price.sigma}, μ ${s.market.price.mu})`);
  out.push('');
  out.push('Probability of default (cumulative)');
  for (const [y, p] of Object.entries(r.pdAtYears))
    out.push(`  ${y} year${y === '1' ? ' ' : 's'}  ${pct(p.pd).padStart(7)} ± ${pct(p.se, 2)}   95 % CI ${pct(p.ci95[0])} – ${pct(p.ci95[1])}`);
  const lastYear = r.meta.months / 12;
  if (!Number.isInteger(lastYear) || ![1, 2, 3, 5].includes(lastYear))
    out.push(`  ${r.meta.months} months ${pct(r.pd).padStart(7)} ± ${pct(r.pdStdErr[r.meta.months - 1], 2)}`);
  const defaulted = Object.values(r.defaultCauses).reduce((a, c) => a + c.count, 0);
  if (defaulted > 0) {
    out.push('');
    out.push(`Causes (share of ${num(defaulted)} defaulted paths)`);
    for (const [k, c] of Object.entries(r.defaultCauses)) if (c.count) out.push(`  ${k.padEnd(12)} ${pct(c.share).padStart(7)}`);
    out.push('Triggering tranche');
    for (const [k, c] of Object.entries(r.defaultTranches)) if (c.count) out.push(`  ${k.padEnd(12)} ${pct(c.share).padStart(7)}`);
    if (r.timeToDefault.medianMonth) out.push(`Median time to default: month ${r.timeToDefault.medianMonth} (${r.monthDates[r.timeToDefault.medianMonth]})`);
  }
  if (r.marginLiquidations.events > 0)
    out.push(`Margin liquidations of BTC-backed loans: ${num(r.marginLiquidations.events)} on ${pct(r.marginLiquidations.paths / r.meta.paths)} of paths`);
  out.push('');
  const years = [];
  for (let y = 1; 12 * y <= r.meta.months; y++) years.push(y);
  if (years.length === 0) years.push(r.meta.months / 12);
  const cols = years.map((y) => Math.round(12 * y));
  out.push(`Median paths (firm rows: surviving paths)  ${['start', ...cols.map((m) => r.monthDates[m])].map((c) => c.padStart(12)).join('')}`);
  for (const [key, label, fmt] of ROWS) {
    const q = r.quantiles[key];
    const first = r.samplePaths.length && key !== 'minerShare' && key !== 'btcMinedPerMonth' ? r.samplePaths[0].series[key][0] : null;
    const cells = [first === null ? '' : fmt(first), ...cols.map((m) => (Number.isFinite(q.p50[m - 1]) ? fmt(q.p50[m - 1]) : '—'))];
    out.push(`  ${label.padEnd(40)}${cells.map((c) => c.padStart(12)).join('')}`);
  }
  out.push('');
  out.push(`${r.meta.engine}, ${r.meta.workers} worker(s), ${num(r.meta.elapsedMs / 1000, 2)} s, minerisk ${r.meta.version}`);
  return out.join('\n') + '\n';
}

const pp = (x: number) => `${x >= 0 ? '+' : '−'}${(100 * Math.abs(x)).toFixed(2)} pp`;
const diffCell = (d: PairedDiff) => `${pp(d.diff)} ± ${(100 * d.se).toFixed(2)}`;

/** Strategy comparison: PD per variant and its paired difference from the base. */
export function formatComparison(r: ComparisonResult): string {
  const years = Object.keys(r.base.pdAtYears);
  const out: string[] = [];
  out.push(`Strategy comparison on common random numbers — ${num(r.paths)} paths, seed ${r.seed}, ${r.months} months`);
  out.push('');
  // The horizon column only when the horizon is not already one of the year columns.
  const horizonCol = !years.some((y) => 12 * Number(y) === r.months);
  const pdCells = (p: { pd: number; pdAtYears: Record<string, { pd: number }> }) =>
    [...years.map((y) => pct(p.pdAtYears[y].pd)), ...(horizonCol ? [pct(p.pd)] : [])];
  const head = ['', ...years.map((y) => `PD ${y}y`), ...(horizonCol ? [`PD ${r.months}m`] : []), `Δ PD ${r.months}m vs base ± SE (paired)`, 'SE if independent'];
  const rows: string[][] = [[r.base.name, ...pdCells(r.base), '', '']];
  for (const v of r.variants)
    rows.push([v.name, ...pdCells(v), diffCell(v.vsBase.horizon), `${(100 * v.vsBase.horizon.independentSe).toFixed(2)} pp`]);
  const w = head.map((_, i) => Math.max(...[head, ...rows].map((row) => row[i].length)));
  for (const row of [head, ...rows]) out.push('  ' + row.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  '));
  out.push('');
  out.push('Differences are measured path by path on the same random paths; their SE is far below that of two independent runs.');
  return out.join('\n') + '\n';
}

/** Sensitivity tornado: PD at the horizon with each input at ±X, sorted by swing. */
export function formatTornado(t: TornadoResult): string {
  const out: string[] = [];
  const x = Math.round(t.pct * 100);
  out.push(`Sensitivity of PD at ${t.months} months to ±${x} % moves — base ${pct(t.base.pd)}; ${num(t.paths)} paths, seed ${t.seed}, common random numbers`);
  out.push('');
  const head = ['input', `−${x} %`, `+${x} %`, 'Δ low ± SE', 'Δ high ± SE'];
  const rows = t.rows.map((r) => [r.label, r.low ? pct(r.low.pd) : '—', r.high ? pct(r.high.pd) : '—',
    r.low ? diffCell(r.low.vsBase.horizon) : r.note ?? '—', r.high ? diffCell(r.high.vsBase.horizon) : r.note ?? '—']);
  const w = head.map((_, i) => Math.max(...[head, ...rows].map((row) => row[i].length)));
  for (const row of [head, ...rows]) out.push('  ' + row.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  '));
  return out.join('\n') + '\n';
}
