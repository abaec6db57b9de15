// BTC price processes (model-spec §3, tests of §8): moments of ln(P_T/P₀) and of P_T from the kernels, the
// unit-variance Student-t shock drawn directly, and the regime chain's switching rates. Tolerances are 4 standard
// errors computed from n in the test (no deterministic bias: every closed form below is exact on daily steps);
// fixed seeds, chosen once. Every check also asserts that its tolerance is far smaller than the effect it guards
// (the Itô term, the jump variance, the jump compensator, the t scaling, a 10 % error in a switching rate).
import '../../src/model/portable-runtime';
import { describe, test, expect } from 'vitest';
import { compileScenario, type CompiledScenario } from '../../src/model/compile';
import { createReferenceKernel, type Kernel } from '../../src/model/kernel';
import { makeKernelNode } from '../../src/engine/node';
import * as L from '../../assembly/layout';
import { F_PRICE, seedStream, studentT } from '../../assembly/rng';
import { scenario } from '../helpers/fixture';

const DT = 1 / 365.25;
const VERBOSE = !!process.env.STATS_VERBOSE;

interface Moments { n: number; mean: number; m2: number; m4: number }
function moments(x: ArrayLike<number>): Moments {
  const n = x.length;
  let s = 0;
  for (let i = 0; i < n; i++) s += x[i];
  const mean = s / n;
  let m2 = 0, m4 = 0;
  for (let i = 0; i < n; i++) {
    const d2 = (x[i] - mean) ** 2;
    m2 += d2; m4 += d2 * d2;
  }
  return { n, mean, m2: m2 / n, m4: m4 / n };
}
/** SE of the sample mean and of the sample variance (the latter from the sample fourth moment). */
const seMean = (m: Moments) => Math.sqrt(m.m2 / m.n);
const seVar = (m: Moments) => Math.sqrt((m.m4 - m.m2 * m.m2) / m.n);

/** |est − expected| ≤ 4·se, and 4·se < effect (the test can fail on the error it is there to catch). */
function check(label: string, est: number, expected: number, se: number, effect: number): void {
  const tol = 4 * se;
  if (VERBOSE) console.log(`${label}: ${est.toPrecision(6)} vs ${expected.toPrecision(6)} (SE ${se.toPrecision(3)}, z ${((est - expected) / se).toFixed(2)})`);
  expect(Math.abs(est - expected) <= tol, `${label}: ${est} vs ${expected}, |diff| ${Math.abs(est - expected)} > 4·SE ${tol}`).toBe(true);
  expect(tol, `${label}: tolerance ${tol} not below the effect ${effect}`).toBeLessThan(Math.abs(effect));
}

type PricePatch = Record<string, unknown>;
/** 12 months of the price alone: the firm is switched off and the network is the cheap exogenous one. */
function compilePrice(price: PricePatch, seed: number): CompiledScenario {
  const c = compileScenario(scenario({ run: { months: 12, seed }, network: { model: 'exogenous' }, market: { price } }));
  c.P[L.P_FIRM_ON] = 0;
  return c;
}

/** ln(P_T/P₀) and P_T/P₀ of paths 0 … n − 1. */
function simulatePrices(k: Kernel, c: CompiledScenario, n: number): { lnR: Float64Array; ratio: Float64Array } {
  k.load(c);
  const lnR = new Float64Array(n), ratio = new Float64Array(n);
  const p0 = c.P[L.P_PRICE0];
  for (let first = 0; first < n; first += L.MAX_CHUNK) {
    const m = Math.min(L.MAX_CHUNK, n - first);
    k.simulate(first, m);
    const r = k.records(m);
    for (let q = 0; q < m; q++) {
      lnR[first + q] = r[q * L.R_STRIDE + L.R_LNP_T];
      ratio[first + q] = r[q * L.R_STRIDE + L.R_P_T] / p0;
    }
  }
  return { lnR, ratio };
}

const KERNELS = [
  { name: 'wasm', make: makeKernelNode('wasm'), n: 40_000, seed: 1 },
  { name: 'TypeScript twin', make: async () => createReferenceKernel(), n: 5_000, seed: 2 },
];

