// The scenario editor's pure helpers: labels for every field, ids, which fields show for a model or tranche type,
// new list items and type changes that keep the scenario valid, and the implied price of model-spec §3.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, FIELD_INFO, fieldInfo, resolveScenario, applyPatch, type Scenario } from '../../src/model/scenario';
import { PRESETS } from '../../src/model/presets';
import { START } from '../../src/model/start-state';
import {
  LABELS, OPTION_LABELS, shortLabel, fieldId, displayValue, toNumber, defaultNote, usdShort, priceFields, networkFields,
  trancheFields, fleetFields, hostingFields, hideableFields, withErrored, sectionOf, errorCount, errorPlace, newTranche, newGeneration,
  retypeTranche, horizonYears, annualVariance, percentEcho, impliedPrice, presetMarks, companyPreset, RUN, EQUITY, CAPITAL_MARKETS, RECOVERY, COVENANTS, FEES, OPERATIONS, POWER,
  SPOT, TREASURY, REFRESH, type PriceInputs,
} from '../../src/ui/components/editor/fields';

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
const price = (patch: object = {}): PriceInputs => applyPatch(DEFAULT_SCENARIO.market.price, patch) as PriceInputs;

describe('labels and ids', () => {
  it('has a short label for every field the editor can show, and a readable name for every choice', () => {
    const editable = Object.keys(FIELD_INFO).filter((p) => !['schemaVersion', 'name', 'description'].includes(p) && !p.startsWith('start.'));
    for (const path of editable) expect(LABELS[path], path).toBeTruthy();
    for (const info of Object.values(FIELD_INFO)) if (info.kind === 'enum') for (const o of info.options!) expect(OPTION_LABELS[String(o)], String(o)).toBeTruthy();
  });

  it('labels list items by their generic path and falls back to the split key', () => {
    expect(shortLabel('debt[3].couponRate')).toBe('Coupon');
    expect(shortLabel('start.epochStartTime')).toBe('Epoch start time');
  });

  it('turns a path into a DOM id that keeps list indexes apart', () => {
    expect(fieldId('debt[1].couponRate')).toBe('f-debt-1-couponRate');
    expect(fieldId('miner.fleet[0]')).toBe('f-miner-fleet-0');
    expect(fieldId('debt')).toBe('f-debt');
    expect(new Set(Object.keys(FIELD_INFO).map(fieldId)).size).toBe(Object.keys(FIELD_INFO).length);
  });
});

describe('values as typed', () => {
  it('shows typed text exactly and numbers as JavaScript writes them', () => {
    expect(displayValue('12a')).toBe('12a');
    expect(displayValue('0.50')).toBe('0.50');
    expect(displayValue(600000000)).toBe('600000000');
    expect(displayValue(undefined)).toBe('');
  });

  it('reads numbers the way the scenario state does', () => {
    expect(toNumber(' 1e3 ')).toBe(1000);
    expect(toNumber('.5')).toBe(0.5);
    expect(toNumber('12a')).toBeNaN();
    expect(toNumber('')).toBeNaN();
    expect(toNumber(true)).toBeNaN();
  });

  it('notes the default only when the value differs from it', () => {
    const sigma = FIELD_INFO['market.price.sigma'];
    expect(defaultNote(sigma, 0.5)).toBeNull();
    expect(defaultNote(sigma, '0.50')).toBeNull();
    expect(defaultNote(sigma, '0.7')).toBe('default 0.5');
    expect(defaultNote(fieldInfo('miner.fleet[3].hashrateEhs')!, 5)).toBeNull();
    expect(defaultNote(FIELD_INFO['debt[].paymentsPerYear'], 4)).toBe('default 2 (12 for btc_backed_loan)');
  });

  it('writes large dollar amounts in words', () => {
    expect(usdShort(150_000_000)).toBe('$150M');
    expect(usdShort(1_150_000_000)).toBe('$1.15B');
    expect(usdShort(6_000_000)).toBe('$6M');
    expect(usdShort(300_000)).toBe('$300k');
    expect(usdShort(42)).toBeNull();
    expect(usdShort(NaN)).toBeNull();
  });
});

