// Recovery at default and credit outputs (model-spec §10): the waterfall pays secured creditors from their
// collateral first, then the senior unsecured pool pari passu, and conserves value; LGD, expected loss, the
// PD-implied spread and rating band follow from the paths; breakevens from the start state.
import { describe, test, expect } from 'vitest';
import '../../src/model/portable-runtime';
import { compileScenario } from '../../src/model/compile';
import { createReferenceKernel } from '../../src/model/kernel';
import { createNodeEngine } from '../../src/engine/node';
import { ratingBand } from '../../src/engine/results';
import { trancheClaimUsd, trancheRecoveredUsd, recoveryEstateUsd, recoveryUnsecuredRate } from '../../assembly/capital';
import { asicPriceUsdPerTh, frontierJPerTh } from '../../assembly/recovery';
import * as L from '../../assembly/layout';
import { applyPatch, type Scenario } from '../../src/model/scenario';
import { scenario } from '../helpers/fixture';

const ref = createReferenceKernel();

/** Flat world; a firm with a BTC-backed loan, two unsecured bonds, some cash and BTC; a bond maturity it cannot pay. */
function firm(patch: Record<string, unknown> = {}): Scenario {
  return scenario(applyPatch({
    run: { paths: 1, months: 24, seed: 1 },
    market: { price: { sigma: 0, mu: 0 }, fees: { sdMonthly: 0, spikeProbMonthly: 0 } },
    network: { model: 'exogenous', exogenous: { driftPerEpoch: 0, sdPerEpoch: 0 } },
    miner: { power: { spot: { sigma: 0, shockProbPerYear: 0 } }, treasury: { cashUsd: 20e6, btc: 100 } },
    debt: [
      { id: 'loan', type: 'btc_backed_loan', principalUsd: 30e6, rate: 0.09, maturityDate: '2028-12-31', collateralBtc: 1000 },
      { id: 'bond-a', type: 'bond', principalUsd: 300e6, couponRate: 0.05, maturityDate: '2027-06-15' },
      { id: 'bond-b', type: 'convertible', principalUsd: 100e6, couponRate: 0.02, maturityDate: '2029-06-15' },
    ],
  }, patch));
}

function runOne(s: Scenario) {
  ref.load(compileScenario(s));
  ref.simulate(0, 1);
  const r = ref.records(1);
  return { day: r[L.R_DEFAULT_DAY], cause: r[L.R_CAUSE], estate: r[L.R_ESTATE_USD], rate: r[L.R_UNSECURED_RECOVERY], claims: r[L.R_CLAIMS_USD], loss: r[L.R_LOSS_USD] };
}

describe('the waterfall at default', () => {
  test('secured first from its collateral, then unsecured pari passu; value is conserved (recoveries + equity residual = estate)', () => {
    const r = runOne(firm());
    expect(r.day).toBeGreaterThan(0);
    expect(r.cause).toBe(L.CAUSE_MATURITY);
    const claims = [0, 1, 2].map(trancheClaimUsd);
    const recovered = [0, 1, 2].map(trancheRecoveredUsd);
    expect(claims.every((c) => c > 0)).toBe(true);
    // The loan is over-collateralised (1,000 BTC ≈ $67M vs $30M): recovered in full from its collateral.
    expect(recovered[0]).toBeCloseTo(claims[0], 6);
    // Unsecured claims share one recovery rate.
    expect(recovered[1] / claims[1]).toBeCloseTo(recovered[2] / claims[2], 12);
    expect(recovered[1] / claims[1]).toBeCloseTo(recoveryUnsecuredRate(), 12);
    expect(recoveryUnsecuredRate()).toBeLessThan(1);
    // Conservation: creditors get everything when claims exceed assets (no value to equity, none lost beyond costs).
    const total = recovered.reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(recoveryEstateUsd(), 4);
    expect(r.loss).toBeCloseTo(claims.reduce((a, b) => a + b, 0) - total, 4);
    expect(r.claims).toBeCloseTo(claims.reduce((a, b) => a + b, 0), 4);
  });

  test('when assets exceed claims every creditor recovers in full (LGD 0) and the rest is equity', () => {
    const r = runOne(firm({ miner: { treasury: { cashUsd: 20e6, btc: 100_000 } }, debt: [
      { id: 'bond-a', type: 'bond', principalUsd: 300e6, couponRate: 0.05, maturityDate: '2027-06-15' },
      { id: 'loan', type: 'btc_backed_loan', principalUsd: 30e6, rate: 0.09, maturityDate: '2028-12-31', collateralBtc: 1000, crossDefault: true, marginCallLtv: 0.0001, topUpToLtv: 0.00005 },
    ] }));
    // A margin-call default with plenty of assets: all claims paid.
    expect(r.cause).toBe(L.CAUSE_MARGIN_CALL);
    expect(r.rate).toBe(1);
    expect(r.loss).toBe(0);
    expect(recoveryEstateUsd()).toBeGreaterThan(r.claims);
  });

  test('bankruptcy costs cut the estate by their share', () => {
    const a = runOne(firm({ recovery: { bankruptcyCostShare: 0 } }));
    const b = runOne(firm({ recovery: { bankruptcyCostShare: 0.25 } }));
    expect(b.estate / a.estate).toBeCloseTo(0.75, 12);
  });

  test('the fleet is valued at the ASIC price: max(floor, days × hashprice per TH-day) × frontier J/TH ÷ its J/TH', () => {
    ref.load(compileScenario(firm()));
    expect(asicPriceUsdPerTh(30)).toBeCloseTo(300 * 0.03, 12); // $30/PH/day → $0.03/TH/day × 300 = $9/TH
    expect(asicPriceUsdPerTh(10)).toBe(8); // floor
    expect(frontierJPerTh(0)).toBeCloseTo(13.5, 12);
    expect(frontierJPerTh(365)).toBeCloseTo(13.5 * Math.pow(0.85, 365 / 365.25), 10);
  });
});

