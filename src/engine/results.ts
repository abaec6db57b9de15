// Merging chunk outputs into a run result (model-spec §7). Records must be added in path order (the engines
// buffer out-of-order chunks), so every float sum is folded in the same order whatever the worker count or chunk
// size; histogram counts are integers. Quantiles, PD curves and intervals are computed here from counts only.
import '../model/portable-runtime';
import * as L from '../../assembly/layout';
import { exp, log } from '../../assembly/mathx';
import type { CompiledScenario } from '../model/compile';

export const VAR_KEYS = ['btcPriceUsd', 'difficulty', 'networkHashrateEhs', 'hashpriceUsdPerPhDay', 'minerShare',
  'btcMinedPerMonth', 'cashUsd', 'btcHeld', 'netDebtUsd'] as const;
export type VarKey = (typeof VAR_KEYS)[number];
export const VAR_UNITS: Record<VarKey, string> = {
  btcPriceUsd: 'USD/BTC', difficulty: 'difficulty (target 0x1d00ffff = 1)', networkHashrateEhs: 'EH/s',
  hashpriceUsdPerPhDay: 'USD per PH/s per day', minerShare: 'share of network hashrate (0–1)',
  btcMinedPerMonth: 'BTC per month', cashUsd: 'USD', btcHeld: 'BTC (free + pledged)', netDebtUsd: 'USD (debt − cash)',
};
export const CAUSE_KEYS = ['none', 'liquidity', 'operating', 'maturity', 'margin_call', 'put'] as const;
export const QUANTILE_LEVELS = [0.05, 0.25, 0.5, 0.75, 0.95] as const;
const Z95 = 1.959963984540054;
/** Variables whose underflow bin means "zero" (a retired fleet mines nothing) rather than "below the range". */
const ZEROABLE = new Set<number>([L.V_SHARE, L.V_MINED, L.V_BTC]);

export interface PdPoint { pd: number; se: number; ci95: [number, number] }
export interface QuantileSeries { unit: string; n: number[]; p5: number[]; p25: number[]; p50: number[]; p75: number[]; p95: number[] }
export interface SamplePath { path: number; defaultDay: number | null; defaultDate: string | null; series: Record<VarKey, (number | null)[]> }

export interface RunResult {
  pd: number;
  pdByMonth: number[];
  pdStdErr: number[];
  pdCI95: [number, number][];
  pdAtYears: Record<string, PdPoint>;
  defaultCauses: Record<string, { count: number; share: number }>;
  defaultTranches: Record<string, { count: number; share: number }>;
  timeToDefault: { monthCounts: number[]; medianMonth: number | null };
  marginLiquidations: { events: number; paths: number };
  /** Fleet refresh and hosting over the horizon, means over paths (§10): capex, fleet at the end (or at default),
   *  hosting NOI received and mining revenue earned from the AI load's slack. */
  strategy: { meanCapexUsd: number; meanFleetEhsAtEnd: number; meanHostingNoiUsd: number; meanSlackMiningRevenueUsd: number };
  /** Recovery, loss given default, expected loss and PD-implied spreads per tranche (§10). */
  credit: CreditSummary;
  /** Convertible conversions, refinancings and at-the-market equity (§10): paths with at least one, and means. */
  capitalEvents: { conversionPaths: number; refinancingPaths: number; atmPaths: number; meanAtmUsd: number; meanSharesAtEnd: number; spvDefaultPaths: number };
  terminal: { meanPriceUsd: number; meanPriceStdErr: number; meanLnReturn: number; sdLnReturn: number; meanBtcMined: number };
  quantiles: Record<VarKey, QuantileSeries>;
  monthDates: string[];
  samplePaths: SamplePath[];
  meta: RunMeta;
  /** With RunOptions.keepPathDefaultDays: each path's default day (0 = survived). Not part of the JSON output. */
  pathDefaultDays?: Int32Array;
}

