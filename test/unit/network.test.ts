// The network contract (model-spec §4 Network, §8 "Network"): retargets, halvings, the exogenous model, fees and the
// first-day invariant. White-box: the scenario is compiled and copied into the kernel's shared arrays, then the
// network module is driven day by day (the TypeScript twin of the wasm core, bit-identical by the parity test).
// Every expected value is derived here from the spec and the start state, never read back from the kernel's code.
import '../../src/model/portable-runtime';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/model/compile';
import { createReferenceKernel } from '../../src/model/kernel';
import { START, OUT_OF_SAMPLE_EPOCHS } from '../../src/model/start-state';
import { seedPath } from '../../assembly/rng';
import { subsidyBtc, halvingsAt } from '../../assembly/hashprice';
import {
  networkReset, networkDay, networkDifficulty, networkHeight, networkBlocksToday, networkBtcPerPhDay,
  networkHashrateEhs, networkRetargets, networkRunningShare,
} from '../../assembly/network';
import { scenario } from '../helpers/fixture';

// ---- constants from the spec (§4), written out independently ----
/** BTC per PH/s per day per (BTC per block ÷ difficulty): 86400 s × 10^15 H/s ÷ 2^32. */
const K = (86400 * 1e15) / 2 ** 32;
const TWO_WEEKS_S = 1_209_600;
const D0 = START.difficulty;
const P0 = START.priceUsd;
const FS = START.feeShare;
/** subsidy + fee per block = subsidy·(1 + e^{x₀}) with e^{x₀} = f/(1 − f): subsidy/(1 − f). */
const perBlock = (subsidy: number) => subsidy / (1 - FS);
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
/** Start of the epoch in progress, in days relative to the end of the start day (day t covers (t − 1, t]). */
const EPOCH_START_DAYS = (Date.parse(START.epochStartTime) - Date.parse('2026-03-23T00:00:00Z')) / 86_400_000;
const relErr = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

/** Φ(x) by its Taylor series of erf (converges to ~1e-15 for |x| < 3): independent of the kernel's normCdf. */
function phi(x: number): number {
  const z = x / Math.SQRT2;
  let term = z, sum = z;
  for (let n = 1; n < 200; n++) {
    term *= (-z * z) / n;
    const add = term / (2 * n + 1);
    sum += add;
    if (Math.abs(add) < 1e-18) break;
  }
  return 0.5 * (1 + (2 / Math.sqrt(Math.PI)) * sum);
}

const kernel = createReferenceKernel();
function load(patch: unknown): void {
  kernel.load(compileScenario(scenario(patch)));
}

/** A flat network: exogenous model without drift or noise, fixed fees (optionally with spikes). */
const FLAT_EXOGENOUS = {
  network: { model: 'exogenous', exogenous: { driftPerEpoch: 0, sdPerEpoch: 0 } },
  market: { fees: { sdMonthly: 0, spikeProbMonthly: 0 } },
};

/** Feedback model with a hashrate that only moves through the running share (no capacity change, no outages). */
function steppable(mustRunShare: number, extra: Record<string, unknown> = {}) {
  return {
    network: {
      model: 'feedback', mustRunShare, kappaPerEpoch: 0, sigmaPerEpoch: 0, efficiencyGain: 0,
      outage: { probPerEpoch: 0 },
      // u* is 0 or 1 to double precision, and u follows it the same day (λ = 1): the running share is a switch.
      breakevenSpread: 0.01, shutdownHalfLifeDays: 1e-6,
      ...extra,
    },
    market: { fees: { sdMonthly: 0, spikeProbMonthly: 0 } },
  };
}