describe('which fields show', () => {
  it('shows only the price fields of the chosen model, μ first', () => {
    expect(priceFields('gbm')).toEqual(['market.price.model', 'market.price.mu', 'market.price.sigma']);
    expect(priceFields('studentT')).toContain('market.price.studentT.nu');
    expect(priceFields('merton')).not.toContain('market.price.sigma');
    expect(priceFields('regime')).toContain('market.price.regime.startRegime');
    for (const m of ['gbm', 'merton', 'studentT', 'regime']) expect(priceFields(m)[1]).toBe('market.price.mu');
  });

  it('hides the feedback machinery for the exogenous network and the walk for the feedback one', () => {
    expect(networkFields('exogenous')).toEqual(['network.model', 'network.blockLuck', 'network.exogenous.driftPerEpoch', 'network.exogenous.sdPerEpoch']);
    expect(networkFields('feedback')).not.toContain('network.exogenous.driftPerEpoch');
    expect(networkFields('feedback')).toContain('network.outage.sizeMax');
  });

  it('shows a tranche the fields of its type', () => {
    expect(trancheFields(1, 'btc_backed_loan')).toEqual(['id', 'type', 'principalUsd', 'maturityDate', 'rate', 'collateralBtc', 'marginCallLtv', 'topUpToLtv', 'crossDefault'].map((k) => `debt[1].${k}`));
    expect(trancheFields(0, 'bond')).toEqual(['id', 'type', 'principalUsd', 'maturityDate', 'couponRate', 'paymentsPerYear', 'amortization', 'spv', 'collateralGeneration'].map((k) => `debt[0].${k}`));
  });

  it('covers every field of the model between the sections (start state aside)', () => {
    const shown = new Set([...RUN, ...FEES, ...OPERATIONS, ...POWER, ...SPOT, ...TREASURY, ...EQUITY, ...CAPITAL_MARKETS, ...RECOVERY, ...COVENANTS, ...REFRESH, ...hideableFields('market.price'), 'market.price.model',
      ...networkFields('feedback'), ...networkFields('exogenous'), ...fleetFields(0), ...trancheFields(0, 'bond'), ...trancheFields(0, 'btc_backed_loan'), ...trancheFields(0, 'convertible'), ...hostingFields(0)]
      .map((p) => p.replace(/\[\d+\]/g, '[]')));
    const expected = Object.keys(FIELD_INFO).filter((p) => !['schemaVersion', 'name', 'description', 'miner.fleet', 'debt', 'hosting'].includes(p) && !p.startsWith('start.'));
    expect([...shown].sort()).toEqual(expected.sort());
  });

  it('adds a hidden field back when it holds an error, so no error is out of sight', () => {
    const shown = priceFields('gbm');
    const errors = { 'market.price.merton.lambda': 'x is not a number', 'market.price.sigma': 'bad' };
    expect(withErrored(shown, hideableFields('market.price'), errors)).toEqual([...shown, 'market.price.merton.lambda']);
    expect(hideableFields('debt[2]')).toContain('debt[2].couponRate');
  });
});

describe('sections and error places', () => {
  it('puts each path in its section', () => {
    expect(sectionOf('miner.power.spot.sigma')).toBe('power');
    expect(sectionOf('miner.costs.sgaUsdPerQuarter')).toBe('operations');
    expect(sectionOf('miner.uptime')).toBe('operations');
    expect(sectionOf('miner.fleet[1].name')).toBe('fleet');
    expect(sectionOf('miner.fleet')).toBe('fleet');
    expect(sectionOf('debt[0]')).toBe('debt');
    expect(sectionOf('')).toBeNull();
    expect(errorCount({ 'debt[0].rate': 'a', debt: 'b', 'run.seed': 'c' }, 'debt')).toBe(2);
  });

  it('names where an error sits', () => {
    expect(errorPlace('debt[1].couponRate')).toBe('Debt stack › tranche 2 › Coupon');
    expect(errorPlace('miner.fleet[0]')).toBe('Fleet › generation 1');
    expect(errorPlace('debt')).toBe('Debt stack');
    expect(errorPlace('miner.power.hedgedShare')).toBe('Power › Hedged share');
  });
});

