// AI/HPC hosting and dynamic load management (model-spec §10; docs/model.md "AI/HPC hosting and dynamic load"):
// contracted NOI to the cent, the power that leaves mining and the slack that comes back, common random numbers for
// the market and the network, delays and termination, tenant default against its hazard, backstop and re-let, the
// project loan as a tranche, and the revenue of the slack. Expected values are derived here from the spec.
import '../../src/model/portable-runtime';
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/model/compile';
import { createReferenceKernel } from '../../src/model/kernel';
import { createNodeEngine } from '../../src/engine/node';
import { START } from '../../src/model/start-state';
import { resolveScenario, formatError, type Scenario } from '../../src/model/scenario';
import * as L from '../../assembly/layout';
import { P, FIRM, CASH } from '../../assembly/params';
import { seedPath } from '../../assembly/rng';
import {
  hostingReset, hostingDay, hostingReadyDay, hostingDelayMonths, hostingTerminated, hostingTenantOutDay,
  hostingUtilisation, hostingValueUsd, hostingFirmMiningMw, cos2pi, DAYS_PER_MONTH,
} from '../../assembly/hosting';
import { scenario } from '../helpers/fixture';

const DAY_MS = 86_400_000;
const dateMs = (d: string) => Date.parse(`${d}T00:00:00Z`);
const dayOf = (d: string) => Math.round((dateMs(d) - dateMs(START.date)) / DAY_MS);
/** date + n calendar months (the day clamped to the month's end). */
function plusMonths(d: string, n: number): string {
  const [y, m, day] = d.split('-').map(Number);
  const last = new Date(Date.UTC(y, m - 1 + n + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + n, Math.min(day, last))).toISOString().slice(0, 10);
}
const relErr = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

/** The deterministic world of the ledger tests: GBM σ 0, flat exogenous network, fixed fees and spot. */
const DETERMINISTIC = {
  market: { price: { model: 'gbm', mu: 0, sigma: 0 }, fees: { sdMonthly: 0, spikeProbMonthly: 0 } },
  network: { model: 'exogenous', exogenous: { driftPerEpoch: 0, sdPerEpoch: 0 } },
};
/** A firm that never defaults, so every day of every path is simulated. */
const RICH = { treasury: { cashUsd: 1e11, btc: 0 } };
/** A contract with no randomness: no delay, no tenant default, no loan. */
const SURE = { delayProbPerPhase: 0, tenantDefaultPerYear: 0, loanToCost: 0 };

function records(s: Scenario): Float64Array {
  const k = createReferenceKernel();
  const c = compileScenario(s);
  k.load(c);
  k.simulate(0, c.paths);
  return k.records(c.paths).slice();
}
const field = (rec: Float64Array, p: number, f: number) => rec[p * L.R_STRIDE + f];
const NOI = L.R_HOSTING_BASE;
const SLACK = L.R_HOSTING_BASE + 1;

/** Σ over days max(1, R) … min(D, R + termDays − 1) of margin · rent/day · (1 + e)^⌊(t − R)/365.25⌋. */
function contractedNoi(R: number, termYears: number, D: number, usdPerYear: number, e: number, margin: number): number {
  const end = R + Math.round(termYears * 365.25);
  let sum = 0;
  for (let t = Math.max(1, R); t <= Math.min(D, end - 1); t++) sum += margin * (usdPerYear / 365.25) * Math.pow(1 + e, Math.floor((t - R) / 365.25));
  return sum;
}

