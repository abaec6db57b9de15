// Convertibles, equity, market access and refinancing (model-spec §10): conversion at the boundary, soft call,
// conditional put, refinancing only while markets are open, at-the-market equity within its quarterly cap, and the
// share-price process. Deterministic worlds (σ = 0) make each rule exact; the share process is checked in law.
import { describe, test, expect } from 'vitest';
import '../../src/model/portable-runtime';
import { compileScenario } from '../../src/model/compile';
import { makeKernelNode } from '../../src/engine/node';
import { createReferenceKernel } from '../../src/model/kernel';
import { seedPath } from '../../assembly/rng';
import { equityReset, equityDay, sharePrice } from '../../assembly/equity';
import * as L from '../../assembly/layout';
import { scenario } from './../helpers/fixture';
import { applyPatch, type Scenario } from '../../src/model/scenario';

const kernel = await makeKernelNode('wasm')();

/** A flat, deterministic world: BTC and the shares do not move (σ = 0, μ = 0, σ_idio = 0), no fleet. */
function world(patch: Record<string, unknown>, months = 36): Scenario {
  return scenario(applyPatch({
    run: { paths: 1, months, seed: 1 },
    market: { price: { sigma: 0, mu: 0 }, fees: { sdMonthly: 0, spikeProbMonthly: 0 } },
    miner: { fleet: [], costs: { sgaUsdPerQuarter: 0, sgaUsdPerQuarterPerEhs: 0, otherOpexUsdPerPhDay: 0 }, treasury: { cashUsd: 0, btc: 0 } },
    equity: { priceUsd: 10, sharesOutstanding: 100e6, beta: 1.5, sigmaIdio: 0 },
  }, patch));
}

function record(s: Scenario): Record<string, number> {
  kernel.load(compileScenario(s));
  kernel.simulate(0, 1);
  const r = kernel.records(1);
  return {
    day: r[L.R_DEFAULT_DAY], cause: r[L.R_CAUSE], tranche: r[L.R_TRANCHE], cash: r[L.R_CASH_T],
    conversions: r[L.R_CONVERSIONS], refinancings: r[L.R_REFINANCINGS], shares: r[L.R_SHARES_T], atm: r[L.R_ATM_USD],
  };
}

const conv = (extra: Record<string, unknown>) => ({ id: 'cv', type: 'convertible', principalUsd: 100e6, maturityDate: '2027-09-15', ...extra });

describe('conversion at maturity', () => {
  test('holders convert iff S × ratio > par: one part in 10⁹ above the conversion price converts, one below is repaid at par', () => {
    const above = record(world({ equity: { priceUsd: 10 * (1 + 1e-9) }, debt: [conv({ conversionPriceUsd: 10, settlement: 'physical' })] }));
    expect(above).toMatchObject({ day: 0, conversions: 1 });
    expect(above.shares).toBeCloseTo(100e6 + 100e6 / 10, 3); // par / conversion price new shares
    const below = record(world({ equity: { priceUsd: 10 * (1 - 1e-9) }, miner: { treasury: { cashUsd: 100e6 }, fleet: [], costs: { sgaUsdPerQuarter: 0, sgaUsdPerQuarterPerEhs: 0, otherOpexUsdPerPhDay: 0 } }, debt: [conv({ conversionPriceUsd: 10, settlement: 'physical' })] }));
    expect(below).toMatchObject({ day: 0, conversions: 0, shares: 100e6 });
    expect(below.cash).toBeCloseTo(0, 3); // par paid from cash
  });

  test('settlement: physical issues par/conversion price shares, cash pays the conversion value, net_share pays par plus shares for the excess', () => {
    const S = 12.5, K = 10, par = 100e6;
    const cash = 200e6;
    const base = (settlement: string) => record(world({
      equity: { priceUsd: S }, miner: { treasury: { cashUsd: cash }, fleet: [], costs: { sgaUsdPerQuarter: 0, sgaUsdPerQuarterPerEhs: 0, otherOpexUsdPerPhDay: 0 } },
      debt: [conv({ conversionPriceUsd: K, settlement })],
    }));
    const physical = base('physical'), inCash = base('cash'), net = base('net_share');
    expect(physical.cash).toBeCloseTo(cash, 2);
    expect(physical.shares - 100e6).toBeCloseTo(par / K, 3);
    expect(inCash.cash).toBeCloseTo(cash - par * S / K, 2);
    expect(inCash.shares).toBe(100e6);
    expect(net.cash).toBeCloseTo(cash - par, 2);
    expect(net.shares - 100e6).toBeCloseTo((par * S / K - par) / S, 3);
  });

  test('a convertible without a conversion price is a bullet bond at par (the §9 stress view)', () => {
    const r = record(world({ equity: { priceUsd: 50 }, debt: [conv({})] }));
    expect(r).toMatchObject({ cause: L.CAUSE_MATURITY, conversions: 0 });
  });
});