describe('new items and type changes keep the scenario valid', () => {
  const withDebt = (debt: unknown[]) => resolveScenario({ debt });

  it('adds a $100M 5 % bond due three years after the start, with an unused id', () => {
    const t = newTranche([{ id: 't3' }, { id: 'x' }]);
    expect(t).toMatchObject({ id: 't4', type: 'bond', principalUsd: 100_000_000, couponRate: 0.05, paymentsPerYear: 2, maturityDate: '2029-03-22' });
    expect(newTranche([{ id: 't2' }, { id: 't3' }]).id).toBe('t4');
    expect(withDebt([...clone(DEFAULT_SCENARIO.debt), t]).ok).toBe(true);
  });

  it('adds a 5 EH/s generation at 17.5 J/TH with an unused name', () => {
    const g = newGeneration([{ name: 'gen2' }]);
    expect(g).toEqual({ name: 'gen3', hashrateEhs: 5, efficiencyJPerTh: 17.5 });
    expect(resolveScenario({ miner: { fleet: [...clone(DEFAULT_SCENARIO.miner.fleet), g] } }).ok).toBe(true);
  });

  it('moves the interest and collateral when a tranche changes type', () => {
    const bond = newTranche([]);
    const loan = { ...bond, ...retypeTranche(bond, 'btc_backed_loan', START.priceUsd) };
    expect(loan).toMatchObject({ type: 'btc_backed_loan', rate: 0.05, couponRate: 0, paymentsPerYear: 12, amortization: 'bullet' });
    expect(loan.collateralBtc).toBe(Math.ceil(100_000_000 / (0.5 * START.priceUsd)));
    expect(withDebt([loan]).ok).toBe(true);
    const back = { ...loan, ...retypeTranche(loan, 'term_loan', START.priceUsd) };
    expect(back).toMatchObject({ type: 'term_loan', couponRate: 0.05, rate: 0, collateralBtc: 0 });
    expect(withDebt([back]).ok).toBe(true);
    const linear = { ...bond, amortization: 'linear', couponRate: 0 };
    expect(withDebt([{ ...linear, ...retypeTranche(linear, 'btc_backed_loan', START.priceUsd) }]).ok).toBe(true);
    expect(retypeTranche(bond, 'convertible', START.priceUsd)).toEqual({ type: 'convertible' });
  });

  it('keeps every type change of every default and preset tranche valid', () => {
    for (const preset of Object.values(PRESETS)) {
      const base = resolveScenario(preset.scenario);
      if (!base.ok) throw new Error(preset.id);
      base.scenario.debt.forEach((t, i) => {
        for (const type of ['bond', 'term_loan', 'convertible', 'btc_backed_loan'] as const) {
          const debt = clone(base.scenario.debt) as unknown as Record<string, unknown>[];
          Object.assign(debt[i], retypeTranche(debt[i], type, START.priceUsd));
          const r = resolveScenario({ ...clone(preset.scenario), debt });
          expect(r.ok, `${preset.id} debt[${i}] → ${type}: ${r.ok ? '' : JSON.stringify(r.errors)}`).toBe(true);
        }
      });
    }
  });
});

