// The strategy-comparison panel's pure helpers: variants generated from a scenario, the comparison and tornado CSV
// files, and the tornado's bar geometry.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, resolveScenario, formatError, type Scenario } from '../../src/model/scenario';
import { PRESETS } from '../../src/model/presets';
import { resolveVariant, type ComparisonResult, type ComparedRun, type PairedDiff, type TornadoResult, type VariantResult } from '../../src/engine/compare';
import {
  MAX_VARIANTS, checkVariant, chosenVariants, pinnedOption, pinnedPatch, readyMadeVariants, uniqueName, variantOptions,
} from '../../src/ui/components/compare/variants';
import { BASE_LABEL, comparisonCsv, comparisonRows, csvCell, decimalsFor, pp, ppSize, tornadoCsv, yearsBeforeHorizon, yearsShown } from '../../src/ui/components/compare/table';
import { barRect, tornadoGeometry } from '../../src/ui/components/compare/tornado';
import { compareSeries, pdAxisMax } from '../../src/ui/components/compare/curves';
import { fileName } from '../../src/ui/components/compare/download';

function resolved(input: unknown): Scenario {
  const r = resolveScenario(input);
  if (!r.ok) throw new Error(r.errors.map(formatError).join('\n'));
  return r.scenario;
}

const BASES: [string, Scenario][] = [
  ['the default scenario', resolved(DEFAULT_SCENARIO)],
  ...Object.values(PRESETS).map((p) => [`preset ${p.id}`, resolved(p.scenario)] as [string, Scenario]),
];

