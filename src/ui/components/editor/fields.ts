// Pure helpers of the scenario editor: short labels, element ids, which fields a section shows, new list items,
// the price implied by the market model (model-spec §3). No DOM, no state: the components own those.
import { fieldInfo, formatDefault, type FieldInfo, type Tranche, type FleetGeneration, type TrancheType, type HostingContract } from '../../../model/scenario';
import { addMonths, daysBetween } from '../../../model/calendar';
import { START } from '../../../model/start-state';
import { PRESETS, type Preset } from '../../../model/presets';

/** Short names for the label of each field (FIELD_INFO paths, list items as `debt[].x`). */
export const LABELS: Record<string, string> = {
  'run.paths': 'Paths', 'run.seed': 'Seed', 'run.months': 'Horizon',
  'start.date': 'Start date', 'start.priceUsd': 'BTC price', 'start.difficulty': 'Difficulty',
  'market.price.model': 'Price model', 'market.price.mu': 'Expected return μ', 'market.price.sigma': 'Volatility σ',
  'market.price.merton.lambda': 'Jumps per year λ', 'market.price.merton.jumpMean': 'Mean jump m',
  'market.price.merton.jumpSd': 'Jump dispersion s', 'market.price.merton.sigmaDiffusion': 'Volatility between jumps σ_D',
  'market.price.studentT.nu': 'Tail parameter ν',
  'market.price.regime.sigmaCalm': 'Calm volatility', 'market.price.regime.sigmaTurbulent': 'Turbulent volatility',
  'market.price.regime.pCalmToTurbulent': 'Calm → turbulent', 'market.price.regime.pTurbulentToCalm': 'Turbulent → calm',
  'market.price.regime.startRegime': 'Regime on day 1',
  'market.fees.longRunShare': 'Long-run fee share', 'market.fees.phiMonthly': 'Fee persistence',
  'market.fees.sdMonthly': 'Fee volatility', 'market.fees.spikeProbMonthly': 'Fee spike chance',
  'market.fees.spikeMin': 'Spike size, min', 'market.fees.spikeMax': 'Spike size, max', 'market.fees.spikeDays': 'Spike length',
  'network.model': 'Network model', 'network.blockLuck': 'Random block counts',
  'network.breakevenMedian': 'Median breakeven hashprice', 'network.breakevenSpread': 'Breakeven spread',
  'network.mustRunShare': 'Must-run share', 'network.shutdownHalfLifeDays': 'Shutdown half-life',
  'network.investmentHurdle': 'Investment hurdle', 'network.efficiencyGain': 'Efficiency gain',
  'network.kappaPerEpoch': 'Capacity response κ', 'network.lagDays': 'Capacity lag', 'network.sigmaPerEpoch': 'Capacity noise',
  'network.outage.probPerEpoch': 'Outage chance', 'network.outage.sizeMin': 'Outage size, min',
  'network.outage.sizeMax': 'Outage size, max', 'network.outage.halfLifeDays': 'Outage recovery half-life',
  'network.exogenous.driftPerEpoch': 'Difficulty drift', 'network.exogenous.sdPerEpoch': 'Difficulty noise',
  'miner.fleet': 'Fleet', 'miner.fleet[].name': 'Name', 'miner.fleet[].hashrateEhs': 'Hashrate',
  'miner.fleet[].efficiencyJPerTh': 'Efficiency', 'miner.fleet[].retireDate': 'Retire date',
  'miner.uptime': 'Uptime', 'miner.poolFee': 'Pool fee',
  'miner.power.capacityMw': 'Power capacity', 'miner.power.contractUsdPerMwh': 'Contract price',
  'miner.power.hedgedShare': 'Hedged share', 'miner.power.resale': 'Resell unused hedged power',
  'miner.power.demandResponseUsdPerMwYear': 'Demand-response income',
  'miner.power.spot.meanUsdPerMwh': 'Spot price, long-run', 'miner.power.spot.sigma': 'Spot volatility',
  'miner.power.spot.halfLifeDays': 'Spot half-life', 'miner.power.spot.corrWithBtc': 'Spot–BTC correlation',
  'miner.power.spot.shockProbPerYear': 'Power shocks', 'miner.power.spot.shockMultiplier': 'Shock multiplier',
  'miner.power.spot.shockDays': 'Shock length',
  'miner.costs.sgaUsdPerQuarter': 'Fixed SG&A', 'miner.costs.sgaUsdPerQuarterPerEhs': 'SG&A per EH/s',
  'miner.costs.otherOpexUsdPerPhDay': 'Other opex',
  'miner.treasury.cashUsd': 'Cash', 'miner.treasury.btc': 'Free BTC',
  'miner.treasury.sellShareOfProduction': 'Share of production sold', 'miner.treasury.bufferDays': 'Cash buffer',
  'miner.treasury.btcSaleHaircut': 'BTC sale haircut',
  'miner.refresh.policy': 'Capex policy', 'miner.refresh.budgetUsdPerQuarter': 'Budget per quarter',
  'miner.refresh.funding': 'Paid from', 'miner.refresh.facility.rate': 'Facility rate',
  'miner.refresh.facility.termMonths': 'Facility repayment term', 'miner.refresh.facility.limitUsd': 'Facility limit',
  'miner.refresh.frontierJPerThAtStart': 'Newest machines at the start', 'miner.refresh.frontierImprovementPerYear': 'Frontier efficiency gain',
  'miner.refresh.asicPriceDaysOfHashprice': 'Machine price, days of hashprice', 'miner.refresh.asicPriceFloorUsdPerTh': 'Machine price floor',
  'miner.refresh.degradationPerYear': 'Hash degradation', 'miner.refresh.uneconomicDaysToRetire': 'Retire after uneconomic days',
  'miner.refresh.deliveryDays': 'Delivery time', 'miner.refresh.limitToPowerCapacity': 'Buy only what the power can run',
  debt: 'Debt stack', 'debt[].id': 'Id', 'debt[].type': 'Type', 'debt[].principalUsd': 'Principal',
  'debt[].couponRate': 'Coupon', 'debt[].paymentsPerYear': 'Payments per year', 'debt[].maturityDate': 'Maturity',
  'debt[].amortization': 'Amortisation', 'debt[].collateralBtc': 'Collateral', 'debt[].rate': 'Interest rate',
  'debt[].marginCallLtv': 'Margin call at LTV', 'debt[].topUpToLtv': 'Top up to LTV', 'debt[].crossDefault': 'Cross-default',
  'debt[].conversionPriceUsd': 'Conversion price', 'debt[].putDate': 'Holder put date',
  'debt[].putConditional': 'Put only below conversion price', 'debt[].softCallDate': 'Soft call from',
  'debt[].settlement': 'Conversion settlement', 'debt[].spv': 'Owed by the SPV of', 'debt[].collateralGeneration': 'Secured by machines',
  'hosting[].nonRecourse': 'Non-recourse SPV', 'covenants.minDscr': 'Minimum DSCR', 'covenants.breachedQuartersToDefault': 'Breached quarters to default',
  hosting: 'Hosting contracts', 'hosting[].name': 'Name', 'hosting[].mwIt': 'IT load', 'hosting[].usdPerMwItYear': 'Rent, first year',
  'hosting[].escalatorPerYear': 'Rent escalator', 'hosting[].noiMargin': 'NOI margin', 'hosting[].capexUsdPerMwIt': 'Build cost',
  'hosting[].loanToCost': 'Project loan, share of cost', 'hosting[].loanRate': 'Project loan rate', 'hosting[].loanYears': 'Project loan term',
  'hosting[].monthsToFirstRent': 'Months to first rent', 'hosting[].delayProbPerPhase': 'Chance a phase slips',
  'hosting[].delayMonths': 'Slip per missed milestone', 'hosting[].maxDelayMonthsBeforeTermination': 'Terminated if later than',
  'hosting[].termYears': 'Lease term', 'hosting[].tenantDefaultPerYear': 'Tenant default hazard', 'hosting[].backstopUsd': 'Backstop cap',
  'hosting[].reletMonths': 'Empty before re-let', 'hosting[].reletDiscount': 'Re-let discount', 'hosting[].grossToIt': 'Site MW per MW IT',
  'hosting[].interruptibleShare': 'Interruptible share of slack', 'hosting[].startDate': 'Signing date',
  'equity.priceUsd': 'Share price', 'equity.sharesOutstanding': 'Shares outstanding', 'equity.beta': 'Beta to BTC',
  'equity.sigmaIdio': 'Own volatility',
  'capitalMarkets.refinancing': 'Refinance unpaid maturities', 'capitalMarkets.atmEquity': 'Sell shares at the market',
  'capitalMarkets.maxDrawdownFromPeak': 'Closed below peak by', 'capitalMarkets.maxNetDebtToEbitda': 'Closed above net debt / EBITDA',
  'capitalMarkets.baseRate': 'Base rate', 'capitalMarkets.spread': 'Spread', 'capitalMarkets.refinanceYears': 'Refinancing term',
  'capitalMarkets.atmShareOfMarketCapPerQuarter': 'Equity sales per quarter', 'capitalMarkets.atmDiscount': 'Equity sale discount',
  'recovery.bankruptcyCostShare': 'Bankruptcy costs', 'recovery.btcHaircut': 'BTC sale discount in default',
  'recovery.dataCentreDiscountRate': 'Data-centre discount rate',
};

