// The scenario contract (model-spec §0, §9, §11): defaults, merging, validation rules and their error lines.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCENARIO,
  FIELD_INFO,
  ScenarioSchema,
  applyPatch,
  fieldInfo,
  formatError,
  listFields,
  resolveScenario,
  type Scenario,
  type ScenarioError,
} from '../../src/model/scenario';
import { PRESETS, STRESS_VIEW_LABEL } from '../../src/model/presets';
import { scenarioView } from '../../src/model/view';
import { START } from '../../src/model/start-state';
import * as v from 'valibot';

function resolved(input: unknown): Scenario {
  const r = resolveScenario(input);
  if (!r.ok) throw new Error(r.errors.map(formatError).join('\n'));
  return r.scenario;
}

function refused(input: unknown): ScenarioError[] {
  const r = resolveScenario(input);
  if (r.ok) throw new Error(`accepted: ${JSON.stringify(input)}`);
  return r.errors;
}

/** Every leaf path of a value, list items written `[]` (their fields are listed once). */
function leafPaths(x: unknown, prefix = ''): string[] {
  if (Array.isArray(x)) return [prefix, ...new Set(x.flatMap((item) => leafPaths(item, `${prefix}[]`).filter((p) => p !== `${prefix}[]`)))];
  if (x && typeof x === 'object')
    return Object.entries(x).flatMap(([k, val]) => leafPaths(val, prefix.endsWith('[]') ? `${prefix}.${k}` : prefix ? `${prefix}.${k}` : k));
  return [prefix];
}

const tranche = (extra: Record<string, unknown> = {}) => ({
  type: 'bond',
  principalUsd: 100_000_000,
  maturityDate: '2029-01-15',
  ...extra,
});
const btcLoan = (extra: Record<string, unknown> = {}) => tranche({ type: 'btc_backed_loan', collateralBtc: 2000, rate: 0.09, ...extra });

describe('the default scenario (model-spec §9)', () => {
  it('validates, and an empty file resolves to it exactly', () => {
    expect(resolved({})).toEqual(DEFAULT_SCENARIO);
  });

  it('resolves again to itself (a resolved scenario is a valid scenario file)', () => {
    expect(resolved(DEFAULT_SCENARIO)).toEqual(DEFAULT_SCENARIO);
    expect(v.safeParse(ScenarioSchema, DEFAULT_SCENARIO).success).toBe(true);
  });

  it('is the illustrative mid-size leveraged miner of §9 with the §1 start state', () => {
    const d = DEFAULT_SCENARIO;
    expect(d.schemaVersion).toBe(1);
    expect(d.name).toBe('Illustrative mid-size leveraged miner (not a real company)');
    expect(d.run).toEqual({ paths: 10000, seed: 1, months: 60 });
    expect(d.start).toEqual({ ...START });
    expect(d.market.price).toMatchObject({ model: 'gbm', mu: 0, sigma: 0.5 });
    expect(d.miner.fleet).toEqual([
      { name: 'S21 class', hashrateEhs: 15, efficiencyJPerTh: 17.5, retireDate: '2029-12-31' },
      { name: 'S19 XP class', hashrateEhs: 5, efficiencyJPerTh: 21.5, retireDate: '2028-06-30' },
    ]);
    expect(d.miner.power).toMatchObject({ capacityMw: 400, contractUsdPerMwh: 42, hedgedShare: 0.6, resale: false });
    expect(d.miner.treasury).toMatchObject({ cashUsd: 150e6, btc: 1500 });
    expect(d.debt.map((t) => [t.id, t.type, t.principalUsd, t.couponRate, t.rate, t.paymentsPerYear, t.maturityDate, t.amortization, t.collateralBtc])).toEqual([
      ['conv-2030', 'convertible', 400e6, 0.02, 0, 2, '2030-06-15', 'bullet', 0],
      ['btc-loan', 'btc_backed_loan', 75e6, 0, 0.09, 12, '2027-03-31', 'bullet', 1800],
    ]);
  });

  it('is frozen, so no caller can change the shared defaults', () => {
    expect(Object.isFrozen(DEFAULT_SCENARIO.miner.power.spot)).toBe(true);
    expect(Object.isFrozen(DEFAULT_SCENARIO.debt[0])).toBe(true);
  });
});

