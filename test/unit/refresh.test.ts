// Fleet refresh (model-spec §10; docs/model.md "Fleet refresh"): the ASIC price and the frontier, delivery lags, hash
// degradation, economic retirement and sales, the holdShare and budget policies with their funding, and `none`
// leaving every result bitwise unchanged. Deterministic worlds (σ = 0, fixed fees and spot, exogenous network) give
// closed forms; white-box checks drive the portable kernel modules (the TypeScript twin) day by day in the order of
// assembly/simulate.ts; whole runs use the wasm kernel.
import '../../src/model/portable-runtime';
import { describe, expect, it } from 'vitest';
import { compileScenario, type CompiledScenario } from '../../src/model/compile';
import { createReferenceKernel, type Kernel } from '../../src/model/kernel';
import { makeKernelNode, createNodeEngine } from '../../src/engine/node';
import type { Scenario } from '../../src/model/scenario';
import { START } from '../../src/model/start-state';
import { P, G, FIRM, CASH, FREE_BTC } from '../../assembly/params';
import * as L from '../../assembly/layout';
import { exp } from '../../assembly/mathx';
import { seedPath } from '../../assembly/rng';
import { marketReset, marketStep, priceShock } from '../../assembly/market';
import { networkReset, networkDay, networkBtcPerPhDay, networkHashrateEhs } from '../../assembly/network';
import { minerReset, minerDay, minerRunningPh, minerOverheadUsd } from '../../assembly/miner';
import { capitalReset, treasuryDay, marginDay, paymentsDay } from '../../assembly/capital';
import {
  refreshReset, refreshDay, refreshRecord, refreshUneconomic, refreshBufferUsd, refreshFacilityUsd, fleetRowCount,
  fleetNameplateEhs, frontierJPerTh, frontierAsicUsdPerTh, asicUsdPerTh, FLEET_ARRIVE, FLEET_RETIRE, G_HASH0_EHS,
} from '../../assembly/refresh';
import { scenario } from '../helpers/fixture';

const DAY_MS = 86_400_000;
const dayOf = (d: string) => Math.round((Date.parse(`${d}T00:00:00Z`) - Date.parse(`${START.date}T00:00:00Z`)) / DAY_MS);
const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);
const hash = (g: number) => G[g * L.G_STRIDE + L.G_HASH_EHS];
const jPerTh = (g: number) => G[g * L.G_STRIDE + L.G_JPTH];
const SGA_DAY = 6e6 / 91.3125;
const SGA_EHS_DAY = 0.3e6 / 91.3125;
const UPTIME = 0.93;

function merge(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    out[k] = v && typeof v === 'object' && !Array.isArray(v) && prev && typeof prev === 'object' && !Array.isArray(prev)
      ? merge(prev as Record<string, unknown>, v as Record<string, unknown>) : v;
  }
  return out;
}
/** σ = 0, μ = 0, fixed fees and spot; an exogenous network whose log difficulty rises by `drift` at each retarget. */
const deterministic = (drift: number) => ({
  market: { price: { model: 'gbm', mu: 0, sigma: 0 }, fees: { sdMonthly: 0, spikeProbMonthly: 0 } },
  network: { model: 'exogenous', exogenous: { driftPerEpoch: drift, sdPerEpoch: 0 } },
  miner: { power: { spot: { sigma: 0, shockProbPerYear: 0 } } },
});
const world = (drift: number, ...patches: Record<string, unknown>[]): Scenario =>
  scenario(patches.reduce(merge, deterministic(drift) as Record<string, unknown>));
const refresh = (r: Record<string, unknown>) => ({ miner: { refresh: r } });

const kernel = createReferenceKernel();

interface Hooks {
  /** After refreshDay(t) (purchases, sales, degradation), before operations. */
  afterRefresh?: (t: number, price: number) => void;
  /** After the day's operations, treasury and payments. */
  afterDay?: (t: number, price: number) => void;
}