describe('contracted NOI (no delay, no tenant default)', () => {
  const months = 60;
  const D = dayOf(plusMonths(START.date, months));
  // A: signed after the start, its lease ends inside the horizon; B: signed before the start, rent already flowing
  // (the escalator has stepped before day 1), the lease runs past the horizon. Exaggerated escalators.
  const A = { name: 'A', mwIt: 20, usdPerMwItYear: 2_000_000, escalatorPerYear: 0.1, noiMargin: 0.8, monthsToFirstRent: 7, termYears: 2.5, startDate: '2026-05-10', ...SURE };
  const B = { name: 'B', mwIt: 15, usdPerMwItYear: 1_500_000, escalatorPerYear: 0.03, noiMargin: 0.9, monthsToFirstRent: 12, termYears: 12, startDate: '2023-11-30', ...SURE };
  const expected = (c: typeof A) => contractedNoi(dayOf(plusMonths(c.startDate, c.monthsToFirstRent)), c.termYears, D, c.usdPerMwItYear * c.mwIt, c.escalatorPerYear, c.noiMargin);

  it('pays exactly the rent schedule × NOI margin, with the escalator stepping on lease anniversaries', () => {
    const rec = records(scenario({ ...DETERMINISTIC, run: { paths: 3, months, seed: 3 }, miner: RICH, hosting: [A, B] }));
    const want = expected(A) + expected(B);
    expect(expected(A)).toBeGreaterThan(0);
    for (let p = 0; p < 3; p++) {
      expect(field(rec, p, L.R_DEFAULT_DAY)).toBe(0);
      expect(relErr(field(rec, p, NOI), want)).toBeLessThan(1e-9);
    }
  });

  it('the same on random markets: rent does not depend on BTC', () => {
    const rec = records(scenario({ run: { paths: 4, months, seed: 5 }, miner: { treasury: { cashUsd: 1e11 } }, hosting: [A] }));
    for (let p = 0; p < 4; p++) expect(relErr(field(rec, p, NOI), expected(A))).toBeLessThan(1e-9);
  });

  it('a guarantor with enough room, or an immediate re-let at full rent, keeps the NOI whole after a tenant default', () => {
    const risky = { ...A, tenantDefaultPerYear: 1 }; // the tenant defaults within the lease on most paths
    for (const terms of [{ backstopUsd: 1e12 }, { backstopUsd: 0, reletMonths: 0, reletDiscount: 0 }]) {
      const rec = records(scenario({ ...DETERMINISTIC, run: { paths: 8, months, seed: 9 }, miner: RICH, hosting: [{ ...risky, ...terms }] }));
      for (let p = 0; p < 8; p++) expect(relErr(field(rec, p, NOI), expected(A))).toBeLessThan(1e-9);
    }
    // Without a guarantor and with a year empty at −20 %, the paths whose tenant defaulted lose NOI.
    const rec = records(scenario({ ...DETERMINISTIC, run: { paths: 40, months, seed: 9 }, miner: RICH, hosting: [{ ...risky, backstopUsd: 0 }] }));
    let lower = 0;
    for (let p = 0; p < 40; p++) {
      expect(field(rec, p, NOI)).toBeLessThanOrEqual(expected(A) * (1 + 1e-12));
      if (field(rec, p, NOI) < expected(A) * (1 - 1e-9)) lower++;
    }
    expect(lower).toBeGreaterThan(20);
  });

  it('a guarantor pays the rent after a tenant default up to its cap, and no more', () => {
    const cap = 10_000_000;
    const s = scenario({ ...DETERMINISTIC, run: { paths: 30, months, seed: 2 }, miner: RICH, hosting: [{ ...A, tenantDefaultPerYear: 1, backstopUsd: cap, reletMonths: 120 }] });
    const rec = records(s);
    load(s);
    const R = dayOf(plusMonths(A.startDate, A.monthsToFirstRent));
    const end = Math.min(D, R + Math.round(A.termYears * 365.25) - 1);
    const rent = (t: number) => (A.usdPerMwItYear * A.mwIt / 365.25) * Math.pow(1 + A.escalatorPerYear, Math.floor((t - R) / 365.25));
    let capped = 0;
    for (let p = 0; p < 30; p++) {
      seedPath(2, p);
      hostingReset();
      const out = hostingTenantOutDay(0);
      let tenant = 0, after = 0;
      for (let t = R; t <= end; t++) if (t < out) tenant += rent(t); else after += rent(t);
      if (after > cap) capped++;
      expect(relErr(field(rec, p, NOI), A.noiMargin * (tenant + Math.min(cap, after)))).toBeLessThan(1e-9);
    }
    expect(capped).toBeGreaterThan(5);
  });
});