/** Readable names of enumeration values; the value itself is what the scenario stores. */
export const OPTION_LABELS: Record<string, string> = {
  gbm: 'gbm (lognormal)', merton: 'merton (jumps)', studentT: 'studentT (fat tails)', regime: 'regime (calm/turbulent)',
  stationary: 'stationary (long-run mix)', calm: 'calm', turbulent: 'turbulent',
  feedback: 'feedback', exogenous: 'exogenous (random walk)',
  bond: 'bond', term_loan: 'term loan', convertible: 'convertible', btc_backed_loan: 'BTC-backed loan',
  bullet: 'bullet', linear: 'linear',
  physical: 'physical (shares)', cash: 'cash', net_share: 'net share (par in cash, excess in shares)',
  none: 'none (fleet as given)', holdShare: 'hold share of the network', budget: 'fixed budget per quarter',
  facility: 'equipment facility',
};

/** `debt[1].couponRate` → `debt[].couponRate`. */
export const genericPath = (path: string): string => path.replace(/\[\d+\]/g, '[]');

/** The short label of a field: its LABELS entry, else its last key split at capitals. */
export function shortLabel(path: string): string {
  const known = LABELS[genericPath(path)];
  if (known) return known;
  const key = path.split('.').pop()!.replace(/\[\d+\]$/, '');
  const words = key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A DOM id for a path (a field, a list item or a list): `debt[1].couponRate` → `f-debt-1-couponRate`. */
export const fieldId = (path: string): string => `f-${path.replace(/[^A-Za-z0-9]+/g, '-').replace(/-$/, '')}`;

/** Editor text of a draft value: numbers as JavaScript writes them, typed text exactly as typed. */
export function displayValue(x: unknown): string {
  if (x === undefined || x === null) return '';
  return typeof x === 'string' ? x : String(x);
}

/** A draft value as a number: a number, or text that reads as one (as the scenario state parses it); else NaN. */
export function toNumber(x: unknown): number {
  if (typeof x === 'number') return x;
  if (typeof x !== 'string') return NaN;
  const t = x.trim();
  return t !== '' && /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t) ? Number(t) : NaN;
}