export interface TrancheCredit {
  id: string;
  /** Share of paths on which the tranche was owed money when the firm defaulted. */
  lossProbability: number;
  /** Mean loss given default (of the claim: principal + accrued + unpaid), over those paths. */
  meanLgd: number | null;
  /** Expected loss as a share of the tranche's principal at the start (or when a refinancing note was created). */
  expectedLoss: number;
  /** LGD distribution: counts in 20 bins of width 5 %. */
  lgdHistogram: number[];
  /** PD-implied credit spread s = −ln(1 − PD_T·LGD)/T, per year (model-spec §10). */
  impliedSpread: number | null;
}

export interface CreditSummary {
  /** PD-implied rating band from the 1-year PD: < 0.6 % BBB or better, 0.6–2 % BB, 2–10 % B, ≥ 10 % CCC/C. */
  ratingBand: { band: string; pd1y: number; label: string } | null;
  tranches: TrancheCredit[];
  /** Over defaulted paths: mean recovery of the senior unsecured pool, mean estate value and loss (USD). */
  recovery: { meanUnsecuredRecovery: number | null; meanEstateUsd: number | null; meanLossUsd: number | null };
  /** Cash breakevens at the start (see compile.ts): the hashprice and BTC price at which mining covers costs + interest. */
  breakeven: { hashpriceUsdPerPhDay: number | null; btcPriceUsd: number | null };
}

export const RATING_NOTE = 'PD-implied band, not an agency rating';

export function ratingBand(pd1y: number): string {
  if (pd1y < 0.006) return 'BBB or better';
  if (pd1y < 0.02) return 'BB';
  if (pd1y < 0.1) return 'B';
  return 'CCC/C';
}

export interface RunMeta {
  paths: number; seed: number; months: number; workers: number; engine: string; chunkPaths: number;
  elapsedMs: number; version: string; startDate: string; scenarioName?: string; complete: boolean;
}