describe('the implied price at the horizon (model-spec §3)', () => {
  const P0 = START.priceUsd;

  it('counts the horizon in engine days over 365.25', () => {
    expect(horizonYears(60)).toBeCloseTo(1826 / 365.25, 12);
    expect(horizonYears(12)).toBeCloseTo(365 / 365.25, 12);
  });

  it('gives gbm at μ = 0, σ = 0.5 a 5-year median of 54 % of today and a mean of today', () => {
    const r = impliedPrice(price(), P0, 60)!;
    expect(r.median / P0).toBeCloseTo(Math.exp(-0.125 * horizonYears(60)), 12);
    expect(Math.round((100 * r.median) / P0)).toBe(54);
    expect(r.mean).toBeCloseTo(P0, 6);
  });

  it('grows the mean at μ and the median at μ − σ²/2', () => {
    const r = impliedPrice(price({ mu: '0.2', sigma: '0.6' }), P0, '24')!;
    const T = horizonYears(24);
    expect(r.mean).toBeCloseTo(P0 * Math.exp(0.2 * T), 6);
    expect(r.median).toBeCloseTo(P0 * Math.exp((0.2 - 0.18) * T), 6);
  });

  it('uses the total variance σ_D² + λ(m² + s²) for merton', () => {
    const p = price({ model: 'merton' });
    expect(annualVariance(p)).toBeCloseTo(0.42 ** 2 + 3 * (0.03 ** 2 + 0.15 ** 2), 12);
    expect(impliedPrice(p, P0, 60)!.mean).toBeCloseTo(P0, 6);
  });

  it('uses the stationary mix of the regimes (≈ 0.50 long-run volatility by default)', () => {
    const p = price({ model: 'regime' });
    const calm = 0.0172 / (0.0167 + 0.0172);
    expect(annualVariance(p)).toBeCloseTo(calm * 0.32 ** 2 + (1 - calm) * 0.64 ** 2, 12);
    expect(Math.sqrt(annualVariance(p))).toBeCloseTo(0.5, 1);
    expect(annualVariance(price({ model: 'regime', regime: { pCalmToTurbulent: 0, pTurbulentToCalm: 0, startRegime: 'turbulent' } }))).toBeCloseTo(0.64 ** 2, 12);
  });

  it('has no mean for studentT (heavy tails) and a median from σ', () => {
    const r = impliedPrice(price({ model: 'studentT' }), P0, 60)!;
    expect(r.mean).toBeNull();
    expect(r.median).toBeCloseTo(impliedPrice(price(), P0, 60)!.median, 6);
  });

  it('gives nothing while a value does not read as a number', () => {
    expect(impliedPrice(price({ mu: '0.1x' }), P0, 60)).toBeNull();
    expect(impliedPrice(price(), P0, '')).toBeNull();
    expect(impliedPrice(price(), P0, 2.5)).toBeNull();
    expect(impliedPrice(price({ model: 'merton', merton: { lambda: 'a' } }), P0, 60)).toBeNull();
  });
});

describe('preset marks', () => {
  it('marks assumed and unverified fields of an unedited company preset only', () => {
    expect(companyPreset('default')).toBeNull();
    expect(companyPreset('custom')).toBeNull();
    expect(companyPreset('riot')?.asOf).toBe('2025-09-30');
    expect(presetMarks('riot', 'debt[0].principalUsd')).toEqual(['unverified']);
    expect(presetMarks('riot', PRESETS.riot.assumed[0])).toEqual(['assumed']);
    expect(presetMarks('custom', 'debt[0].principalUsd')).toEqual([]);
    expect(presetMarks('default', 'miner.uptime')).toEqual([]);
  });

  it('refers only to fields the editor shows', () => {
    const s = resolveScenario(PRESETS.mara.scenario);
    expect(s.ok).toBe(true);
    for (const p of Object.values(PRESETS)) for (const path of [...p.assumed, ...p.unverified]) expect(fieldInfo(path), path).toBeTruthy();
    expect((DEFAULT_SCENARIO as Scenario).run.months).toBe(60);
  });
});

describe('echoes of typed numbers', () => {
  it('writes rates, shares and loan-to-values as percentages', () => {
    expect(percentEcho('per year', 0.02)).toBe('2 %');
    expect(percentEcho('share (0–1)', 0.415)).toBe('41.5 %');
    expect(percentEcho('loan-to-value', 0.7)).toBe('70 %');
    expect(percentEcho('per year (annualised volatility)', 0.5)).toBeNull();
    expect(percentEcho('per year', NaN)).toBeNull();
    for (const p of ['miner.uptime', 'miner.poolFee', 'miner.treasury.btcSaleHaircut', 'network.outage.sizeMin', 'debt[].couponRate', 'debt[].topUpToLtv'] as const)
      expect(percentEcho(FIELD_INFO[p].unit, 0.5), p).toBe('50 %');
  });
});