/** "default 0.5" when the draft value differs from the field's default, else null (also when there is none). */
export function defaultNote(info: FieldInfo, value: unknown): string | null {
  if (info.kind === 'list' || (info.default === null && !info.defaultText)) return null;
  const d = info.default;
  const same = typeof d === 'number' ? toNumber(value) === d : value === d;
  return same ? null : `default ${formatDefault(info)}`;
}

/** Money in words for a field echo: 150000000 → "$150M", 1150000000 → "$1.15B"; null below $10,000. */
export function usdShort(x: number): string | null {
  if (!Number.isFinite(x) || Math.abs(x) < 10_000) return null;
  const [div, suffix] = Math.abs(x) >= 1e9 ? [1e9, 'B'] : Math.abs(x) >= 1e6 ? [1e6, 'M'] : [1e3, 'k'];
  return `$${Number((x / div).toPrecision(3)).toLocaleString('en-US')}${suffix}`;
}

const PERCENT_UNITS = new Set(['per year', 'share (0–1)', 'share of revenue', 'share of price', 'share of hashrate', 'loan-to-value']);

/** A rate or share as a percentage for a field echo: 0.02 → "2 %"; null for other units or non-numbers. */
export function percentEcho(unit: string, x: number): string | null {
  if (!PERCENT_UNITS.has(unit) || !Number.isFinite(x)) return null;
  return `${Number((x * 100).toPrecision(4)).toLocaleString('en-US')} %`;
}

