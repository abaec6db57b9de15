// Black–Cox first passage on daily steps (model-spec §8): a firm whose only asset is B BTC pledged to a zero-rate
// btc_backed_loan of L with crossDefault, and nothing else (no cash, no free BTC, no fleet, zero costs, maturity
// beyond the horizon), defaults on the first day P_t ≤ K = L/(marginCallLtv·B). Its PD by T must match the
// continuous Black–Cox formula with the Broadie–Glasserman–Kou shift of the barrier, K·e^{−0.5826·σ·√Δ}, evaluated
// at the exact number of daily steps. Tolerance 4·SE + 0.2 pp (the BGK approximation's stated bias); fixed seeds.
import '../../src/model/portable-runtime';
import { describe, test, expect } from 'vitest';
import { createNodeEngine, makeKernelNode } from '../../src/engine/node';
import { compileScenario } from '../../src/model/compile';
import { createReferenceKernel } from '../../src/model/kernel';
import * as L from '../../assembly/layout';
import { seedPath } from '../../assembly/rng';
import { marketReset, marketStep } from '../../assembly/market';
import { exp, normCdf } from '../../assembly/mathx';
import { scenario } from '../helpers/fixture';

const DT = 1 / 365.25;
const BGK = 0.5826; // −ζ(1/2)/√(2π)
const BIAS = 0.002; // 0.2 pp
const B = 1000; // BTC pledged
const MARGIN_LTV = 0.7;
const VERBOSE = !!process.env.STATS_VERBOSE;

/**
 * P(τ ≤ T) for ln V a Brownian motion with drift ν = μ − σ²/2 started at a = ln(V₀/K') above the barrier,
 * K' = K·e^{−0.5826·σ·√Δ} (BGK): Φ((−a − νT)/(σ√T)) + e^{−2νa/σ²}·Φ((−a + νT)/(σ√T)), with T = steps·Δ.
 */
function blackCoxBgk(v0OverK: number, sigma: number, mu: number, steps: number, shift = true): number {
  const T = steps * DT;
  const a = Math.log(v0OverK) + (shift ? BGK * sigma * Math.sqrt(DT) : 0);
  const nu = mu - sigma * sigma / 2;
  const sT = sigma * Math.sqrt(T);
  return normCdf((-a - nu * T) / sT) + Math.exp((-2 * nu * a) / (sigma * sigma)) * normCdf((-a + nu * T) / sT);
}

interface Case { kRatio: number; sigma: number; mu: number; months: number; quotedSteps: number; quoted: number; paths: number; seed: number }
// Paths per case: enough that 4·SE + 0.2 pp is below the BGK correction itself (the gap between discrete and
// continuous monitoring: 1.70, 1.59 and 1.03 pp), so the test can tell a daily barrier from a continuous one.
const CASES: Case[] = [
  { kRatio: 0.6, sigma: 0.6, mu: 0, months: 12, quotedSteps: 365, quoted: 0.4815, paths: 40_000, seed: 11 },
  { kRatio: 0.7, sigma: 0.8, mu: 0.3, months: 24, quotedSteps: 730, quoted: 0.7449, paths: 60_000, seed: 12 },
  { kRatio: 0.5, sigma: 0.5, mu: -0.2, months: 24, quotedSteps: 730, quoted: 0.6394, paths: 100_000, seed: 13 },
];

/** The firm of §8: its only asset B BTC pledged to a loan with K = kRatio·P₀. */
function firmScenario(c: Case, paths: number) {
  const p0 = scenario().start.priceUsd;
  const principal = c.kRatio * MARGIN_LTV * B * p0;
  const s = scenario({
    run: { paths, seed: c.seed, months: c.months },
    market: { price: { model: 'gbm', mu: c.mu, sigma: c.sigma } },
    // The network does not touch this firm (no fleet); the exogenous model is simply the cheaper one.
    network: { model: 'exogenous' },
    miner: {
      fleet: [],
      costs: { sgaUsdPerQuarter: 0, sgaUsdPerQuarterPerEhs: 0, otherOpexUsdPerPhDay: 0 },
      treasury: { cashUsd: 0, btc: 0, bufferDays: 90 },
    },
    debt: [{
      id: 'btc-loan', type: 'btc_backed_loan', principalUsd: principal, collateralBtc: B, rate: 0,
      marginCallLtv: MARGIN_LTV, topUpToLtv: 0.5, crossDefault: true, maturityDate: '2035-12-31',
    }],
  });
  const barrier = principal / (MARGIN_LTV * B);
  return { s, p0, principal, barrier, v0OverK: p0 / barrier };
}