/** Path 0 of a scenario, day by day, through the portable modules in assembly/simulate.ts's order. */
function drive(s: Scenario, hooks: Hooks = {}): CompiledScenario {
  const c = compileScenario(s);
  kernel.load(c);
  seedPath(c.seed | 0, 0);
  marketReset();
  networkReset(P[L.P_PRICE0]);
  minerReset();
  capitalReset();
  refreshReset();
  FIRM[CASH] = P[L.P_CASH0];
  FIRM[FREE_BTC] = P[L.P_BTC0];
  for (let t = 1; t <= c.days; t++) {
    const price = exp(marketStep());
    networkDay(t, price);
    refreshDay(t, price, networkBtcPerPhDay());
    hooks.afterRefresh?.(t, price);
    minerDay(t, price, networkBtcPerPhDay(), priceShock(), P[L.P_CAP_MW]);
    treasuryDay(t, price, minerOverheadUsd());
    if (marginDay(t, price) || paymentsDay(t, price)) throw new Error(`default on day ${t}`);
    hooks.afterDay?.(t, price);
  }
  return c;
}

/** First days of months 1 … months (purchases and facility payments happen on them). */
const monthStarts = (c: CompiledScenario) => Array.from({ length: c.months }, (_, i) => c.monthEnd[i] + 1);

describe('ASIC price and the frontier (§10)', () => {
  const B = 25e6;
  const s = (days: number) => world(0, { run: { months: 1 } }, refresh({ policy: 'budget', budgetUsdPerQuarter: B, asicPriceDaysOfHashprice: days }),
    { miner: { treasury: { cashUsd: 1e9 }, power: { capacityMw: 2000 } }, debt: [] });

  it('prices a frontier TH at max(floor, days × hashprice per TH per day), older generations by the efficiency ratio', () => {
    let seen = 0;
    drive(s(300), {
      afterRefresh(t, price) {
        const hpPerThDay = (price * networkBtcPerPhDay()) / 1000;
        expect(frontierAsicUsdPerTh()).toBe(Math.max(8, (300 * price * networkBtcPerPhDay()) / 1000));
        expect(300 * hpPerThDay).toBeGreaterThan(8); // $32/PH/day at the start: $9.66/TH, above the floor
        expect(rel(frontierJPerTh(), 13.5 * 0.85 ** (t / 365.25))).toBeLessThan(1e-13);
        const pF = frontierAsicUsdPerTh();
        expect(rel(asicUsdPerTh(17.5), (pF * frontierJPerTh()) / 17.5)).toBeLessThan(1e-15);
        expect(rel(asicUsdPerTh(21.5), (pF * frontierJPerTh()) / 21.5)).toBeLessThan(1e-15);
        expect(asicUsdPerTh(9.5)).toBe(pF); // better than the frontier: never above the frontier price
        seen++;
      },
    });
    expect(seen).toBe(31);
  });

  it('applies the floor when days × hashprice is below it', () => {
    drive(s(200), {
      afterRefresh(t, price) {
        expect((200 * price * networkBtcPerPhDay()) / 1000).toBeLessThan(8);
        expect(frontierAsicUsdPerTh()).toBe(8);
      },
    });
  });

  it('buys at that price: a new generation at the frontier J/TH of the purchase day', () => {
    let pF = 0, jF = 0;
    drive(s(300), { afterRefresh(t) { if (t === 1) { pF = frontierAsicUsdPerTh(); jF = frontierJPerTh(); } } });
    const nGen = 2;
    expect(fleetRowCount()).toBe(nGen + 1);
    expect(jPerTh(nGen)).toBe(jF);
    expect(FLEET_ARRIVE[nGen]).toBe(91);
    expect(refreshRecord(0)).toBe(B);
    // Bought on day 1, delivered on day 91, degraded from then on: not yet in service at the end of month 1.
    expect(rel(B / (1e6 * pF), hash(nGen))).toBeLessThan(1e-15);
  });
});