interface Trace { D: number[]; h: number[]; blocks: number[]; retargets: number[]; H: number[]; btc: number[] }
/** Run the network for `days` days at the price priceOf(t); index 0 is the state after networkReset. */
function trace(days: number, price0: number, priceOf: (t: number) => number, path = 0): Trace {
  seedPath(1, path);
  networkReset(price0);
  const tr: Trace = { D: [networkDifficulty()], h: [networkHeight()], blocks: [NaN], retargets: [networkRetargets()], H: [networkHashrateEhs()], btc: [networkBtcPerPhDay()] };
  for (let t = 1; t <= days; t++) {
    networkDay(t, priceOf(t));
    tr.D.push(networkDifficulty()); tr.h.push(networkHeight()); tr.blocks.push(networkBlocksToday());
    tr.retargets.push(networkRetargets()); tr.H.push(networkHashrateEhs()); tr.btc.push(networkBtcPerPhDay());
  }
  return tr;
}
/** First day whose closing retarget count reaches n. */
const retargetDay = (tr: Trace, n: number) => tr.retargets.findIndex((r) => r >= n);

// The analytic constant-hashrate network at H₀ = D₀·2³²/600 (144 blocks a day at D₀), from the start state (§1):
const BLOCKS_DONE = START.nextHeight - START.epochStartHeight; // 318 blocks of epoch 467 mined before the start
const TAU1 = (2016 - BLOCKS_DONE) / 144; // instant of the first retarget, days after the end of the start day
const C1 = clamp(TWO_WEEKS_S / ((TAU1 - EPOCH_START_DAYS) * 86400), 0.25, 4);
const D1 = D0 * C1;
const TAU2 = TAU1 + 2016 / ((144 * D0) / D1); // the second epoch runs at 144·D₀/D₁ blocks a day
// D₂ = D₁·clamp(1209600/T₂) with T₂ = 14·D₁/D₀ days: exactly D₀ again.

describe('network: constant hashrate (feedback, mustRunShare 1, no capacity moves or outages, flat price)', () => {
  const days = 400;
  let tr: Trace;
  beforeAll(() => {
    load(steppable(1));
    tr = trace(days, P0, () => P0);
  });

  it('the start state: 318 blocks of the epoch in progress mined in ~2.09 days (a fast epoch), retarget at 943,488', () => {
    expect(BLOCKS_DONE).toBe(318);
    expect(START.epochStartHeight % 2016).toBe(0);
    expect(START.epochStartHeight + 2016).toBe(OUT_OF_SAMPLE_EPOCHS[0].height);
    expect(EPOCH_START_DAYS).toBeCloseTo(-(2 + (2 * 3600 + 6 * 60 + 52) / 86400), 12);
    // ran fast: 318 blocks in 2.09 days is 152 a day, so the first retarget raises the difficulty
    expect(C1).toBeGreaterThan(1);
    expect(C1).toBeLessThan(4);
  });

  it('mines 144 blocks a day at D₀ and keeps H_eff = H₀ before the first retarget', () => {
    const H0 = (D0 * 2 ** 32) / 600 / 1e18;
    for (let t = 1; t < Math.ceil(TAU1); t++) {
      expect(relErr(tr.blocks[t], 144)).toBeLessThan(1e-12);
      expect(relErr(tr.H[t], H0)).toBeLessThan(1e-12);
      expect(tr.D[t]).toBe(D0);
      expect(Math.abs(tr.h[t] - (START.nextHeight + 144 * t))).toBeLessThan(1e-6);
    }
  });

  it('the first retarget closes the real epoch in progress: D₀·clamp(1209600/T₁, ¼, 4) at height 943,488', () => {
    const day = retargetDay(tr, 1);
    expect(day).toBe(Math.ceil(TAU1)); // 12 = 2026-04-03
    expect(relErr(tr.D[day], D1)).toBeLessThan(1e-12);
    expect(tr.D[day - 1]).toBe(D0);
    // the retarget happened at height 943,488: the rest of the day ran at the new rate 144·D₀/D₁
    const hExpected = 943_488 + (day - TAU1) * ((144 * D0) / D1);
    expect(Math.abs(tr.h[day] - hExpected)).toBeLessThan(1e-6);
  });

  it('from the second retarget on, the difficulty is constant (back at D₀) and blocks/day = 144', () => {
    const second = retargetDay(tr, 2);
    expect(second).toBe(Math.ceil(TAU2));
    expect(relErr(tr.D[second], D0)).toBeLessThan(1e-12);
    const last = tr.retargets[days];
    expect(last).toBeGreaterThanOrEqual(25);
    for (let k = 3; k <= last; k++) {
      const day = retargetDay(tr, k);
      expect(day).toBe(second + 14 * (k - 2)); // every 2016 blocks at 144 a day
      expect(relErr(tr.D[day], tr.D[second])).toBeLessThan(1e-12);
    }
    for (let t = second + 1; t <= days; t++) {
      expect(relErr(tr.blocks[t], 144)).toBeLessThan(1e-12);
      expect(relErr(tr.D[t], D0)).toBeLessThan(1e-12);
    }
    // heights: 945,504 at τ₂, then 144 a day
    expect(Math.abs(tr.h[days] - (945_504 + 144 * (days - TAU2)))).toBeLessThan(1e-6);
  });
});

