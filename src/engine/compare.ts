// Strategy comparison and sensitivity on common random numbers. Every (path, factor) has its own random stream
// (§2), so variants of a scenario run with the same seed and paths see the same BTC price, network and power paths
// wherever their mechanics agree; differences in PD are then measured path by path (paired), and their standard
// error is far smaller than that of two independent runs (§10 Strategy comparison).
import { applyPatch, resolveScenario, formatError, type Scenario } from '../model/scenario';
import type { Engine, RunOptions, Progress } from './engine';
import type { RunResult, PdPoint } from './results';

const Z95 = 1.959963984540054;

export interface Variant { name: string; patch: unknown }
export interface PairedDiff {
  /** PD(variant) − PD(base). */
  diff: number;
  /** Standard error from the paired outcomes. */
  se: number;
  ci95: [number, number];
  /** What the standard error would be with independent runs of the same size, for comparison. */
  independentSe: number;
}
export interface ComparedRun {
  name: string;
  pd: number;
  pdByMonth: number[];
  pdCI95: [number, number][];
  pdAtYears: Record<string, PdPoint>;
}
export interface VariantResult extends ComparedRun {
  vsBase: { horizon: PairedDiff; years: Record<string, PairedDiff> };
}
export interface ComparisonResult {
  base: ComparedRun;
  variants: VariantResult[];
  monthDates: string[];
  paths: number;
  seed: number;
  months: number;
}

/** Paired difference of default indicators by day `limit`: d_i = 1{0 < b_i ≤ limit} − 1{0 < a_i ≤ limit}. */
export function pairedDiff(base: Int32Array, variant: Int32Array, limit: number): PairedDiff {
  const n = base.length;
  let onlyVariant = 0, onlyBase = 0, pBase = 0, pVar = 0;
  for (let i = 0; i < n; i++) {
    const a = base[i] > 0 && base[i] <= limit;
    const b = variant[i] > 0 && variant[i] <= limit;
    if (a) pBase++;
    if (b) pVar++;
    if (b && !a) onlyVariant++;
    else if (a && !b) onlyBase++;
  }
  const mean = (onlyVariant - onlyBase) / n;
  const variance = (onlyVariant + onlyBase) / n - mean * mean;
  const se = n > 1 ? Math.sqrt(Math.max(0, variance) / (n - 1)) : 0;
  const pa = pBase / n, pb = pVar / n;
  return {
    diff: mean, se, ci95: [mean - Z95 * se, mean + Z95 * se],
    independentSe: Math.sqrt((pa * (1 - pa) + pb * (1 - pb)) / n),
  };
}

/** A variant is a patch over the base scenario (objects merge, arrays replace); paths, seed and horizon stay the
 *  base's so that both see the same random paths. */
export function resolveVariant(base: Scenario, v: Variant): Scenario {
  const merged = applyPatch(base, v.patch) as Record<string, unknown>;
  merged.run = { ...base.run };
  const r = resolveScenario(merged);
  if (!r.ok) throw new Error(`variant "${v.name}": ${formatError(r.errors[0])}`);
  return r.scenario;
}

function summary(name: string, r: RunResult): ComparedRun {
  return { name, pd: r.pd, pdByMonth: r.pdByMonth, pdCI95: r.pdCI95, pdAtYears: r.pdAtYears };
}

/** Run the base and each variant on common random numbers and compare them path by path. */
export async function runComparison(engine: Engine, base: Scenario, variants: Variant[], options: RunOptions = {}): Promise<ComparisonResult> {
  const scenarios = variants.map((v) => resolveVariant(base, v));
  const total = base.run.paths * (1 + variants.length);
  const t0 = Date.now();
  let done = 0;
  const run = async (s: Scenario) => {
    const r = await engine.run(s, {
      signal: options.signal,
      keepPathDefaultDays: true,
      onProgress: (p: Progress) => {
        const pathsDone = done + p.pathsDone;
        const elapsedMs = Date.now() - t0;
        options.onProgress?.({ pathsDone, paths: total, elapsedMs, etaMs: pathsDone ? (elapsedMs * (total - pathsDone)) / pathsDone : null });
      },
    });
    done += s.run.paths;
    return r;
  };
  const baseResult = await run(base);
  const baseDays = baseResult.pathDefaultDays!;
  const monthEndDay = (m: number) =>
    Math.round((Date.parse(baseResult.monthDates[m]) - Date.parse(baseResult.monthDates[0])) / 86_400_000);
  const out: VariantResult[] = [];
  for (let i = 0; i < variants.length; i++) {
    const r = await run(scenarios[i]);
    const days = r.pathDefaultDays!;
    const years: Record<string, PairedDiff> = {};
    for (const y of Object.keys(r.pdAtYears)) years[y] = pairedDiff(baseDays, days, monthEndDay(12 * Number(y)));
    out.push({ ...summary(variants[i].name, r), vsBase: { horizon: pairedDiff(baseDays, days, monthEndDay(base.run.months)), years } });
  }
  return {
    base: summary(base.name || 'base', baseResult), variants: out, monthDates: baseResult.monthDates,
    paths: base.run.paths, seed: base.run.seed, months: base.run.months,
  };
}