describe('delivery and degradation', () => {
  const B = 25e6;
  const s = world(0, { run: { months: 49 } }, refresh({ policy: 'budget', budgetUsdPerQuarter: B, uneconomicDaysToRetire: 0 }),
    { miner: { fleet: [{ hashrateEhs: 10, efficiencyJPerTh: 17.5 }], treasury: { cashUsd: 2e9 }, power: { capacityMw: 5000, contractUsdPerMwh: 5, hedgedShare: 1 } }, debt: [] });
  const running: number[] = [];
  const h0: number[] = [];
  const h1: number[] = [];
  const arrive: number[] = [];
  const c = drive(s, {
    afterDay(t) {
      running[t] = minerRunningPh();
      h0[t] = hash(0);
      h1[t] = hash(1);
      arrive[t] = FLEET_ARRIVE[1];
    },
  });
  const quarterStarts = monthStarts(c).filter((_, i) => i % 3 === 0);
  // Module state is shared by every describe block (collected before any test runs): keep a copy.
  const arrivals = Array.from(FLEET_ARRIVE.slice(1, fleetRowCount()));

  it('machines bought on day d first run on day d + deliveryDays', () => {
    expect(quarterStarts[0]).toBe(1);
    expect(arrive[1]).toBe(91);
    // Cheap power, ample capacity: everything delivered runs; the new row only from day 91.
    expect(rel(running[90], 1000 * UPTIME * h0[90])).toBeLessThan(1e-14);
    expect(rel(running[91], 1000 * UPTIME * (h0[91] + h1[91]))).toBeLessThan(1e-14);
    expect(h1[91]).toBeGreaterThan(0);
    // Every quarter's purchase: a row whose arrival is its purchase day + 90.
    expect(arrivals).toEqual(quarterStarts.map((d) => d + 90));
  });

  it('degrades every generation by exactly degradationPerYear a year (2 %): 0.98^(t/365.25) from day 0 or delivery', () => {
    for (const t of [1, 365, 731, 1000, 1461]) expect(rel(h0[t], 10 * 0.98 ** (t / 365.25))).toBeLessThan(1e-12);
    expect(rel(h0[1461], 10 * 0.98 ** 4)).toBeLessThan(1e-12); // 1461 days = 4 years
    const bought = h1[91];
    for (const t of [92, 456, 1461]) expect(rel(h1[t], bought * 0.98 ** ((t - 91) / 365.25))).toBeLessThan(1e-12);
  });
});

