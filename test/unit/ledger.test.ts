// The cash ledger (model-spec §8 "The cash ledger", §5, §6, §11.7–§11.10): a deterministic world (σ = 0, flat
// network, fixed fees and spot) where cash has a closed form, curtailment and the power cap, margin calls, default
// attribution, payment schedules and the treasury buffer. Expected values are derived here from the spec; payment
// dates are written out literally. Runs use the wasm engine in-process; white-box checks drive the portable
// kernel modules (the TypeScript twin) directly.
import '../../src/model/portable-runtime';
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/model/compile';
import { createReferenceKernel } from '../../src/model/kernel';
import { createNodeEngine } from '../../src/engine/node';
import type { RunResult } from '../../src/engine/results';
import { START } from '../../src/model/start-state';
import { P, FIRM, CASH, FREE_BTC } from '../../assembly/params';
import * as L from '../../assembly/layout';
import { seedPath } from '../../assembly/rng';
import { marketReset, marketStep, priceShock } from '../../assembly/market';
import { networkReset, networkDay, networkBtcPerPhDay } from '../../assembly/network';
import { minerReset, minerDay, minerRunningPh, minerOverheadUsd } from '../../assembly/miner';
import {
  capitalReset, treasuryDay, marginDay, paymentsDay, defaultCause, defaultTranche, marginEventCount,
  trancheOutstanding, tranchePledgedBtc,
} from '../../assembly/capital';
import { scenario } from '../helpers/fixture';

// ---- independent constants and calendar (§1, §4, §5) ----
const K = (86400 * 1e15) / 2 ** 32; // BTC per PH/s-day per (BTC per block ÷ difficulty)
const P0 = START.priceUsd;
const D0 = START.difficulty;
const FS = START.feeShare;
const DAY_MS = 86_400_000;
const dateMs = (d: string) => Date.parse(`${d}T00:00:00Z`);
/** Day index of a date: day t is the date start + t days. */
const dayOf = (d: string) => Math.round((dateMs(d) - dateMs(START.date)) / DAY_MS);
const daysBetween = (a: string, b: string) => Math.round((dateMs(b) - dateMs(a)) / DAY_MS);
const dateOf = (t: number) => new Date(dateMs(START.date) + t * DAY_MS).toISOString().slice(0, 10);
/** End of month m: start + m calendar months (the 22nd, every month has one). */
const monthEndDay = (m: number) => dayOf(new Date(Date.UTC(2026, 2 + m, 22)).toISOString().slice(0, 10));
const relErr = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);
const SGA_DAY = (usdPerQuarter: number) => usdPerQuarter / 91.3125;

/** The deterministic world of §8: GBM σ 0, μ 0; exogenous network without drift or noise; fixed fees and spot. */
const DETERMINISTIC = {
  market: { price: { model: 'gbm', mu: 0, sigma: 0 }, fees: { sdMonthly: 0, spikeProbMonthly: 0 } },
  network: { model: 'exogenous', exogenous: { driftPerEpoch: 0, sdPerEpoch: 0 } },
  miner: { power: { spot: { sigma: 0, shockProbPerYear: 0 } } },
};
/** A firm with nothing but what the test gives it. */
const BARE_FIRM = {
  fleet: [],
  costs: { sgaUsdPerQuarter: 0, sgaUsdPerQuarterPerEhs: 0, otherOpexUsdPerPhDay: 0 },
};
function merge(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    out[k] = v && typeof v === 'object' && !Array.isArray(v) && prev && typeof prev === 'object' && !Array.isArray(prev)
      ? merge(prev as Record<string, unknown>, v as Record<string, unknown>) : v;
  }
  return out;
}
const world = (...patches: Record<string, unknown>[]) => scenario(patches.reduce(merge, DETERMINISTIC as Record<string, unknown>));

const engine = createNodeEngine({ workers: 0 });
const run = (patch: object): Promise<RunResult> => engine.run(patch as never);

const kernel = createReferenceKernel();