describe('value of the remaining NOI (for recovery at default)', () => {
  it('is the contracted NOI discounted day by day, without anticipating a tenant default', () => {
    const c = { name: 'v', mwIt: 20, usdPerMwItYear: 2_000_000, escalatorPerYear: 0.03, noiMargin: 0.85, monthsToFirstRent: 6, termYears: 3, delayProbPerPhase: 0, loanToCost: 0 };
    const R = dayOf(plusMonths(START.date, 6));
    const end = R + Math.round(3 * 365.25);
    const v = Math.pow(1.09, -1 / 365.25);
    const at = (t: number) => {
      let sum = 0;
      for (let d = Math.max(t + 1, R); d < end; d++) sum += 0.85 * (2_000_000 * 20 / 365.25) * Math.pow(1.03, Math.floor((d - R) / 365.25)) * Math.pow(v, d - t);
      return sum;
    };
    for (const hazard of [0, 1]) {
      load(scenario({ ...DETERMINISTIC, run: { paths: 1, months: 60, seed: 1 }, miner: RICH, hosting: [{ ...c, tenantDefaultPerYear: hazard }] }));
      seedPath(1, 0);
      hostingReset();
      expect(relErr(hostingValueUsd(0, 0.09), at(0))).toBeLessThan(1e-9);
      if (hazard === 0) {
        for (let t = 1; t <= 500; t++) hostingDay(t, 1);
        expect(relErr(hostingValueUsd(500, 0.09), at(500))).toBeLessThan(1e-9);
      }
    }
  });
});

/** Loads a scenario into the TypeScript twin so that the hosting hooks can be driven directly. */
function load(s: Scenario): number {
  const c = compileScenario(s);
  createReferenceKernel().load(c);
  return c.days;
}