describe('soft call and puts', () => {
  test('the issuer calls once S ≥ 130 % of the conversion price on 20 of the last 30 days, from the call date — not at 129 %', () => {
    const called = record(world({ equity: { priceUsd: 13.01 }, debt: [conv({ conversionPriceUsd: 10, softCallDate: '2026-06-01', settlement: 'physical', maturityDate: '2028-06-15' })] }));
    expect(called).toMatchObject({ day: 0, conversions: 1 });
    const notCalled = record(world({ equity: { priceUsd: 12.9 }, miner: { treasury: { cashUsd: 150e6 }, fleet: [], costs: { sgaUsdPerQuarter: 0, sgaUsdPerQuarterPerEhs: 0, otherOpexUsdPerPhDay: 0 } }, debt: [conv({ conversionPriceUsd: 10, softCallDate: '2026-06-01', settlement: 'physical', maturityDate: '2028-06-15' })] }));
    // Not called: at maturity S = 12.9 > 10, holders convert then.
    expect(notCalled).toMatchObject({ day: 0, conversions: 1 });
    const neverCalledBeforeDate = record(world({ equity: { priceUsd: 13.01 }, debt: [conv({ conversionPriceUsd: 10, softCallDate: '2028-01-01', settlement: 'physical', maturityDate: '2028-06-15' })] }, 18));
    expect(neverCalledBeforeDate.conversions).toBe(0); // horizon (18 months) ends before the call date
  });

  test('a conditional put is exercised only while S < conversion price; an unpaid put defaults with cause `put` on the put date', () => {
    const putDate = '2027-06-01';
    const dayOfPut = Math.round((Date.parse(putDate) - Date.parse('2026-03-22')) / 86_400_000);
    const exercised = record(world({ equity: { priceUsd: 8 }, debt: [conv({ conversionPriceUsd: 10, putDate, putConditional: true })] }));
    expect(exercised).toMatchObject({ day: dayOfPut, cause: L.CAUSE_PUT, tranche: 0 });
    const notExercised = record(world({ equity: { priceUsd: 10.5 }, debt: [conv({ conversionPriceUsd: 10, putDate, putConditional: true, settlement: 'physical' })] }));
    expect(notExercised).toMatchObject({ day: 0, conversions: 1 }); // kept to maturity, then converted into shares
    // Net-share settlement pays par in cash even on conversion: without cash that is a maturity default.
    const netShare = record(world({ equity: { priceUsd: 10.5 }, debt: [conv({ conversionPriceUsd: 10, putDate, putConditional: true, settlement: 'net_share' })] }));
    expect(netShare).toMatchObject({ cause: L.CAUSE_MATURITY, conversions: 1 });
  });

  test('a put paid from cash closes the tranche: no later coupon or principal is due', () => {
    const r = record(world({ equity: { priceUsd: 8 }, miner: { treasury: { cashUsd: 110e6 }, fleet: [], costs: { sgaUsdPerQuarter: 0, sgaUsdPerQuarterPerEhs: 0, otherOpexUsdPerPhDay: 0 } },
      debt: [conv({ conversionPriceUsd: 10, putDate: '2027-06-01', couponRate: 0.02, paymentsPerYear: 2 })] }));
    expect(r.day).toBe(0);
    expect(r.cash).toBeGreaterThan(0);
    expect(r.cash).toBeLessThan(10e6); // 110M − 100M par − coupons paid before the put
  });
});

describe('market access and refinancing', () => {
  const unpaid = (markets: Record<string, unknown>, price: Record<string, unknown> = {}) => record(world({
    market: { price: { sigma: 0, mu: 0, ...price }, fees: { sdMonthly: 0, spikeProbMonthly: 0 } },
    capitalMarkets: markets,
    equity: { priceUsd: 8, sharesOutstanding: 100e6, beta: 1.5, sigmaIdio: 0 },
    debt: [conv({ conversionPriceUsd: 10, maturityDate: '2027-03-15' })],
  }));

  test('an unpaid maturity is refinanced while markets are open (BTC within 50 % of its peak, no net debt against EBITDA)', () => {
    // No fleet: EBITDA is 0, so leverage is fine only without net debt — give the firm no other debt and let the
    // maturing note be the only one: net debt = 100M > 0 with EBITDA 0 closes the market. Open it with cash.
    const closed = unpaid({ refinancing: true });
    expect(closed).toMatchObject({ cause: L.CAUSE_MATURITY, refinancings: 0 });
    const open = unpaid({ refinancing: true, maxNetDebtToEbitda: 100 }, {});
    expect(open.refinancings).toBe(0); // still closed: EBITDA 0 ⇒ leverage infinite
  });

  test('with a profitable fleet and BTC near its peak the market is open and the maturity is refinanced; after a 50 % fall it is not', () => {
    // The default fleet on $20/MWh power earns ≈ $70M EBITDA a year: $300M of net debt is < 6× EBITDA.
    const firm = (mu: number) => record(scenario({
      run: { paths: 1, months: 24, seed: 1 },
      market: { price: { sigma: 0, mu }, fees: { sdMonthly: 0, spikeProbMonthly: 0 } },
      network: { model: 'exogenous', exogenous: { driftPerEpoch: 0, sdPerEpoch: 0 } },
      miner: { power: { contractUsdPerMwh: 20, spot: { meanUsdPerMwh: 20, sigma: 0, shockProbPerYear: 0 } }, treasury: { cashUsd: 0, btc: 0 } },
      capitalMarkets: { refinancing: true },
      equity: { priceUsd: 8, sigmaIdio: 0 },
      debt: [{ id: 'cv', type: 'convertible', principalUsd: 300e6, maturityDate: '2027-09-15', conversionPriceUsd: 10 }],
    }));
    const open = firm(0);
    expect(open).toMatchObject({ day: 0, refinancings: 1 });
    const falling = firm(-0.5); // BTC falls ≈ 50 % by the maturity, to about 27 % of its $124,824 peak
    expect(falling).toMatchObject({ cause: L.CAUSE_MATURITY, refinancings: 0 });
  });
});