describe('network: a step in hashrate gives the exact clamped retarget at the exact height', () => {
  // Before the step the running share is u₀ (H_eff = H₀); on day s the price moves the share to u' and H_eff to
  // k·H₀ with k = (ρ + (1 − ρ)u')/(ρ + (1 − ρ)u₀), u ∈ {0, 1}. The step lies inside the third epoch.
  const cases = [
    { name: 'up ×2 (unclamped)', rho: 0.5, up: true, k: 2, clampTo: null },
    { name: 'down ×0.5 (unclamped)', rho: 0.5, up: false, k: 0.5, clampTo: null },
    { name: 'up ×10 (clamped at 4)', rho: 0.1, up: true, k: 10, clampTo: 4 },
    { name: 'down ×0.1 (clamped at ¼)', rho: 0.1, up: false, k: 0.1, clampTo: 0.25 },
  ] as const;
  const HIGH = P0 * 100; // hashprice ≈ $3,200/PH/day: u* = 1 even after a ×4 retarget
  const LOW = P0 / 100; // hashprice ≈ $0.32/PH/day: u* = 0 even after a ×¼ retarget
  for (const c of cases) {
    it(c.name, () => {
      load(steppable(c.rho));
      const s = Math.ceil(TAU2) + 1; // the first whole day after the second retarget
      const before = c.up ? LOW : HIGH;
      const after = c.up ? HIGH : LOW;
      const tr = trace(s + 200, before, (t) => (t < s ? before : after));
      expect(relErr(tr.H[s - 1], tr.H[0])).toBeLessThan(1e-12);
      expect(relErr(tr.H[s], c.k * tr.H[0])).toBeLessThan(1e-12);
      // analytic: 144 blocks a day from τ₂ (at D₂ = D₀) to the end of day s − 1, then 144k a day
      const hBefore = 945_504 + 144 * (s - 1 - TAU2);
      expect(Math.abs(tr.h[s - 1] - hBefore)).toBeLessThan(1e-6);
      const tau3 = s - 1 + (947_520 - hBefore) / (144 * c.k);
      const T3 = (tau3 - TAU2) * 86400;
      const ratio = clamp(TWO_WEEKS_S / T3, 0.25, 4);
      if (c.clampTo !== null) {
        expect(ratio).toBe(c.clampTo);
        expect(TWO_WEEKS_S / T3 > 4 || TWO_WEEKS_S / T3 < 0.25).toBe(true);
      } else {
        expect(ratio).toBeGreaterThan(0.25);
        expect(ratio).toBeLessThan(4);
      }
      const D3 = D0 * ratio;
      const day = retargetDay(tr, 3);
      expect(day).toBe(Math.ceil(tau3));
      expect(tr.D[day - 1]).toBe(tr.D[s - 1]);
      expect(relErr(tr.D[day], D3)).toBeLessThan(1e-12);
      // the retarget took effect at height 947,520 (= 470 × 2016): the rest of day `day` ran at 144k·D₀/D₃
      expect(947_520 % 2016).toBe(0);
      const hEnd = 947_520 + (day - tau3) * ((144 * c.k * D0) / D3);
      expect(Math.abs(tr.h[day] - hEnd)).toBeLessThan(1e-6);
      expect(relErr(tr.blocks[day + 1], (144 * c.k * D0) / D3)).toBeLessThan(1e-12);
    });
  }
});