describe('economic retirement and sales of retired machines', () => {
  it('retires a generation on its 90th consecutive uneconomic day; an economic day restarts the count', () => {
    const c = compileScenario(world(0, refresh({ policy: 'budget', budgetUsdPerQuarter: 0 })));
    kernel.load(c);
    minerReset();
    refreshReset();
    FIRM[CASH] = 0;
    const never = FLEET_RETIRE[0];
    for (let t = 1; t <= 89; t++) refreshUneconomic(0, t, true);
    refreshUneconomic(0, 90, false);
    for (let t = 91; t <= 179; t++) refreshUneconomic(0, t, true);
    expect(FLEET_RETIRE[0]).toBe(never);
    expect(hash(0)).toBe(15);
    refreshUneconomic(0, 180, true); // the 90th in a row
    expect(FLEET_RETIRE[0]).toBe(181); // runs on days t < 181: the retirement day is the last it counts
    expect(hash(0)).toBe(0);
    // Sold at the ASIC price of the day for its efficiency (here the reset state: floor × 13.5/17.5).
    expect(rel(FIRM[CASH], 15 * 1e6 * 8 * (13.5 / 17.5))).toBeLessThan(1e-15);
  });

  it('after the halving the default fleet is uneconomic: S19 XP sold on its retireDate, S21 retired 90 days after', () => {
    // Deterministic default firm: day 752 is the halving's time-weighted day (both generations still clear it),
    // from day 753 both are below their switch-off price (ledger.test.ts).
    const s = world(0, { run: { months: 30 } }, refresh({ policy: 'budget', budgetUsdPerQuarter: 0 }), { debt: [] });
    const xpRetire = dayOf('2028-06-30');
    const cashAfterRefresh: number[] = [];
    const cashAfterDay: number[] = [];
    const retireS21: number[] = [];
    const overhead: number[] = [];
    let xpSale = 0, s21Sale = 0;
    drive(s, {
      afterRefresh(t) {
        cashAfterRefresh[t] = FIRM[CASH];
        // Row 1 (S19 XP) is sold on its retirement date at that day's price for 21.5 J/TH (after refreshDay's sale,
        // its hashrate is still in G: the value it was sold for).
        if (t === xpRetire) xpSale = hash(1) * 1e6 * frontierAsicUsdPerTh() * (frontierJPerTh() / 21.5);
        if (t === 842) s21Sale = hash(0) * 1e6 * asicUsdPerTh(17.5);
      },
      afterDay(t) {
        cashAfterDay[t] = FIRM[CASH];
        retireS21[t] = FLEET_RETIRE[0];
        overhead[t] = minerOverheadUsd();
      },
    });
    expect(xpRetire).toBeLessThan(842);
    expect(rel(cashAfterRefresh[xpRetire] - cashAfterDay[xpRetire - 1], xpSale)).toBeLessThan(1e-9);
    expect(retireS21[841]).toBe(dayOf('2029-12-31'));
    expect(retireS21[842]).toBe(843); // uneconomic days 753 … 842: the 90th is day 842
    expect(hash(0)).toBe(0);
    // Day 842: nothing runs, the S21 generation is sold; cash moves by the sale less the day's overhead.
    expect(rel(cashAfterDay[842] - cashAfterRefresh[842], s21Sale - overhead[842])).toBeLessThan(1e-9);
    expect(refreshRecord(1)).toBe(0); // nothing in service at the end
  });
});

