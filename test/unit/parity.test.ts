// AssemblyScript (wasm) vs TypeScript twin (model-spec §2, §8): the same portable source must give bitwise-identical
// results. Compared with Object.is (so NaN = NaN but 0 ≠ −0): every per-path record field of every chunk, every
// histogram count, every sample-path value and the regime counters; plus the merged engine results. Over all four
// price models, blockLuck on, the exogenous network model, and scenarios in which many paths default, two of them
// with 120 months (1,000 paths for the default firm). Fixed seeds; about 25 s on an idle 2-core machine.
import '../../src/model/portable-runtime';
import { describe, test, expect } from 'vitest';
import { compileScenario } from '../../src/model/compile';
import { createReferenceKernel, type Kernel } from '../../src/model/kernel';
import { makeKernelNode, createNodeEngine } from '../../src/engine/node';
import * as L from '../../assembly/layout';
import { scenario } from '../helpers/fixture';
import type { Scenario } from '../../src/model/scenario';

/** Chunks of an odd size, so chunk starts are not batch or power-of-two aligned. */
const CHUNK = 250;

interface Case { name: string; patch: Record<string, unknown>; paths: number; months: number; seed: number }

// Everything on at once: cap-bound fleet with a generation that never retires, resale with take-or-pay, demand
// response, frequent spot and fee shocks and outages, fat-tailed jumps, and five tranches of every type including
// one BTC-backed loan whose margin failures are liquidations only and one whose failure is a default.
const STRESS = {
  market: {
    price: { model: 'merton', mu: -0.1, merton: { lambda: 6, jumpMean: -0.08, jumpSd: 0.2, sigmaDiffusion: 0.6 } },
    fees: { spikeProbMonthly: 0.3, spikeDays: 20 },
  },
  network: { blockLuck: true, outage: { probPerEpoch: 0.5 }, sigmaPerEpoch: 0.1 },
  miner: {
    fleet: [
      { name: 'new', hashrateEhs: 12, efficiencyJPerTh: 15, retireDate: '2033-01-31' },
      { name: 'mid', hashrateEhs: 8, efficiencyJPerTh: 19.5 },
      { name: 'old', hashrateEhs: 6, efficiencyJPerTh: 26, retireDate: '2027-08-15' },
    ],
    power: {
      capacityMw: 380, resale: true, hedgedShare: 0.7, demandResponseUsdPerMwYear: 110_000,
      spot: { sigma: 0.6, shockProbPerYear: 1.5, shockDays: 90, corrWithBtc: -0.3 },
    },
    costs: { sgaUsdPerQuarter: 9_000_000 },
    treasury: { cashUsd: 40_000_000, btc: 700, sellShareOfProduction: 0.5, bufferDays: 60 },
  },
  debt: [
    { id: 'term', type: 'term_loan', principalUsd: 150e6, couponRate: 0.1, paymentsPerYear: 4, amortization: 'linear', maturityDate: '2029-06-30' },
    { id: 'loan-a', type: 'btc_backed_loan', principalUsd: 50e6, collateralBtc: 1400, rate: 0.1, crossDefault: false, maturityDate: '2027-09-30' },
    { id: 'bond', type: 'bond', principalUsd: 120e6, couponRate: 0.08, paymentsPerYear: 2, maturityDate: '2028-01-15' },
    { id: 'loan-b', type: 'btc_backed_loan', principalUsd: 30e6, collateralBtc: 700, rate: 0.12, crossDefault: true, marginCallLtv: 0.75, topUpToLtv: 0.55, maturityDate: '2030-03-31' },
    { id: 'conv', type: 'convertible', principalUsd: 250e6, couponRate: 0.03, paymentsPerYear: 2, maturityDate: '2031-06-15' },
  ],
};

// A firm that rarely defaults, so long surviving paths (and every month's firm histograms) are compared too.
const SOLID = {
  miner: { treasury: { cashUsd: 900_000_000, btc: 20_000 } },
  debt: [{ id: 'small', type: 'bond', principalUsd: 50e6, couponRate: 0.05, paymentsPerYear: 2, maturityDate: '2034-12-15' }],
};