describe('FIELD_INFO, the single table of fields', () => {
  it('has exactly the field paths of the default scenario (lists as `debt[].x`)', () => {
    const fromDefault = new Set(leafPaths(DEFAULT_SCENARIO));
    // Optional item fields (a put date, a soft-call date) may be absent from every default item; all others appear.
    const optional = listFields().filter((f) => f.optional && !fromDefault.has(f.path)).map((f) => f.path);
    // A list that is empty by default (hosting) has no default item: its item fields only need their list.
    const emptyLists = listFields().filter((f) => f.kind === 'list' && Array.isArray(f.default) && f.default.length === 0).map((f) => f.path);
    const ofEmptyList = listFields().filter((f) => emptyLists.some((l) => f.path.startsWith(`${l}[].`))).map((f) => f.path);
    const itemOnly = listFields().filter((f) => f.path.includes('[]') && !fromDefault.has(f.path) && !f.optional && !ofEmptyList.includes(f.path)).map((f) => f.path);
    expect(itemOnly).toEqual([]);
    expect([...fromDefault, ...optional, ...ofEmptyList].sort()).toEqual(Object.keys(FIELD_INFO).sort());
  });

  it('gives every field a unit, a one-sentence help text, a source, a range and its default', () => {
    for (const f of listFields()) {
      expect(f.unit, f.path).not.toBe('');
      expect(f.help, f.path).toMatch(/^[A-Z].*\.$/);
      expect(f.help.split(/\.\s+[A-Z]/).length, `${f.path}: one sentence`).toBe(1);
      expect(f.source, f.path).not.toBe('');
      expect(f.range, f.path).not.toBe('');
      if (!f.path.includes('[]')) expect(f.default, f.path).toBeDefined();
    }
  });

  it('keeps every top-level default inside its own range', () => {
    for (const f of listFields()) {
      if (f.path.includes('[]') || f.kind === 'list') continue;
      expect(resolveScenario(applyPatch({}, setAt(f.path, f.default))).ok, f.path).toBe(true);
    }
  });

  it('looks up concrete paths with indices', () => {
    expect(fieldInfo('debt[3].couponRate')?.path).toBe('debt[].couponRate');
    expect(fieldInfo('miner.nope')).toBeUndefined();
  });
});

describe('every preset', () => {
  for (const [key, preset] of Object.entries(PRESETS)) {
    it(`${key} validates and carries the label of what it models, its sources and its date`, () => {
      expect(preset.id).toBe(key);
      const s = resolved(preset.scenario);
      expect(preset.caveat).toBe(scenarioView(s));
      // The default is the §9 stress view; the company presets model their convertibles' terms (§10).
      if (key === 'default') expect(preset.caveat).toBe(STRESS_VIEW_LABEL);
      else expect(preset.caveat).toMatch(/^converts convert, are put or repaid at par, no refinancing, no new machines(, [\d,.]+ MW IT of AI\/HPC hosting)?$/);
      expect(preset.sources.length).toBeGreaterThan(0);
      expect(preset.asOf <= START.date).toBe(true);
      expect(preset.note).toMatch(key === 'default' ? /not a real company/i : /older/);
      for (const path of [...preset.assumed, ...preset.unverified]) expect(fieldInfo(path), `${key}: ${path}`).toBeDefined();
    });
  }

  it('sizes power capacity to cover the fleet at full nameplate draw plus the hosting contracts\' gross power', () => {
    for (const preset of Object.values(PRESETS)) {
      const s = resolved(preset.scenario);
      const drawMw = s.miner.fleet.reduce((a, g) => a + g.hashrateEhs * g.efficiencyJPerTh, 0) + s.hosting.reduce((a, h) => a + h.mwIt * h.grossToIt, 0);
      expect(s.miner.power.capacityMw, preset.id).toBeGreaterThanOrEqual(drawMw * s.miner.uptime);
      if (preset.id !== 'default') expect(s.miner.power.capacityMw / drawMw, preset.id).toBeLessThan(1.01);
    }
  });

  it('marks the default cash as assumed where the brief has no cash figure, and not where it has one', () => {
    expect(PRESETS.mara.assumed).toContain('miner.treasury.cashUsd');
    expect(PRESETS.cleanspark.assumed).toContain('miner.treasury.cashUsd');
    expect(PRESETS.riot.assumed).not.toContain('miner.treasury.cashUsd');
    expect(PRESETS.riot.assumed).toContain('debt[1].marginCallLtv');
    expect(PRESETS.mara.assumed).toContain('miner.fleet[0].retireDate');
    expect(PRESETS.default.assumed).toEqual([]);
  });

  it('models converts as convertible tranches', () => {
    for (const key of ['mara', 'riot', 'cleanspark'] as const) {
      const s = resolved(PRESETS[key].scenario);
      expect(s.debt.filter((t) => t.type === 'convertible').length, key).toBeGreaterThan(0);
    }
  });
});