describe('closed-form cash (σ = 0, flat network, fixed fees and spot): the default firm over 30 months', () => {
  // 30 months to 2028-09-22: monthly BTC-loan interest and its maturity (repaid from the collateral), the
  // convertible's coupons, the halving on day 752 (a time-weighted day), curtailment after it, and the S19 XP
  // generation's retirement on 2028-06-30.
  const months = 30;
  const s = world({ run: { paths: 64, months } });
  const fleet = [
    { eh: 15, j: 17.5, retire: dayOf('2029-12-31') },
    { eh: 5, j: 21.5, retire: dayOf('2028-06-30') },
  ];
  const uptime = 0.93, poolFee = 0.01, haircut = 0.01;
  const marginal = 0.6 * 42 + 0.4 * 45; // no resale: the blended price h·contract + (1 − h)·spot
  const HALVING_DAY = 752; // 941,790 + 144·751 = 1,049,934 < 1,050,000 ≤ 941,790 + 144·752
  /** Time-weighted subsidy of day t at 144 blocks a day from height 941,790. */
  const subsidy = (t: number) => {
    const h0 = START.nextHeight + 144 * (t - 1), h1 = h0 + 144, b = 1_050_000;
    return h1 <= b ? 3.125 : h0 >= b ? 1.5625 : ((b - h0) * 3.125 + (h1 - b) * 1.5625) / 144;
  };
  interface Day { mined: number; flow: number; overhead: number; runningPh: number }
  let maxMw = 0;
  const day = (t: number): Day => {
    const bpp = (K * subsidy(t)) / ((1 - FS) * D0); // BTC per PH/s-day: (subsidy + fee)·K/D, fee = subsidy·f/(1 − f)
    const hp = P0 * bpp;
    let runningPh = 0, mw = 0, nameplate = 0;
    for (const g of fleet) {
      if (t >= g.retire) continue;
      nameplate += g.eh;
      if ((hp * (1 - poolFee)) / (0.024 * g.j) < marginal) continue; // curtailed (§5)
      runningPh += g.eh * 1000 * uptime;
      mw += g.eh * uptime * g.j;
    }
    maxMw = Math.max(maxMw, mw);
    const mined = runningPh * bpp * (1 - poolFee);
    const overhead = SGA_DAY(6e6) + SGA_DAY(0.3e6) * nameplate + 2 * runningPh;
    const flow = mined * P0 * (1 - haircut) - mw * 24 * marginal - overhead; // sell share 1
    return { mined, flow, overhead, runningPh };
  };
  // Payments (§6, §11.8), literally: the convertible's semiannual coupons from 2025-12-15, the loan's monthly
  // interest on month-ends counted back from 2027-03-31 (clamped), the first from 2026-02-28 (before the start).
  const coupons = ['2025-12-15', '2026-06-15', '2026-12-15', '2027-06-15', '2027-12-15', '2028-06-15'];
  const loanDates = ['2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31', '2026-06-30', '2026-07-31', '2026-08-31',
    '2026-09-30', '2026-10-31', '2026-11-30', '2026-12-31', '2027-01-31', '2027-02-28'];
  const payments: { day: number; usd: number }[] = [];
  for (let i = 1; i < coupons.length; i++) payments.push({ day: dayOf(coupons[i]), usd: (400e6 * 0.02 * daysBetween(coupons[i - 1], coupons[i])) / 365.25 });
  for (let i = 1; i < loanDates.length; i++) payments.push({ day: dayOf(loanDates[i]), usd: (75e6 * 0.09 * daysBetween(loanDates[i - 1], loanDates[i])) / 365.25 });
  // At maturity (2027-03-31) the 1,800 pledged BTC are sold at P·(1 − haircut) up to principal + accrued interest
  // (31 days): cash receives and pays the same amount; the rest of the collateral returns to free BTC (§11.9).
  const maturity = dayOf('2027-03-31');
  const owedAtMaturity = 75e6 * (1 + (0.09 * 31) / 365.25);
  const btcAfterMaturity = 1500 + 1800 - owedAtMaturity / (P0 * (1 - haircut));

  const horizon = monthEndDay(months);
  const cash: number[] = [150e6];
  const minedCum: number[] = [0];
  for (let t = 1; t <= horizon; t++) {
    const d = day(t);
    cash.push(cash[t - 1] + d.flow - payments.filter((p) => p.day === t).reduce((a, p) => a + p.usd, 0));
    minedCum.push(minedCum[t - 1] + d.mined);
  }

  it('the world is what the closed form assumes: no treasury sale, no margin call, curtailment only after the halving', () => {
    expect(horizon).toBe(915);
    expect(maxMw).toBeLessThanOrEqual(400); // the power cap never binds here
    expect(day(HALVING_DAY - 1).runningPh).toBeCloseTo(18_600, 9);
    expect(day(HALVING_DAY).runningPh).toBeCloseTo(18_600, 9); // the mixed hashprice ($23.4) still clears both generations
    expect(day(HALVING_DAY + 1).runningPh).toBe(0); // $16/PH/day is below both breakevens at $43.2/MWh
    for (let t = 1; t <= horizon; t++) {
      // cash after operations vs the §11.7 buffer's upper bound (90 days of overhead + every payment of 90 days)
      const due = payments.filter((p) => p.day >= t && p.day < t + 90).reduce((a, p) => a + p.usd, 0) + (t <= maturity && maturity < t + 90 ? 75e6 * 0.09 * 31 / 365.25 : 0);
      expect(cash[t - 1] + day(t).flow).toBeGreaterThan(90 * day(t).overhead + due);
    }
    for (let t = 1; t <= maturity; t++) {
      const lastPay = loanDates.filter((d) => dayOf(d) < t).at(-1)!;
      expect((75e6 * (1 + (0.09 * (t - dayOf(lastPay))) / 365.25)) / (1800 * P0)).toBeLessThan(0.7);
    }
  });

  it('cash, BTC held and BTC mined equal their closed-form sums at every month end (1e-12 relative)', async () => {
    const r = await run(s as never);
    expect(r.pd).toBe(0);
    const sp = r.samplePaths[0];
    for (let m = 1; m <= months; m++) {
      const t = monthEndDay(m);
      expect(relErr(sp.series.cashUsd[m]!, cash[t])).toBeLessThan(1e-12);
      expect(relErr(sp.series.btcHeld[m]!, t < maturity ? 3300 : btcAfterMaturity)).toBeLessThan(1e-12);
      const mined = minedCum[t] - minedCum[monthEndDay(m - 1)];
      if (mined === 0) expect(sp.series.btcMinedPerMonth[m]).toBe(0);
      else expect(relErr(sp.series.btcMinedPerMonth[m]!, mined)).toBeLessThan(1e-12);
    }
    // every path is the same path
    expect(r.samplePaths[19].series.cashUsd[months]).toBe(sp.series.cashUsd[months]);
    console.log(`closed form: cash at 30 months ${cash[horizon].toFixed(2)} USD (engine ${sp.series.cashUsd[months]!.toFixed(2)})`);
  });

  it('the same with the TypeScript reference kernel: terminal cash and BTC mined', () => {
    const c = compileScenario(s);
    kernel.load(c);
    kernel.simulate(0, 2);
    const rec = kernel.records(2);
    expect(rec[L.R_DEFAULT_DAY]).toBe(0);
    expect(relErr(rec[L.R_CASH_T], cash[horizon])).toBeLessThan(1e-12);
    expect(relErr(rec[L.R_MINED_T], minedCum[horizon])).toBeLessThan(1e-12);
  });
});