const CASES: Case[] = [
  { name: 'gbm, default firm (most paths default), feedback network', patch: {}, paths: 1000, months: 120, seed: 1 },
  { name: 'stress: merton, blockLuck, every tranche type, many defaults of every cause', patch: STRESS, paths: 400, months: 120, seed: 7 },
  { name: 'merton, default firm', patch: { market: { price: { model: 'merton' } } }, paths: 256, months: 60, seed: 2 },
  { name: 'studentT ν 3, default firm', patch: { market: { price: { model: 'studentT', studentT: { nu: 3 } } } }, paths: 256, months: 60, seed: 3 },
  { name: 'studentT ν 2.1 (extreme tails), solid firm', patch: { ...SOLID, market: { price: { model: 'studentT', studentT: { nu: 2.1 } } } }, paths: 256, months: 60, seed: 31 },
  { name: 'regime (stationary start), default firm', patch: { market: { price: { model: 'regime' } } }, paths: 256, months: 60, seed: 4 },
  { name: 'regime (turbulent start), solid firm', patch: { ...SOLID, market: { price: { model: 'regime', regime: { startRegime: 'turbulent' } } } }, paths: 256, months: 60, seed: 41 },
  { name: 'blockLuck on, feedback network, solid firm', patch: { ...SOLID, network: { blockLuck: true } }, paths: 256, months: 60, seed: 5 },
  { name: 'exogenous network, default firm', patch: { network: { model: 'exogenous' } }, paths: 256, months: 60, seed: 6 },
  { name: 'exogenous network with blockLuck, solid firm', patch: { ...SOLID, network: { model: 'exogenous', blockLuck: true } }, paths: 256, months: 60, seed: 61 },
  {
    name: 'convertibles (puts, soft call, conversion at maturity, all settlements), refinancing and at-the-market equity',
    patch: {
      capitalMarkets: { refinancing: true, atmEquity: true },
      debt: [
        { id: 'conv-put', type: 'convertible', principalUsd: 400e6, couponRate: 0.01, maturityDate: '2029-06-15', conversionPriceUsd: 12, putDate: '2027-12-01', settlement: 'net_share' },
        { id: 'conv-call', type: 'convertible', principalUsd: 300e6, maturityDate: '2031-01-15', conversionPriceUsd: 8, softCallDate: '2027-01-01', settlement: 'physical' },
        { id: 'conv-cash', type: 'convertible', principalUsd: 150e6, couponRate: 0.02, maturityDate: '2028-03-01', conversionPriceUsd: 9, putDate: '2027-06-01', putConditional: true, settlement: 'cash' },
        { id: 'btc-loan', type: 'btc_backed_loan', principalUsd: 75e6, rate: 0.09, maturityDate: '2027-03-31', collateralBtc: 1800 },
      ],
    },
    paths: 400, months: 120, seed: 8,
  },
  {
    name: 'non-recourse SPVs (project loan and project notes, DSCR covenant) and an equipment loan',
    patch: {
      hosting: [
        { name: 'spv-a', mwIt: 60, startDate: '2025-06-01', monthsToFirstRent: 12, usdPerMwItYear: 1_200_000, loanToCost: 0.7, loanYears: 8, nonRecourse: true, tenantDefaultPerYear: 0.05 },
        { name: 'spv-b', mwIt: 40, monthsToFirstRent: 12, loanToCost: 0 },
      ],
      debt: [
        { id: 'conv-2030', type: 'convertible', principalUsd: 400e6, couponRate: 0.02, maturityDate: '2030-06-15' },
        { id: 'project-notes', type: 'bond', principalUsd: 250e6, couponRate: 0.0775, paymentsPerYear: 2, maturityDate: '2030-10-15', spv: 'spv-b' },
        { id: 'equipment', type: 'term_loan', principalUsd: 80e6, couponRate: 0.1, amortization: 'linear', paymentsPerYear: 4, maturityDate: '2028-12-31', collateralGeneration: 'S21 class' },
      ],
      miner: { power: { capacityMw: 560 } },
    },
    paths: 256, months: 60, seed: 12,
  },
  {
    // AI/HPC hosting (§10): a hyperscaler lease with a backstop and interruptible slack, a neocloud lease without a
    // backstop (frequent tenant defaults, re-lets) signed later, one signed before the start; delays, terminations,
    // project loans; the fleet exceeds the firm capacity so the slack is mined.
    name: 'AI/HPC hosting with dynamic load, tenant defaults, delays and project loans',
    patch: {
      miner: { fleet: [{ name: 'a', hashrateEhs: 16, efficiencyJPerTh: 16 }, { name: 'b', hashrateEhs: 8, efficiencyJPerTh: 22, retireDate: '2028-09-30' }], power: { capacityMw: 450 }, treasury: { cashUsd: 900_000_000, btc: 4000 } },
      hosting: [
        { name: 'hyperscaler', mwIt: 120, backstopUsd: 4e8, tenantDefaultPerYear: 0.2, interruptibleShare: 0.6, delayProbPerPhase: 0.4 },
        { name: 'neocloud', mwIt: 40, tenantDefaultPerYear: 0.5, reletMonths: 6, startDate: '2026-11-01', interruptibleShare: 1, maxDelayMonthsBeforeTermination: 6 },
        { name: 'operating', mwIt: 20, startDate: '2025-01-15', loanToCost: 0.6, termYears: 4, delayProbPerPhase: 0 },
      ],
    },
    paths: 256, months: 60, seed: 12,
  },
  {
    // Fleet refresh (§10): holdShare on a facility in a growing network — monthly purchases past MAX_GEN rows
    // (merges), delivery lags, degradation, economic retirement with sales, machines idle beyond the power cap.
    name: 'fleet refresh: holdShare on a facility, exogenous growth, merges, economic retirement',
    patch: {
      network: { model: 'exogenous' },
      miner: { refresh: { policy: 'holdShare', funding: 'facility', limitToPowerCapacity: false, uneconomicDaysToRetire: 30, deliveryDays: 60 } },
    },
    paths: 256, months: 60, seed: 13,
  },
  {
    // Fleet refresh: a quarterly budget from cash above the buffer, power-limited, feedback network.
    name: 'fleet refresh: budget from cash, power limit, degradation 5 %',
    patch: { miner: { refresh: { policy: 'budget', budgetUsdPerQuarter: 40_000_000, degradationPerYear: 0.05 } } },
    paths: 256, months: 60, seed: 14,
  },
];