describe('credit outputs', () => {
  test('per tranche: loss probability, mean LGD, expected loss = Σ loss ÷ principal ÷ n, LGD histogram; spread −ln(1 − PD·LGD)/T; the rating band is labelled as not an agency rating', async () => {
    const engine = createNodeEngine({ workers: 0 });
    const r = await engine.run(scenario({ run: { paths: 2000, months: 60, seed: 3 } }));
    engine.dispose();
    const c = r.credit;
    expect(c.ratingBand?.label).toMatch(/not an agency rating/);
    expect(c.ratingBand?.band).toBe(ratingBand(r.pdAtYears['1'].pd));
    const conv = c.tranches.find((t) => t.id === 'conv-2030')!;
    expect(conv.lossProbability).toBeGreaterThan(0.5);
    expect(conv.meanLgd!).toBeGreaterThan(0);
    expect(conv.meanLgd!).toBeLessThanOrEqual(1);
    expect(conv.lgdHistogram.reduce((a, b) => a + b, 0)).toBe(Math.round(conv.lossProbability * 2000));
    // EL ≤ P(loss)·1 and ≈ P(loss)·LGD·claim/principal (claims include accrued coupon, so slightly above)
    expect(conv.expectedLoss).toBeLessThanOrEqual(conv.lossProbability * 1.05);
    expect(conv.expectedLoss).toBeGreaterThan(0.9 * conv.lossProbability * conv.meanLgd!);
    const T = (Date.parse('2031-03-22') - Date.parse('2026-03-22')) / 86_400_000 / 365.25;
    expect(conv.impliedSpread!).toBeCloseTo(-Math.log(1 - r.pd * conv.meanLgd!) / T, 10);
    expect(c.recovery.meanUnsecuredRecovery!).toBeGreaterThanOrEqual(0);
    expect(c.recovery.meanUnsecuredRecovery!).toBeLessThanOrEqual(1);
  });

  test('rating bands: < 0.6 % BBB or better, 0.6–2 % BB, 2–10 % B, ≥ 10 % CCC/C', () => {
    expect([0, 0.0059, 0.006, 0.0199, 0.02, 0.0999, 0.1, 0.5].map(ratingBand)).toEqual(
      ['BBB or better', 'BBB or better', 'BB', 'BB', 'B', 'B', 'CCC/C', 'CCC/C']);
  });

  test('breakevens: at the breakeven hashprice the fleet covers power, overhead and interest exactly', () => {
    const s = scenario({});
    const b = compileScenario(s).breakeven;
    // Hand computation for the default miner: both generations run within 400 MW.
    const mw = 15 * 0.93 * 17.5 + 5 * 0.93 * 21.5;
    const ph = 20 * 1000 * 0.93;
    const power = mw * 24 * (0.6 * 42 + 0.4 * 45);
    const overhead = (6e6 + 0.3e6 * 20) / 91.3125 + 2 * ph;
    const interest = (400e6 * 0.02 + 75e6 * 0.09) / 365.25;
    expect(b.hashpriceUsdPerPhDay!).toBeCloseTo((power + overhead + interest) / (ph * 0.99), 9);
    expect(b.btcPriceUsd!).toBeGreaterThan(40_000);
    expect(b.btcPriceUsd!).toBeLessThan(100_000);
  });
});