describe('merging a file over the defaults (model-spec §0)', () => {
  it('merges objects field by field', () => {
    const s = resolved({ market: { price: { sigma: 0.8, merton: { lambda: 5 } } }, miner: { power: { spot: { sigma: 0.4 } } } });
    expect(s.market.price.sigma).toBe(0.8);
    expect(s.market.price.mu).toBe(0);
    expect(s.market.price.merton).toEqual({ ...DEFAULT_SCENARIO.market.price.merton, lambda: 5 });
    expect(s.miner.power.spot).toEqual({ ...DEFAULT_SCENARIO.miner.power.spot, sigma: 0.4 });
    expect(s.miner.power.capacityMw).toBe(400);
    expect(s.miner.fleet).toEqual(DEFAULT_SCENARIO.miner.fleet);
  });

  it('replaces arrays whole and fills each item\'s own defaults', () => {
    const s = resolved({ miner: { fleet: [{ hashrateEhs: 3, efficiencyJPerTh: 30 }] }, debt: [tranche(), btcLoan()] });
    expect(s.miner.fleet).toEqual([{ name: 'gen1', hashrateEhs: 3, efficiencyJPerTh: 30 }]);
    expect(s.debt).toEqual([
      { id: 't1', type: 'bond', principalUsd: 1e8, couponRate: 0, paymentsPerYear: 2, maturityDate: '2029-01-15', amortization: 'bullet', collateralBtc: 0, rate: 0, marginCallLtv: 0.7, topUpToLtv: 0.5, crossDefault: false, conversionPriceUsd: 0, putConditional: false, settlement: 'net_share' },
      { id: 't2', type: 'btc_backed_loan', principalUsd: 1e8, couponRate: 0, paymentsPerYear: 12, maturityDate: '2029-01-15', amortization: 'bullet', collateralBtc: 2000, rate: 0.09, marginCallLtv: 0.7, topUpToLtv: 0.5, crossDefault: false, conversionPriceUsd: 0, putConditional: false, settlement: 'net_share' },
    ]);
  });

  it('accepts empty lists: no fleet, no debt', () => {
    const s = resolved({ miner: { fleet: [] }, debt: [] });
    expect(s.miner.fleet).toEqual([]);
    expect(s.debt).toEqual([]);
  });

  it('leaves a generation without retireDate without one (it never retires)', () => {
    const s = resolved({ miner: { fleet: [{ name: 'a', hashrateEhs: 1, efficiencyJPerTh: 20 }] } });
    expect('retireDate' in s.miner.fleet[0]).toBe(false);
  });

  it('derives epochStartHeight when only nextHeight is given', () => {
    const s = resolved({ start: { nextHeight: 1_000_000 } });
    expect(s.start.epochStartHeight).toBe(2016 * Math.floor(1_000_000 / 2016));
  });

  it('layers a user\'s edits over a preset with the same rule (applyPatch)', () => {
    const s = resolved(applyPatch(PRESETS.riot.scenario, { miner: { treasury: { cashUsd: 1e8 } } }));
    expect(s.miner.treasury).toMatchObject({ cashUsd: 1e8, btc: 15_987 });
  });

  it('never modifies the input, and the result shares no object with it', () => {
    const input = { market: { price: { sigma: 0.7 } }, debt: [tranche({ id: 'a' })], miner: { fleet: [{ hashrateEhs: 1, efficiencyJPerTh: 20 }] } };
    const before = structuredClone(input);
    const s = resolved(deepFreeze(structuredClone(input)));
    const s2 = resolved(input);
    expect(input).toEqual(before);
    s2.debt[0].principalUsd = 1;
    s2.miner.fleet[0].hashrateEhs = 99;
    expect(input).toEqual(before);
    expect(s).toEqual(resolved(before));
    const bad = { miner: { power: { hedgedShare: 2 } }, debt: [{ type: 'bond' }] };
    const badBefore = structuredClone(bad);
    refused(bad);
    expect(bad).toEqual(badBefore);
  });
});