for (const K of KERNELS) {
  describe(`${K.name} kernel, ${K.n} paths × 12 months`, () => {
    test('GBM (μ 0.2, σ 0.6): mean and variance of ln(P_T/P₀) = (μ − σ²/2)T and σ²T; E[P_T] = P₀e^{μT}', async () => {
      const mu = 0.2, sigma = 0.6;
      const c = compilePrice({ model: 'gbm', mu, sigma }, K.seed);
      const T = c.days * DT;
      expect(c.days).toBe(365);
      const { lnR, ratio } = simulatePrices(await K.make(), c, K.n);
      const l = moments(lnR), p = moments(ratio);
      check('GBM mean ln', l.mean, (mu - sigma * sigma / 2) * T, seMean(l), sigma * sigma / 2 * T);
      check('GBM var ln', l.m2, sigma * sigma * T, seVar(l), 0.15 * sigma * sigma * T);
      check('GBM E[P_T]/P0', p.mean, Math.exp(mu * T), seMean(p), Math.exp(mu * T) - 1);
    });

    test('Merton (μ 0.1, λ 3, m −0.03, s 0.15, σ_D 0.42): E[P_T] = P₀e^{μT}, Var ln = (σ_D² + λ(m² + s²))T', async () => {
      const mu = 0.1, lambda = 3, m = -0.03, s = 0.15, sD = 0.42;
      const c = compilePrice({ model: 'merton', mu, merton: { lambda, jumpMean: m, jumpSd: s, sigmaDiffusion: sD } }, K.seed);
      const T = c.days * DT;
      const k = Math.exp(m + s * s / 2) - 1;
      const { lnR, ratio } = simulatePrices(await K.make(), c, K.n);
      const l = moments(lnR), p = moments(ratio);
      const jumpVar = lambda * (m * m + s * s) * T;
      check('Merton var ln', l.m2, (sD * sD + lambda * (m * m + s * s)) * T, seVar(l), 0.75 * jumpVar);
      check('Merton mean ln', l.mean, (mu - sD * sD / 2 - lambda * k + lambda * m) * T, seMean(l), sD * sD / 2 * T);
      // Without the compensator −λkΔ the mean would be e^{(μ − λk)T}: a 5.7 % error.
      check('Merton E[P_T]/P0', p.mean, Math.exp(mu * T), seMean(p), Math.exp(mu * T) * (Math.exp(-lambda * k * T) - 1));
    });

    test('Student-t (σ 0.5, μ 0.1): ν = 8 mean and variance of ln(P_T/P₀); ν = 3 mean (its variance has no SE)', async () => {
      const mu = 0.1, sigma = 0.5;
      const kernel = await K.make();
      const c8 = compilePrice({ model: 'studentT', mu, sigma, studentT: { nu: 8 } }, K.seed);
      const T = c8.days * DT;
      const l8 = moments(simulatePrices(kernel, c8, K.n).lnR);
      check('t8 mean ln', l8.mean, (mu - sigma * sigma / 2) * T, seMean(l8), sigma * sigma / 2 * T);
      // Without the √((ν − 2)/ν) scaling the variance would be ν/(ν − 2) = 4/3 times larger.
      check('t8 var ln', l8.m2, sigma * sigma * T, seVar(l8), sigma * sigma * T / 3);
      const c3 = compilePrice({ model: 'studentT', mu, sigma, studentT: { nu: 3 } }, K.seed);
      const l3 = moments(simulatePrices(kernel, c3, K.n).lnR);
      check('t3 mean ln', l3.mean, (mu - sigma * sigma / 2) * T, seMean(l3), sigma * sigma / 2 * T);
    });

    test('regime: switching rates 0.0167 and 0.0172 a day (±4√(p(1 − p)/n_days)); E[P_T] = P₀e^{μT}', async () => {
      const mu = 0.1;
      const kernel = await K.make();
      const c = compilePrice({ model: 'regime', mu }, K.seed);
      const T = c.days * DT;
      kernel.load(c);
      // regimeCounts() holds the counters of the last simulated path only: one path at a time, summed.
      let calmDays = 0, c2t = 0, turbDays = 0, t2c = 0, badDays = 0;
      const lnR = new Float64Array(K.n), ratio = new Float64Array(K.n);
      for (let p = 0; p < K.n; p++) {
        kernel.simulate(p, 1);
        const [cd, ct, td, tc] = kernel.regimeCounts();
        calmDays += cd; c2t += ct; turbDays += td; t2c += tc;
        if (cd + td !== c.days) badDays++;
        const r = kernel.records(1);
        lnR[p] = r[L.R_LNP_T];
        ratio[p] = r[L.R_P_T] / c.P[L.P_PRICE0];
      }
      expect(badDays).toBe(0);
      const pct = 0.0167, ptc = 0.0172;
      check('p(calm→turbulent)', c2t / calmDays, pct, Math.sqrt(pct * (1 - pct) / calmDays), 0.1 * pct);
      check('p(turbulent→calm)', t2c / turbDays, ptc, Math.sqrt(ptc * (1 - ptc) / turbDays), 0.1 * ptc);
      // Started from the stationary law, every day's regime is stationary: E[σ_r²] = πσ_c² + (1 − π)σ_t².
      const pi = ptc / (pct + ptc), sc = 0.32, st = 0.64;
      const meanVar = pi * sc * sc + (1 - pi) * st * st;
      const l = moments(lnR), q = moments(ratio);
      check('regime mean ln', l.mean, (mu - meanVar / 2) * T, seMean(l), meanVar / 2 * T);
      check('regime E[P_T]/P0', q.mean, Math.exp(mu * T), seMean(q), Math.exp(mu * T) - 1);
      if (VERBOSE) console.log(`regime: calm days ${calmDays}, turbulent days ${turbDays}`);
    });
  });
}