export const usd = (x: number): string => `$${Math.round(x).toLocaleString('en-US')}`;

/** The company preset behind `presetId`, or null for the default scenario and custom ones. */
export function companyPreset(presetId: string): Preset | null {
  const preset = (PRESETS as Record<string, Preset>)[presetId];
  return preset && presetId !== 'default' ? preset : null;
}

/** Badges for a field of an unedited company preset: "assumed" (a default standing in for a missing figure) and
 * "unverified" (a general-knowledge or derived figure). */
export function presetMarks(presetId: string, path: string): ('assumed' | 'unverified')[] {
  const preset = companyPreset(presetId);
  if (!preset) return [];
  const out: ('assumed' | 'unverified')[] = [];
  if (preset.assumed.includes(path)) out.push('assumed');
  if (preset.unverified.includes(path)) out.push('unverified');
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Which fields each part of the editor shows
// ---------------------------------------------------------------------------------------------------------------

const PRICE = 'market.price';
const PRICE_FIELDS: Record<string, string[]> = {
  gbm: ['mu', 'sigma'],
  merton: ['mu', 'merton.sigmaDiffusion', 'merton.lambda', 'merton.jumpMean', 'merton.jumpSd'],
  studentT: ['mu', 'sigma', 'studentT.nu'],
  regime: ['mu', 'regime.sigmaCalm', 'regime.sigmaTurbulent', 'regime.pCalmToTurbulent', 'regime.pTurbulentToCalm', 'regime.startRegime'],
};
const ALL_PRICE = [...new Set(Object.values(PRICE_FIELDS).flat())].map((k) => `${PRICE}.${k}`);

/** The price fields the chosen model uses (μ first), after the model itself. */
export function priceFields(model: unknown): string[] {
  return [`${PRICE}.model`, ...(PRICE_FIELDS[String(model)] ?? PRICE_FIELDS.gbm).map((k) => `${PRICE}.${k}`)];
}

const FEEDBACK = ['breakevenMedian', 'breakevenSpread', 'mustRunShare', 'shutdownHalfLifeDays', 'investmentHurdle',
  'efficiencyGain', 'kappaPerEpoch', 'lagDays', 'sigmaPerEpoch', 'outage.probPerEpoch', 'outage.sizeMin',
  'outage.sizeMax', 'outage.halfLifeDays'].map((k) => `network.${k}`);
const EXOGENOUS = ['network.exogenous.driftPerEpoch', 'network.exogenous.sdPerEpoch'];

/** The network fields the chosen model uses: the exogenous walk has no cost curve, capacity or outages (§4). */
export function networkFields(model: unknown): string[] {
  return ['network.model', 'network.blockLuck', ...(model === 'exogenous' ? EXOGENOUS : FEEDBACK)];
}

/** Fields of the groups that depend on nothing. */
export const FEES = ['longRunShare', 'phiMonthly', 'sdMonthly', 'spikeProbMonthly', 'spikeMin', 'spikeMax', 'spikeDays'].map((k) => `market.fees.${k}`);
export const OPERATIONS = ['miner.uptime', 'miner.poolFee', 'miner.costs.sgaUsdPerQuarter', 'miner.costs.sgaUsdPerQuarterPerEhs', 'miner.costs.otherOpexUsdPerPhDay'];
export const POWER = ['capacityMw', 'contractUsdPerMwh', 'hedgedShare', 'resale', 'demandResponseUsdPerMwYear'].map((k) => `miner.power.${k}`);
export const SPOT = ['meanUsdPerMwh', 'sigma', 'halfLifeDays', 'corrWithBtc', 'shockProbPerYear', 'shockMultiplier', 'shockDays'].map((k) => `miner.power.spot.${k}`);
export const TREASURY = ['cashUsd', 'btc', 'sellShareOfProduction', 'bufferDays', 'btcSaleHaircut'].map((k) => `miner.treasury.${k}`);
export const RUN = ['run.paths', 'run.months', 'run.seed'];
export const EQUITY = ['priceUsd', 'sharesOutstanding', 'beta', 'sigmaIdio'].map((k) => `equity.${k}`);
export const CAPITAL_MARKETS = ['refinancing', 'atmEquity', 'maxDrawdownFromPeak', 'maxNetDebtToEbitda', 'baseRate', 'spread',
  'refinanceYears', 'atmShareOfMarketCapPerQuarter', 'atmDiscount'].map((k) => `capitalMarkets.${k}`);
export const RECOVERY = ['bankruptcyCostShare', 'btcHaircut', 'dataCentreDiscountRate'].map((k) => `recovery.${k}`);
export const COVENANTS = ['minDscr', 'breachedQuartersToDefault'].map((k) => `covenants.${k}`);

const REFRESH_COMMON = ['frontierJPerThAtStart', 'frontierImprovementPerYear', 'asicPriceDaysOfHashprice', 'asicPriceFloorUsdPerTh',
  'degradationPerYear', 'uneconomicDaysToRetire', 'deliveryDays', 'limitToPowerCapacity'];
const REFRESH_FACILITY = ['facility.rate', 'facility.termMonths', 'facility.limitUsd'];
/** Every fleet-refresh field (model-spec §10). */
export const REFRESH = ['policy', 'budgetUsdPerQuarter', 'funding', ...REFRESH_FACILITY, ...REFRESH_COMMON].map((k) => `miner.refresh.${k}`);

/** The fleet-refresh fields a policy uses: none uses nothing else; the budget adds its amount; a facility its terms. */
export function refreshFields(policy: unknown, funding: unknown): string[] {
  if (policy !== 'holdShare' && policy !== 'budget') return ['miner.refresh.policy'];
  const own = [...(policy === 'budget' ? ['budgetUsdPerQuarter'] : []), 'funding', ...(funding === 'facility' ? REFRESH_FACILITY : []), ...REFRESH_COMMON];
  return ['miner.refresh.policy', ...own.map((k) => `miner.refresh.${k}`)];
}

export function fleetFields(i: number): string[] {
  return ['name', 'hashrateEhs', 'efficiencyJPerTh', 'retireDate'].map((k) => `miner.fleet[${i}].${k}`);
}

/** A hosting contract's fields, in groups: the lease, the build and its loan, the risks, the site power. */
export const HOSTING_GROUPS: { heading: string; keys: string[] }[] = [
  { heading: 'Lease', keys: ['name', 'mwIt', 'startDate', 'usdPerMwItYear', 'escalatorPerYear', 'noiMargin', 'termYears'] },
  { heading: 'Build and project loan', keys: ['monthsToFirstRent', 'capexUsdPerMwIt', 'loanToCost', 'loanRate', 'loanYears', 'nonRecourse'] },
  { heading: 'Delays and tenant', keys: ['delayProbPerPhase', 'delayMonths', 'maxDelayMonthsBeforeTermination', 'tenantDefaultPerYear', 'backstopUsd', 'reletMonths', 'reletDiscount'] },
  { heading: 'Site power', keys: ['grossToIt', 'interruptibleShare'] },
];

export function hostingFields(i: number): string[] {
  return HOSTING_GROUPS.flatMap((g) => g.keys).map((k) => `hosting[${i}].${k}`);
}

const TRANCHE_COMMON = ['id', 'type', 'principalUsd', 'maturityDate'];
const TRANCHE_BTC = ['rate', 'collateralBtc', 'marginCallLtv', 'topUpToLtv', 'crossDefault'];
const TRANCHE_OTHER = ['couponRate', 'paymentsPerYear', 'amortization'];
const TRANCHE_SECURED = ['spv', 'collateralGeneration'];
const TRANCHE_CONVERTIBLE = ['conversionPriceUsd', 'putDate', 'putConditional', 'softCallDate', 'settlement'];

/** A tranche's fields for its type: a btc_backed_loan pays `rate` monthly on pledged BTC; the others pay a coupon;
 *  a convertible adds its conversion terms. */
export function trancheFields(i: number, type: unknown): string[] {
  const own = type === 'btc_backed_loan' ? TRANCHE_BTC : type === 'convertible' ? [...TRANCHE_OTHER, ...TRANCHE_CONVERTIBLE] : [...TRANCHE_OTHER, ...TRANCHE_SECURED];
  return [...TRANCHE_COMMON, ...own].map((k) => `debt[${i}].${k}`);
}

/** Every price, network, fleet-refresh or tranche field that could be hidden by the choice of model, policy or type. */
export function hideableFields(prefix: string): string[] {
  if (prefix === PRICE) return ALL_PRICE;
  if (prefix === 'network') return [...FEEDBACK, ...EXOGENOUS];
  if (prefix === 'miner.refresh') return REFRESH.slice(1);
  const m = /^debt\[(\d+)\]$/.exec(prefix);
  return m ? [...TRANCHE_BTC, ...TRANCHE_OTHER, ...TRANCHE_CONVERTIBLE, ...TRANCHE_SECURED].map((k) => `${prefix}.${k}`) : [];
}

/** `shown` plus the fields of `candidates` that have an error, so that no error is ever hidden with its field. */
export function withErrored(shown: string[], candidates: string[], errorByPath: Record<string, string>): string[] {
  return [...shown, ...candidates.filter((p) => errorByPath[p] !== undefined && !shown.includes(p))];
}

// ---------------------------------------------------------------------------------------------------------------
// Sections, for error counts and the error summary
// ---------------------------------------------------------------------------------------------------------------

export const SECTION_TITLES = {
  run: 'Run', market: 'Market', network: 'Network', operations: 'Operations', power: 'Power', fleet: 'Fleet',
  treasury: 'Treasury', debt: 'Debt stack', hosting: 'Hosting (AI/HPC)', equity: 'Equity and markets', start: 'Start state',
} as const;
export type SectionKey = keyof typeof SECTION_TITLES;

export function sectionOf(path: string): SectionKey | null {
  const [a, b] = path.split('.');
  if (a === 'run' || a === 'market' || a === 'network' || a === 'start') return a;
  if (a === 'equity' || a === 'capitalMarkets' || a === 'recovery' || a === 'covenants') return 'equity';
  if (a.startsWith('debt')) return 'debt';
  if (a.startsWith('hosting')) return 'hosting';
  if (a !== 'miner' || b === undefined) return null;
  if (b.startsWith('fleet') || b === 'refresh') return 'fleet';
  if (b === 'power') return 'power';
  if (b === 'treasury') return 'treasury';
  return 'operations';
}

export function errorCount(errorByPath: Record<string, string>, section: SectionKey): number {
  return Object.keys(errorByPath).filter((p) => sectionOf(p) === section).length;
}

/** Where an error sits, in words: "Debt stack › tranche 2 › Coupon". */
export function errorPlace(path: string): string {
  const section = sectionOf(path);
  const parts: string[] = section ? [SECTION_TITLES[section]] : [];
  const item = /^(debt|miner\.fleet|hosting)\[(\d+)\]/.exec(path);
  if (item) parts.push(`${item[1] === 'debt' ? 'tranche' : item[1] === 'hosting' ? 'contract' : 'generation'} ${Number(item[2]) + 1}`);
  if (fieldInfo(path) && !/\[\d+\]$/.test(path) && path !== 'debt' && path !== 'miner.fleet' && path !== 'hosting') parts.push(shortLabel(path));
  return parts.join(' › ') || 'Scenario';
}

// ---------------------------------------------------------------------------------------------------------------
// New list items and tranche types
// ---------------------------------------------------------------------------------------------------------------

/** The first `${stem}${k}`, k = from, from + 1, …, not already in `taken`. */
function freshName(stem: string, taken: unknown[], from: number): string {
  let k = from;
  while (taken.includes(`${stem}${k}`)) k++;
  return `${stem}${k}`;
}

/** A new tranche: a $100M 5 % bond paying twice a year, maturing 3 years after the start. */
export function newTranche(existing: readonly { id?: unknown }[]): Tranche {
  return {
    id: freshName('t', existing.map((t) => t.id), existing.length + 1), type: 'bond', principalUsd: 100_000_000,
    couponRate: 0.05, paymentsPerYear: 2, maturityDate: addMonths(START.date, 36), amortization: 'bullet',
    collateralBtc: 0, rate: 0, marginCallLtv: 0.7, topUpToLtv: 0.5, crossDefault: false,
    conversionPriceUsd: 0, putConditional: false, settlement: 'net_share',
  };
}

/**
 * A new hosting contract: 50 MW IT on the model-spec §10 / domain §5.1 defaults, signed at the start, hyperscaler
 * terms without a backstop (so the unbacked tenant hazard of 4 %/yr).
 */
export function newHostingContract(existing: readonly { name?: unknown }[]): HostingContract {
  return {
    name: freshName('h', existing.map((h) => h.name), existing.length + 1), mwIt: 50, usdPerMwItYear: 1_800_000,
    escalatorPerYear: 0.025, noiMargin: 0.85, capexUsdPerMwIt: 10_000_000, loanToCost: 0.75, loanRate: 0.0775, loanYears: 10,
    monthsToFirstRent: 12, delayProbPerPhase: 0.25, delayMonths: 6, maxDelayMonthsBeforeTermination: 12, termYears: 10,
    tenantDefaultPerYear: 0.04, backstopUsd: 0, reletMonths: 12, reletDiscount: 0.2, grossToIt: 1.4, interruptibleShare: 0,
    startDate: START.date, nonRecourse: false,
  };
}

/** A new generation: 5 EH/s of current-class machines (17.5 J/TH) that never retire. */
export function newGeneration(existing: readonly { name?: unknown }[]): FleetGeneration {
  return { name: freshName('gen', existing.map((g) => g.name), existing.length + 1), hashrateEhs: 5, efficiencyJPerTh: 17.5 };
}

/**
 * The fields to change when a tranche changes type, so that it stays valid (§11.1, §11.3): the interest moves
 * between couponRate and rate; a btc_backed_loan pays monthly, bullet, on collateral worth twice the principal at
 * the start price (LTV 0.5); the other types pledge no BTC.
 */
export function retypeTranche(tranche: object, type: TrancheType, startPriceUsd: number): Record<string, unknown> {
  const item = tranche as Record<string, unknown>;
  // An SPV or equipment-loan link is only for bonds and term loans: drop it when the type no longer allows it.
  const unlink: Record<string, unknown> = {};
  if (type !== 'bond' && type !== 'term_loan') {
    if (item.spv !== undefined) unlink.spv = undefined;
    if (item.collateralGeneration !== undefined) unlink.collateralGeneration = undefined;
  }
  return { ...retyped(item, type, startPriceUsd), ...unlink };
}

function retyped(item: Record<string, unknown>, type: TrancheType, startPriceUsd: number): Record<string, unknown> {
  const was = item.type;
  if (type === 'btc_backed_loan' && was !== type) {
    const principal = toNumber(item.principalUsd);
    const coupon = toNumber(item.couponRate);
    const collateral = toNumber(item.collateralBtc);
    return {
      type, couponRate: 0, paymentsPerYear: 12, amortization: 'bullet',
      rate: coupon > 0 ? coupon : 0.09,
      collateralBtc: collateral > 0 ? item.collateralBtc : principal > 0 ? Math.ceil(principal / (0.5 * startPriceUsd)) : 1000,
    };
  }
  if (type !== 'btc_backed_loan' && was === 'btc_backed_loan') {
    const rate = toNumber(item.rate);
    return { type, couponRate: rate > 0 ? rate : 0, rate: 0, collateralBtc: 0, paymentsPerYear: 2 };
  }
  return { type };
}

// ---------------------------------------------------------------------------------------------------------------
// The price the market model implies at the horizon (model-spec §3)
// ---------------------------------------------------------------------------------------------------------------

/** Years from the start to the end of month `months` (the engine's T = days/365.25). */
export function horizonYears(months: number, start: string = START.date): number {
  return daysBetween(start, addMonths(start, months)) / 365.25;
}

export interface PriceInputs {
  model: unknown;
  mu: unknown;
  sigma: unknown;
  merton: { lambda: unknown; jumpMean: unknown; jumpSd: unknown; sigmaDiffusion: unknown };
  regime: { sigmaCalm: unknown; sigmaTurbulent: unknown; pCalmToTurbulent: unknown; pTurbulentToCalm: unknown; startRegime: unknown };
}

export interface ImpliedPrice {
  years: number;
  /** The annual variance behind the median, and its square root. */
  variance: number;
  sigma: number;
  median: number;
  /** E[P_T]; null for studentT, whose mean does not exist. */
  mean: number | null;
}

/** The annual log-price variance the model implies: σ², σ_D² + λ(m² + s²), or the regimes' stationary mix. */
export function annualVariance(p: PriceInputs): number {
  const n = toNumber;
  switch (p.model) {
    case 'merton': {
      const { lambda, jumpMean, jumpSd, sigmaDiffusion } = p.merton;
      return n(sigmaDiffusion) ** 2 + n(lambda) * (n(jumpMean) ** 2 + n(jumpSd) ** 2);
    }
    case 'regime': {
      const up = n(p.regime.pCalmToTurbulent);
      const down = n(p.regime.pTurbulentToCalm);
      const calm = n(p.regime.sigmaCalm) ** 2;
      const turb = n(p.regime.sigmaTurbulent) ** 2;
      // Without switching the chain stays where it starts; the stationary start is then refused by validation.
      if (up + down === 0) return p.regime.startRegime === 'turbulent' ? turb : p.regime.startRegime === 'calm' ? calm : NaN;
      const shareCalm = down / (up + down);
      return shareCalm * calm + (1 - shareCalm) * turb;
    }
    default:
      return n(p.sigma) ** 2;
  }
}

/** Median P₀·e^{(μ − σ²/2)T} and mean P₀·e^{μT} at the horizon; null when an input does not read as a number. */
export function impliedPrice(p: PriceInputs, startPriceUsd: number, months: unknown): ImpliedPrice | null {
  const mu = toNumber(p.mu);
  const m = toNumber(months);
  const variance = annualVariance(p);
  if (![mu, m, variance, startPriceUsd].every(Number.isFinite) || m < 1 || !Number.isInteger(m) || variance < 0) return null;
  const years = horizonYears(m);
  return {
    years,
    variance,
    sigma: Math.sqrt(variance),
    median: startPriceUsd * Math.exp((mu - variance / 2) * years),
    mean: p.model === 'studentT' ? null : startPriceUsd * Math.exp(mu * years),
  };
}