export function wilson(k: number, n: number): [number, number] {
  if (n === 0) return [0, 1];
  const p = k / n;
  const z2 = Z95 * Z95;
  const den = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / den;
  const half = (Z95 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / den;
  // Exact ends at k = 0 and k = n (the formula leaves a rounding residue there).
  return [k === 0 ? 0 : Math.max(0, centre - half), k === n ? 1 : Math.min(1, centre + half)];
}

export class RunAccumulator {
  readonly months: number;
  pathsDone = 0;
  private defaultsByMonth: number[];
  private causes = new Array<number>(L.N_CAUSES).fill(0);
  private tranches: number[];
  private marginEvents = 0;
  private marginPaths = 0;
  private conversionPaths = 0;
  private spvDefaultPaths = 0;
  private refinancingPaths = 0;
  private atmPaths = 0;
  private sumAtm = 0;
  private sumShares = 0;
  private sumCapex = 0;
  private sumFleetEnd = 0;
  private sumNoi = 0;
  private sumSlack = 0;
  private sumUnsecured = 0;
  private sumEstate = 0;
  private sumLoss = 0;
  /** Credit sums per tranche slot, folded batch by batch in path order (layout.ts B_*). */
  private credit = new Float64Array(L.TRANCHE_SLOTS * L.B_STRIDE);
  private sumP = 0;
  private sumP2 = 0;
  private sumLn = 0;
  private sumLn2 = 0;
  private sumMined = 0;
  private hist: Int32Array;
  private samples: Float64Array | null = null;
  private defaultDays = new Map<number, number>();
  /** Default day of every path (0 = survived), kept only for paired comparisons: O(paths), not paths × steps. */
  readonly pathDefaultDays: Int32Array | null;

  constructor(private readonly c: CompiledScenario, keepPathDefaultDays = false) {
    this.pathDefaultDays = keepPathDefaultDays ? new Int32Array(c.paths) : null;
    this.months = c.months;
    this.defaultsByMonth = new Array(c.months + 1).fill(0);
    this.tranches = new Array(c.trancheIds.length + 1).fill(0);
    this.hist = new Int32Array(L.N_VARS * c.months * L.H_BINS);
  }

  private monthOfDay(day: number): number {
    const me = this.c.monthEnd;
    let lo = 1, hi = this.months;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (me[mid] >= day) hi = mid; else lo = mid + 1;
    }
    return lo;
  }

  /** Records of paths [firstPath, firstPath + n): must arrive in path order. */
  addRecords(firstPath: number, rec: Float64Array): void {
    if (firstPath !== this.pathsDone) throw new Error(`records out of order: got ${firstPath}, expected ${this.pathsDone}`);
    const n = rec.length / L.R_STRIDE;
    for (let q = 0; q < n; q++) {
      const o = q * L.R_STRIDE;
      const day = rec[o + L.R_DEFAULT_DAY];
      if (this.pathDefaultDays) this.pathDefaultDays[firstPath + q] = day;
      if (day > 0) {
        this.sumUnsecured += rec[o + L.R_UNSECURED_RECOVERY];
        this.sumEstate += rec[o + L.R_ESTATE_USD];
        this.sumLoss += rec[o + L.R_LOSS_USD];
        this.defaultsByMonth[this.monthOfDay(day)]++;
        this.causes[rec[o + L.R_CAUSE]]++;
        this.tranches[rec[o + L.R_TRANCHE] + 1]++;
        if (firstPath + q < L.N_SAMPLES) this.defaultDays.set(firstPath + q, day);
      }
      if (rec[o + L.R_CONVERSIONS] > 0) this.conversionPaths++;
      if (rec[o + L.R_SPV_DEFAULTS] > 0) this.spvDefaultPaths++;
      if (rec[o + L.R_REFINANCINGS] > 0) this.refinancingPaths++;
      if (rec[o + L.R_ATM_USD] > 0) this.atmPaths++;
      this.sumAtm += rec[o + L.R_ATM_USD];
      this.sumShares += rec[o + L.R_SHARES_T];
      this.sumCapex += rec[o + L.R_REFRESH_BASE];
      this.sumFleetEnd += rec[o + L.R_REFRESH_BASE + 1];
      this.sumNoi += rec[o + L.R_HOSTING_BASE];
      this.sumSlack += rec[o + L.R_HOSTING_BASE + 1];
      const ev = rec[o + L.R_MARGIN_EVENTS];
      this.marginEvents += ev;
      if (ev > 0) this.marginPaths++;
      const p = rec[o + L.R_P_T];
      const ln = rec[o + L.R_LNP_T];
      this.sumP += p; this.sumP2 += p * p;
      this.sumLn += ln; this.sumLn2 += ln * ln;
      this.sumMined += rec[o + L.R_MINED_T];
    }
    this.pathsDone += n;
  }

  /** A chunk's per-batch credit sums, in batch order (call right after the chunk's records). */
  addBatchSums(b: Float64Array): void {
    const per = L.TRANCHE_SLOTS * L.B_STRIDE;
    for (let o = 0; o < b.length; o += per)
      for (let i = 0; i < per; i++) this.credit[i] += b[o + i];
  }

  private creditSummary(pdByMonth: number[], defaulted: number): CreditSummary {
    const n = this.pathsDone;
    const M = this.months;
    const pdT = pdByMonth[M - 1] ?? 0;
    const T = this.c.days / 365.25;
    const tranches: TrancheCredit[] = [];
    const own = this.c.trancheIds.length - L.MAX_REFI;
    this.c.trancheIds.forEach((id, k) => {
      const o = k * L.B_STRIDE;
      const claims = this.credit[o + L.B_CLAIMS];
      if (k >= own && claims === 0) return;
      const meanLgd = claims > 0 ? this.credit[o + L.B_LGD_SUM] / claims : null;
      tranches.push({
        id,
        lossProbability: n ? claims / n : 0,
        meanLgd,
        expectedLoss: n ? this.credit[o + L.B_LOSS_SHARE] / n : 0,
        lgdHistogram: Array.from(this.credit.subarray(o + L.B_LGD_BIN0, o + L.B_LGD_BIN0 + L.LGD_BINS)),
        impliedSpread: meanLgd === null || T <= 0 ? null : -log(1 - pdT * meanLgd) / T,
      });
    });
    const pd1y = M >= 12 ? pdByMonth[11] : null;
    return {
      ratingBand: pd1y === null ? null : { band: ratingBand(pd1y), pd1y, label: RATING_NOTE },
      tranches,
      recovery: {
        meanUnsecuredRecovery: defaulted ? this.sumUnsecured / defaulted : null,
        meanEstateUsd: defaulted ? this.sumEstate / defaulted : null,
        meanLossUsd: defaulted ? this.sumLoss / defaulted : null,
      },
      breakeven: this.c.breakeven,
    };
  }

  /** Histogram counts in the compact layout [var][month 1..M][bin]. */
  addHistograms(h: Int32Array): void {
    const dst = this.hist;
    for (let i = 0; i < dst.length; i++) dst[i] += h[i];
  }

  setSamples(s: Float64Array): void { this.samples = s.slice(); }

  result(meta: Omit<RunMeta, 'paths' | 'months' | 'startDate' | 'seed'>): RunResult {
    const n = this.pathsDone;
    const M = this.months;
    const pdByMonth: number[] = [], pdStdErr: number[] = [], pdCI95: [number, number][] = [];
    let cum = 0;
    const cumCount: number[] = [0];
    for (let m = 1; m <= M; m++) {
      cum += this.defaultsByMonth[m];
      cumCount.push(cum);
      const p = n > 0 ? cum / n : 0;
      pdByMonth.push(p);
      pdStdErr.push(n > 0 ? Math.sqrt((p * (1 - p)) / n) : 0);
      pdCI95.push(wilson(cum, n));
    }
    const pdAtYears: Record<string, PdPoint> = {};
    for (const y of [1, 2, 3, 5]) {
      if (12 * y > M) continue;
      pdAtYears[String(y)] = { pd: pdByMonth[12 * y - 1], se: pdStdErr[12 * y - 1], ci95: pdCI95[12 * y - 1] };
    }
    const defaulted = cum;
    const share = (k: number) => (defaulted > 0 ? k / defaulted : 0);
    const defaultCauses: RunResult['defaultCauses'] = {};
    CAUSE_KEYS.forEach((key, i) => { if (i > 0) defaultCauses[key] = { count: this.causes[i], share: share(this.causes[i]) }; });
    const defaultTranches: RunResult['defaultTranches'] = {};
    defaultTranches['operating'] = { count: this.tranches[0], share: share(this.tranches[0]) };
    // Refinancing notes (the last MAX_REFI ids) are listed only when one of them triggered a default.
    const own = this.c.trancheIds.length - L.MAX_REFI;
    this.c.trancheIds.forEach((id, k) => {
      if (k < own || this.tranches[k + 1] > 0) defaultTranches[id] = { count: this.tranches[k + 1], share: share(this.tranches[k + 1]) };
    });
    let medianMonth: number | null = null;
    for (let m = 1; m <= M && defaulted > 0; m++) if (cumCount[m] * 2 >= defaulted) { medianMonth = m; break; }
    const meanP = n ? this.sumP / n : 0;
    const meanLn = n ? this.sumLn / n : 0;
    return {
      pd: pdByMonth[M - 1] ?? 0,
      pdByMonth, pdStdErr, pdCI95, pdAtYears, defaultCauses, defaultTranches,
      timeToDefault: { monthCounts: this.defaultsByMonth.slice(1), medianMonth },
      marginLiquidations: { events: this.marginEvents, paths: this.marginPaths },
      credit: this.creditSummary(pdByMonth, defaulted),
      strategy: {
        meanCapexUsd: n ? this.sumCapex / n : 0, meanFleetEhsAtEnd: n ? this.sumFleetEnd / n : 0,
        meanHostingNoiUsd: n ? this.sumNoi / n : 0, meanSlackMiningRevenueUsd: n ? this.sumSlack / n : 0,
      },
      capitalEvents: {
        conversionPaths: this.conversionPaths, refinancingPaths: this.refinancingPaths, atmPaths: this.atmPaths,
        meanAtmUsd: n ? this.sumAtm / n : 0, meanSharesAtEnd: n ? this.sumShares / n : 0,
        spvDefaultPaths: this.spvDefaultPaths,
      },
      terminal: {
        meanPriceUsd: meanP,
        meanPriceStdErr: n > 1 ? Math.sqrt(Math.max(0, this.sumP2 / n - meanP * meanP) / (n - 1)) : 0,
        meanLnReturn: meanLn,
        sdLnReturn: n > 1 ? Math.sqrt(Math.max(0, (this.sumLn2 - n * meanLn * meanLn) / (n - 1))) : 0,
        meanBtcMined: n ? this.sumMined / n : 0,
      },
      quantiles: this.quantiles(),
      monthDates: this.c.monthDates,
      samplePaths: this.samplePaths(),
      meta: { ...meta, paths: n, months: M, startDate: this.c.startDate, seed: this.c.seed },
      ...(this.pathDefaultDays && meta.complete ? { pathDefaultDays: this.pathDefaultDays } : {}),
    };
  }

  private binValue(v: number, pos: number): number {
    // pos in [0, H_INNER]: position on the transformed axis.
    if (v === L.V_CASH || v === L.V_NET_DEBT) {
      const y = (pos / L.H_INNER) * 2 * L.H_ASINH_SPAN - L.H_ASINH_SPAN;
      return L.H_ASINH_SCALE * 0.5 * (exp(y) - exp(-y)); // sinh
    }
    return exp(this.c.histCenter[v] - L.H_LOG_SPAN + (pos / L.H_INNER) * 2 * L.H_LOG_SPAN);
  }

  /** Quantile from the counts: linear interpolation inside the bin on the transformed (log/asinh) axis. */
  private quantile(v: number, counts: Int32Array, total: number, q: number): number {
    const target = q * total;
    let cum = 0;
    for (let b = 0; b < L.H_BINS; b++) {
      const c = counts[b];
      if (c > 0 && cum + c >= target) {
        if (b === 0) return ZEROABLE.has(v) ? 0 : this.binValue(v, 0);
        if (b === L.H_BINS - 1) return this.binValue(v, L.H_INNER);
        return this.binValue(v, b - 1 + (target - cum) / c);
      }
      cum += c;
    }
    return NaN;
  }

  private quantiles(): Record<VarKey, QuantileSeries> {
    const out = {} as Record<VarKey, QuantileSeries>;
    VAR_KEYS.forEach((key, v) => {
      const s: QuantileSeries = { unit: VAR_UNITS[key], n: [], p5: [], p25: [], p50: [], p75: [], p95: [] };
      for (let m = 1; m <= this.months; m++) {
        const o = (v * this.months + (m - 1)) * L.H_BINS;
        const counts = this.hist.subarray(o, o + L.H_BINS);
        let total = 0;
        for (let b = 0; b < L.H_BINS; b++) total += counts[b];
        s.n.push(total);
        const qs = QUANTILE_LEVELS.map((q) => (total > 0 ? this.quantile(v, counts, total, q) : NaN));
        s.p5.push(qs[0]); s.p25.push(qs[1]); s.p50.push(qs[2]); s.p75.push(qs[3]); s.p95.push(qs[4]);
      }
      out[key] = s;
    });
    return out;
  }

  private samplePaths(): SamplePath[] {
    const s = this.samples;
    if (!s) return [];
    const count = Math.min(L.N_SAMPLES, this.pathsDone);
    const out: SamplePath[] = [];
    for (let p = 0; p < count; p++) {
      const series = {} as Record<VarKey, (number | null)[]>;
      VAR_KEYS.forEach((key, v) => {
        const o = (p * L.N_VARS + v) * (L.MAX_MONTHS + 1);
        series[key] = Array.from(s.subarray(o, o + this.months + 1), (x) => (Number.isNaN(x) ? null : x));
      });
      const day = this.defaultDays.get(p) ?? null;
      out.push({ path: p, defaultDay: day, defaultDate: day === null ? null : addDaysIso(this.c.startDate, day), series });
    }
    return out;
  }
}

function addDaysIso(date: string, days: number): string {
  return new Date(Date.parse(date + 'T00:00:00Z') + days * 86_400_000).toISOString().slice(0, 10);
}

/** The kernel's histogram array compacted to the run's months: [var][month][bin]. */
export function compactHistograms(full: Int32Array, months: number): Int32Array {
  const out = new Int32Array(L.N_VARS * months * L.H_BINS);
  for (let v = 0; v < L.N_VARS; v++) {
    const src = v * L.MAX_MONTHS * L.H_BINS;
    out.set(full.subarray(src, src + months * L.H_BINS), v * months * L.H_BINS);
  }
  return out;
}