describe('curtailment (§5)', () => {
  // Hedged share 1: the marginal price is the contract price exactly.
  const contract = 40, poolFee = 0.02, J = 20;
  const threshold = (contract * 0.024 * J) / (1 - poolFee); // HP at which the generation switches
  const base = {
    miner: {
      fleet: [{ name: 'g', hashrateEhs: 10, efficiencyJPerTh: J }], uptime: 1, poolFee,
      power: { capacityMw: 1000, contractUsdPerMwh: contract, hedgedShare: 1 },
      treasury: { cashUsd: 1e9, btc: 0 },
    },
    debt: [],
  };

  it('white-box: a generation runs iff HP·(1 − poolFee)/(0.024·J) ≥ marginal price — just above runs, just below does not', () => {
    kernel.load(compileScenario(world(base)));
    const price = 50_000;
    for (const [eps, runs] of [[1e-12, true], [-1e-12, false], [1e-6, true], [-1e-6, false]] as const) {
      minerReset();
      const bpp = (threshold * (1 + eps)) / price;
      minerDay(1, price, bpp, 0, P[L.P_CAP_MW]);
      expect(minerRunningPh()).toBe(runs ? 10_000 : 0);
    }
  });

  it('in a run: the start price that puts hashprice 1e-9 above the threshold mines, 1e-9 below mines nothing', () => {
    // hashprice = P·K·subsidy/((1 − f)·D₀) on every day before the halving
    const pStar = (threshold * (1 - FS) * D0) / (K * 3.125);
    for (const [eps, runs] of [[1e-9, true], [-1e-9, false]] as const) {
      const c = compileScenario(world(base, { run: { months: 2 }, start: { priceUsd: pStar * (1 + eps) } }));
      kernel.load(c);
      kernel.simulate(0, 1);
      const mined = kernel.records(1)[L.R_MINED_T];
      if (runs) {
        const days = c.days;
        const expected = days * 10_000 * ((K * 3.125) / ((1 - FS) * D0)) * (1 - poolFee);
        expect(relErr(mined, expected)).toBeLessThan(1e-12);
      } else expect(mined).toBe(0);
    }
  });

  it('the power cap is filled by efficiency: the best generation first, the last one partly, the rest idle', () => {
    const gens = [
      { name: 'mid', hashrateEhs: 10, efficiencyJPerTh: 20 },
      { name: 'worst', hashrateEhs: 10, efficiencyJPerTh: 25 },
      { name: 'best', hashrateEhs: 10, efficiencyJPerTh: 15 },
    ];
    const uptime = 0.9, sga = 1e6, perEhs = 2e5, opex = 3, haircut = 0.01;
    for (const cap of [250, 100, 1000]) {
      kernel.load(compileScenario(world({
        miner: {
          fleet: gens, uptime, poolFee,
          power: { capacityMw: cap, contractUsdPerMwh: contract, hedgedShare: 1 },
          costs: { sgaUsdPerQuarter: sga, sgaUsdPerQuarterPerEhs: perEhs, otherOpexUsdPerPhDay: opex },
          treasury: { cashUsd: 1e9, btc: 0, btcSaleHaircut: haircut },
        },
        debt: [],
      })));
      minerReset();
      FIRM[CASH] = 1e9; FIRM[FREE_BTC] = 0;
      const price = 60_000, bpp = 5e-4; // $30/PH/day: every generation is economic at $40/MWh
      minerDay(1, price, bpp, 0, P[L.P_CAP_MW]);
      // expected fill, best first: MW = EH/s × uptime × J/TH
      let left = cap, ph = 0, mw = 0;
      for (const g of [...gens].sort((a, b) => a.efficiencyJPerTh - b.efficiencyJPerTh)) {
        const need = g.hashrateEhs * uptime * g.efficiencyJPerTh;
        const frac = Math.max(0, Math.min(1, left / need));
        ph += g.hashrateEhs * 1000 * uptime * frac;
        mw += need * frac;
        left -= need * frac;
      }
      if (cap === 250) expect(ph).toBeCloseTo(9000 + 9000 * (115 / 180), 9); // best full, mid 115 of 180 MW, worst idle
      if (cap === 100) expect(ph).toBeCloseTo(9000 * (100 / 135), 9); // best partly
      if (cap === 1000) expect(ph).toBe(27_000);
      expect(relErr(minerRunningPh(), ph)).toBeLessThan(1e-12);
      const overhead = SGA_DAY(sga) + SGA_DAY(perEhs) * 30 + opex * ph;
      expect(relErr(minerOverheadUsd(), overhead)).toBeLessThan(1e-12);
      const mined = ph * bpp * (1 - poolFee);
      const cashFlow = mined * price * (1 - haircut) - mw * 24 * contract - overhead;
      expect(relErr(FIRM[CASH] - 1e9, cashFlow)).toBeLessThan(1e-9); // a difference of two 1e9-sized numbers
    }
  });
});