describe('power: what leaves mining and what comes back', () => {
  const base = { ...DETERMINISTIC, run: { paths: 1, months: 24, seed: 4 }, miner: RICH };

  it('utilisation u_t stays in [0.7, 1], averages 0.85 and peaks in summer', () => {
    const days = load(scenario({ ...base, run: { paths: 1, months: 120, seed: 4 }, hosting: [{ mwIt: 50, ...SURE, interruptibleShare: 1 }] }));
    let sum = 0, n = 0, jul = 0, nJul = 0, jan = 0, nJan = 0;
    for (let path = 0; path < 20; path++) {
      seedPath(1, path);
      hostingReset();
      for (let t = 1; t <= days; t++) {
        hostingDay(t, 1);
        const u = hostingUtilisation();
        expect(u).toBeGreaterThanOrEqual(0.7);
        expect(u).toBeLessThanOrEqual(1);
        sum += u; n++;
        const month = new Date(dateMs(START.date) + t * DAY_MS).getUTCMonth();
        if (month === 6) { jul += u; nJul++; }
        if (month === 0) { jan += u; nJan++; }
      }
    }
    expect(Math.abs(sum / n - 0.85)).toBeLessThan(0.005);
    expect(jul / nJul - jan / nJan).toBeGreaterThan(0.15); // 2 × amplitude 0.10, a little less after clipping
  });

  it('cos2pi is the cosine', () => {
    for (const x of [0, 0.1, 0.25, 0.5, 0.77, 1.3, -2.4, 12.34]) expect(Math.abs(cos2pi(x) - Math.cos(2 * Math.PI * x))).toBeLessThan(1e-14);
  });

  it('from signing, mining keeps capacity − grossToIt × MW IT, plus at most x·(1 − u)·gross, never more than the site', () => {
    for (const x of [0, 0.4, 1]) {
      const s = scenario({ ...base, hosting: [{ mwIt: 100, ...SURE, interruptibleShare: x, startDate: '2026-06-01' }, { mwIt: 30, grossToIt: 1.3, ...SURE, interruptibleShare: x }] });
      const days = load(s);
      const cap = s.miner.power.capacityMw;
      const sign = dayOf('2026-06-01');
      const ready = dayOf(plusMonths('2026-06-01', 12));
      let slackDays = 0;
      for (let path = 0; path < 3; path++) {
        seedPath(7, path);
        hostingReset();
        for (let t = 1; t <= days; t++) {
          const mw = hostingDay(t, 1);
          const firm = cap - (30 * 1.3 + (t >= sign ? 100 * 1.4 : 0));
          const leased = (t >= dayOf(plusMonths(START.date, 12)) ? 30 * 1.3 : 0) + (t >= ready ? 100 * 1.4 : 0);
          expect(mw).toBeLessThanOrEqual(cap);
          expect(mw).toBeGreaterThanOrEqual(firm - 1e-9);
          expect(mw - firm).toBeLessThanOrEqual(x * (1 - hostingUtilisation()) * leased + 1e-9);
          if (x === 0) expect(mw).toBe(Math.max(0, firm));
          expect(hostingFirmMiningMw(t)).toBe(Math.max(0, firm));
          if (mw > firm + 1e-9) slackDays++;
        }
      }
      if (x > 0) expect(slackDays).toBeGreaterThan(100);
    }
  });

  it('with interruptibleShare 0 mining produces exactly what a site smaller by the gross power would (leased power is never mined)', () => {
    const run = (patch: object) => records(scenario({ ...DETERMINISTIC, run: { paths: 4, months: 36, seed: 8 }, ...patch }));
    const miner = { treasury: { cashUsd: 1e11 } };
    const hosted = run({ miner, hosting: [{ mwIt: 50, startDate: START.date }] });
    const smaller = run({ miner: { ...miner, power: { capacityMw: 400 - 1.4 * 50 } } });
    const full = run({ miner });
    const slack = run({ miner, hosting: [{ mwIt: 50, startDate: START.date, interruptibleShare: 1 }] });
    for (let p = 0; p < 4; p++) {
      expect(field(hosted, p, L.R_MINED_T)).toBe(field(smaller, p, L.R_MINED_T));
      expect(field(hosted, p, L.R_MINED_T)).toBeLessThan(field(full, p, L.R_MINED_T));
      expect(field(hosted, p, SLACK)).toBe(0);
      expect(field(slack, p, L.R_MINED_T)).toBeGreaterThan(field(hosted, p, L.R_MINED_T));
      expect(field(slack, p, L.R_MINED_T)).toBeLessThan(field(full, p, L.R_MINED_T));
    }
  });
});

describe('slack revenue', () => {
  const run = (x: number, power: object = {}) => records(scenario({
    ...DETERMINISTIC, run: { paths: 3, months: 30, seed: 6 }, miner: { treasury: { cashUsd: 1e11 }, power },
    hosting: [{ mwIt: 60, startDate: '2025-01-01', interruptibleShare: x, ...SURE }],
  }));

  it('is the revenue of the MW above the firm capacity: > 0 when hashprice clears power, exactly the extra production', () => {
    const none = run(0), some = run(1);
    for (let p = 0; p < 3; p++) {
      expect(field(none, p, SLACK)).toBe(0);
      const extra = (field(some, p, L.R_MINED_T) - field(none, p, L.R_MINED_T)) * field(some, p, L.R_P_T);
      expect(field(some, p, SLACK)).toBeGreaterThan(0);
      expect(relErr(field(some, p, SLACK), extra)).toBeLessThan(1e-9);
    }
  });

  it('follows the live fleet of a refresh policy (purchases, deliveries, degradation)', () => {
    const refresh = { policy: 'budget', budgetUsdPerQuarter: 60_000_000, degradationPerYear: 0.05, deliveryDays: 30, limitToPowerCapacity: false };
    const go = (x: number) => records(scenario({
      ...DETERMINISTIC, run: { paths: 2, months: 30, seed: 6 }, miner: { treasury: { cashUsd: 1e11 }, refresh },
      hosting: [{ mwIt: 60, startDate: '2025-01-01', interruptibleShare: x, ...SURE }],
    }));
    const none = go(0), some = go(1);
    for (let p = 0; p < 2; p++) {
      const extra = (field(some, p, L.R_MINED_T) - field(none, p, L.R_MINED_T)) * field(some, p, L.R_P_T);
      expect(field(some, p, SLACK)).toBeGreaterThan(0);
      expect(relErr(field(some, p, SLACK), extra)).toBeLessThan(1e-9);
    }
  });

  it('is 0 when hashprice does not clear the power price (no machine runs)', () => {
    const dear = run(1, { contractUsdPerMwh: 5000, hedgedShare: 1 });
    for (let p = 0; p < 3; p++) {
      expect(field(dear, p, L.R_MINED_T)).toBe(0);
      expect(field(dear, p, SLACK)).toBe(0);
    }
  });
});