function firstMismatch(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return -2;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return i;
  return -1;
}

function expectIdentical(what: string, a: ArrayLike<number>, b: ArrayLike<number>, stride = 1, fields?: string[]): void {
  const i = firstMismatch(a, b);
  if (i === -1) return;
  const where = i === -2 ? `lengths ${a.length} vs ${b.length}`
    : `index ${i}${fields ? ` (path slot ${Math.floor(i / stride)}, field ${fields[i % stride]})` : ''}: wasm ${b[i]} vs TS ${a[i]}`;
  expect.fail(`${what} differ at ${where}`);
}

const RECORD_FIELDS = ['defaultDay', 'cause', 'tranche', 'lnP_T', 'P_T', 'marginEvents', 'cash_T', 'mined_T', 'conversions',
  'refinancings', 'shares_T', 'atmUsd'];

interface Tally { defaults: number; causes: number[]; marginEvents: number }

/** Runs one case on both kernels, comparing every chunk's records, then histograms, samples and regime counters. */
function compareKernels(ts: Kernel, wasm: Kernel, s: Scenario): Tally {
  const c = compileScenario(s);
  ts.load(c);
  wasm.load(c);
  const tally: Tally = { defaults: 0, causes: new Array(L.N_CAUSES).fill(0), marginEvents: 0 };
  for (let first = 0; first < c.paths; first += CHUNK) {
    const n = Math.min(CHUNK, c.paths - first);
    ts.simulate(first, n);
    wasm.simulate(first, n);
    const a = ts.records(n), b = wasm.records(n);
    expectIdentical(`records of paths ${first}…${first + n - 1}`, a, b, L.R_STRIDE, RECORD_FIELDS);
    for (let q = 0; q < n; q++) {
      const o = q * L.R_STRIDE;
      if (a[o + L.R_DEFAULT_DAY] > 0) { tally.defaults++; tally.causes[a[o + L.R_CAUSE]]++; }
      tally.marginEvents += a[o + L.R_MARGIN_EVENTS];
    }
    expect(ts.regimeCounts()).toEqual(wasm.regimeCounts());
  }
  expectIdentical('histogram counts', ts.histograms(), wasm.histograms());
  // Sample paths: months 0 … months of the first N_SAMPLES paths (the rest of the array is not written by a run).
  const nSamples = Math.min(L.N_SAMPLES, c.paths);
  for (let p = 0; p < nSamples; p++) {
    for (let v = 0; v < L.N_VARS; v++) {
      const o = (p * L.N_VARS + v) * (L.MAX_MONTHS + 1);
      expectIdentical(`sample path ${p}, variable ${v}`, ts.samples().subarray(o, o + c.months + 1), wasm.samples().subarray(o, o + c.months + 1));
    }
  }
  // The comparison is not vacuous: the histograms hold one count per (variable, month) of each path alive.
  let total = 0;
  const h = wasm.histograms();
  for (let i = 0; i < h.length; i++) total += h[i];
  expect(total).toBeGreaterThanOrEqual(c.paths * c.months * L.FIRST_FIRM_VAR);
  return tally;
}