/** One case per rule: the input and the path that must be named. */
const RULES: { rule: string; input: unknown; path: string }[] = [
  // §11.12
  { rule: 'hedgedShare above 1', input: { miner: { power: { hedgedShare: 1.5 } } }, path: 'miner.power.hedgedShare' },
  { rule: 'hedgedShare below 0', input: { miner: { power: { hedgedShare: -0.1 } } }, path: 'miner.power.hedgedShare' },
  { rule: 'mustRunShare above 1', input: { network: { mustRunShare: 1.2 } }, path: 'network.mustRunShare' },
  { rule: 'mustRunShare below 0.01', input: { network: { mustRunShare: 0.005 } }, path: 'network.mustRunShare' },
  { rule: 'efficiencyGain of 1', input: { network: { efficiencyGain: 1 } }, path: 'network.efficiencyGain' },
  { rule: 'efficiencyGain below 0', input: { network: { efficiencyGain: -0.1 } }, path: 'network.efficiencyGain' },
  { rule: 'breakevenMedian ≤ 0', input: { network: { breakevenMedian: 0 } }, path: 'network.breakevenMedian' },
  { rule: 'breakevenSpread ≤ 0', input: { network: { breakevenSpread: 0 } }, path: 'network.breakevenSpread' },
  { rule: 'investmentHurdle ≤ 0', input: { network: { investmentHurdle: -5 } }, path: 'network.investmentHurdle' },
  { rule: 'shutdownHalfLifeDays ≤ 0', input: { network: { shutdownHalfLifeDays: 0 } }, path: 'network.shutdownHalfLifeDays' },
  { rule: 'kappaPerEpoch of 1', input: { network: { kappaPerEpoch: 1 } }, path: 'network.kappaPerEpoch' },
  { rule: 'kappaPerEpoch below 0', input: { network: { kappaPerEpoch: -0.01 } }, path: 'network.kappaPerEpoch' },
  { rule: 'sigmaPerEpoch below 0', input: { network: { sigmaPerEpoch: -0.01 } }, path: 'network.sigmaPerEpoch' },
  { rule: 'outage probPerEpoch above 1', input: { network: { outage: { probPerEpoch: 1.1 } } }, path: 'network.outage.probPerEpoch' },
  { rule: 'outage sizeMin of 1', input: { network: { outage: { sizeMin: 1, sizeMax: 0.5 } } }, path: 'network.outage.sizeMin' },
  { rule: 'outage sizeMax below 0', input: { network: { outage: { sizeMax: -0.1 } } }, path: 'network.outage.sizeMax' },
  { rule: 'topUpToLtv ≥ marginCallLtv', input: { debt: [btcLoan({ marginCallLtv: 0.6, topUpToLtv: 0.6 })] }, path: 'debt[0].topUpToLtv' },
  { rule: 'collateralBtc ≤ 0', input: { debt: [tranche(), btcLoan({ collateralBtc: 0 })] }, path: 'debt[1].collateralBtc' },
  { rule: 'longRunShare of 0', input: { market: { fees: { longRunShare: 0 } } }, path: 'market.fees.longRunShare' },
  { rule: 'longRunShare of 1', input: { market: { fees: { longRunShare: 1 } } }, path: 'market.fees.longRunShare' },
  { rule: 'negative price', input: { start: { priceUsd: -1 } }, path: 'start.priceUsd' },
  { rule: 'negative difficulty', input: { start: { difficulty: -1 } }, path: 'start.difficulty' },
  { rule: 'negative coupon rate', input: { debt: [tranche({ couponRate: -0.01 })] }, path: 'debt[0].couponRate' },
  { rule: 'negative loan rate', input: { debt: [btcLoan({ rate: -0.01 })] }, path: 'debt[0].rate' },
  { rule: 'negative principal', input: { debt: [tranche({ principalUsd: -1 })] }, path: 'debt[0].principalUsd' },
  { rule: 'negative cash', input: { miner: { treasury: { cashUsd: -1 } } }, path: 'miner.treasury.cashUsd' },
  { rule: 'negative BTC', input: { miner: { treasury: { btc: -1 } } }, path: 'miner.treasury.btc' },
  { rule: 'negative power price', input: { miner: { power: { contractUsdPerMwh: -1 } } }, path: 'miner.power.contractUsdPerMwh' },
  { rule: 'months of 0', input: { run: { months: 0 } }, path: 'run.months' },
  { rule: 'months above 120', input: { run: { months: 121 } }, path: 'run.months' },
  { rule: 'paths below 1', input: { run: { paths: 0 } }, path: 'run.paths' },
  // §11.1 tranches
  { rule: 'tranche without type', input: { debt: [{ principalUsd: 1, maturityDate: '2029-01-01' }] }, path: 'debt[0].type' },
  { rule: 'tranche without principalUsd', input: { debt: [{ type: 'bond', maturityDate: '2029-01-01' }] }, path: 'debt[0].principalUsd' },
  { rule: 'tranche without maturityDate', input: { debt: [{ type: 'bond', principalUsd: 1 }] }, path: 'debt[0].maturityDate' },
  { rule: 'maturity on the start date', input: { debt: [tranche({ maturityDate: START.date })] }, path: 'debt[0].maturityDate' },
  { rule: 'btc_backed_loan without collateralBtc', input: { debt: [{ type: 'btc_backed_loan', principalUsd: 1, maturityDate: '2029-01-01' }] }, path: 'debt[0].collateralBtc' },
  { rule: 'paymentsPerYear that does not divide 12', input: { debt: [tranche({ paymentsPerYear: 5 })] }, path: 'debt[0].paymentsPerYear' },
  { rule: 'unknown tranche type', input: { debt: [tranche({ type: 'loan' })] }, path: 'debt[0].type' },
  { rule: 'unknown amortization', input: { debt: [tranche({ amortization: 'balloon' })] }, path: 'debt[0].amortization' },
  { rule: 'duplicate tranche ids', input: { debt: [tranche({ id: 'a' }), tranche({ id: 'a' })] }, path: 'debt[1].id' },
  { rule: 'explicit id equal to a generated one', input: { debt: [tranche({ id: 't2' }), tranche()] }, path: 'debt[1].id' },
  { rule: 'id with spaces', input: { debt: [tranche({ id: 'my bond' })] }, path: 'debt[0].id' },
  { rule: 'collateral on a bond', input: { debt: [tranche({ collateralBtc: 10 })] }, path: 'debt[0].collateralBtc' },
  { rule: 'rate on a bond', input: { debt: [tranche({ rate: 0.05 })] }, path: 'debt[0].rate' },
  { rule: 'couponRate on a btc_backed_loan', input: { debt: [btcLoan({ couponRate: 0.05 })] }, path: 'debt[0].couponRate' },
  { rule: 'quarterly btc_backed_loan', input: { debt: [btcLoan({ paymentsPerYear: 4 })] }, path: 'debt[0].paymentsPerYear' },
  { rule: 'amortising btc_backed_loan', input: { debt: [btcLoan({ amortization: 'linear' })] }, path: 'debt[0].amortization' },
  { rule: 'more than 32 tranches', input: { debt: Array.from({ length: 33 }, (_, i) => tranche({ id: `x${i}` })) }, path: 'debt' },
  // §11.2 price model
  { rule: 'studentT nu below 2.1', input: { market: { price: { studentT: { nu: 2.0 } } } }, path: 'market.price.studentT.nu' },
  { rule: 'unknown startRegime', input: { market: { price: { regime: { startRegime: 'bull' } } } }, path: 'market.price.regime.startRegime' },
  { rule: 'unknown price model', input: { market: { price: { model: 'garch' } } }, path: 'market.price.model' },
  { rule: 'sigma above 5', input: { market: { price: { sigma: 6 } } }, path: 'market.price.sigma' },
  { rule: 'stationary start without switching', input: { market: { price: { model: 'regime', regime: { pCalmToTurbulent: 0, pTurbulentToCalm: 0 } } } }, path: 'market.price.regime.startRegime' },
  // §11.4 start state and network
  { rule: 'start.date override', input: { start: { date: '2025-01-01' } }, path: 'start.date' },
  { rule: 'epochStartHeight inconsistent with nextHeight', input: { start: { epochStartHeight: 941_000 } }, path: 'start.epochStartHeight' },
  { rule: 'epochStartTime after the start date', input: { start: { epochStartTime: '2026-03-23T00:00:00Z' } }, path: 'start.epochStartTime' },
  { rule: 'lagDays of 0', input: { network: { lagDays: 0 } }, path: 'network.lagDays' },
  { rule: 'lagDays above 3650', input: { network: { lagDays: 3651 } }, path: 'network.lagDays' },
  { rule: 'feeShare of 0', input: { start: { feeShare: 0 } }, path: 'start.feeShare' },
  // run
  { rule: 'paths above 10,000,000', input: { run: { paths: 10_000_001 } }, path: 'run.paths' },
  { rule: 'fractional paths', input: { run: { paths: 100.5 } }, path: 'run.paths' },
  { rule: 'negative seed', input: { run: { seed: -1 } }, path: 'run.seed' },
  { rule: 'seed beyond 32 bits', input: { run: { seed: 4_294_967_296 } }, path: 'run.seed' },
  // dates and fleet
  { rule: 'a date that does not exist', input: { debt: [tranche({ maturityDate: '2027-02-30' })] }, path: 'debt[0].maturityDate' },
  { rule: 'a date in another format', input: { debt: [tranche({ maturityDate: '15/01/2029' })] }, path: 'debt[0].maturityDate' },
  { rule: 'retireDate before the start', input: { miner: { fleet: [{ hashrateEhs: 1, efficiencyJPerTh: 20, retireDate: '2025-12-31' }] } }, path: 'miner.fleet[0].retireDate' },
  { rule: 'generation without hashrate', input: { miner: { fleet: [{ efficiencyJPerTh: 20 }] } }, path: 'miner.fleet[0].hashrateEhs' },
  { rule: 'efficiency of 0 J/TH', input: { miner: { fleet: [{ hashrateEhs: 1, efficiencyJPerTh: 0 }] } }, path: 'miner.fleet[0].efficiencyJPerTh' },
  // other consistency
  { rule: 'fee spikeMax below spikeMin', input: { market: { fees: { spikeMin: 6, spikeMax: 5 } } }, path: 'market.fees.spikeMax' },
  { rule: 'outage sizeMax below sizeMin', input: { network: { outage: { sizeMin: 0.3 } } }, path: 'network.outage.sizeMax' },
  { rule: 'schemaVersion other than 1', input: { schemaVersion: 2 }, path: 'schemaVersion' },
  { rule: 'spot correlation above 1', input: { miner: { power: { spot: { corrWithBtc: 1.5 } } } }, path: 'miner.power.spot.corrWithBtc' },
  { rule: 'infinite value', input: { miner: { treasury: { cashUsd: Infinity } } }, path: 'miner.treasury.cashUsd' },
];