describe('ready-made variants', () => {
  it.each(BASES)('every generated variant of %s resolves with resolveVariant and differs from the base', (_, base) => {
    const options = readyMadeVariants(base);
    expect(options.length).toBe(base.debt.length + 5);
    for (const o of options) {
      expect(o.disabledReason, o.name).toBeNull();
      const s = resolveVariant(base, { name: o.name, patch: o.patch });
      expect(JSON.stringify(s)).not.toBe(JSON.stringify(base));
      expect(s.run).toEqual(base.run);
    }
  });

  it.each(BASES)('a pinned copy of %s resolves to itself, on the paths of whatever base it is compared with', (_, pinned) => {
    const other = resolved({ run: { paths: 2000, seed: 9, months: 36 } });
    const s = resolveVariant(other, { name: 'pin', patch: pinnedPatch(pinned) });
    expect(s.run).toEqual(other.run);
    expect({ ...s, run: pinned.run }).toEqual(pinned);
    expect(pinnedPatch(pinned)).not.toHaveProperty('run');
  });

  it('names and patches come from the base: one "Remove <id>" per tranche, the others scale its numbers', () => {
    const base = resolved(DEFAULT_SCENARIO);
    const byId = Object.fromEntries(readyMadeVariants(base).map((o) => [o.id, o]));
    expect(Object.keys(byId)).toEqual(['remove:conv-2030', 'remove:btc-loan', 'cash+100m', 'hedge-all', 'power-10', 'fleet+25', 'sell-none']);
    expect(byId['remove:btc-loan'].name).toBe('Remove btc-loan');
    const noLoan = resolveVariant(base, byId['remove:btc-loan']);
    expect(noLoan.debt.map((t) => t.id)).toEqual(['conv-2030']);
    expect(resolveVariant(base, byId['cash+100m']).miner.treasury.cashUsd).toBe(250e6);
    expect(resolveVariant(base, byId['hedge-all']).miner.power.hedgedShare).toBe(1);
    expect(resolveVariant(base, byId['power-10']).miner.power.contractUsdPerMwh).toBeCloseTo(37.8, 12);
    expect(resolveVariant(base, byId['fleet+25']).miner.fleet.map((g) => g.hashrateEhs)).toEqual([18.75, 6.25]);
    expect(resolveVariant(base, byId['fleet+25']).miner.fleet[0].retireDate).toBe('2029-12-31');
    expect(resolveVariant(base, byId['sell-none']).miner.treasury.sellShareOfProduction).toBe(0);
  });

  it('a variant that changes nothing or does not validate is offered disabled, with the reason', () => {
    const hedged = resolved({ miner: { power: { hedgedShare: 1 }, treasury: { sellShareOfProduction: 0 } } });
    const byId = Object.fromEntries(readyMadeVariants(hedged).map((o) => [o.id, o]));
    expect(byId['hedge-all'].disabledReason).toBe('same as the base scenario');
    expect(byId['sell-none'].disabledReason).toBe('same as the base scenario');
    const noDebt = resolved({ debt: [] });
    expect(readyMadeVariants(noDebt).some((o) => o.id.startsWith('remove:'))).toBe(false);
    const big = resolved({ miner: { fleet: [{ hashrateEhs: 900, efficiencyJPerTh: 20 }] } });
    const fleet = readyMadeVariants(big).find((o) => o.id === 'fleet+25')!;
    expect(fleet.disabledReason).toMatch(/hashrateEhs/);
    expect(checkVariant(big, { name: 'x', patch: { miner: { uptime: 2 } } })).toMatch(/miner\.uptime/);
  });

  it(`chosenVariants keeps the checked, usable options in the order offered, at most ${MAX_VARIANTS}`, () => {
    const base = resolved(DEFAULT_SCENARIO);
    const pinned = { id: 'pin:1', name: 'Pinned 1', scenario: resolved({ miner: { uptime: 0.9 } }) };
    const options = variantOptions(base, [pinned]);
    expect(options.at(-1)).toMatchObject({ id: 'pin:1', name: 'Pinned 1', disabledReason: null });
    expect(chosenVariants(options, ['sell-none', 'cash+100m', 'gone']).map((v) => v.name)).toEqual(['Cash +$100M', 'Sell no BTC']);
    expect(chosenVariants(options, options.map((o) => o.id))).toHaveLength(MAX_VARIANTS);
    expect(pinnedOption(base, { ...pinned, scenario: base }).disabledReason).toBe('same as the base scenario');
  });

  it('uniqueName trims, falls back when empty and numbers repeats', () => {
    expect(uniqueName('  Plan A ', [])).toBe('Plan A');
    expect(uniqueName('', ['x'], 'Pinned 3')).toBe('Pinned 3');
    expect(uniqueName('Plan A', ['Plan A', 'Plan A (2)'])).toBe('Plan A (3)');
    expect(uniqueName(BASE_LABEL, [BASE_LABEL])).toBe(`${BASE_LABEL} (2)`);
  });
});

// ---- synthetic results ---------------------------------------------------------------------------------------

const MONTHS = 36;
const dates = Array.from({ length: MONTHS + 1 }, (_, m) => `20${26 + Math.floor((m + 0) / 12)}-${String((m % 12) + 1).padStart(2, '0')}-01`);

function run(name: string, finalPd: number): ComparedRun {
  const pdByMonth = Array.from({ length: MONTHS }, (_, i) => (finalPd * (i + 1)) / MONTHS);
  const pdCI95 = pdByMonth.map((p) => [Math.max(0, p - 0.01), p + 0.01] as [number, number]);
  const pdAtYears: ComparedRun['pdAtYears'] = {};
  for (const y of [1, 2, 3]) pdAtYears[String(y)] = { pd: pdByMonth[12 * y - 1], se: 0.005, ci95: pdCI95[12 * y - 1] };
  return { name, pd: finalPd, pdByMonth, pdCI95, pdAtYears };
}
const paired = (diff: number, se: number): PairedDiff => ({ diff, se, ci95: [diff - 1.96 * se, diff + 1.96 * se], independentSe: 3 * se });
const variant = (name: string, pd: number, base: number, se = 0.002): VariantResult => ({ ...run(name, pd), vsBase: { horizon: paired(pd - base, se), years: {} } });

