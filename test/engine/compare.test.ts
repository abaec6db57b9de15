// Strategy comparison on common random numbers: paired PD differences and their standard errors.
import { test, expect, afterAll } from 'vitest';
import { createNodeEngine } from '../../src/engine/node';
import { runComparison, runTornado, pairedDiff } from '../../src/engine/compare';
import { scenario } from '../helpers/fixture';

const engine = createNodeEngine({ workers: 2, chunkBatches: 4 });
afterAll(() => engine.dispose());
const base = scenario({ run: { paths: 4000, months: 60, seed: 77 } });

test('pairedDiff counts discordant paths: d = 1{variant defaulted} − 1{base defaulted} by the limit day', () => {
  const a = Int32Array.from([0, 10, 10, 500, 0]);
  const b = Int32Array.from([5, 10, 0, 20, 0]);
  const d = pairedDiff(a, b, 100);
  // by day 100: base defaulted on paths 1, 2; variant on 0, 1, 3 → d = [1, 0, −1, 1, 0], mean 0.2
  expect(d.diff).toBeCloseTo(0.2, 15);
  const mean = 0.2, sq = [0.64, 0.04, 1.44, 0.64, 0.04].reduce((x, y) => x + y, 0);
  expect(d.se).toBeCloseTo(Math.sqrt(sq / 4 / 5), 15);
  expect(d.ci95[0]).toBeLessThan(mean);
});

test('a variant identical to the base has a PD difference of exactly 0 with zero standard error', async () => {
  const r = await runComparison(engine, base, [{ name: 'same', patch: {} }]);
  expect(r.variants[0].pd).toBe(r.base.pd);
  expect(r.variants[0].vsBase.horizon).toMatchObject({ diff: 0, se: 0 });
});

test('common random numbers: the paired standard error of a PD difference is far below that of independent runs, and both estimates agree within their errors', async () => {
  const more = { name: 'cash +$150M', patch: { miner: { treasury: { cashUsd: base.miner.treasury.cashUsd + 150e6 } } } };
  const crn = await runComparison(engine, base, [more]);
  const h = crn.variants[0].vsBase.horizon;
  expect(h.diff).toBeLessThan(0); // more cash, fewer defaults
  // Without common random numbers the paired SE would be ≈ the independent one (ratio ≈ 1); here it is ≈ 0.54.
  console.log(`paired SE ${h.se.toFixed(5)} vs independent ${h.independentSe.toFixed(5)} (ratio ${(h.se / h.independentSe).toFixed(2)})`);
  expect(h.se).toBeLessThan(0.75 * h.independentSe);
  // The same difference from independent runs (variant on another seed): consistent within 4 combined SEs.
  const other = await runComparison(engine, scenario({ ...base, run: { ...base.run, seed: 78 } }), []);
  const indepVariant = await runComparison(engine, scenario({ ...more.patch, run: { ...base.run, seed: 78 } }), []);
  const indepDiff = indepVariant.base.pd - other.base.pd;
  const combined = Math.sqrt(h.se ** 2 + h.independentSe ** 2);
  expect(Math.abs(indepDiff - h.diff)).toBeLessThan(4 * combined);
});

test('changing the debt stack leaves the BTC price and network paths bitwise unchanged (common random numbers)', async () => {
  const r1 = await engine.run(base);
  const r2 = await engine.run(scenario({ ...base, debt: [...base.debt, { id: 'extra', type: 'bond', principalUsd: 50e6, couponRate: 0.08, maturityDate: '2029-01-15' }] }));
  for (const key of ['btcPriceUsd', 'difficulty', 'networkHashrateEhs', 'hashpriceUsdPerPhDay'] as const)
    expect(JSON.stringify(r2.quantiles[key])).toBe(JSON.stringify(r1.quantiles[key]));
  expect(r2.samplePaths.map((p) => p.series.btcPriceUsd)).toEqual(r1.samplePaths.map((p) => p.series.btcPriceUsd));
  expect(r2.pd).toBeGreaterThan(r1.pd);
});

test('the tornado varies each key input by ±X % on common random numbers and sorts rows by PD swing', async () => {
  const t = await runTornado(engine, scenario({ ...base, run: { ...base.run, paths: 1000 } }), 0.2);
  expect(t.rows.length).toBeGreaterThanOrEqual(8);
  const swing = (r: (typeof t.rows)[number]) => Math.abs((r.high?.pd ?? t.base.pd) - (r.low?.pd ?? t.base.pd));
  for (let i = 1; i < t.rows.length; i++) expect(swing(t.rows[i - 1])).toBeGreaterThanOrEqual(swing(t.rows[i]));
  const price = t.rows.find((r) => r.key === 'start.priceUsd')!;
  expect(price.high!.pd).toBeLessThan(price.low!.pd); // a higher BTC price lowers the PD
  expect(price.high!.vsBase.horizon.se).toBeLessThan(price.high!.vsBase.horizon.independentSe);
});