describe('network: halvings', () => {
  it('subsidy 50/2^floor(height/210000): 3.125 up to block 1,049,999, 1.5625 from 1,050,000', () => {
    expect(subsidyBtc(START.nextHeight)).toBe(3.125);
    expect(subsidyBtc(839_999)).toBe(6.25);
    expect(subsidyBtc(840_000)).toBe(3.125);
    expect(subsidyBtc(1_049_999)).toBe(3.125);
    expect(subsidyBtc(1_049_999.999999)).toBe(3.125);
    expect(subsidyBtc(1_050_000)).toBe(1.5625);
    expect(subsidyBtc(1_259_999.5)).toBe(1.5625);
    expect(subsidyBtc(1_260_000)).toBe(0.78125);
    expect(halvingsAt(1_050_000)).toBe(5);
    expect(subsidyBtc(0)).toBe(50);
    expect(subsidyBtc(209_999)).toBe(50);
    expect(subsidyBtc(210_000)).toBe(25);
  });

  it('flat network (exogenous, 144/day): the halving at 1,050,000 falls on day 752 and its revenue is the time-weighted mix', () => {
    load(FLAT_EXOGENOUS);
    const tr = trace(800, P0, () => P0);
    const dayH = Math.ceil((1_050_000 - START.nextHeight) / 144); // 108,210/144 = 751.46 → day 752
    expect(dayH).toBe(752);
    expect(tr.h[dayH - 1]).toBeLessThan(1_050_000);
    expect(tr.h[dayH]).toBeGreaterThanOrEqual(1_050_000);
    const f = (1_050_000 - (START.nextHeight + 144 * (dayH - 1))) / 144; // share of the day before the boundary
    expect(f).toBeCloseTo(66 / 144, 12);
    const before = (K * perBlock(3.125)) / D0;
    const after = (K * perBlock(1.5625)) / D0;
    expect(relErr(tr.btc[dayH - 1], before)).toBeLessThan(1e-12);
    expect(relErr(tr.btc[dayH], f * before + (1 - f) * after)).toBeLessThan(1e-12);
    expect(relErr(tr.btc[dayH + 1], after)).toBeLessThan(1e-12);
    expect(relErr(tr.btc[800], after)).toBeLessThan(1e-12);
    // the date: 2028-04-12 at 144 blocks a day (spec: ≈ 2028-04-07 at the observed 145)
    expect(new Date(Date.UTC(2026, 2, 22 + dayH)).toISOString().slice(0, 10)).toBe('2028-04-12');
  });

  it('feedback, constant hashrate: the halving day mixes the segments at the fraction before 1,050,000', () => {
    load(steppable(1));
    const tr = trace(800, P0, () => P0);
    const tauH = TAU2 + (1_050_000 - 945_504) / 144;
    const dayH = Math.ceil(tauH);
    expect(tr.h[dayH - 1]).toBeLessThan(1_050_000);
    expect(tr.h[dayH]).toBeGreaterThanOrEqual(1_050_000);
    // the fraction of the day before the boundary, from the height at the start of the day (its accumulated
    // rounding over 751 days, ~1e-10 blocks, is checked against the analytic height separately)
    const rate = tr.blocks[dayH];
    expect(relErr(rate, 144)).toBeLessThan(1e-12);
    const f = (1_050_000 - tr.h[dayH - 1]) / rate;
    expect(Math.abs(f - (tauH - (dayH - 1)))).toBeLessThan(1e-9);
    expect(Math.abs(tr.h[dayH - 1] - (945_504 + 144 * (dayH - 1 - TAU2)))).toBeLessThan(1e-6);
    const D = tr.D[dayH];
    expect(relErr(D, D0)).toBeLessThan(1e-12);
    expect(tr.D[dayH - 1]).toBe(D); // no retarget that day
    const expected = (K * (f * perBlock(3.125) + (1 - f) * perBlock(1.5625))) / D;
    expect(relErr(tr.btc[dayH], expected)).toBeLessThan(1e-12);
    expect(relErr(tr.btc[dayH - 1], (K * perBlock(3.125)) / D)).toBeLessThan(1e-12);
    expect(relErr(tr.btc[dayH + 1], (K * perBlock(1.5625)) / D)).toBeLessThan(1e-12);
  });
});