const COMPARISON: ComparisonResult = {
  base: run('Illustrative, "quoted"', 0.3),
  variants: [variant('Cash +$100M', 0.24, 0.3), variant('Remove conv-2030', 0.12, 0.3)],
  monthDates: dates, paths: 4000, seed: 7, months: MONTHS,
};

describe('comparison table and CSV', () => {
  it('shows the years within the horizon and one row per strategy, the base first without a difference', () => {
    expect(yearsShown({ months: 36 })).toEqual(['1', '2', '3']);
    expect(yearsShown({ months: 120 })).toEqual(['1', '2', '3', '5']);
    expect(yearsBeforeHorizon({ months: 60 })).toEqual(['1', '2', '3']);
    expect(comparisonRows(COMPARISON, ['2'])[1].years.map((p) => p.pd)).toEqual([0.24 * 24 / 36]);
    const rows = comparisonRows(COMPARISON);
    expect(rows.map((r) => r.name)).toEqual([BASE_LABEL, 'Cash +$100M', 'Remove conv-2030']);
    expect(rows[0].vsBase).toBeNull();
    expect(rows[1].horizon.pd).toBeCloseTo(0.24, 12);
    expect(rows[1].horizon.se).toBeCloseTo(Math.sqrt((0.24 * 0.76) / 4000), 12);
    expect(rows[2].vsBase!.diff).toBeCloseTo(-0.18, 12);
  });

  it('the CSV has a header and one row per strategy, with the paired and the independent SE', () => {
    const lines = comparisonCsv(COMPARISON).trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    const header = lines[0].split(',');
    expect(header.slice(0, 4)).toEqual(['strategy', 'pd_1y', 'pd_1y_ci95_lo', 'pd_1y_ci95_hi']);
    expect(header).toContain('diff_se_paired');
    expect(header).toContain('diff_se_if_independent');
    expect(header).not.toContain('pd_5y');
    const cash = lines[2].split(',');
    const col = (k: string) => Number(cash[header.indexOf(k)]);
    expect(cash[0]).toBe('Cash +$100M');
    expect(col('diff_vs_base')).toBeCloseTo(-0.06, 12);
    expect(col('diff_se_paired')).toBe(0.002);
    expect(col('diff_se_if_independent')).toBeCloseTo(0.006, 12);
    expect(col('paths')).toBe(4000);
    expect(lines[1].split(',')[header.indexOf('diff_vs_base')]).toBe('0');
  });

  it('CSV cells quote commas, quotes and newlines and leave missing numbers empty', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell(NaN)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(0.25)).toBe('0.25');
  });

  it('differences are signed percentage points; SEs are unsigned; decimals follow the uncertainty', () => {
    expect(pp(-0.0321, 1)).toBe('\u22123.2 pp');
    expect(pp(0.004, 1)).toBe('+0.4 pp');
    expect(pp(0)).toBe('0 pp');
    expect(ppSize(-0.0042, 2)).toBe('0.42 pp');
    expect(decimalsFor(0.005)).toBe(1); // SE 0.5 pp → one decimal
    expect(decimalsFor(0.0004)).toBe(2); // SE 0.04 pp → two
    expect(decimalsFor(0)).toBe(1);
  });

  it('chart series start at 0 on the start date, the base first in the text colour, y axis to the highest bound', () => {
    const s = compareSeries(COMPARISON);
    expect(s.map((x) => x.isBase)).toEqual([true, false, false]);
    expect(s[0].color).toBe('var(--text)');
    expect(s[1].line[0]).toEqual([new Date('2026-01-01T00:00:00Z'), 0]);
    expect(s[1].line).toHaveLength(MONTHS + 1);
    expect(s[1].line.at(-1)![1]).toBeCloseTo(0.24, 12);
    expect(pdAxisMax(s)).toBeCloseTo(0.31, 12);
  });

  it('file names are lower-case slugs', () => {
    expect(fileName(['minerisk', 'compare', 'seed 7', '4000 paths'], 'csv')).toBe('minerisk-compare-seed-7-4000-paths.csv');
  });
});