describe('common random numbers: a contract moves no other factor', () => {
  it('leaves the quantiles of BTC price, difficulty, network hashrate and hashprice bitwise unchanged', async () => {
    const engine = createNodeEngine({ workers: 0 });
    const base = scenario({ run: { paths: 400, months: 36, seed: 11 } });
    const hosted = scenario({
      run: { paths: 400, months: 36, seed: 11 },
      hosting: [{ mwIt: 100, backstopUsd: 1e9, interruptibleShare: 0.5 }, { mwIt: 40, tenantDefaultPerYear: 0.3, delayProbPerPhase: 0.6 }],
    });
    const [a, b] = [await engine.run(base), await engine.run(hosted)];
    engine.dispose();
    expect(b.pd).not.toBe(a.pd); // the firm did change
    for (const key of ['btcPriceUsd', 'difficulty', 'networkHashrateEhs', 'hashpriceUsdPerPhDay'] as const) {
      expect(b.quantiles[key], key).toEqual(a.quantiles[key]);
      expect(b.quantiles[key].p50.every(Number.isFinite)).toBe(true);
    }
  });
});

describe('build delays and termination', () => {
  it('terminates when the drawn delay exceeds the maximum: every milestone missed ⇒ no rent, capex still paid', () => {
    const c = { mwIt: 10, delayProbPerPhase: 1, tenantDefaultPerYear: 0, loanToCost: 0, reletMonths: 120 };
    const rec = records(scenario({ ...DETERMINISTIC, run: { paths: 3, months: 48, seed: 1 }, miner: RICH, hosting: [c] }));
    const ref = records(scenario({ ...DETERMINISTIC, run: { paths: 3, months: 48, seed: 1 }, miner: RICH, hosting: [{ ...c, delayProbPerPhase: 0 }] }));
    for (let p = 0; p < 3; p++) {
      expect(field(rec, p, NOI)).toBe(0);
      expect(field(ref, p, NOI)).toBeGreaterThan(0);
    }
    load(scenario({ ...DETERMINISTIC, run: { paths: 3, months: 48, seed: 1 }, miner: RICH, hosting: [c] }));
    seedPath(1, 0);
    hostingReset();
    expect(hostingTerminated(0)).toBe(true);
    expect(hostingDelayMonths(0)).toBe(2 * 40 * 6);
    // The capex is paid all the same: the equity share of $100M, over the build.
    const cash0 = 1e9;
    FIRM[CASH] = cash0;
    for (let t = 1; t <= 400; t++) hostingDay(t, 1);
    expect(relErr(cash0 - FIRM[CASH], 10 * 10_000_000)).toBeLessThan(1e-12);
  });

  it('terminates exactly when the delay is longer than the maximum, as often as two geometric phases say', () => {
    // Each phase slips 6 months with p = 0.25 and may slip again; the maximum is 6 months, so termination ⇔ ≥ 2 slips:
    // P = 1 − P(0) − P(1) = 1 − (1 − p)² − 2p(1 − p)².
    const p = 0.25;
    const s = scenario({ run: { paths: 1, months: 24, seed: 1 }, hosting: [{ mwIt: 10, delayProbPerPhase: p, delayMonths: 6, maxDelayMonthsBeforeTermination: 6 }] });
    load(s);
    const rentDay0 = dayOf(plusMonths(START.date, 12));
    const n = 20_000;
    let terminated = 0;
    const seen = new Set<number>();
    for (let path = 0; path < n; path++) {
      seedPath(21, path);
      hostingReset();
      const delay = hostingDelayMonths(0);
      seen.add(delay);
      expect(delay % 6).toBe(0);
      expect(hostingTerminated(0)).toBe(delay > 6);
      expect(hostingReadyDay(0)).toBe(rentDay0 + Math.floor(delay * DAYS_PER_MONTH + 0.5));
      if (hostingTerminated(0)) terminated++;
    }
    const want = 1 - (1 - p) ** 2 - 2 * p * (1 - p) ** 2;
    const se = Math.sqrt((want * (1 - want)) / n);
    expect(Math.abs(terminated / n - want)).toBeLessThan(4 * se);
    expect([...seen].sort((a, b) => a - b).slice(0, 4)).toEqual([0, 6, 12, 18]);
  });
});