/** Inputs of the sensitivity tornado: each scaled by (1 ± X). */
export const TORNADO_INPUTS: { key: string; label: string; scale: (s: Scenario, f: number) => unknown }[] = [
  { key: 'start.priceUsd', label: 'BTC price today', scale: (s, f) => ({ start: { priceUsd: s.start.priceUsd * f } }) },
  { key: 'market.price.sigma', label: 'BTC volatility', scale: (s, f) => ({ market: { price: { sigma: s.market.price.sigma * f, merton: { sigmaDiffusion: s.market.price.merton.sigmaDiffusion * f }, regime: { sigmaCalm: s.market.price.regime.sigmaCalm * f, sigmaTurbulent: s.market.price.regime.sigmaTurbulent * f } } } }) },
  { key: 'miner.power.contractUsdPerMwh', label: 'Hedged power price', scale: (s, f) => ({ miner: { power: { contractUsdPerMwh: s.miner.power.contractUsdPerMwh * f } } }) },
  { key: 'miner.power.spot.meanUsdPerMwh', label: 'Spot power price', scale: (s, f) => ({ miner: { power: { spot: { meanUsdPerMwh: s.miner.power.spot.meanUsdPerMwh * f } } } }) },
  { key: 'miner.fleet.hashrateEhs', label: 'Fleet hashrate', scale: (s, f) => ({ miner: { fleet: s.miner.fleet.map((g) => ({ ...g, hashrateEhs: g.hashrateEhs * f })) } }) },
  { key: 'miner.treasury.cashUsd', label: 'Cash', scale: (s, f) => ({ miner: { treasury: { cashUsd: s.miner.treasury.cashUsd * f } } }) },
  { key: 'miner.treasury.btc', label: 'BTC held', scale: (s, f) => ({ miner: { treasury: { btc: s.miner.treasury.btc * f } } }) },
  { key: 'miner.costs.sgaUsdPerQuarter', label: 'SG&A', scale: (s, f) => ({ miner: { costs: { sgaUsdPerQuarter: s.miner.costs.sgaUsdPerQuarter * f } } }) },
  { key: 'debt.principalUsd', label: 'Debt principal', scale: (s, f) => ({ debt: s.debt.map((t) => ({ ...t, principalUsd: t.principalUsd * f })) }) },
  { key: 'network.efficiencyGain', label: 'ASIC efficiency gain', scale: (s, f) => ({ network: { efficiencyGain: Math.min(0.99, s.network.efficiencyGain * f) } }) },
];

export interface TornadoRow { key: string; label: string; low: VariantResult | null; high: VariantResult | null; note?: string }
export interface TornadoResult { base: ComparedRun; pct: number; rows: TornadoRow[]; paths: number; seed: number; months: number }

/** PD at the horizon with each key input at (1 − pct) and (1 + pct), paired with the base; rows by swing. */
export async function runTornado(engine: Engine, base: Scenario, pct = 0.2, options: RunOptions = {}): Promise<TornadoResult> {
  const variants: Variant[] = [];
  const slots: { row: number; side: 'low' | 'high' }[] = [];
  const rows: TornadoRow[] = TORNADO_INPUTS.map((input, row) => {
    const r: TornadoRow = { key: input.key, label: input.label, low: null, high: null };
    for (const [side, f] of [['low', 1 - pct], ['high', 1 + pct]] as const) {
      const v = { name: `${input.label} ${side === 'low' ? '−' : '+'}${Math.round(pct * 100)} %`, patch: input.scale(base, f) };
      try {
        resolveVariant(base, v);
        variants.push(v);
        slots.push({ row, side });
      } catch (e) {
        r.note = (e as Error).message;
      }
    }
    return r;
  });
  const cmp = await runComparison(engine, base, variants, options);
  cmp.variants.forEach((v, i) => { rows[slots[i].row][slots[i].side] = v; });
  const swing = (r: TornadoRow) => Math.abs((r.high?.pd ?? cmp.base.pd) - (r.low?.pd ?? cmp.base.pd));
  rows.sort((a, b) => swing(b) - swing(a));
  return { base: cmp.base, pct, rows, paths: cmp.paths, seed: cmp.seed, months: cmp.months };
}