// ---- tornado ---------------------------------------------------------------------------------------------------

const TORNADO: TornadoResult = {
  base: run('base', 0.3), pct: 0.2, paths: 4000, seed: 7, months: MONTHS,
  rows: [
    { key: 'start.priceUsd', label: 'BTC price today', low: variant('p−', 0.45, 0.3, 0.004), high: variant('p+', 0.2, 0.3, 0.004) },
    { key: 'miner.treasury.cashUsd', label: 'Cash', low: variant('c−', 0.31, 0.3, 0.001), high: variant('c+', 0.29, 0.3, 0.001) },
    { key: 'network.efficiencyGain', label: 'ASIC efficiency gain', low: variant('e−', 0.3, 0.3, 0), high: null, note: 'variant "x": bad' },
  ],
};

describe('tornado geometry', () => {
  const g = tornadoGeometry(TORNADO);

  it('each bar runs from the base PD to the varied PD, with a 95 % whisker of the paired change around its end', () => {
    expect(g.basePd).toBe(0.3);
    const price = g.bars[0];
    expect(price.low).toMatchObject({ x0: 0.3, x1: 0.45, pd: 0.45 });
    expect(price.low!.whiskerLo).toBeCloseTo(0.45 - 1.959964 * 0.004, 6);
    expect(price.low!.whiskerHi).toBeCloseTo(0.45 + 1.959964 * 0.004, 6);
    expect(price.high).toMatchObject({ x0: 0.3, x1: 0.2 });
    expect(price.swing).toBeCloseTo(0.25, 12);
  });

  it('keeps the order of the result (by swing) and a missing side as null with its note; swing counts it as the base', () => {
    expect(g.bars.map((b) => b.key)).toEqual(['start.priceUsd', 'miner.treasury.cashUsd', 'network.efficiencyGain']);
    expect(g.bars[2].high).toBeNull();
    expect(g.bars[2].note).toMatch(/bad/);
    expect(g.bars[2].swing).toBe(0);
  });

  it('the domain holds every bar end, whisker and the base line, within [0, 1]', () => {
    const [lo, hi] = g.domain;
    for (const b of g.bars) for (const s of [b.low, b.high]) if (s) {
      expect(lo).toBeLessThanOrEqual(Math.min(s.whiskerLo, s.x1, g.basePd));
      expect(hi).toBeGreaterThanOrEqual(Math.max(s.whiskerHi, s.x1, g.basePd));
    }
    expect(lo).toBeGreaterThanOrEqual(0);
    expect(hi).toBeLessThanOrEqual(1);
    const flat = tornadoGeometry({ ...TORNADO, base: run('b', 0), rows: [] });
    expect(flat.domain).toEqual([0, 0.01]);
  });

  it('barRect gives a positive width whichever side of the base the bar lies', () => {
    const map = (v: number) => 1000 * v;
    expect(barRect({ x0: 0.3, x1: 0.45 }, map)).toEqual({ x: 300, width: 150 });
    expect(barRect({ x0: 0.3, x1: 0.2 }, map)).toEqual({ x: 200, width: 100 });
  });

  it('the tornado CSV has one row per input with both sides, swing and note', () => {
    const lines = tornadoCsv(TORNADO).trimEnd().split('\n');
    const header = lines[0].split(',');
    expect(lines).toHaveLength(4);
    const price = lines[1].split(',');
    expect(price[0]).toBe('BTC price today');
    expect(price[header.indexOf('change')]).toBe('±20%');
    expect(Number(price[header.indexOf('swing')])).toBeCloseTo(0.25, 12);
    expect(Number(price[header.indexOf('diff_low_se')])).toBe(0.004);
    const eff = lines[3];
    expect(eff).toContain('"variant ""x"": bad"');
    expect(eff.split(',')[header.indexOf('pd_high')]).toBe('');
  });
});