describe('wasm and the TypeScript twin are bitwise identical', () => {
  const causesSeen = new Array(L.N_CAUSES).fill(0);
  let marginEventsSeen = 0;

  for (const k of CASES) {
    test(`${k.name}: ${k.paths} paths × ${k.months} months`, async () => {
      const s = scenario({ ...k.patch, run: { paths: k.paths, months: k.months, seed: k.seed } });
      const t = compareKernels(createReferenceKernel(), await makeKernelNode('wasm')(), s);
      t.causes.forEach((x, i) => (causesSeen[i] += x));
      marginEventsSeen += t.marginEvents;
      console.log(`${k.name}: ${t.defaults}/${k.paths} defaults, causes ${JSON.stringify(t.causes.slice(1))} (liquidity, operating, maturity, margin_call, put), margin events ${t.marginEvents}`);
    });
  }

  test('the cases together exercise every default cause and margin liquidations', () => {
    expect(causesSeen.slice(1).every((x) => x > 0), `causes seen ${JSON.stringify(causesSeen)}`).toBe(true);
    expect(marginEventsSeen).toBeGreaterThan(0);
  });
});

test('the comparison itself fails on a one-ulp difference, on 0 vs −0 and on a length mismatch', () => {
  const x = new Float64Array([1, 2, NaN]);
  const y = new Float64Array([1, 2 + 2 ** -51, NaN]);
  expect(() => expectIdentical('ulp', x, y)).toThrow(/index 1/);
  expect(() => expectIdentical('zero', [0], [-0])).toThrow();
  expect(() => expectIdentical('length', [1], [1, 2])).toThrow();
  expect(() => expectIdentical('NaN', [NaN], [NaN])).not.toThrow();
});

/** Deep equality with Object.is on numbers. */
function deepIdentical(a: unknown, b: unknown, path = '$'): string | null {
  if (typeof a === 'number' || typeof b === 'number') return Object.is(a, b) ? null : `${path}: ${String(a)} vs ${String(b)}`;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b ? null : `${path}: ${String(a)} vs ${String(b)}`;
  const ka = Object.keys(a as object), kb = Object.keys(b as object);
  if (ka.join() !== kb.join()) return `${path}: keys ${ka.join()} vs ${kb.join()}`;
  for (const key of ka) {
    const d = deepIdentical((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`);
    if (d) return d;
  }
  return null;
}

test('merged engine results (in-process, wasm vs TS kernel) are identical apart from meta', async () => {
  const s = scenario({ ...STRESS, run: { paths: 300, months: 36, seed: 9 } });
  const wasm = createNodeEngine({ workers: 0, kernel: 'wasm' });
  const js = createNodeEngine({ workers: 0, kernel: 'js' });
  const [a, b] = [await js.run(s), await wasm.run(s)];
  wasm.dispose(); js.dispose();
  const strip = (r: typeof a) => ({ ...r, meta: null });
  expect(deepIdentical(strip(a), strip(b))).toBeNull();
  expect(a.pd).toBeGreaterThan(0);
});