describe('tenant default', () => {
  it('happens as often as its hazard says, counted from the first rent (4 standard errors)', () => {
    const months = 60;
    for (const hazard of [0.04, 0.3]) {
      const s = scenario({ run: { paths: 1, months, seed: 1 }, hosting: [{ mwIt: 10, delayProbPerPhase: 0, tenantDefaultPerYear: hazard }] });
      const days = load(s);
      const R = dayOf(plusMonths(START.date, 12));
      const n = 20_000;
      let defaults = 0;
      for (let path = 0; path < n; path++) {
        seedPath(31, path);
        hostingReset();
        const out = hostingTenantOutDay(0);
        expect(out).toBeGreaterThanOrEqual(R);
        if (out <= days) defaults++;
      }
      const want = 1 - Math.exp((-hazard * (days - R)) / 365.25);
      const se = Math.sqrt((want * (1 - want)) / n);
      expect(Math.abs(defaults / n - want), `hazard ${hazard}`).toBeLessThan(4 * se);
    }
  });

  it('defaults to 0.3 %/yr with a backstop and 4 %/yr without', () => {
    const s = scenario({ hosting: [{ mwIt: 10 }, { mwIt: 10, backstopUsd: 5e8 }, { mwIt: 10, backstopUsd: 5e8, tenantDefaultPerYear: 0.01 }] });
    expect(s.hosting.map((h) => h.tenantDefaultPerYear)).toEqual([0.04, 0.003, 0.01]);
    expect(s.hosting.map((h) => h.name)).toEqual(['h1', 'h2', 'h3']);
  });
});