describe('BTC-backed loan margin calls (§6, §11.9)', () => {
  // $75M at 9 % on 1,800 BTC, monthly interest on month-ends counted back from 2027-03-31: the last schedule date
  // before the start is 2026-02-28, so on day 5 (2026-03-27) 27 days of interest have accrued.
  const loan = (extra: Record<string, unknown> = {}) => ({
    id: 'loan', type: 'btc_backed_loan', principalUsd: 75e6, rate: 0.09, collateralBtc: 1800, maturityDate: '2027-03-31',
    marginCallLtv: 0.7, topUpToLtv: 0.5, ...extra,
  });
  const t = 5;
  const accruedDays = daysBetween('2026-02-28', dateOf(t));
  const owed = 75e6 * (1 + (0.09 * accruedDays) / 365.25);
  const overheadPerDay = 10_000;
  // buffer on day 5: 90 days of overhead + interest due on days 5 … 94: 2026-03-31, 04-30 and 05-31
  const buffer = 90 * overheadPerDay + (75e6 * 0.09 * (31 + 30 + 31)) / 365.25;
  const ltv = (price: number) => (trancheOutstanding(0) * (1 + (0.09 * accruedDays) / 365.25)) / (tranchePledgedBtc(0) * price);

  function setup(cash: number, btc: number, extra: Record<string, unknown> = {}, price = 50_000) {
    kernel.load(compileScenario(world({ miner: { treasury: { cashUsd: cash, btc } }, debt: [loan(extra)] })));
    capitalReset();
    FIRM[CASH] = cash; FIRM[FREE_BTC] = btc;
    treasuryDay(t, price, overheadPerDay); // sets the day's buffer (cash above it: no sale)
    expect(FIRM[CASH]).toBe(cash);
    expect(owed / (1800 * price)).toBeGreaterThanOrEqual(0.7);
  }

  it('a top-up with free BTC restores LTV = 0.50 exactly (interest accrued since 2026-02-28 included)', () => {
    expect(accruedDays).toBe(27);
    const price = 50_000;
    setup(100e6, 1500);
    expect(marginDay(t, price)).toBe(false);
    const posted = owed / (0.5 * price) - 1800;
    expect(Math.abs(ltv(price) - 0.5)).toBeLessThan(1e-12);
    expect(relErr(tranchePledgedBtc(0), 1800 + posted)).toBeLessThan(1e-12);
    expect(relErr(FIRM[FREE_BTC], 1500 - posted)).toBeLessThan(1e-12);
    expect(FIRM[CASH]).toBe(100e6);
    expect(trancheOutstanding(0)).toBe(75e6);
    expect(marginEventCount()).toBe(0);
  });

  it('a top-up with all free BTC and cash above the buffer restores LTV = 0.50 exactly; cash pays the debt down one for one', () => {
    const price = 50_000;
    setup(100e6, 100);
    expect(marginDay(t, price)).toBe(false);
    expect(tranchePledgedBtc(0)).toBe(1900);
    expect(FIRM[FREE_BTC]).toBe(0);
    expect(Math.abs(ltv(price) - 0.5)).toBeLessThan(1e-12);
    // the cash paid is exactly the fall in principal + accrued interest: owed − 0.5·collateral·P
    const paid = owed - 0.5 * 1900 * price;
    expect(relErr(100e6 - FIRM[CASH], paid)).toBeLessThan(1e-12);
    expect(marginEventCount()).toBe(0);
  });

  it('cash just short of the top-up above the buffer: nothing is posted, the lender sells at P·0.98 (an event, not a default)', () => {
    const price = 50_000;
    const need = owed - 0.5 * 1900 * price;
    const cash = buffer + need * (1 - 1e-9);
    setup(cash, 100);
    expect(marginDay(t, price)).toBe(false);
    expect(marginEventCount()).toBe(1);
    expect(trancheOutstanding(0)).toBe(0);
    expect(tranchePledgedBtc(0)).toBe(0);
    expect(FIRM[FREE_BTC]).toBe(100); // posts nothing
    const proceeds = 1800 * price * 0.98;
    expect(relErr(FIRM[CASH], cash + proceeds - owed)).toBeLessThan(1e-12); // excess returns to cash
    expect(paymentsDay(t, price)).toBe(false);
    expect(defaultCause()).toBe(L.CAUSE_NONE);
    // the closed loan pays nothing on its next date (2026-03-31, day 9)
    const before = FIRM[CASH];
    treasuryDay(9, price, overheadPerDay);
    expect(paymentsDay(9, price)).toBe(false);
    expect(FIRM[CASH]).toBe(before);
  });

  it('a failed top-up with crossDefault is a default, cause margin_call, with that tranche', () => {
    setup(2e6, 0, { crossDefault: true });
    expect(marginDay(t, 50_000)).toBe(true);
    expect(defaultCause()).toBe(L.CAUSE_MARGIN_CALL);
    expect(defaultTranche()).toBe(0);
    expect(marginEventCount()).toBe(1);
  });

  it('a liquidation short of the debt leaves the shortfall due that day: paid from cash, or a liquidity default', () => {
    const price = 40_000; // collateral at 0.98·P is worth less than the debt
    const shortfall = owed - 1800 * price * 0.98;
    expect(shortfall).toBeGreaterThan(0);
    setup(10e6, 0, {}, price);
    expect(marginDay(t, price)).toBe(false);
    expect(paymentsDay(t, price)).toBe(false);
    expect(relErr(FIRM[CASH], 10e6 - shortfall)).toBeLessThan(1e-12);
    setup(2e6, 0, {}, price);
    expect(marginDay(t, price)).toBe(false);
    expect(paymentsDay(t, price)).toBe(true);
    expect(defaultCause()).toBe(L.CAUSE_LIQUIDITY);
    expect(defaultTranche()).toBe(0);
  });

  it('in a run (price falling deterministically, μ = −2): the first day LTV ≥ 0.70 liquidates; with crossDefault it defaults', async () => {
    const patch = (crossDefault: boolean) => world({
      run: { paths: 64, months: 3 },
      market: { price: { mu: -2 } },
      miner: { ...BARE_FIRM, treasury: { cashUsd: 5e6, btc: 0 } },
      debt: [loan({ crossDefault })],
    });
    // LTV_t = (principal + interest accrued since the last paid date)/(1,800·P_t), P_t = P₀·e^{−2t/365.25}
    const paid = ['2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31'].map(dayOf);
    let first = 0;
    for (let t = 1; t < 92 && !first; t++) {
      const last = paid.filter((d) => d < t).at(-1)!;
      const l = (75e6 * (1 + (0.09 * (t - last)) / 365.25)) / (1800 * P0 * Math.exp((-2 * t) / 365.25));
      if (l >= 0.7) first = t;
    }
    expect(first).toBeGreaterThan(9);
    const a = await run(patch(false));
    expect(a.pd).toBe(0);
    expect(a.marginLiquidations).toEqual({ events: 64, paths: 64 });
    const b = await run(patch(true));
    expect(b.pd).toBe(1);
    expect(b.defaultCauses.margin_call.count).toBe(64);
    expect(b.defaultTranches.loan.count).toBe(64);
    expect(b.samplePaths[0].defaultDay).toBe(first);
    console.log(`margin: first day with LTV ≥ 0.70 at μ = −2 is day ${first} (${dateOf(first)})`);
  });
});