describe('at-the-market equity', () => {
  test('shares are sold to restore the buffer while markets are open, at most 5 % of market capitalisation a quarter', () => {
    // A profitable firm with no cash and a large coupon inside its 90-day buffer window: the buffer cannot be met
    // from mining alone, so equity is sold, up to the quarterly cap.
    const s = scenario({
      run: { paths: 1, months: 6, seed: 1 },
      market: { price: { sigma: 0, mu: 0 }, fees: { sdMonthly: 0, spikeProbMonthly: 0 } },
      network: { model: 'exogenous', exogenous: { driftPerEpoch: 0, sdPerEpoch: 0 } },
      miner: { power: { contractUsdPerMwh: 20, spot: { meanUsdPerMwh: 20, sigma: 0, shockProbPerYear: 0 } }, treasury: { cashUsd: 0, btc: 0 } },
      capitalMarkets: { atmEquity: true },
      equity: { priceUsd: 10, sharesOutstanding: 100e6, sigmaIdio: 0 },
      debt: [{ id: 'bond', type: 'bond', principalUsd: 200e6, couponRate: 0.2, paymentsPerYear: 2, maturityDate: '2029-06-01' }],
    });
    const r = record(s);
    // Market cap $1B ⇒ at most $50M a quarter; 6 months touch at most three quarter windows.
    expect(r.day).toBe(0);
    expect(r.atm).toBeGreaterThan(0);
    expect(r.atm).toBeLessThanOrEqual(3 * 0.05 * 10 * 100e6 * (1 + 1e-12));
    expect(r.shares - 100e6).toBeCloseTo(r.atm / (10 * 0.97), 0);
    // Without market access nothing is sold.
    const off = record(scenario({ ...s, capitalMarkets: { ...s.capitalMarkets, atmEquity: false } }));
    expect(off.atm).toBe(0);
  });
});

describe('share price', () => {
  test('with σ_idio = 0 the share price is S₀(P_t/P₀)^β: conversion at maturity flips exactly where that crosses the conversion price', () => {
    // Deterministic part: with σ_idio 0 and BTC drifting, the physical conversion count at maturity flips exactly
    // where S₀(P_T/P₀)^β crosses the conversion price.
    const T = 544 / 365.25; // days to 2027-09-17 − 2026-03-22 = 544; maturity 2027-09-15 is day 542
    const mu = 0.1;
    const sT = 10 * Math.exp(1.5 * mu * (542 / 365.25));
    const k = (factor: number) => record(world({ market: { price: { sigma: 0, mu }, fees: { sdMonthly: 0, spikeProbMonthly: 0 } }, debt: [conv({ conversionPriceUsd: sT * factor, settlement: 'physical' })] }));
    expect(k(1 - 1e-9).conversions).toBe(1);
    expect(k(1 + 1e-9).conversions).toBe(0);
    expect(T).toBeGreaterThan(1);
  });

  test('the idiosyncratic part of ln(S_T/S₀) has mean −σ²T/2 and variance σ²T (4·SE, 20,000 paths of 365 days)', () => {
    const ref = createReferenceKernel();
    ref.load(compileScenario(world({ equity: { sigmaIdio: 0.5 }, debt: [conv({ conversionPriceUsd: 10 })] })));
    const n = 20_000, days = 365, sigma = 0.5, T = days / 365.25;
    let sum = 0, sum2 = 0, sum4 = 0;
    const xs = new Float64Array(n);
    for (let p = 0; p < n; p++) {
      seedPath(7, p);
      equityReset();
      for (let t = 0; t < days; t++) equityDay(0);
      xs[p] = Math.log(sharePrice() / 10);
      sum += xs[p];
    }
    const mean = sum / n;
    for (const x of xs) { sum2 += (x - mean) ** 2; sum4 += (x - mean) ** 4; }
    const variance = sum2 / (n - 1);
    const seMean = Math.sqrt(variance / n);
    const seVar = Math.sqrt((sum4 / n - variance * variance) / n);
    expect(Math.abs(mean - -0.5 * sigma * sigma * T)).toBeLessThan(4 * seMean);
    expect(Math.abs(variance - sigma * sigma * T)).toBeLessThan(4 * seVar);
    expect(4 * seVar).toBeLessThan(0.05 * sigma * sigma * T); // the check would catch a 5 % error in σ²
  });
});