describe('the project loan is a term_loan tranche after debt[]', () => {
  it('is drawn at signing, pays interest quarterly and its principal in equal parts after the scheduled first rent', () => {
    const s = scenario({ hosting: [{ name: 'dc', mwIt: 100, startDate: '2026-06-15', monthsToFirstRent: 12, loanYears: 5 }] });
    const c = compileScenario(s);
    const k = s.debt.length;
    expect(c.P[L.P_N_TRANCHE]).toBe(k + 1);
    expect(c.trancheIds[k]).toBe('dc (project loan)');
    expect(c.trancheIds.length).toBe(k + 1 + L.MAX_REFI);
    const t = k * L.T_STRIDE;
    const loan = 0.75 * 10_000_000 * 100;
    expect(c.T[t + L.T_TYPE]).toBe(L.TYPE_TERM_LOAN);
    expect(c.T[t + L.T_PRINCIPAL]).toBe(loan);
    expect(c.T[t + L.T_RATE]).toBe(0.0775);
    expect(c.T[t + L.T_LAST_PAY_DAY]).toBe(dayOf('2026-06-15'));
    expect(c.T[t + L.T_MATURITY_DAY]).toBe(dayOf('2031-06-15'));
    const rows: number[][] = [];
    for (let i = 0; i < c.P[L.P_N_PAY]; i++) {
      const row = Array.from(c.Y.subarray(i * L.Y_STRIDE, (i + 1) * L.Y_STRIDE));
      if (row[L.Y_TRANCHE] === k) rows.push(row);
    }
    expect(rows.length).toBe(20);
    expect(rows[0][L.Y_DAY]).toBe(dayOf('2026-09-15'));
    expect(rows[0][L.Y_YEARFRAC]).toBe((dayOf('2026-09-15') - dayOf('2026-06-15')) / 365.25);
    // Interest only until the first rent (2027-06-15, the 4th date), then 16 equal parts, the last one final.
    expect(rows.slice(0, 4).map((r) => r[L.Y_PRINCIPAL])).toEqual([0, 0, 0, 0]);
    expect(rows.slice(4, 19).every((r) => r[L.Y_PRINCIPAL] === loan / 16)).toBe(true);
    expect(rows[19][L.Y_FINAL]).toBe(1);
  });

  it('signed before the start: only the dates after it remain, on the principal still owed', () => {
    const s = scenario({ hosting: [{ name: 'old', mwIt: 10, startDate: '2024-03-22', monthsToFirstRent: 12, loanYears: 5 }] });
    const c = compileScenario(s);
    const t = s.debt.length * L.T_STRIDE;
    // Dates 2024-06-22 … 2029-03-22; amortising after 2025-03-22: 16 parts, 4 of them (2025-06 … 2026-03) paid.
    expect(c.T[t + L.T_PRINCIPAL]).toBeCloseTo(75_000_000 * 12 / 16, 6);
    expect(c.T[t + L.T_LAST_PAY_DAY]).toBe(0);
  });

  it('can trigger a default like any other tranche', async () => {
    const engine = createNodeEngine({ workers: 0 });
    const r = await engine.run(scenario({
      run: { paths: 200, months: 24, seed: 3 }, debt: [],
      miner: { treasury: { cashUsd: 30_000_000, btc: 0 } },
      hosting: [{ name: 'dc', mwIt: 50, loanToCost: 0.95, loanRate: 0.2, delayProbPerPhase: 0.9, maxDelayMonthsBeforeTermination: 120 }],
    }));
    engine.dispose();
    expect(r.defaultTranches['dc (project loan)'].count).toBeGreaterThan(0);
  });
});

describe('validation', () => {
  const errors = (input: unknown) => {
    const r = resolveScenario(input);
    return r.ok ? [] : r.errors.map(formatError);
  };

  it('refuses contracts that need more site power than the miner has, duplicate names and old signings', () => {
    expect(errors({ hosting: [{ mwIt: 200 }, { mwIt: 100 }] })).toEqual([
      'hosting[1].mwIt: 100 MW IT takes 140 MW of site power (× grossToIt 1.4), 420 MW with the contracts before it: more than miner.power.capacityMw (400) — allowed a total gross power of at most miner.power.capacityMw',
    ]);
    expect(errors({ hosting: [{ mwIt: 10 }, { mwIt: 10, name: 'h1' }] })[0]).toMatch(/^hosting\[1\]\.name: "h1" is already the name of hosting\[0\]/);
    expect(errors({ hosting: [{ mwIt: 10, startDate: '2010-01-01' }] })[0]).toMatch(/^hosting\[0\]\.startDate: "2010-01-01" is more than 10 years before/);
    expect(errors({ hosting: [{ usdPerMwItYear: 1 }] })[0]).toMatch(/^hosting\[0\]\.mwIt: missing — required/);
    expect(errors({ hosting: [{ mwIt: 10, interruptibleShare: 1.5 }] })[0]).toBe('hosting[0].interruptibleShare: 1.5 is out of range — allowed 0 to 1');
  });

  it('keeps the default scenario and the presets without hosting', () => {
    expect(scenario({}).hosting).toEqual([]);
    expect(P.length).toBe(L.P_SIZE);
  });
});