describe('default rules and attribution (§6, §11.10)', () => {
  it('a firm with cash C₀ and only SG&A c a day defaults, cause operating, on the first day with C₀ − d·c < 0', async () => {
    const c0 = 1_000_000, sga = 6_000_000;
    const c = SGA_DAY(sga); // 65,708.42 a day
    const d = Math.floor(c0 / c) + 1;
    expect(c0 / c).not.toBe(Math.floor(c0 / c));
    expect(c0 - (d - 1) * c).toBeGreaterThanOrEqual(0);
    expect(c0 - d * c).toBeLessThan(0);
    expect(d).toBe(16);
    // price volatility at its default: with no BTC and no fleet it must not matter
    const r = await run(scenario({
      run: { paths: 128, months: 2 },
      miner: { fleet: [], costs: { sgaUsdPerQuarter: sga, sgaUsdPerQuarterPerEhs: 0, otherOpexUsdPerPhDay: 0 }, treasury: { cashUsd: c0, btc: 0 } },
      debt: [],
    }));
    expect(r.pd).toBe(1);
    expect(r.pdByMonth[0]).toBe(1);
    expect(r.defaultCauses.operating.count).toBe(128);
    for (const sp of r.samplePaths) expect(sp.defaultDay).toBe(d);
    expect(r.samplePaths[0].defaultDate).toBe(dateOf(d));
  });

  // Two bonds paying on the same day (2026-06-15, day 85): the first is covered, the second is not.
  const bonds = [
    { id: 'a', type: 'bond', principalUsd: 100e6, couponRate: 0.02, paymentsPerYear: 2, maturityDate: '2029-06-15' },
    { id: 'b', type: 'bond', principalUsd: 200e6, couponRate: 0.04, paymentsPerYear: 2, maturityDate: '2030-06-15' },
  ];
  const couponA = (100e6 * 0.02 * daysBetween('2025-12-15', '2026-06-15')) / 365.25;
  const couponB = (200e6 * 0.04 * daysBetween('2025-12-15', '2026-06-15')) / 365.25;

  it('a coupon the firm cannot pay: cause liquidity, with that tranche (payments in debt[] order)', async () => {
    const r = await run(world({ run: { paths: 64, months: 4 }, miner: { ...BARE_FIRM, treasury: { cashUsd: couponA + 0.5 * couponB, btc: 0 } }, debt: bonds }));
    expect(r.pd).toBe(1);
    expect(r.defaultCauses.liquidity.count).toBe(64);
    expect(r.defaultTranches.b.count).toBe(64);
    expect(r.defaultTranches.a.count).toBe(0);
    expect(r.samplePaths[0].defaultDate).toBe('2026-06-15');
    // enough for both: no default, cash falls by both coupons
    const ok = await run(world({ run: { paths: 64, months: 4 }, miner: { ...BARE_FIRM, treasury: { cashUsd: 10e6, btc: 0 } }, debt: bonds }));
    expect(ok.pd).toBe(0);
    expect(relErr(ok.samplePaths[0].series.cashUsd[3]!, 10e6 - couponA - couponB)).toBeLessThan(1e-12);
  });

  it('an unpaid final principal: cause maturity; an unpaid final coupon: liquidity (interest before principal)', async () => {
    // 5 % semiannual bond maturing 2026-09-15: one date after the start, its period from 2026-03-15 (184 days)
    const bond = { id: 'm', type: 'bond', principalUsd: 10e6, couponRate: 0.05, paymentsPerYear: 2, maturityDate: '2026-09-15' };
    const coupon = (10e6 * 0.05 * daysBetween('2026-03-15', '2026-09-15')) / 365.25;
    const at = (cash: number) => run(world({ run: { paths: 64, months: 7 }, miner: { ...BARE_FIRM, treasury: { cashUsd: cash, btc: 0 } }, debt: [bond] }));
    const r = await at(2e6);
    expect(r.defaultCauses.maturity.count).toBe(64);
    expect(r.defaultTranches.m.count).toBe(64);
    expect(r.samplePaths[0].defaultDate).toBe('2026-09-15');
    const q = await at(coupon * (1 - 1e-9));
    expect(q.defaultCauses.liquidity.count).toBe(64);
    expect(q.samplePaths[0].defaultDate).toBe('2026-09-15');
    const ok = await at(10e6 + coupon * (1 + 1e-9));
    expect(ok.pd).toBe(0);
  });
});