describe('network: the exogenous model', () => {
  it('144 blocks a day, retargets every 2016 blocks, Δln D ~ N(driftPerEpoch, sdPerEpoch), hashrate D·2³²/600', () => {
    load({ network: { model: 'exogenous' } }); // drift 0.010, sd 0.045
    const drift = 0.01, sd = 0.045;
    const paths = 400, days = 1827;
    let n = 0, s1 = 0, s2 = 0, wrongBlocks = 0, wrongSteps = 0;
    for (let p = 0; p < paths; p++) {
      const tr = trace(days, P0, () => P0, p);
      for (let t = 1; t <= days; t++) {
        if (tr.blocks[t] !== 144) wrongBlocks++;
        const k = tr.retargets[t] - tr.retargets[t - 1];
        if (k > 1 || (k === 0 && tr.D[t] !== tr.D[t - 1])) wrongSteps++;
        if (k === 1) {
          const x = Math.log(tr.D[t] / tr.D[t - 1]);
          n++; s1 += x; s2 += x * x;
        }
      }
      if (p === 0) {
        // retarget days: 12, 26, 40, … (2016/144 = 14 days apart)
        expect(retargetDay(tr, 1)).toBe(12);
        expect(retargetDay(tr, 2)).toBe(26);
        expect(relErr(tr.H[days], (tr.D[days] * 2 ** 32) / 600 / 1e18)).toBeLessThan(1e-12);
        expect(Math.abs(tr.h[days] - (START.nextHeight + 144 * days))).toBeLessThan(1e-6);
      }
    }
    const mean = s1 / n;
    const variance = (s2 - n * mean * mean) / (n - 1);
    const seMean = sd / Math.sqrt(n);
    const seVar = sd * sd * Math.sqrt(2 / (n - 1));
    expect(wrongBlocks).toBe(0);
    expect(wrongSteps).toBe(0);
    console.log(`exogenous: ${n} retargets, mean Δln D ${mean.toFixed(5)} (±${seMean.toFixed(5)}), sd ${Math.sqrt(variance).toFixed(5)}`);
    expect(n).toBeGreaterThan(paths * 129);
    expect(Math.abs(mean - drift)).toBeLessThan(4 * seMean);
    expect(Math.abs(variance - sd * sd)).toBeLessThan(4 * seVar);
  });
});