describe('the closed form itself', () => {
  test('reproduces the spec\'s quoted values (48.15 %, 74.49 %, 63.94 %) to ±0.05 pp at 365/730/730 steps', () => {
    for (const c of CASES) {
      const pd = blackCoxBgk(1 / c.kRatio, c.sigma, c.mu, c.quotedSteps);
      expect(Math.abs(pd - c.quoted), `K = ${c.kRatio}·V₀: ${pd} vs ${c.quoted}`).toBeLessThanOrEqual(0.0005);
    }
    // The shift matters: without it the three values move by 1.0–1.7 pp.
    for (const c of CASES) expect(blackCoxBgk(1 / c.kRatio, c.sigma, c.mu, c.quotedSteps, false) - c.quoted).toBeGreaterThan(0.009);
  });

  test('12 months from the start are 365 daily steps and 24 months 731', () => {
    expect(compileScenario(firmScenario(CASES[0], 1).s).days).toBe(365);
    expect(compileScenario(firmScenario(CASES[1], 1).s).days).toBe(731);
  });
});

describe('the firm defaults on the first day P_t ≤ L/(marginCallLtv·B), cause margin_call (path by path)', () => {
  const n = 2000;
  test(`${n} paths × 24 months, wasm and TypeScript records against the price path replayed on the price stream`, async () => {
    const f = firmScenario(CASES[1], n);
    const c = compileScenario(f.s);
    const ts = createReferenceKernel();
    const wasm = await makeKernelNode('wasm')();
    wasm.load(c);
    wasm.simulate(0, n);
    const rw = wasm.records(n).slice();
    ts.load(c); // also loads P for the replay below (the TS twin's module state)
    ts.simulate(0, Math.min(n, 300));
    const rt = ts.records(Math.min(n, 300)).slice();
    let defaults = 0;
    for (let p = 0; p < n; p++) {
      seedPath(c.seed | 0, p);
      marketReset();
      let first = 0;
      for (let t = 1; t <= c.days && first === 0; t++) if (exp(marketStep()) <= f.barrier) first = t;
      const o = p * L.R_STRIDE;
      expect(rw[o + L.R_DEFAULT_DAY], `path ${p}`).toBe(first);
      expect(rw[o + L.R_CAUSE]).toBe(first ? L.CAUSE_MARGIN_CALL : L.CAUSE_NONE);
      if (p < 300) {
        expect(rt[o + L.R_DEFAULT_DAY], `path ${p} (TS)`).toBe(first);
        expect(rt[o + L.R_CAUSE]).toBe(first ? L.CAUSE_MARGIN_CALL : L.CAUSE_NONE);
      }
      if (first) defaults++;
    }
    // Both outcomes occur often, so the comparison is not vacuous.
    expect(defaults).toBeGreaterThan(n / 2);
    expect(defaults).toBeLessThan(n);
  });
});

describe('PD by month against Black–Cox with the BGK shift (wasm engine, in-process)', () => {
  for (const c of CASES) {
    test(`K = ${c.kRatio}·V₀, σ ${c.sigma}, μ ${c.mu}, ${c.months} months, ${c.paths} paths: every month within 4·SE + 0.2 pp`, async () => {
      const f = firmScenario(c, c.paths);
      const compiled = compileScenario(f.s);
      const engine = createNodeEngine({ workers: 0 });
      const r = await engine.run(f.s);
      engine.dispose();
      const n = c.paths;
      let worst = 0;
      for (let m = 1; m <= c.months; m++) {
        const steps = compiled.monthEnd[m];
        const expected = blackCoxBgk(f.v0OverK, c.sigma, c.mu, steps);
        const se = Math.sqrt(expected * (1 - expected) / n);
        const got = r.pdByMonth[m - 1];
        const tol = 4 * se + BIAS;
        if (VERBOSE && (m % 3 === 0 || m === 1)) {
          console.log(`K ${c.kRatio} m ${m} (${steps} steps): MC ${(100 * got).toFixed(3)} % vs BGK ${(100 * expected).toFixed(3)} % (SE ${(100 * se).toFixed(3)} pp, no shift ${(100 * blackCoxBgk(f.v0OverK, c.sigma, c.mu, steps, false)).toFixed(3)} %)`);
        }
        worst = Math.max(worst, Math.abs(got - expected) / tol);
        expect(Math.abs(got - expected) <= tol, `month ${m}: PD ${got} vs ${expected}, tol ${tol}`).toBe(true);
      }
      if (VERBOSE) console.log(`K ${c.kRatio}: worst |diff|/tol ${worst.toFixed(3)}`);
      // At the horizon the tolerance is below the BGK correction: continuous monitoring would fail.
      const steps = compiled.days;
      const expected = blackCoxBgk(f.v0OverK, c.sigma, c.mu, steps);
      const tol = 4 * Math.sqrt(expected * (1 - expected) / n) + BIAS;
      expect(tol).toBeLessThan(blackCoxBgk(f.v0OverK, c.sigma, c.mu, steps, false) - expected);
      expect(r.pd).toBe(r.pdByMonth[c.months - 1]);
      // Every default is the failed top-up of the pledged loan.
      const defaults = Math.round(r.pd * n);
      expect(r.defaultCauses.margin_call.count).toBe(defaults);
      expect(r.defaultCauses.margin_call.share).toBe(1);
      expect(r.defaultTranches['btc-loan'].count).toBe(defaults);
    });
  }
});