describe('holdShare keeps the share of network hashrate', () => {
  // Network +1 % per epoch (≈ +30 %/yr), flat price, cheap power and ample capacity and cash: the only limits are the
  // delivery lag and degradation. Derived band for the nameplate share s(t) at a month end t: the fleet in service
  // is what the last check c* ≤ t − 90 ordered, the start share of H_c*·H_c*/H_{c*−90}, degraded for at most t − c*
  // ≤ 121 days; with n₁ ∈ {6, 7} retargets in (c* − 90, c*] and n₂ ∈ {6 … 9} in (c*, t] (one every 14 days),
  // s(t)/s₀ = e^{δ(n₁ − n₂)}·degradation ∈ [e^{−3δ}·0.98^{121/365.25}, e^{δ}], once c* > 90.
  const delta = 0.01;
  const base = { run: { months: 60 }, debt: [], miner: { fleet: [{ hashrateEhs: 20, efficiencyJPerTh: 17.5 }], treasury: { cashUsd: 1e10 }, power: { capacityMw: 100_000, contractUsdPerMwh: 5, hedgedShare: 1 } } };
  const share = (policy: string) => {
    const out: number[] = [];
    const c = drive(world(delta, base, refresh({ policy, budgetUsdPerQuarter: 0 })), {
      afterDay(t) { out[t] = fleetNameplateEhs(t) / networkHashrateEhs(); },
    });
    return { c, out, rows: fleetRowCount(), capex: refreshRecord(0) };
  };
  const hold = share('holdShare');
  const none = share('none');
  const s0 = 20 / ((START.difficulty * 2 ** 32) / 600 / 1e18);

  it('stays within the derived band once the first forecast orders are delivered', () => {
    const starts = monthStarts(hold.c);
    const lo = Math.exp(-3 * delta) * 0.98 ** (121 / 365.25);
    const hi = Math.exp(delta);
    let checked = 0;
    for (let m = 1; m <= 60; m++) {
      const t = hold.c.monthEnd[m];
      const cStar = starts.filter((d) => d <= t - 90).at(-1);
      if (cStar === undefined || cStar <= 90) continue;
      const r = hold.out[t] / s0;
      expect(r, `month ${m}`).toBeGreaterThanOrEqual(lo);
      expect(r, `month ${m}`).toBeLessThanOrEqual(hi);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(53);
    // More than MAX_GEN − 1 purchases: rows were merged (hashrate and power kept), never more than MAX_GEN.
    expect(hold.rows).toBe(L.MAX_GEN);
    expect(hold.capex).toBeGreaterThan(0);
  });

  it('without refresh the share melts: e^{−δ·retargets}, far below holdShare', () => {
    const t = hold.c.monthEnd[60];
    expect(none.out[t] / s0).toBeLessThan(0.3);
    expect(hold.out[t]).toBeGreaterThan(3 * none.out[t]);
  });

  it('purchased machines count in the monthly minerShare and btcMinedPerMonth outputs', async () => {
    const engine = createNodeEngine({ workers: 0 });
    const run = (policy: string) => engine.run(world(delta, base, refresh({ policy }), { run: { paths: 20, months: 60 } }) as never);
    const [a, b] = [await run('holdShare'), await run('none')];
    engine.dispose();
    const sa = a.samplePaths[0].series, sb = b.samplePaths[0].series;
    // Everything runs (cheap power, ample capacity): running share = uptime × nameplate share.
    const t = hold.c.monthEnd[60];
    expect(rel(sa.minerShare[60]!, UPTIME * hold.out[t])).toBeLessThan(1e-12);
    expect(rel(sb.minerShare[60]!, UPTIME * none.out[t])).toBeLessThan(1e-12);
    expect(sa.btcMinedPerMonth[60]!).toBeGreaterThan(3 * sb.btcMinedPerMonth[60]!);
  });
});

describe('budget spends its quarterly amount from cash above the buffer, or from a facility', () => {
  const B = 25e6;
  const roomy = { run: { months: 12 }, debt: [], miner: { treasury: { cashUsd: 1e9 }, power: { capacityMw: 5000 } } };

  it('spends exactly the budget at the start of each quarter when cash allows', () => {
    const spent: number[] = [];
    let prev = 0;
    const c = drive(world(0, roomy, refresh({ policy: 'budget', budgetUsdPerQuarter: B })), {
      afterRefresh(t) { if (refreshRecord(0) !== prev) spent.push(t, refreshRecord(0) - prev); prev = refreshRecord(0); },
    });
    const q = monthStarts(c).filter((_, i) => i % 3 === 0);
    expect(spent).toEqual(q.flatMap((d) => [d, B]));
    expect(refreshRecord(0)).toBe(4 * B);
  });

  it('never takes cash below the treasury buffer: with little cash it spends cash − buffer, no more', () => {
    // $20M of cash and a 10 % quarterly bond: the buffer is 90 days of overhead (every machine counted as running)
    // plus the coupon due within 90 days.
    const bond = { id: 'b', type: 'bond', principalUsd: 100e6, couponRate: 0.1, paymentsPerYear: 4, maturityDate: '2028-06-30' };
    const s = world(0, roomy, { debt: [bond], miner: { treasury: { cashUsd: 20e6 } } }, refresh({ policy: 'budget', budgetUsdPerQuarter: B }));
    const coupons = ['2025-12-30', '2026-03-30', '2026-06-30', '2026-09-30', '2026-12-30', '2027-03-30', '2027-06-30'];
    const couponDue = (t: number) => coupons.slice(1).reduce((a, d, i) => {
      const day = dayOf(d);
      return day >= t && day <= t + 89 ? a + (100e6 * 0.1 * (dayOf(d) - dayOf(coupons[i]))) / 365.25 : a;
    }, 0);
    const seen: { t: number; cash: number; buffer: number; own: number; spent: number }[] = [];
    let prev = 0;
    drive(s, {
      afterRefresh(t) {
        if (refreshRecord(0) === prev) return;
        const np = fleetNameplateEhs(t);
        const own = 90 * (SGA_DAY + SGA_EHS_DAY * np + 2 * np * 1000 * UPTIME) + couponDue(t);
        seen.push({ t, cash: FIRM[CASH], buffer: refreshBufferUsd(t), own, spent: refreshRecord(0) - prev });
        prev = refreshRecord(0);
      },
    });
    expect(seen.length).toBeGreaterThanOrEqual(2);
    for (const x of seen) {
      expect(rel(x.buffer, x.own), `day ${x.t}`).toBeLessThan(1e-12);
      expect(x.cash, `day ${x.t}`).toBeGreaterThanOrEqual(x.buffer - 1e-6);
      expect(x.spent).toBeLessThanOrEqual(B);
    }
    expect(seen[0].t).toBe(1);
    expect(seen[0].spent).toBeLessThan(B); // cash-limited on day 1: ≈ $20M − $17.6M
    expect(rel(seen[0].cash, seen[0].buffer)).toBeLessThan(1e-12);
  });

  it('a facility pays for the machines, then takes interest and 1/termMonths of each draw every month', () => {
    const s = world(0, roomy, { run: { months: 2 } }, refresh({ policy: 'budget', budgetUsdPerQuarter: B, funding: 'facility', facility: { rate: 0.12, termMonths: 36 } }));
    const afterRefresh: number[] = [];
    const afterDay: number[] = [1e9];
    const c = drive(s, {
      afterRefresh(t) { afterRefresh[t] = FIRM[CASH]; },
      afterDay(t) { afterDay[t] = FIRM[CASH]; },
    });
    const second = c.monthEnd[1] + 1;
    expect(refreshRecord(0)).toBe(B);
    expect(afterRefresh[1]).toBe(1e9); // day 1: drawn on the facility, no cash paid
    const paid = afterDay[second - 1] - afterRefresh[second];
    expect(rel(paid, (B * 0.12 * (second - 1)) / 365.25 + B / 36)).toBeLessThan(1e-12);
    expect(rel(refreshFacilityUsd(), B - B / 36)).toBeLessThan(1e-15);
  });

  it('stops at the power capacity when limitToPowerCapacity is on', () => {
    // 20 EH/s at 17.5 and 21.5 J/TH draw 344 MW at uptime 0.93: 56 MW left under 400 MW.
    const s = world(0, roomy, { miner: { power: { capacityMw: 400 } } }, refresh({ policy: 'budget', budgetUsdPerQuarter: 1e9 }));
    const spent: number[] = [];
    let prev = 0;
    drive(s, {
      afterRefresh(t) {
        if (t === 1) {
          // Day 1's purchase fills the capacity exactly: (400 MW − the fleet's draw at uptime) ÷ (uptime × frontier J/TH).
          const mw = (hash(0) * 17.5 + hash(1) * 21.5) * UPTIME;
          expect(mw).toBeGreaterThan(340);
          expect(rel(hash(2), (400 - mw) / (UPTIME * frontierJPerTh()))).toBeLessThan(1e-12);
        }
        if (refreshRecord(0) !== prev) spent.push(refreshRecord(0) - prev);
        prev = refreshRecord(0);
      },
    });
    // Later quarters only replace what degradation freed (≈ 0.5 % of 400 MW a quarter), never the $1B budget.
    expect(spent.length).toBe(4);
    for (const x of spent.slice(1)) expect(x).toBeLessThan(0.05 * spent[0]);
  });
});

describe('policy none changes nothing, and paths do not leak state into each other', () => {
  const CHANGED = refresh({
    policy: 'none', budgetUsdPerQuarter: 1e9, funding: 'facility', facility: { rate: 0.5, termMonths: 3, limitUsd: 1e12 },
    frontierJPerThAtStart: 5, frontierImprovementPerYear: 0.5, asicPriceDaysOfHashprice: 10, asicPriceFloorUsdPerTh: 1,
    degradationPerYear: 0.4, uneconomicDaysToRetire: 1, deliveryDays: 0, limitToPowerCapacity: false,
  });
  const HOLD = refresh({ policy: 'holdShare', funding: 'facility', limitToPowerCapacity: false });
  const runAll = (k: Kernel, s: Scenario, chunks: number[]) => {
    const c = compileScenario(s);
    k.load(c);
    const recs: number[] = [];
    let first = 0;
    for (const n of chunks) {
      k.simulate(first, n);
      recs.push(...k.records(n));
      first += n;
    }
    return { recs, hist: Array.from(k.histograms()), samples: Array.from(k.samples()), g: Array.from(G) };
  };
  const same = (a: number[], b: number[]) => a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
  const sc = (patch: object) => scenario({ ...patch, run: { paths: 256, months: 60, seed: 3 } });

  it('with policy none the refresh fields change nothing but the fleet\'s value at default (ASIC pricing): records, histograms and sample paths bitwise equal', async () => {
    const wasm = await makeKernelNode('wasm')();
    const a = runAll(wasm, sc({}), [256]);
    const b = runAll(wasm, sc(CHANGED), [256]);
    // The ASIC price inputs also value the fleet in a default (recovery, docs/model.md §7b): mask those slots.
    const recovery = [L.R_ESTATE_USD, L.R_UNSECURED_RECOVERY, L.R_CLAIMS_USD, L.R_LOSS_USD];
    const masked = (r: ArrayLike<number>) => Array.from(r, (x, i) => (recovery.includes(i % L.R_STRIDE) ? 0 : x));
    expect(same(masked(a.recs), masked(b.recs))).toBe(true);
    let valued = 0;
    for (let q = 0; q < 256; q++) if (a.recs[q * L.R_STRIDE + L.R_ESTATE_USD] !== b.recs[q * L.R_STRIDE + L.R_ESTATE_USD]) valued++;
    expect(valued).toBeGreaterThan(0); // defaults happen, and the fleet is valued at the changed ASIC price
    expect(same(a.hist, b.hist)).toBe(true);
    expect(same(a.samples, b.samples)).toBe(true);
    // The refresh record of a static fleet: no capex; nameplate at the end (or at default) of the generations left.
    for (let q = 0; q < 256; q++) expect(a.recs[q * L.R_STRIDE + L.R_REFRESH_BASE]).toBe(0);
  });

  it('the host fleet rows are restored at every path start: chunking and an earlier run change nothing', async () => {
    const ts = createReferenceKernel();
    const fresh = runAll(ts, sc(HOLD), [256]);
    const chunked = runAll(ts, sc(HOLD), [100, 156]);
    expect(same(fresh.recs, chunked.recs)).toBe(true);
    // A none run after a holdShare run equals one on a fresh kernel; its G rows are the compiled ones.
    const after = runAll(ts, sc({}), [256]);
    const used = await makeKernelNode('wasm')();
    runAll(used, sc(HOLD), [256]);
    const reused = runAll(used, sc({}), [256]);
    const freshNone = runAll(await makeKernelNode('wasm')(), sc({}), [256]);
    expect(same(after.recs, freshNone.recs)).toBe(true);
    expect(same(reused.recs, freshNone.recs)).toBe(true);
    const c = compileScenario(sc({}));
    expect(after.g.slice(0, c.G.length)).toEqual(Array.from(c.G));
    expect(c.G[G_HASH0_EHS]).toBe(15);
    // holdShare bought machines on most paths.
    let buyers = 0;
    for (let q = 0; q < 256; q++) if (fresh.recs[q * L.R_STRIDE + L.R_REFRESH_BASE] > 0) buyers++;
    expect(buyers).toBeGreaterThan(200);
  });
});