describe('network: fees (§4 Fees)', () => {
  /** Observed fee factor (subsidy + fee per block)/subsidy on a flat exogenous network (D = D₀, 144 blocks a day);
   *  the subsidy is the day's time-weighted one (the halving day, 752, mixes 3.125 and 1.5625). */
  const feeFactor = (btcPerPhDay: number, t = 1) => {
    const h0 = START.nextHeight + 144 * (t - 1), h1 = h0 + 144, b = 1_050_000;
    const subsidy = h1 <= b ? 3.125 : h0 >= b ? 1.5625 : ((b - h0) * 3.125 + (h1 - b) * 1.5625) / 144;
    return (btcPerPhDay * D0) / (K * subsidy);
  };
  const XBAR = Math.log(0.015 / 0.985);
  const X0 = Math.log(FS / (1 - FS));
  const PHI = Math.pow(0.76, 1 / 30.44); // 0.991025
  const STAT_VAR = (0.61 * 0.61) / (1 - 0.76 * 0.76); // the monthly AR(1)'s stationary variance
  const SD_DAY = Math.sqrt(STAT_VAR * (1 - PHI * PHI)); // 0.1255

  it('spec constants: φ = 0.991025, innovation sd 0.1255', () => {
    expect(PHI).toBeCloseTo(0.991025, 6);
    expect(SD_DAY).toBeCloseTo(0.1255, 4);
  });

  it('with sdMonthly 0 and no spikes the fee share stays at start.feeShare (through the halving)', () => {
    load(FLAT_EXOGENOUS);
    const tr = trace(800, P0, () => P0); // through the halving on day 752: fees halve with the subsidy
    for (let t = 1; t <= 800; t++) {
      const share = 1 - 1 / feeFactor(tr.btc[t], t);
      expect(relErr(share, FS)).toBeLessThan(1e-12);
    }
  });

  it('the AR(1) on x: coefficient, innovation sd, and the stationary mean and variance over independent paths', () => {
    load({ ...FLAT_EXOGENOUS, market: { fees: { spikeProbMonthly: 0 } } }); // sdMonthly 0.61, phiMonthly 0.76
    const paths = 2000, days = 1827;
    let sxx = 0, sxy = 0, see = 0, nPairs = 0;
    let m1 = 0, m2 = 0;
    for (let p = 0; p < paths; p++) {
      seedPath(1, p);
      networkReset(P0);
      let prev = X0 - XBAR;
      for (let t = 1; t <= days; t++) {
        networkDay(t, P0);
        const x = Math.log(feeFactor(networkBtcPerPhDay(), t) - 1) - XBAR;
        sxx += prev * prev; sxy += prev * x;
        const e = x - PHI * prev;
        see += e * e; nPairs++;
        prev = x;
      }
      m1 += prev; m2 += prev * prev;
    }
    // daily coefficient: regression through x̄ (innovations are independent, so the OLS SE is exact)
    const phiHat = sxy / sxx;
    const sePhi = SD_DAY / Math.sqrt(sxx);
    // innovation variance: mean of e², SE σ²·√(2/n)
    const varE = see / nPairs;
    const seVarE = SD_DAY * SD_DAY * Math.sqrt(2 / nPairs);
    // at 60 months the start is forgotten (φ^1827 ≈ 7e-8): independent paths give the stationary moments
    const T = days;
    const meanT = XBAR + (X0 - XBAR) * Math.pow(PHI, T);
    const varT = STAT_VAR * (1 - Math.pow(PHI, 2 * T));
    const mean = XBAR + m1 / paths;
    const variance = (m2 - (m1 * m1) / paths) / (paths - 1);
    const seMean = Math.sqrt(varT / paths);
    const seVar = varT * Math.sqrt(2 / (paths - 1));
    console.log(`fees AR(1): φ̂ ${phiHat.toFixed(6)} ±${sePhi.toExponential(1)}, innovation var ${varE.toFixed(5)} (spec ${(SD_DAY ** 2).toFixed(5)}), ` +
      `x at 60 months: mean ${mean.toFixed(4)} (spec ${meanT.toFixed(4)} ±${seMean.toFixed(4)}), var ${variance.toFixed(4)} (spec ${varT.toFixed(4)} ±${seVar.toFixed(4)})`);
    expect(Math.abs(phiHat - PHI)).toBeLessThan(4 * sePhi);
    expect(Math.abs(varE - SD_DAY * SD_DAY)).toBeLessThan(4 * seVarE);
    expect(Math.abs(mean - meanT)).toBeLessThan(4 * seMean);
    expect(Math.abs(variance - varT)).toBeLessThan(4 * seVar);
  });

  it('spikes start at 0.02/30.44 a day when none runs, last 30 days (that day included) and multiply fees by U(5, 10)', () => {
    load({ ...FLAT_EXOGENOUS, market: { fees: { sdMonthly: 0, spikeProbMonthly: 0.02 } } });
    const p = 0.02 / 30.44;
    const base = 1 + FS / (1 - FS);
    const paths = 3000, days = 731;
    let eligible = 0, starts = 0, mSum = 0, mSum2 = 0;
    for (let q = 0; q < paths; q++) {
      seedPath(1, q);
      networkReset(P0);
      let left = 0, mult = NaN;
      for (let t = 1; t <= days; t++) {
        networkDay(t, P0);
        const ff = feeFactor(networkBtcPerPhDay(), t);
        const m = (ff - 1) / (base - 1);
        const active = Math.abs(m - 1) > 1e-9;
        if (left > 0) left--;
        if (left > 0) {
          // inside a spike: the same multiplier every day
          expect(active).toBe(true);
          expect(relErr(m, mult)).toBeLessThan(1e-12);
          continue;
        }
        eligible++;
        if (active) {
          expect(m).not.toBeCloseTo(mult, 12); // a new spike, not an overlong old one
          starts++; left = 30; mult = m;
          expect(m).toBeGreaterThanOrEqual(5);
          expect(m).toBeLessThanOrEqual(10);
          mSum += m; mSum2 += m * m;
        }
      }
    }
    const rate = starts / eligible;
    const se = Math.sqrt((p * (1 - p)) / eligible);
    const meanMult = mSum / starts;
    const seMult = 5 / Math.sqrt(12) / Math.sqrt(starts);
    console.log(`fee spikes: ${starts} starts in ${eligible} eligible days: ${rate.toExponential(4)} a day (spec ${p.toExponential(4)} ±${se.toExponential(1)}); mean multiplier ${meanMult.toFixed(3)}`);
    expect(Math.abs(rate - p)).toBeLessThan(4 * se);
    expect(Math.abs(meanMult - 7.5)).toBeLessThan(4 * seMult);
  });
});