// ---- the unit-variance Student-t shock, drawn directly ----

/** CDF of Student's t with 3 degrees of freedom (closed form). */
function t3Cdf(t: number): number {
  const u = t / Math.sqrt(3);
  return 0.5 + (u / (1 + u * u) + Math.atan(u)) / Math.PI;
}

describe('unit-variance Student-t shock (rng.studentT)', () => {
  const n = 1_000_000;

  test(`ν = 8: mean 0 and variance 1 with SE √((κ − 1)/n), κ = 3 + 6/(ν − 4) = 4.5 (n = ${n})`, () => {
    seedStream(8, 0, F_PRICE);
    const x = new Float64Array(n);
    for (let i = 0; i < n; i++) x[i] = studentT(F_PRICE, 8);
    const m = moments(x);
    const kappa = 3 + 6 / (8 - 4);
    check('t8 shock mean', m.mean, 0, Math.sqrt(1 / n), 0.05);
    check('t8 shock variance', m.m2, 1, Math.sqrt((kappa - 1) / n), 8 / 6 - 1);
  });

  test(`ν = 3: Kolmogorov–Smirnov distance to the t CDF below 1.9495/√n, and tail probabilities (n = ${n})`, () => {
    seedStream(3, 0, F_PRICE);
    const x = new Float64Array(n);
    for (let i = 0; i < n; i++) x[i] = studentT(F_PRICE, 3) * Math.sqrt(3); // back to a standard t₃
    const s = x.slice().sort();
    let d = 0;
    for (let i = 0; i < n; i++) {
      const f = t3Cdf(s[i]);
      d = Math.max(d, (i + 1) / n - f, f - i / n);
    }
    const crit = 1.9495 / Math.sqrt(n);
    if (VERBOSE) console.log(`t3 KS distance ${d} (critical ${crit})`);
    expect(d, `KS distance ${d} vs critical ${crit}`).toBeLessThan(crit);
    // Empirical CDF at points of the unit-variance shock, far into the tails: binomial 4·SE; the effect is the
    // distance to a normal shock of the same variance.
    const normalCdf = (z: number) => 0.5 * (1 + erf(z / Math.SQRT2));
    let i = 0;
    for (const z of [-8, -4, -3, -2, -1, 0, 1, 2, 3, 4, 8]) {
      const t = z * Math.sqrt(3);
      while (i < n && s[i] <= t) i++;
      const f = t3Cdf(t);
      // At 0 both are 1/2: no effect to compare with, the point only checks symmetry.
      check(`t3 P(shock ≤ ${z})`, i / n, f, Math.sqrt(f * (1 - f) / n), z === 0 ? 1 : f - normalCdf(z));
    }
  });
});

/** erf for the normal comparison only (the size of the effect): Abramowitz–Stegun 7.1.26, error below 1.5e-7. */
function erf(x: number): number {
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return x < 0 ? -y : y;
}