describe('payment schedules (§6, §11.8)', () => {
  // A linear quarterly term loan to 2027-08-31: dates step back 3 months from maturity, clamped to month ends;
  // the first (2026-05-31) pays interest from 2026-02-28, before the start; principal ÷ 6 dates on each.
  const loanDates = ['2026-02-28', '2026-05-31', '2026-08-31', '2026-11-30', '2027-02-28', '2027-05-31', '2027-08-31'];
  // A bullet semiannual bond to 2028-08-31: 2026-08-31, 2027-02-28, 2027-08-31, 2028-02-29 (leap year), 2028-08-31.
  const bondDates = ['2026-02-28', '2026-08-31', '2027-02-28', '2027-08-31', '2028-02-29', '2028-08-31'];
  const debt = [
    { id: 'tl', type: 'term_loan', principalUsd: 12e6, couponRate: 0.06, paymentsPerYear: 4, maturityDate: '2027-08-31', amortization: 'linear' },
    { id: 'bd', type: 'bond', principalUsd: 30e6, couponRate: 0.08, paymentsPerYear: 2, maturityDate: '2028-08-31' },
  ];
  const pays: { day: number; usd: number; tranche: string }[] = [];
  for (let i = 1; i < loanDates.length; i++) {
    const out = 12e6 * (1 - (i - 1) / 6);
    pays.push({ day: dayOf(loanDates[i]), usd: (out * 0.06 * daysBetween(loanDates[i - 1], loanDates[i])) / 365.25 + 12e6 / 6, tranche: 'tl' });
  }
  for (let i = 1; i < bondDates.length; i++) {
    const final = i === bondDates.length - 1;
    pays.push({ day: dayOf(bondDates[i]), usd: (30e6 * 0.08 * daysBetween(bondDates[i - 1], bondDates[i])) / 365.25 + (final ? 30e6 : 0), tranche: 'bd' });
  }
  const paidBy = (t: number) => pays.filter((p) => p.day <= t).reduce((a, p) => a + p.usd, 0);
  const outstandingAt = (t: number) => 12e6 - (12e6 / 6) * pays.filter((p) => p.tranche === 'tl' && p.day <= t).length + (dayOf('2028-08-31') <= t ? 0 : 30e6);

  it('cash at every month end is the start cash less every payment made by then (1e-12 relative)', async () => {
    const c0 = 100e6;
    const r = await run(world({ run: { paths: 64, months: 30 }, miner: { ...BARE_FIRM, treasury: { cashUsd: c0, btc: 0 } }, debt }));
    expect(r.pd).toBe(0);
    const sp = r.samplePaths[0];
    for (let m = 1; m <= 30; m++) {
      const t = monthEndDay(m);
      expect(relErr(sp.series.cashUsd[m]!, c0 - paidBy(t))).toBeLessThan(1e-12);
      expect(relErr(sp.series.netDebtUsd[m]!, outstandingAt(t) - (c0 - paidBy(t)))).toBeLessThan(1e-12);
    }
  });

  it('the first date pays interest from the schedule date before the start: cash for it just short defaults that day', async () => {
    const first = pays.filter((p) => p.tranche === 'tl')[0];
    expect(dateOf(first.day)).toBe('2026-05-31');
    const at = (cash: number) => run(world({ run: { paths: 64, months: 4 }, miner: { ...BARE_FIRM, treasury: { cashUsd: cash, btc: 0 } }, debt: [debt[0]] }));
    const short = await at(first.usd * (1 - 1e-9));
    expect(short.defaultCauses.liquidity.count).toBe(64);
    expect(short.samplePaths[0].defaultDate).toBe('2026-05-31');
    const enough = await at(first.usd * (1 + 1e-9));
    expect(enough.pd).toBe(0);
    // and the bond's first date is 2026-08-31 (counted back from 2028-08-31, through 2028-02-29)
    const b = await run(world({ run: { paths: 64, months: 6 }, miner: { ...BARE_FIRM, treasury: { cashUsd: 1e6, btc: 0 } }, debt: [debt[1]] }));
    expect(b.samplePaths[0].defaultDate).toBe('2026-08-31');
  });
});