describe('network: the first day (§4)', () => {
  it('H_eff,0 = H₀ and u₀ = u*₀ from the start hashprice formula (≈ 0.92 at the defaults)', () => {
    load({});
    seedPath(1, 0);
    networkReset(P0);
    const H0 = (D0 * 2 ** 32) / 600 / 1e18;
    expect(relErr(networkHashrateEhs(), H0)).toBeLessThan(1e-12);
    expect(networkDifficulty()).toBe(D0);
    expect(networkHeight()).toBe(START.nextHeight);
    const hp0 = (P0 * K * perBlock(3.125)) / D0; // the formula, not the CSV column
    expect(hp0).toBeGreaterThan(31);
    expect(hp0).toBeLessThan(33);
    const u0 = phi(Math.log(hp0 / 14) / 0.6);
    expect(Math.abs(networkRunningShare() - u0)).toBeLessThan(1e-12);
    expect(u0).toBeCloseTo(0.92, 2);
  });

  it('H_cap,0 = H₀/(ρ + (1 − ρ)u₀): with no capacity move, no outage and a flat hashprice, H_eff stays H₀', () => {
    // mustRunShare 0.2 (default): a wrong H_cap,0 would show at once since u < 1
    load({ network: { kappaPerEpoch: 0, sigmaPerEpoch: 0, efficiencyGain: 0, outage: { probPerEpoch: 0 } }, market: { fees: { sdMonthly: 0, spikeProbMonthly: 0 } } });
    const H0 = (D0 * 2 ** 32) / 600 / 1e18;
    const tr = trace(11, P0, () => P0);
    expect(networkRunningShare()).toBeLessThan(0.95);
    for (let t = 0; t <= 11; t++) expect(relErr(tr.H[t], H0)).toBeLessThan(1e-12);
  });
});