describe('validation rules (model-spec §11.1–§11.4, §11.12): each refused with its path', () => {
  it.each(RULES)('$rule → $path', ({ input, path }) => {
    const errors = refused(input);
    const e = errors.find((x) => x.path === path);
    expect(e, errors.map(formatError).join('\n')).toBeDefined();
    const line = formatError(e!);
    expect(line.startsWith(`${path}: `)).toBe(true);
    expect(line).toMatch(/ — allowed /);
    expect(line).not.toMatch(/\n/);
  });

  it('accepts the edges of each range', () => {
    resolved({ miner: { power: { hedgedShare: 1 } }, network: { mustRunShare: 0.01, lagDays: 3650, kappaPerEpoch: 0 } });
    resolved({ run: { months: 120, paths: 1, seed: 4_294_967_295 }, market: { price: { studentT: { nu: 2.1 } } } });
    resolved({ run: { months: 1, seed: 0 }, network: { lagDays: 1, outage: { sizeMin: 0.2, sizeMax: 0.2 } } });
    resolved({ debt: [tranche({ paymentsPerYear: 12, amortization: 'linear' }), tranche({ paymentsPerYear: 1 }), btcLoan({ paymentsPerYear: 12 })] });
  });
});

describe('error lines', () => {
  it('name the field path, the bad value and the allowed range on one line', () => {
    const [e] = refused({ miner: { power: { hedgedShare: 1.5 } } });
    expect(e).toEqual({ path: 'miner.power.hedgedShare', value: 1.5, message: '1.5 is out of range — allowed 0 to 1' });
    expect(formatError(e)).toBe('miner.power.hedgedShare: 1.5 is out of range — allowed 0 to 1');
  });

  it('use array indices in paths', () => {
    const errors = refused({ debt: [tranche(), tranche({ couponRate: 2 })] });
    expect(errors.map(formatError)).toEqual(['debt[1].couponRate: 2 is out of range — allowed 0 to 1']);
  });

  it('refuse an unknown field naming its path and the known fields, with a suggestion', () => {
    const errors = refused({ market: { price: { sigmaa: 0.6 } }, debt: [tranche({ coupon: 0.02 })], extra: 1 });
    const lines = errors.map(formatError);
    expect(lines).toContainEqual(expect.stringMatching(/^market\.price\.sigmaa: 0\.6 is not a known field \(did you mean sigma\?\) — allowed fields here: model, mu, sigma/));
    expect(lines).toContainEqual(expect.stringMatching(/^debt\[0\]\.coupon: 0\.02 is not a known field .*couponRate/));
    expect(lines).toContainEqual(expect.stringMatching(/^extra: 1 is not a known field — allowed fields here: schemaVersion, name/));
  });

  it('refuse a value of the wrong type', () => {
    expect(refused({ market: { price: { sigma: '0.5' } } }).map(formatError)).toEqual([
      'market.price.sigma: "0.5" is not a number — allowed 0 to 5',
    ]);
    expect(refused({ network: { blockLuck: 'yes' } }).map(formatError)).toEqual(['network.blockLuck: "yes" is not true or false — allowed true or false']);
    expect(refused({ market: 5 }).map(formatError)[0]).toMatch(/^market: 5 is not an object — allowed an object with the fields price, fees$/);
    expect(refused({ debt: { type: 'bond' } }).map(formatError)[0]).toMatch(/^debt: \{"type":"bond"\} is not a list — allowed a list of 0 to 32 tranches$/);
    expect(refused({ run: { seed: null } }).map(formatError)).toEqual(['run.seed: null is not a number — allowed whole numbers 0 to 4,294,967,295']);
    expect(refused([1, 2]).map(formatError)[0]).toMatch(/^scenario: \[1,2\] is not an object/);
  });

  it('refuse a change of start.date with a clear message, and accept its own value', () => {
    expect(refused({ start: { date: '2025-01-01' } }).map(formatError)).toEqual([
      `start.date: "2025-01-01" cannot be changed: the simulation starts at the end of the shipped history — allowed only ${START.date} (the end of the shipped history)`,
    ]);
    expect(resolved({ start: { date: START.date } }).start.date).toBe(START.date);
  });

  it('say what is missing in a tranche', () => {
    expect(refused({ debt: [{ type: 'bond', principalUsd: 1 }] }).map(formatError)).toEqual([
      `debt[0].maturityDate: missing — required — allowed a real calendar date YYYY-MM-DD after ${START.date} up to 2099-12-31`,
    ]);
  });

  it('report every error at once, one per field', () => {
    const errors = refused({ run: { months: 0, paths: 0 }, miner: { power: { hedgedShare: 2 }, treasury: { btc: -1 } }, debt: [btcLoan({ collateralBtc: -1 })] });
    expect(errors.map((e) => e.path).sort()).toEqual(['debt[0].collateralBtc', 'miner.power.hedgedShare', 'miner.treasury.btc', 'run.months', 'run.paths']);
  });

  it('do not repeat errors inside a field that is already wrong', () => {
    expect(refused({ market: { price: [] } }).map((e) => e.path)).toEqual(['market.price']);
    expect(refused({ network: { outage: { sizeMin: 1 } } }).map((e) => e.path)).toEqual(['network.outage.sizeMin']);
    expect(refused({ debt: [{ type: 'btc_backed_loan', principalUsd: 1, maturityDate: '2029-01-01', collateralBtc: 'x' }] }).map(formatError)).toEqual([
      'debt[0].collateralBtc: "x" is not a number — allowed 0 to 21,000,000',
    ]);
  });

  it('treat a "__proto__" key as an unknown field, not as a prototype', () => {
    const errors = refused(JSON.parse('{"run": {"__proto__": {"paths": 5}}}'));
    expect(errors.map((e) => e.path)).toEqual(['run.__proto__']);
  });
});

function setAt(path: string, value: unknown): Record<string, unknown> {
  const keys = path.split('.');
  const root: Record<string, unknown> = {};
  let node = root;
  keys.slice(0, -1).forEach((k) => (node = node[k] = {} as Record<string, unknown>));
  node[keys[keys.length - 1]] = value;
  return root;
}

function deepFreeze<T>(x: T): T {
  if (x && typeof x === 'object') {
    Object.freeze(x);
    Object.values(x).forEach(deepFreeze);
  }
  return x;
}