describe('treasury (§5, §11.7): sells free BTC to restore the buffer', () => {
  it('after the treasury step cash equals bufferDays × (SG&A + other opex) + interest and amortisation due within the window', () => {
    // A fleet that runs (other opex counts), sells nothing (sell share 0) so cash falls every day, a linear term
    // loan (amortisation counts) and a bond maturing inside the horizon (its final principal is excluded).
    const s = world({
      run: { paths: 1, months: 7 },
      miner: {
        fleet: [{ name: 'g', hashrateEhs: 5, efficiencyJPerTh: 20 }], uptime: 0.95,
        costs: { sgaUsdPerQuarter: 3e6, sgaUsdPerQuarterPerEhs: 0.2e6, otherOpexUsdPerPhDay: 2.5 },
        treasury: { cashUsd: 500_000, btc: 20_000, sellShareOfProduction: 0, bufferDays: 90, btcSaleHaircut: 0.02 },
      },
      debt: [
        { id: 'tl', type: 'term_loan', principalUsd: 12e6, couponRate: 0.06, paymentsPerYear: 4, maturityDate: '2027-08-31', amortization: 'linear' },
        { id: 'bd', type: 'bond', principalUsd: 5e6, couponRate: 0.08, paymentsPerYear: 2, maturityDate: '2026-09-15' },
      ],
    });
    const c = compileScenario(s);
    kernel.load(c);
    const tlDates = ['2026-02-28', '2026-05-31', '2026-08-31', '2026-11-30', '2027-02-28'];
    const bdDates = ['2026-03-15', '2026-09-15'];
    // expected overhead: SG&A + per-EH/s SG&A on 5 EH/s + $2.5 per running PH/s (4,750 PH/s)
    const overhead = SGA_DAY(3e6) + SGA_DAY(0.2e6) * 5 + 2.5 * 4750;
    const price = 1 - 0.02; // × P at the sale
    let tlOut = 12e6;
    seedPath(c.seed, 0);
    marketReset(); networkReset(c.P[L.P_PRICE0]); minerReset(); capitalReset();
    FIRM[CASH] = 500_000; FIRM[FREE_BTC] = 20_000;
    let sales = 0;
    const windowsSeen = new Set<string>();
    for (let t = 1; t <= c.days; t++) {
      const p = Math.exp(marketStep());
      networkDay(t, p);
      minerDay(t, p, networkBtcPerPhDay(), priceShock(), P[L.P_CAP_MW]);
      expect(relErr(minerRunningPh(), 4750)).toBeLessThan(1e-12);
      expect(relErr(minerOverheadUsd(), overhead)).toBeLessThan(1e-12);
      // the buffer from the spec: 90 days of overhead + interest (on today's outstanding) and amortisation due on
      // days t … t + 89; a final principal is excluded
      let due = 0;
      const inWindow = (d: string) => dayOf(d) >= t && dayOf(d) <= t + 89;
      for (let i = 1; i < tlDates.length; i++) if (inWindow(tlDates[i])) { due += (tlOut * 0.06 * daysBetween(tlDates[i - 1], tlDates[i])) / 365.25 + 2e6; windowsSeen.add(tlDates[i]); }
      if (inWindow(bdDates[1])) { due += (5e6 * 0.08 * daysBetween(bdDates[0], bdDates[1])) / 365.25; windowsSeen.add(bdDates[1]); }
      const buffer = 90 * overhead + due;
      const cashBefore = FIRM[CASH], btcBefore = FIRM[FREE_BTC];
      treasuryDay(t, p, minerOverheadUsd());
      if (cashBefore < buffer) {
        sales++;
        expect(relErr(FIRM[CASH], buffer)).toBeLessThan(1e-12);
        expect(relErr(btcBefore - FIRM[FREE_BTC], (buffer - cashBefore) / (p * price))).toBeLessThan(1e-9);
      } else expect(FIRM[CASH]).toBe(cashBefore);
      expect(marginDay(t, p)).toBe(false);
      expect(paymentsDay(t, p)).toBe(false);
      if (tlDates.slice(1).some((d) => dayOf(d) === t)) tlOut -= 2e6;
    }
    expect(windowsSeen).toEqual(new Set(['2026-05-31', '2026-08-31', '2026-11-30', '2026-09-15']));
    expect(sales).toBe(c.days); // cash falls every day, so the treasury sells every day
    expect(tlOut).toBe(8e6);
    expect(trancheOutstanding(0)).toBe(8e6);
    expect(trancheOutstanding(1)).toBe(0);
  });
});
