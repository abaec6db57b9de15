// The scenario: the single source of truth for every input field, its unit, range, default, help text and source
// (model-spec §0, defaults §1–§6 and §9, rules §11). The UI, the CLI, docs/scenario.md and the tests read
// FIELD_INFO; the valibot schema, the error messages and the docs table are all derived from it.
//
// A scenario file is applied over DEFAULT_SCENARIO: objects merge field by field, arrays replace whole (§0).
// Validation happens in three layers, all reported together with dotted paths such as `debt[1].couponRate`:
//   1. shape: unknown fields (every one, with a suggestion), objects and lists of the wrong kind;
//   2. fields: type and range of each leaf, checked by the valibot schema built from FIELD_INFO;
//   3. consistency between fields (§11.1–§11.4, §11.12), e.g. topUpToLtv < marginCallLtv.
// Pure TypeScript: no DOM, no Node.
import * as v from 'valibot';
import { START } from './start-state';

// ---------------------------------------------------------------------------------------------------------------
// Types of the fully resolved scenario
// ---------------------------------------------------------------------------------------------------------------

export type PriceModel = 'gbm' | 'merton' | 'studentT' | 'regime';
export type StartRegime = 'stationary' | 'calm' | 'turbulent';
export type NetworkModel = 'feedback' | 'exogenous';
export type TrancheType = 'bond' | 'term_loan' | 'convertible' | 'btc_backed_loan';
export type Amortization = 'bullet' | 'linear';
export type PaymentsPerYear = 1 | 2 | 3 | 4 | 6 | 12;
export type Settlement = 'physical' | 'cash' | 'net_share';
export type RefreshPolicy = 'none' | 'holdShare' | 'budget';
export type RefreshFunding = 'cash' | 'facility';

export interface FleetGeneration {
  name: string;
  hashrateEhs: number;
  efficiencyJPerTh: number;
  /** Absent: the generation never retires. It runs on days strictly before this date (§11.1). */
  retireDate?: string;
}

export interface Tranche {
  id: string;
  type: TrancheType;
  principalUsd: number;
  couponRate: number;
  paymentsPerYear: PaymentsPerYear;
  maturityDate: string;
  amortization: Amortization;
  collateralBtc: number;
  rate: number;
  marginCallLtv: number;
  topUpToLtv: number;
  crossDefault: boolean;
  /** Convertible: conversion price in USD per share; 0 = repaid at par, never converted (§10). */
  conversionPriceUsd: number;
  /** Convertible: holder put date (absent: none). */
  putDate?: string;
  /** Convertible: the put is only open while the share price is below the conversion price. */
  putConditional: boolean;
  /** Convertible: first date of the issuer's soft call (absent: never callable). */
  softCallDate?: string;
  settlement: Settlement;
  /** Non-recourse: the hosting contract (by name) whose SPV owes this tranche and pays it from its NOI. */
  spv?: string;
  /** Equipment loan: the fleet generation (by name) whose machines secure it in a default. */
  collateralGeneration?: string;
}

/** An AI/HPC hosting contract (model-spec §10, domain §5.1): a data hall leased to a tenant, built on the miner's site. */
export interface HostingContract {
  name: string;
  mwIt: number;
  usdPerMwItYear: number;
  escalatorPerYear: number;
  noiMargin: number;
  capexUsdPerMwIt: number;
  loanToCost: number;
  loanRate: number;
  loanYears: number;
  monthsToFirstRent: number;
  delayProbPerPhase: number;
  delayMonths: number;
  maxDelayMonthsBeforeTermination: number;
  termYears: number;
  /** Left out: 0.003 with a backstop (backstopUsd > 0), else 0.04. */
  tenantDefaultPerYear: number;
  backstopUsd: number;
  reletMonths: number;
  reletDiscount: number;
  grossToIt: number;
  interruptibleShare: number;
  /** Signing date, when the build starts; left out: the start date. */
  startDate: string;
  /** The project loan sits in a non-recourse SPV with the contract (its NOI services it; a default stays there). */
  nonRecourse: boolean;
}

export interface Scenario {
  schemaVersion: 1;
  name: string;
  description: string;
  run: { paths: number; seed: number; months: number };
  start: {
    date: string;
    priceUsd: number;
    difficulty: number;
    nextHeight: number;
    epochStartHeight: number;
    epochStartTime: string;
    feeShare: number;
  };
  market: {
    price: {
      model: PriceModel;
      mu: number;
      sigma: number;
      merton: { lambda: number; jumpMean: number; jumpSd: number; sigmaDiffusion: number };
      studentT: { nu: number };
      regime: {
        sigmaCalm: number;
        sigmaTurbulent: number;
        pCalmToTurbulent: number;
        pTurbulentToCalm: number;
        startRegime: StartRegime;
      };
    };
    fees: {
      longRunShare: number;
      phiMonthly: number;
      sdMonthly: number;
      spikeProbMonthly: number;
      spikeMin: number;
      spikeMax: number;
      spikeDays: number;
    };
  };
  network: {
    model: NetworkModel;
    blockLuck: boolean;
    breakevenMedian: number;
    breakevenSpread: number;
    mustRunShare: number;
    shutdownHalfLifeDays: number;
    investmentHurdle: number;
    efficiencyGain: number;
    kappaPerEpoch: number;
    lagDays: number;
    sigmaPerEpoch: number;
    outage: { probPerEpoch: number; sizeMin: number; sizeMax: number; halfLifeDays: number };
    exogenous: { driftPerEpoch: number; sdPerEpoch: number };
  };
  miner: {
    fleet: FleetGeneration[];
    uptime: number;
    poolFee: number;
    power: {
      capacityMw: number;
      contractUsdPerMwh: number;
      hedgedShare: number;
      resale: boolean;
      demandResponseUsdPerMwYear: number;
      spot: {
        meanUsdPerMwh: number;
        sigma: number;
        halfLifeDays: number;
        corrWithBtc: number;
        shockProbPerYear: number;
        shockMultiplier: number;
        shockDays: number;
      };
    };
    costs: { sgaUsdPerQuarter: number; sgaUsdPerQuarterPerEhs: number; otherOpexUsdPerPhDay: number };
    treasury: {
      cashUsd: number;
      btc: number;
      sellShareOfProduction: number;
      bufferDays: number;
      btcSaleHaircut: number;
    };
    /** Fleet refresh (§10): capex policy, ASIC prices, degradation and economic retirement; `none` = static fleet. */
    refresh: {
      policy: RefreshPolicy;
      budgetUsdPerQuarter: number;
      funding: RefreshFunding;
      facility: { rate: number; termMonths: number; limitUsd: number };
      frontierJPerThAtStart: number;
      frontierImprovementPerYear: number;
      asicPriceDaysOfHashprice: number;
      asicPriceFloorUsdPerTh: number;
      degradationPerYear: number;
      uneconomicDaysToRetire: number;
      deliveryDays: number;
      limitToPowerCapacity: boolean;
    };
  };
  debt: Tranche[];
  /** AI/HPC hosting contracts (§10); none by default. */
  hosting: HostingContract[];
  /** The miner's shares (§10 Equity): needed for conversion decisions and at-the-market sales. */
  equity: { priceUsd: number; sharesOutstanding: number; beta: number; sigmaIdio: number };
  /** Access to capital markets (§10): refinancing of maturities and puts, at-the-market equity. */
  capitalMarkets: {
    refinancing: boolean;
    atmEquity: boolean;
    maxDrawdownFromPeak: number;
    maxNetDebtToEbitda: number;
    baseRate: number;
    spread: number;
    refinanceYears: number;
    atmShareOfMarketCapPerQuarter: number;
    atmDiscount: number;
  };
  /** Covenants of non-recourse SPV debt (§10): DSCR on the trailing four quarters. */
  covenants: { minDscr: number; breachedQuartersToDefault: number };
  /** Valuation and costs at default (§10 Recovery). */
  recovery: {
    bankruptcyCostShare: number;
    btcHaircut: number;
    dataCentreDiscountRate: number;
  };
}

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };

/** A fleet generation as written in a scenario file: hashrate and efficiency are required. */
export type FleetGenerationInput = Partial<FleetGeneration> & Pick<FleetGeneration, 'hashrateEhs' | 'efficiencyJPerTh'>;
/** A tranche as written in a scenario file: type, principal and maturity are required (§11.1). */
export type TrancheInput = Partial<Tranche> & Pick<Tranche, 'type' | 'principalUsd' | 'maturityDate'>;
/** What a scenario file or a preset may contain: any subset of the fields; lists are given whole. */
/** A hosting contract as written in a scenario file: only its size is required. */
export type HostingContractInput = Partial<HostingContract> & Pick<HostingContract, 'mwIt'>;
export type ScenarioInput = DeepPartial<Omit<Scenario, 'miner' | 'debt' | 'hosting' | 'schemaVersion'>> & {
  schemaVersion?: number;
  miner?: DeepPartial<Omit<Scenario['miner'], 'fleet'>> & { fleet?: FleetGenerationInput[] };
  debt?: TrancheInput[];
  hosting?: HostingContractInput[];
};

// ---------------------------------------------------------------------------------------------------------------
// The default scenario (model-spec §9): an illustrative mid-size leveraged miner, every other field at its §1–§6
// default. Frozen: copy it (applyPatch does) rather than edit it.
// ---------------------------------------------------------------------------------------------------------------

export const DEFAULT_SCENARIO: Scenario = deepFreeze({
  schemaVersion: 1,
  name: 'Illustrative mid-size leveraged miner (not a real company)',
  description:
    'The model-spec §9 default: 20 EH/s in two ASIC generations, 400 MW of power at $42/MWh (60 % hedged), ' +
    '$150M cash and 1,500 BTC, a $400M 2 % convertible due 2030 and a $75M BTC-backed loan due 2027.',
  run: { paths: 10000, seed: 1, months: 60 },
  start: { ...START },
  market: {
    price: {
      model: 'gbm',
      mu: 0,
      sigma: 0.5,
      merton: { lambda: 3, jumpMean: -0.03, jumpSd: 0.15, sigmaDiffusion: 0.42 },
      studentT: { nu: 3 },
      regime: {
        sigmaCalm: 0.32,
        sigmaTurbulent: 0.64,
        pCalmToTurbulent: 0.0167,
        pTurbulentToCalm: 0.0172,
        startRegime: 'stationary',
      },
    },
    fees: {
      longRunShare: 0.015,
      phiMonthly: 0.76,
      sdMonthly: 0.61,
      spikeProbMonthly: 0.02,
      spikeMin: 5,
      spikeMax: 10,
      spikeDays: 30,
    },
  },
  network: {
    model: 'feedback',
    blockLuck: false,
    breakevenMedian: 14,
    breakevenSpread: 0.6,
    mustRunShare: 0.2,
    shutdownHalfLifeDays: 14,
    investmentHurdle: 35,
    efficiencyGain: 0.15,
    kappaPerEpoch: 0.015,
    lagDays: 84,
    sigmaPerEpoch: 0.035,
    outage: { probPerEpoch: 0.04, sizeMin: 0.08, sizeMax: 0.2, halfLifeDays: 14 },
    exogenous: { driftPerEpoch: 0.01, sdPerEpoch: 0.045 },
  },
  miner: {
    fleet: [
      { name: 'S21 class', hashrateEhs: 15, efficiencyJPerTh: 17.5, retireDate: '2029-12-31' },
      { name: 'S19 XP class', hashrateEhs: 5, efficiencyJPerTh: 21.5, retireDate: '2028-06-30' },
    ],
    uptime: 0.93,
    poolFee: 0.01,
    power: {
      capacityMw: 400,
      contractUsdPerMwh: 42,
      hedgedShare: 0.6,
      resale: false,
      demandResponseUsdPerMwYear: 0,
      spot: {
        meanUsdPerMwh: 45,
        sigma: 0.25,
        halfLifeDays: 182,
        corrWithBtc: 0.2,
        shockProbPerYear: 0.05,
        shockMultiplier: 1.5,
        shockDays: 365,
      },
    },
    costs: { sgaUsdPerQuarter: 6_000_000, sgaUsdPerQuarterPerEhs: 300_000, otherOpexUsdPerPhDay: 2 },
    treasury: { cashUsd: 150_000_000, btc: 1500, sellShareOfProduction: 1, bufferDays: 90, btcSaleHaircut: 0.01 },
    // Off by default (policy none): the default scenario and the presets stay the §9 stress view, no new machines.
    refresh: {
      policy: 'none',
      budgetUsdPerQuarter: 25_000_000,
      funding: 'cash',
      facility: { rate: 0.12, termMonths: 36, limitUsd: 250_000_000 },
      frontierJPerThAtStart: 13.5,
      frontierImprovementPerYear: 0.15,
      asicPriceDaysOfHashprice: 300,
      asicPriceFloorUsdPerTh: 8,
      degradationPerYear: 0.02,
      uneconomicDaysToRetire: 90,
      deliveryDays: 90,
      limitToPowerCapacity: true,
    },
  },
  debt: [
    {
      id: 'conv-2030',
      type: 'convertible',
      principalUsd: 400_000_000,
      couponRate: 0.02,
      paymentsPerYear: 2,
      maturityDate: '2030-06-15',
      amortization: 'bullet',
      collateralBtc: 0,
      rate: 0,
      marginCallLtv: 0.7,
      topUpToLtv: 0.5,
      crossDefault: false,
      conversionPriceUsd: 0,
      putConditional: false,
      settlement: 'net_share',
    },
    {
      id: 'btc-loan',
      type: 'btc_backed_loan',
      principalUsd: 75_000_000,
      couponRate: 0,
      paymentsPerYear: 12,
      maturityDate: '2027-03-31',
      amortization: 'bullet',
      collateralBtc: 1800,
      rate: 0.09,
      marginCallLtv: 0.7,
      topUpToLtv: 0.5,
      crossDefault: false,
      conversionPriceUsd: 0,
      putConditional: false,
      settlement: 'net_share',
    },
  ],
  // No AI/HPC hosting by default: the default scenario and the presets are pure miners (§10).
  hosting: [],
  // Illustrative share data; off until a convertible has a conversion price or at-the-market sales are enabled.
  equity: { priceUsd: 10, sharesOutstanding: 300_000_000, beta: 1.5, sigmaIdio: 0.5 },
  // Off by default: the default scenario and the presets stay the §9 stress view until the model issue is complete.
  capitalMarkets: {
    refinancing: false,
    atmEquity: false,
    maxDrawdownFromPeak: 0.5,
    maxNetDebtToEbitda: 6,
    baseRate: 0.04,
    spread: 0.06,
    refinanceYears: 5,
    atmShareOfMarketCapPerQuarter: 0.05,
    atmDiscount: 0.03,
  },
  covenants: { minDscr: 1.2, breachedQuartersToDefault: 2 },
  recovery: {
    bankruptcyCostShare: 0.1,
    btcHaircut: 0.02,
    dataCentreDiscountRate: 0.09,
  },
} satisfies Scenario);

// ---------------------------------------------------------------------------------------------------------------
// Field table
// ---------------------------------------------------------------------------------------------------------------

export type FieldKind = 'number' | 'integer' | 'boolean' | 'enum' | 'date' | 'datetime' | 'text' | 'list';

export interface FieldInfo {
  /** Dotted path; list items are written `debt[].couponRate`. */
  path: string;
  kind: FieldKind;
  unit: string;
  /** One plain-language sentence. */
  help: string;
  /**
   * The value used when the field is left out: for top-level fields the DEFAULT_SCENARIO value, for fields of a
   * list item the per-item default; null when there is none (a required item field, or an absent retireDate).
   */
  default: unknown;
  /** How the default reads in the docs and the UI, where the bare value would mislead. */
  defaultText?: string;
  /** Numbers: the allowed interval; text: the length; lists: the number of items. */
  min?: number;
  max?: number;
  minExclusive?: boolean;
  maxExclusive?: boolean;
  /** Enumerations, and numbers restricted to a set (paymentsPerYear). */
  options?: readonly (string | number)[];
  /** A list-item field that must be given. */
  required?: boolean;
  /** A list-item field that may be left out and stays absent in the resolved scenario. */
  optional?: boolean;
  /** A date that must fall after start.date. */
  afterStart?: boolean;
  /** A field that cannot be overridden (start.date). */
  fixed?: boolean;
  /** Where the field, its default and its range come from. */
  source: string;
  /** The allowed values in words, as used in error messages: "0 to 1", "above 0 up to 5", "one of …". */
  range: string;
}

type FieldSpec = Omit<FieldInfo, 'path' | 'range' | 'default'> & { default?: unknown };

/** Latest date accepted for maturities and retirements: far beyond the 10-year horizon, and it bounds the number
 * of payment dates the engine has to lay out. */
export const LATEST_DATE = '2099-12-31';
/** Largest number of fleet generations and of debt tranches (the kernel's MAX_GEN and MAX_TRANCHE). */
export const MAX_LIST_ITEMS = 32;
const MAX_BTC = 21_000_000;
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const MS_PER_DAY = 86_400_000;
/** The epoch in progress started at or before the end of the start date, and at most a year before it. */
const EPOCH_TIME_LATEST = `${START.date}T23:59:59Z`;
const EPOCH_TIME_EARLIEST = `${new Date(Date.parse(`${START.date}T00:00:00Z`) - 365 * MS_PER_DAY).toISOString().slice(0, 10)}T00:00:00Z`;


const SHARE = 'share (0–1)';
const VOL = 'per year (annualised volatility)';
const s = (spec: FieldSpec): FieldSpec => spec;
const share = (help: string, source: string, extra: Partial<FieldSpec> = {}): FieldSpec =>
  s({ kind: 'number', unit: SHARE, min: 0, max: 1, help, source, ...extra });

const SPECS = {
  schemaVersion: s({ kind: 'integer', unit: 'version', min: 1, max: 1, help: 'Version of the scenario format; only 1 exists.', source: 'model-spec §0' }),
  name: s({ kind: 'text', unit: 'text', min: 1, max: 200, help: 'A short title shown above the results.', source: 'model-spec §0' }),
  description: s({ kind: 'text', unit: 'text', min: 0, max: 4000, help: 'Free notes on what the scenario represents and where its figures come from.', source: 'model-spec §0' }),

  'run.paths': s({ kind: 'integer', unit: 'paths', min: 1, max: 10_000_000, help: 'Number of simulated futures; the standard error of a default probability shrinks with its square root.', source: 'model-spec §0, §7' }),
  'run.seed': s({ kind: 'integer', unit: 'integer', min: 0, max: 4_294_967_295, help: 'Random seed: the same scenario and seed give the same results on every machine.', source: 'model-spec §2' }),
  'run.months': s({ kind: 'integer', unit: 'months', min: 1, max: 120, help: 'Horizon of the simulation in calendar months from the start date.', source: 'model-spec §0, §1' }),

  'start.date': s({ kind: 'date', unit: 'date', fixed: true, help: 'Last day of the shipped market history; the simulation starts the day after and this cannot be changed.', source: 'model-spec §1, §11.4' }),
  'start.priceUsd': s({ kind: 'number', unit: 'USD/BTC', min: 0, max: 100_000_000, minExclusive: true, help: 'BTC price at the start; overriding it rescales the history of hashprice with it.', source: 'model-spec §1, §11.4' }),
  'start.difficulty': s({ kind: 'number', unit: 'difficulty', min: 0, max: 1e20, minExclusive: true, help: 'Mining difficulty at the start, which sets how much BTC each unit of hashrate earns.', source: 'model-spec §1, §11.4' }),
  'start.nextHeight': s({ kind: 'integer', unit: 'block height', min: 1, max: 6_929_999, help: 'Height of the next block to be mined, which fixes the dates of retargets and halvings.', source: 'model-spec §1' }),
  'start.epochStartHeight': s({ kind: 'integer', unit: 'block height', min: 0, max: 6_929_999, help: 'First block of the difficulty epoch in progress, 2016 × floor(nextHeight / 2016); derived when only nextHeight is given.', source: 'model-spec §1, §11.4' }),
  'start.epochStartTime': s({ kind: 'datetime', unit: 'UTC time', help: 'Time the epoch in progress began, used to time the first difficulty retarget.', source: 'model-spec §1' }),
  'start.feeShare': s({ kind: 'number', unit: SHARE, min: 0, max: 1, minExclusive: true, maxExclusive: true, help: 'Transaction fees as a share of miner revenue over the last 30 days; the fee process starts here.', source: 'model-spec §1, §11.4' }),

  'market.price.model': s({ kind: 'enum', unit: 'choice', options: ['gbm', 'merton', 'studentT', 'regime'], help: 'How the BTC price moves: lognormal (gbm), with jumps (merton), fat-tailed (studentT) or switching between calm and turbulent regimes.', source: 'model-spec §3, §11.2' }),
  'market.price.mu': s({ kind: 'number', unit: 'per year', min: -2, max: 2, help: 'Expected return of BTC, continuously compounded; at 0 the median price still falls by σ²/2 a year (at σ 0.5 the 5-year median is 54 % of today).', source: 'model-spec §3' }),
  'market.price.sigma': s({ kind: 'number', unit: VOL, min: 0, max: 5, help: 'Volatility of BTC used by the gbm and studentT models.', source: 'model-spec §3; domain §2.3' }),
  'market.price.merton.lambda': s({ kind: 'number', unit: 'jumps per year', min: 0, max: 100, help: 'Average number of price jumps a year in the merton model.', source: 'model-spec §3; domain §2.3' }),
  'market.price.merton.jumpMean': s({ kind: 'number', unit: 'log return', min: -1, max: 1, help: 'Average size of a jump in log price (−0.03 ≈ a 3 % fall).', source: 'model-spec §3' }),
  'market.price.merton.jumpSd': s({ kind: 'number', unit: 'log return', min: 0, max: 2, help: 'Dispersion of jump sizes in log price.', source: 'model-spec §3' }),
  'market.price.merton.sigmaDiffusion': s({ kind: 'number', unit: VOL, min: 0, max: 5, help: 'Volatility between jumps in the merton model.', source: 'model-spec §3' }),
  'market.price.studentT.nu': s({ kind: 'number', unit: 'degrees of freedom', min: 2.1, max: 1000, help: 'Tail thickness of daily returns in the studentT model: lower means more extreme days.', source: 'model-spec §3, §11.2' }),
  'market.price.regime.sigmaCalm': s({ kind: 'number', unit: VOL, min: 0, max: 5, help: 'Volatility in the calm regime.', source: 'model-spec §3; domain §2.3' }),
  'market.price.regime.sigmaTurbulent': s({ kind: 'number', unit: VOL, min: 0, max: 5, help: 'Volatility in the turbulent regime.', source: 'model-spec §3; domain §2.3' }),
  'market.price.regime.pCalmToTurbulent': s({ kind: 'number', unit: 'probability per day', min: 0, max: 1, help: 'Chance each calm day that the market turns turbulent the next day.', source: 'model-spec §3' }),
  'market.price.regime.pTurbulentToCalm': s({ kind: 'number', unit: 'probability per day', min: 0, max: 1, help: 'Chance each turbulent day that the market calms the next day.', source: 'model-spec §3' }),
  'market.price.regime.startRegime': s({ kind: 'enum', unit: 'choice', options: ['stationary', 'calm', 'turbulent'], help: 'Regime on day 1: drawn from the long-run mix (stationary) or fixed.', source: 'model-spec §3, §11.2' }),

  'market.fees.longRunShare': s({ kind: 'number', unit: SHARE, min: 0, max: 1, minExclusive: true, maxExclusive: true, help: 'Median long-run share of transaction fees in block rewards that fees drift back to.', source: 'model-spec §4; domain §1.3' }),
  'market.fees.phiMonthly': s({ kind: 'number', unit: 'AR(1) coefficient per month', min: 0, max: 1, maxExclusive: true, help: 'How persistent fee levels are from one month to the next (1 would never revert).', source: 'model-spec §4' }),
  'market.fees.sdMonthly': s({ kind: 'number', unit: 'log-odds per month', min: 0, max: 5, help: 'Monthly volatility of the fee level; 0 keeps fees at their starting share.', source: 'model-spec §4' }),
  'market.fees.spikeProbMonthly': s({ kind: 'number', unit: 'probability per month', min: 0, max: 1, help: 'Chance a month of a fee spike such as an inscription craze.', source: 'model-spec §4' }),
  'market.fees.spikeMin': s({ kind: 'number', unit: 'multiplier', min: 1, max: 100, help: 'Smallest multiple of normal fees during a spike.', source: 'model-spec §4' }),
  'market.fees.spikeMax': s({ kind: 'number', unit: 'multiplier', min: 1, max: 100, help: 'Largest multiple of normal fees during a spike (at least spikeMin).', source: 'model-spec §4' }),
  'market.fees.spikeDays': s({ kind: 'integer', unit: 'days', min: 1, max: 365, help: 'How long a fee spike lasts.', source: 'model-spec §4' }),

  'network.model': s({ kind: 'enum', unit: 'choice', options: ['feedback', 'exogenous'], help: 'Network hashrate either responds to miner economics (feedback) or follows a random walk that ignores the price (exogenous).', source: 'model-spec §4' }),
  'network.blockLuck': s({ kind: 'boolean', unit: 'true/false', help: 'Draw the number of blocks each day at random instead of using the expected number; revenue stays at expected value (FPPS pools).', source: 'model-spec §4, §11.5' }),
  'network.breakevenMedian': s({ kind: 'number', unit: 'USD/PH/day', min: 0, max: 10_000, minExclusive: true, help: 'Hashprice at which half of the network\'s machines stop covering their power cost.', source: 'model-spec §4; domain §2.2' }),
  'network.breakevenSpread': s({ kind: 'number', unit: 'log-sd', min: 0, max: 5, minExclusive: true, help: 'Spread of power costs across the network: how gradually machines switch off as hashprice falls.', source: 'model-spec §4' }),
  'network.mustRunShare': s({ kind: 'number', unit: SHARE, min: 0.01, max: 1, help: 'Share of network capacity that runs whatever the hashprice (stranded gas, take-or-pay power, hedged output).', source: 'model-spec §4, §11.12' }),
  'network.shutdownHalfLifeDays': s({ kind: 'number', unit: 'days', min: 0, max: 3650, minExclusive: true, help: 'Days for half the gap between running and economic capacity to close when machines switch off or on.', source: 'model-spec §4' }),
  'network.investmentHurdle': s({ kind: 'number', unit: 'USD/PH/day', min: 0, max: 10_000, minExclusive: true, help: 'Hashprice a new machine needs to pay back; above it the network builds capacity, below it capacity shrinks.', source: 'model-spec §4; domain §2.2' }),
  'network.efficiencyGain': s({ kind: 'number', unit: 'per year', min: 0, max: 1, maxExclusive: true, help: 'Yearly improvement of the newest machines\' J/TH, which lowers the network\'s breakeven and hurdle.', source: 'model-spec §4; domain §3.1' }),
  'network.kappaPerEpoch': s({ kind: 'number', unit: 'per epoch', min: 0, max: 1, maxExclusive: true, help: 'Speed at which capacity is built or scrapped for a given gap between hashprice and the hurdle.', source: 'model-spec §4' }),
  'network.lagDays': s({ kind: 'integer', unit: 'days', min: 1, max: 3650, help: 'Delay between a change in hashprice and the capacity it brings online (ASIC lead times).', source: 'model-spec §4, §11.4' }),
  'network.sigmaPerEpoch': s({ kind: 'number', unit: 'log-sd per epoch', min: 0, max: 1, help: 'Random noise in capacity growth, per two-week epoch.', source: 'model-spec §4; domain §2.1' }),
  'network.outage.probPerEpoch': s({ kind: 'number', unit: 'probability per epoch', min: 0, max: 1, help: 'Chance per two-week epoch of a sudden outage such as a storm or a regional ban.', source: 'model-spec §4, §11.12' }),
  'network.outage.sizeMin': s({ kind: 'number', unit: 'share of hashrate', min: 0, max: 1, maxExclusive: true, help: 'Smallest share of the network knocked out by an outage.', source: 'model-spec §4, §11.12' }),
  'network.outage.sizeMax': s({ kind: 'number', unit: 'share of hashrate', min: 0, max: 1, maxExclusive: true, help: 'Largest share of the network knocked out by an outage (at least sizeMin).', source: 'model-spec §4, §11.12' }),
  'network.outage.halfLifeDays': s({ kind: 'number', unit: 'days', min: 0, max: 3650, minExclusive: true, help: 'Days for half of an outage\'s lost hashrate to come back.', source: 'model-spec §4' }),
  'network.exogenous.driftPerEpoch': s({ kind: 'number', unit: 'log change per epoch', min: -1, max: 1, help: 'Average change in log difficulty at each retarget in the exogenous model.', source: 'model-spec §4; domain §2.1' }),
  'network.exogenous.sdPerEpoch': s({ kind: 'number', unit: 'log-sd per epoch', min: 0, max: 1, help: 'Randomness of each retarget in the exogenous model.', source: 'model-spec §4; domain §2.1' }),

  'miner.fleet': s({ kind: 'list', unit: 'list', min: 0, max: MAX_LIST_ITEMS, help: 'The miner\'s machines, one entry per generation; a list replaces the default fleet whole.', source: 'model-spec §5, §9' }),
  'miner.fleet[].name': s({ kind: 'text', unit: 'text', min: 1, max: 80, default: null, defaultText: 'gen1, gen2, … by position', help: 'Label of the generation in results.', source: 'project decision (model-spec is silent)' }),
  'miner.fleet[].hashrateEhs': s({ kind: 'number', unit: 'EH/s', min: 0, max: 1000, required: true, default: null, help: 'Nameplate hashrate of the generation.', source: 'model-spec §5' }),
  'miner.fleet[].efficiencyJPerTh': s({ kind: 'number', unit: 'J/TH', min: 0, max: 500, minExclusive: true, required: true, default: null, help: 'Energy per terahash at the wall: a PH/s at J J/TH draws J kW.', source: 'model-spec §5; domain §3.1' }),
  'miner.fleet[].retireDate': s({ kind: 'date', unit: 'date', afterStart: true, optional: true, default: null, defaultText: 'none (never retires)', help: 'Date the generation is switched off for good; it runs on days strictly before it.', source: 'model-spec §5, §11.1' }),
  'miner.uptime': share('Share of time machines run (maintenance, failures); scales both hashrate and power.', 'model-spec §5; domain §4.3'),
  'miner.poolFee': s({ kind: 'number', unit: 'share of revenue', min: 0, max: 0.5, help: 'Fee the mining pool keeps from the miner\'s revenue.', source: 'model-spec §5; domain §4.3' }),
  'miner.power.capacityMw': s({ kind: 'number', unit: 'MW', min: 0, max: 100_000, help: 'Power available to the fleet; when machines need more, the least efficient ones are cut first.', source: 'model-spec §5' }),
  'miner.power.contractUsdPerMwh': s({ kind: 'number', unit: 'USD/MWh', min: 0, max: 10_000, help: 'Fixed price of the hedged power (the model-spec §5 generic default is 45; the default scenario uses 42).', source: 'model-spec §5, §9; domain §4.1' }),
  'miner.power.hedgedShare': share('Share of capacity bought at the fixed contract price; the rest is bought at spot.', 'model-spec §5, §11.12; domain §4.1'),
  'miner.power.resale': s({ kind: 'boolean', unit: 'true/false', help: 'If true the hedged block is paid whether used or not and unused power is sold at spot; if false power is paid as used.', source: 'model-spec §5, §11.6' }),
  'miner.power.demandResponseUsdPerMwYear': s({ kind: 'number', unit: 'USD per MW-year', min: 0, max: 10_000_000, help: 'Payments from the grid for being ready to cut load, per MW of capacity (ERCOT paid ≈ 100,000–120,000 in 2025).', source: 'model-spec §5; domain §4.3' }),
  'miner.power.spot.meanUsdPerMwh': s({ kind: 'number', unit: 'USD/MWh', min: 0, max: 10_000, minExclusive: true, help: 'Long-run level the spot power price returns to; it also starts there.', source: 'model-spec §5, §11.6; domain §4.1' }),
  'miner.power.spot.sigma': s({ kind: 'number', unit: VOL, min: 0, max: 5, help: 'Volatility of the spot power price.', source: 'model-spec §5; domain §4.1' }),
  'miner.power.spot.halfLifeDays': s({ kind: 'number', unit: 'days', min: 0, max: 3650, minExclusive: true, help: 'Days for half of a spot price deviation to fade.', source: 'model-spec §5, §11.6' }),
  'miner.power.spot.corrWithBtc': s({ kind: 'number', unit: 'correlation', min: -1, max: 1, help: 'Correlation of daily spot power moves with BTC price moves.', source: 'model-spec §5, §11.2; domain §4.1' }),
  'miner.power.spot.shockProbPerYear': s({ kind: 'number', unit: 'events per year', min: 0, max: 365.25, help: 'Frequency of power-price shock periods like 2022\'s.', source: 'model-spec §5, §11.6; domain §4.1' }),
  'miner.power.spot.shockMultiplier': s({ kind: 'number', unit: 'multiplier', min: 0, max: 100, minExclusive: true, help: 'Factor applied to spot power prices during a shock period.', source: 'model-spec §5, §11.6' }),
  'miner.power.spot.shockDays': s({ kind: 'integer', unit: 'days', min: 1, max: 3650, help: 'How long a power-price shock lasts.', source: 'model-spec §5, §11.6' }),
  'miner.costs.sgaUsdPerQuarter': s({ kind: 'number', unit: 'USD per quarter', min: 0, max: 1e10, help: 'Fixed cash overhead (SG&A excluding stock pay) per quarter.', source: 'model-spec §5; domain §4.3' }),
  'miner.costs.sgaUsdPerQuarterPerEhs': s({ kind: 'number', unit: 'USD per quarter per EH/s', min: 0, max: 1e9, help: 'Overhead that grows with the fleet, per EH/s of machines not yet retired.', source: 'model-spec §5; domain §4.3' }),
  'miner.costs.otherOpexUsdPerPhDay': s({ kind: 'number', unit: 'USD per PH/s per day', min: 0, max: 1000, help: 'Repairs, site costs, insurance and hosting fees per PH/s actually running.', source: 'model-spec §5; domain §4.3' }),
  'miner.treasury.cashUsd': s({ kind: 'number', unit: 'USD', min: 0, max: 1e12, help: 'Unrestricted cash at the start.', source: 'model-spec §5, §9' }),
  'miner.treasury.btc': s({ kind: 'number', unit: 'BTC', min: 0, max: MAX_BTC, help: 'BTC the firm holds free to sell; BTC pledged to a loan goes in debt[].collateralBtc instead.', source: 'model-spec §5, §11.3' }),
  'miner.treasury.sellShareOfProduction': share('Share of newly mined BTC sold the same day; the rest is kept in treasury.', 'model-spec §5'),
  'miner.treasury.bufferDays': s({ kind: 'integer', unit: 'days', min: 0, max: 3650, help: 'Cash reserve target in days of overhead plus debt service due; treasury BTC is sold to restore it.', source: 'model-spec §5, §11.7' }),
  'miner.treasury.btcSaleHaircut': s({ kind: 'number', unit: 'share of price', min: 0, max: 0.5, help: 'Discount to the market price on every BTC sale (spread, fees, slippage).', source: 'model-spec §5, §11.7' }),
  'miner.refresh.policy': s({ kind: 'enum', unit: 'choice', options: ['none', 'holdShare', 'budget'], help: 'Capex policy: none keeps the fleet as given (the stress view, without degradation or economic retirement), holdShare buys machines each month to keep the start share of network hashrate, budget spends budgetUsdPerQuarter each quarter.', source: 'model-spec §9, §10; domain §3.3' }),
  'miner.refresh.budgetUsdPerQuarter': s({ kind: 'number', unit: 'USD per quarter', min: 0, max: 1e10, help: 'Machines bought at the start of each quarter under the budget policy, if the funding allows.', source: 'model-spec §10; project decision (default)' }),
  'miner.refresh.funding': s({ kind: 'enum', unit: 'choice', options: ['cash', 'facility'], help: 'Purchases are paid from cash above the treasury buffer (never below it) or drawn on an equipment facility.', source: 'model-spec §10' }),
  'miner.refresh.facility.rate': s({ kind: 'number', unit: 'per year', min: 0, max: 1, help: 'Interest on the equipment facility\'s balance, paid monthly in cash with the installments.', source: 'domain §6.3 (equipment loans 10–15 %)' }),
  'miner.refresh.facility.termMonths': s({ kind: 'integer', unit: 'months', min: 1, max: 120, help: 'Each draw is repaid in this many equal monthly installments, from the month after it.', source: 'project decision (model-spec is silent)' }),
  'miner.refresh.facility.limitUsd': s({ kind: 'number', unit: 'USD', min: 0, max: 1e12, help: 'Largest facility balance; purchases stop at the undrawn amount.', source: 'project decision (model-spec is silent)' }),
  'miner.refresh.frontierJPerThAtStart': s({ kind: 'number', unit: 'J/TH', min: 0, max: 500, minExclusive: true, help: 'Efficiency of the newest machines on sale at the start (S21 XP class).', source: 'model-spec §10; domain §3.1' }),
  'miner.refresh.frontierImprovementPerYear': s({ kind: 'number', unit: 'per year', min: 0, max: 1, maxExclusive: true, help: 'Yearly fall of the newest machines\' J/TH, applied every day.', source: 'model-spec §10; domain §3.1' }),
  'miner.refresh.asicPriceDaysOfHashprice': s({ kind: 'number', unit: 'days of hashprice', min: 0, max: 3650, help: 'A frontier machine costs this many days of the day\'s hashprice per TH; older ones cost less in proportion to their J/TH.', source: 'model-spec §10; domain §3.2' }),
  'miner.refresh.asicPriceFloorUsdPerTh': s({ kind: 'number', unit: 'USD/TH', min: 0, max: 1000, minExclusive: true, help: 'Lowest price of a frontier machine per TH, however low hashprice falls.', source: 'model-spec §10; domain §3.2' }),
  'miner.refresh.degradationPerYear': s({ kind: 'number', unit: 'per year', min: 0, max: 0.5, help: 'Share of each generation\'s hashrate (and its power) lost a year to wear and failures.', source: 'model-spec §10; domain §3.1' }),
  'miner.refresh.uneconomicDaysToRetire': s({ kind: 'integer', unit: 'days', min: 0, max: 3650, help: 'A generation whose revenue stays below its power cost this many days in a row is retired and sold (0: never).', source: 'model-spec §10; domain §3.2' }),
  'miner.refresh.deliveryDays': s({ kind: 'integer', unit: 'days', min: 0, max: 730, help: 'Days from paying for machines to their first day of mining.', source: 'model-spec §10' }),
  'miner.refresh.limitToPowerCapacity': s({ kind: 'boolean', unit: 'true/false', help: 'If true, machines are bought only up to what the power capacity can run at delivery; if false, machines beyond it stand idle.', source: 'project decision (model-spec is silent)' }),

  debt: s({ kind: 'list', unit: 'list', min: 0, max: MAX_LIST_ITEMS, help: 'The debt tranches; a list replaces the default debt whole, and same-day payments are made in list order.', source: 'model-spec §6, §9' }),
  'debt[].id': s({ kind: 'text', unit: 'text', min: 1, max: 40, default: null, defaultText: 't1, t2, … by position', help: 'Unique name of the tranche used in results (letters, digits, -, _ and .).', source: 'project decision (model-spec is silent)' }),
  'debt[].type': s({ kind: 'enum', unit: 'choice', options: ['bond', 'term_loan', 'convertible', 'btc_backed_loan'], required: true, default: null, help: 'Kind of debt; a convertible is repaid at par at maturity until conversion is modelled.', source: 'model-spec §6, §11.1' }),
  'debt[].principalUsd': s({ kind: 'number', unit: 'USD', min: 0, max: 1e12, required: true, default: null, help: 'Amount outstanding at the start.', source: 'model-spec §6, §11.1' }),
  'debt[].couponRate': s({ kind: 'number', unit: 'per year', min: 0, max: 1, default: 0, help: 'Annual interest rate of a bond, term loan or convertible (a btc_backed_loan uses rate).', source: 'model-spec §6, §11.1' }),
  'debt[].paymentsPerYear': s({ kind: 'integer', unit: 'payments per year', min: 1, max: 12, options: [1, 2, 3, 4, 6, 12], default: 2, defaultText: '2 (12 for btc_backed_loan)', help: 'Interest payment dates a year, counted back from maturity; a btc_backed_loan pays monthly.', source: 'model-spec §6, §11.1, §11.8' }),
  'debt[].maturityDate': s({ kind: 'date', unit: 'date', afterStart: true, required: true, default: null, help: 'Date the final principal is due.', source: 'model-spec §6, §11.1' }),
  'debt[].amortization': s({ kind: 'enum', unit: 'choice', options: ['bullet', 'linear'], default: 'bullet', help: 'Principal repaid all at maturity (bullet) or in equal parts on each payment date (linear).', source: 'model-spec §6, §11.1, §11.8' }),
  'debt[].collateralBtc': s({ kind: 'number', unit: 'BTC', min: 0, max: MAX_BTC, default: 0, defaultText: '0 (required, above 0, for btc_backed_loan)', help: 'BTC pledged to a btc_backed_loan; it cannot be sold while the loan is outstanding.', source: 'model-spec §6, §11.1, §11.3' }),
  'debt[].rate': s({ kind: 'number', unit: 'per year', min: 0, max: 1, default: 0, help: 'Annual interest rate of a btc_backed_loan, paid monthly.', source: 'model-spec §6, §11.1' }),
  'debt[].marginCallLtv': s({ kind: 'number', unit: 'loan-to-value', min: 0, max: 1, minExclusive: true, default: 0.7, help: 'Loan-to-value at which a btc_backed_loan\'s lender calls for more collateral.', source: 'model-spec §6; domain §6.3' }),
  'debt[].topUpToLtv': s({ kind: 'number', unit: 'loan-to-value', min: 0, max: 1, minExclusive: true, default: 0.5, help: 'Loan-to-value the firm must restore after a margin call (below marginCallLtv).', source: 'model-spec §6, §11.9' }),
  'debt[].crossDefault': s({ kind: 'boolean', unit: 'true/false', default: false, help: 'If true a failed margin call on this btc_backed_loan is itself a default, not only a forced sale of collateral.', source: 'model-spec §6, §11.9' }),
  'debt[].conversionPriceUsd': s({ kind: 'number', unit: 'USD per share', min: 0, max: 1e6, default: 0, defaultText: '0 (no conversion: repaid at par)', help: 'Share price at which a convertible turns into shares (holders convert at maturity when the share price is above it; ignored for other types).', source: 'model-spec §10; domain §6.1, §8.5' }),
  'debt[].putDate': s({ kind: 'date', unit: 'date', afterStart: true, optional: true, default: null, defaultText: 'none', help: 'Date holders of a convertible may demand par; they do when the shares are worth less than par.', source: 'model-spec §10; domain §6.1' }),
  'debt[].putConditional': s({ kind: 'boolean', unit: 'true/false', default: false, help: 'If true the put is only open while the share price is below the conversion price (MARA 2032 notes).', source: 'model-spec §10; domain §6.1' }),
  'debt[].softCallDate': s({ kind: 'date', unit: 'date', afterStart: true, optional: true, default: null, defaultText: 'none (not callable)', help: 'From this date the issuer may call a convertible when its shares trade at ≥ 130 % of the conversion price on 20 of 30 days, forcing conversion.', source: 'model-spec §10; domain §6.1' }),
  'debt[].spv': s({ kind: 'text', unit: 'text', min: 1, max: 80, optional: true, default: null, defaultText: 'none (the parent owes it)', help: 'Name of the hosting contract whose non-recourse SPV owes this bond or term loan and pays it from the contract\'s NOI; if the SPV defaults the parent lives on.', source: 'model-spec §10 (secured / project notes); domain §6.2' }),
  'debt[].collateralGeneration': s({ kind: 'text', unit: 'text', min: 1, max: 80, optional: true, default: null, defaultText: 'none', help: 'Name of the fleet generation whose machines secure this equipment loan: in a default its lender recovers first from them at the ASIC price.', source: 'model-spec §10 (equipment loans); domain §6.3' }),
  'debt[].settlement': s({ kind: 'enum', unit: 'choice', options: ['physical', 'cash', 'net_share'], default: 'net_share', help: 'How a conversion is paid: in shares (physical), in cash (cash), or par in cash and the excess in shares (net_share).', source: 'model-spec §10; domain §8.5' }),
  hosting: s({ kind: 'list', unit: 'list', min: 0, max: MAX_LIST_ITEMS, defaultText: 'none', help: 'AI/HPC hosting contracts on the miner\'s site, each a data hall leased to a tenant; a list replaces the default (none) whole.', source: 'model-spec §10; domain §5.1' }),
  'hosting[].name': s({ kind: 'text', unit: 'text', min: 1, max: 80, default: null, defaultText: 'h1, h2, … by position', help: 'Label of the contract, unique among the contracts; its project loan shows in results as "name (project loan)".', source: 'project decision (model-spec is silent)' }),
  'hosting[].mwIt': s({ kind: 'number', unit: 'MW IT', min: 0, max: 10_000, minExclusive: true, required: true, default: null, help: 'Critical IT load leased to the tenant; rent and build cost are per MW IT.', source: 'model-spec §10; domain §5.1' }),
  'hosting[].usdPerMwItYear': s({ kind: 'number', unit: 'USD per MW IT per year', min: 0, max: 10_000_000, default: 1_800_000, help: 'Rent in the first lease year (the contracts announced imply $1.2–2.3M per MW IT a year for colocation).', source: 'model-spec §10; domain §5.1' }),
  'hosting[].escalatorPerYear': s({ kind: 'number', unit: 'per year', min: 0, max: 0.2, default: 0.025, help: 'Rent increase on each lease anniversary (Hut 8: 3 %).', source: 'model-spec §10; domain §5.1' }),
  'hosting[].noiMargin': share('Share of the rent kept as net operating income after the data hall\'s operating costs (power is passed through to the tenant).', 'model-spec §10; domain §5.1', { default: 0.85 }),
  'hosting[].capexUsdPerMwIt': s({ kind: 'number', unit: 'USD per MW IT', min: 0, max: 100_000_000, default: 10_000_000, help: 'Build cost of the powered shell and its electrical and cooling plant, without GPUs (Cipher: $9–11M).', source: 'model-spec §10; domain §5.1' }),
  'hosting[].loanToCost': share('Share of the build cost financed by a project loan drawn at signing; the rest is paid from cash in equal daily parts until the scheduled first rent.', 'model-spec §10; domain §5.1, §6.2', { default: 0.75 }),
  'hosting[].loanRate': s({ kind: 'number', unit: 'per year', min: 0, max: 1, default: 0.0775, help: 'Interest rate of the project loan, paid quarterly from signing (TeraWulf 7.75 %, Cipher 7.125 %).', source: 'model-spec §10; domain §5.1, §6.2' }),
  'hosting[].loanYears': s({ kind: 'integer', unit: 'years', min: 1, max: 30, default: 10, help: 'Term of the project loan from signing; its principal is repaid in equal quarterly parts after the scheduled first rent.', source: 'project decision (domain §6.2: project notes amortise)' }),
  'hosting[].monthsToFirstRent': s({ kind: 'integer', unit: 'months', min: 1, max: 60, default: 12, help: 'Scheduled time from signing to the first rent, before any delay (Cipher 12, AWS 9, Hut 8 about 18).', source: 'model-spec §10; domain §5.1' }),
  'hosting[].delayProbPerPhase': s({ kind: 'number', unit: 'probability per phase', min: 0, max: 1, default: 0.25, help: 'Chance that each of the two build phases (building, energisation) misses its milestone; every miss delays the first rent by delayMonths and can repeat.', source: 'model-spec §10; domain §5.1 (VanEck, ~25 % delivered)' }),
  'hosting[].delayMonths': s({ kind: 'integer', unit: 'months', min: 0, max: 60, default: 6, help: 'Delay of the first rent for each missed milestone.', source: 'model-spec §10; domain §5.1' }),
  'hosting[].maxDelayMonthsBeforeTermination': s({ kind: 'integer', unit: 'months', min: 0, max: 120, default: 12, help: 'The tenant terminates the lease when the first rent is more than this many months late.', source: 'model-spec §10; domain §5.1' }),
  'hosting[].termYears': s({ kind: 'number', unit: 'years', min: 1, max: 30, default: 10, help: 'Lease term from the first rent; the rent stops at its end (renewal options are not modelled).', source: 'model-spec §10; domain §5.1' }),
  'hosting[].tenantDefaultPerYear': s({ kind: 'number', unit: 'per year', min: 0, max: 1, default: null, defaultText: '0.003 with a backstop, else 0.04', help: 'Yearly hazard that the tenant stops paying, counted from the first rent (a hyperscaler-backed lease 0.3 %, an unbacked neocloud 4 %).', source: 'model-spec §10; domain §5.1' }),
  'hosting[].backstopUsd': s({ kind: 'number', unit: 'USD', min: 0, max: 1e12, default: 0, defaultText: '0 (no backstop)', help: 'Cap of a guarantor\'s support such as Google\'s for Fluidstack: after a tenant default it keeps paying the rent until this much is paid.', source: 'model-spec §10; domain §5.1' }),
  'hosting[].reletMonths': s({ kind: 'integer', unit: 'months', min: 0, max: 120, default: 12, help: 'Months a hall stands empty after its tenant (and any guarantor) stops paying, or after a termination, before a new tenant pays.', source: 'model-spec §10; domain §5.1' }),
  'hosting[].reletDiscount': share('Discount of the new tenant\'s rent to the contract rent.', 'model-spec §10; domain §5.1', { default: 0.2 }),
  'hosting[].grossToIt': s({ kind: 'number', unit: 'MW per MW IT', min: 1, max: 3, default: 1.4, help: 'Site power each MW IT takes from mining, cooling and losses included (Cipher 244/168, Hut 8 330/245).', source: 'model-spec §10; domain §5.1' }),
  'hosting[].nonRecourse': s({ kind: 'boolean', unit: 'true/false', default: false, help: 'If true the project loan sits in a non-recourse SPV with the contract: the contract\'s NOI pays it, a DSCR covenant applies, and an SPV default costs the parent the contract but not its life.', source: 'model-spec §10 (secured / project notes); domain §6.2' }),
  'hosting[].interruptibleShare': share('Share of the AI load\'s unused power, (1 − utilisation) × gross MW, that mining may take: 0 for a firm third-party lease, up to 1 for capacity the miner runs itself.', 'model-spec §10 (dynamic load); domain §5.1', { default: 0 }),
  'hosting[].startDate': s({ kind: 'date', unit: 'date', default: START.date, help: 'Signing date: the build starts and the site power leaves mining that day (at most 10 years before the start date).', source: 'project decision (model-spec is silent)' }),

  'equity.priceUsd': s({ kind: 'number', unit: 'USD per share', min: 0, max: 1e6, minExclusive: true, help: 'Share price at the start, moving with BTC (beta) plus its own noise; used for conversion decisions and equity sales.', source: 'model-spec §10' }),
  'equity.sharesOutstanding': s({ kind: 'number', unit: 'shares', min: 0, max: 1e12, minExclusive: true, help: 'Shares outstanding at the start; conversions and at-the-market sales add to them (dilution).', source: 'model-spec §10' }),
  'equity.beta': s({ kind: 'number', unit: 'beta to BTC', min: 0, max: 5, help: 'Daily log-return sensitivity of the shares to BTC (listed miners ≈ 1.5).', source: 'model-spec §10; domain §8.5' }),
  'equity.sigmaIdio': s({ kind: 'number', unit: VOL, min: 0, max: 5, help: 'Volatility of the shares not explained by BTC.', source: 'model-spec §10' }),

  'capitalMarkets.refinancing': s({ kind: 'boolean', unit: 'true/false', help: 'If true, a maturity or put the firm cannot pay is refinanced with a new 5-year note while markets are open; off: the §9 stress view.', source: 'model-spec §9, §10' }),
  'capitalMarkets.atmEquity': s({ kind: 'boolean', unit: 'true/false', help: 'If true, shares are sold at the market to restore the cash buffer while markets are open (after treasury BTC).', source: 'model-spec §10' }),
  'capitalMarkets.maxDrawdownFromPeak': share('Markets are closed while BTC is this far or more below its running peak (the history\'s $124,824 counts).', 'model-spec §10', { minExclusive: true }),
  'capitalMarkets.maxNetDebtToEbitda': s({ kind: 'number', unit: 'times EBITDA', min: 0, max: 100, help: 'Markets are closed while net debt is at least this multiple of trailing-12-month EBITDA.', source: 'model-spec §10' }),
  'capitalMarkets.baseRate': s({ kind: 'number', unit: 'per year', min: 0, max: 1, help: 'Base interest rate of refinancing notes.', source: 'model-spec §10' }),
  'capitalMarkets.spread': s({ kind: 'number', unit: 'per year', min: 0, max: 1, help: 'Credit spread of refinancing notes over the base rate.', source: 'model-spec §10' }),
  'capitalMarkets.refinanceYears': s({ kind: 'number', unit: 'years', min: 0.5, max: 30, help: 'Term of a refinancing note (bullet, semi-annual coupons).', source: 'project decision (model-spec is silent)' }),
  'capitalMarkets.atmShareOfMarketCapPerQuarter': share('Most equity sold at the market per quarter, as a share of market capitalisation.', 'model-spec §10'),
  'covenants.minDscr': s({ kind: 'number', unit: 'times debt service', min: 0, max: 10, help: 'Minimum debt-service coverage of SPV debt: NOI over debt service on the trailing four quarters; below it the SPV\'s cash is trapped.', source: 'model-spec §10' }),
  'covenants.breachedQuartersToDefault': s({ kind: 'integer', unit: 'quarters', min: 1, max: 40, help: 'Consecutive quarters below the DSCR minimum after which the SPV defaults.', source: 'model-spec §10' }),
  'recovery.bankruptcyCostShare': share('Share of the firm\'s asset value lost to the bankruptcy process (legal, distressed-sale costs).', 'model-spec §10; domain §8.3'),
  'recovery.btcHaircut': s({ kind: 'number', unit: 'share of price', min: 0, max: 0.5, help: 'Discount to the market price at which BTC is sold in a default.', source: 'model-spec §10' }),
  'recovery.dataCentreDiscountRate': s({ kind: 'number', unit: 'per year', min: 0, max: 1, help: 'Discount rate for a data centre\'s remaining contracted NOI when valued in a default.', source: 'model-spec §10' }),
  'capitalMarkets.atmDiscount': s({ kind: 'number', unit: 'share of price', min: 0, max: 0.5, help: 'Discount to the share price on at-the-market sales.', source: 'model-spec §10' }),
} as const satisfies Record<string, FieldSpec>;

export type FieldPath = keyof typeof SPECS;

export const FIELD_INFO: Readonly<Record<FieldPath, FieldInfo>> = deepFreeze(
  Object.fromEntries(
    Object.entries(SPECS).map(([path, spec]) => {
      const info: FieldInfo = {
        path,
        ...spec,
        default: path.includes('[]') ? (spec as FieldSpec).default : getAt(DEFAULT_SCENARIO, path),
        range: '',
      };
      info.range = rangeText(info);
      return [path, info];
    }),
  ) as Record<FieldPath, FieldInfo>,
);

/** Every field in table order, for docs and the editor. */
export function listFields(): FieldInfo[] {
  return Object.values(FIELD_INFO);
}

/** The FIELD_INFO entry for a concrete path such as `debt[1].rate` (indices are dropped), if any. */
export function fieldInfo(path: string): FieldInfo | undefined {
  return (FIELD_INFO as Record<string, FieldInfo>)[path.replace(/\[\d+\]/g, '[]')];
}

/** A default as the docs and the UI show it. */
export function formatDefault(info: FieldInfo): string {
  if (info.defaultText) return info.defaultText;
  const d = info.default;
  if (d === null || d === undefined) return info.required ? 'required' : 'none';
  if (Array.isArray(d)) return d.map((x) => (x as { id?: string; name?: string }).id ?? (x as { name?: string }).name).join(', ');
  return String(d);
}

// ---------------------------------------------------------------------------------------------------------------
// Values, ranges and messages
// ---------------------------------------------------------------------------------------------------------------

/** A number as ranges show it: grouped digits for whole numbers, exponent notation beyond 1e15. */
function fmt(x: number): string {
  if (Math.abs(x) >= 1e15) return x.toExponential().replace('e+', 'e');
  if (Number.isInteger(x)) return x.toLocaleString('en-US');
  return String(x);
}

/** A value as the user wrote it, on one short line. */
export function formatValue(x: unknown): string {
  if (x === undefined) return 'missing';
  if (typeof x === 'number' || typeof x === 'bigint') return String(x);
  if (typeof x === 'function') return 'a function';
  let text: string;
  try {
    text = JSON.stringify(x) ?? String(x);
  } catch {
    text = String(x);
  }
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function rangeText(info: FieldInfo): string {
  const { min, max } = info;
  switch (info.kind) {
    case 'number':
    case 'integer': {
      if (info.options) {
        const opts = info.options.map((o) => String(o));
        return `one of ${opts.slice(0, -1).join(', ')} or ${opts[opts.length - 1]}`;
      }
      if (min === max && min !== undefined) return `only ${fmt(min)}`;
      const lo = `${info.minExclusive ? 'above ' : ''}${fmt(min!)}`;
      const hi = `${info.maxExclusive ? 'below ' : ''}${fmt(max!)}`;
      const joined = info.minExclusive && info.maxExclusive ? `${lo} and ${hi}` : info.minExclusive ? `${lo} up to ${hi}` : `${lo} to ${hi}`;
      return info.kind === 'integer' ? `whole numbers ${joined}` : joined;
    }
    case 'boolean':
      return 'true or false';
    case 'enum':
      return `one of ${info.options!.join(', ')}`;
    case 'text':
      return info.path === 'debt[].id'
        ? `${min} to ${max} letters, digits, '-', '_' or '.', unique among the tranches`
        : `text of ${min} to ${fmt(max!)} characters`;
    case 'date':
      if (info.fixed) return `only ${START.date} (the end of the shipped history)`;
      return `a real calendar date YYYY-MM-DD${info.afterStart ? ` after ${START.date}` : ''} up to ${LATEST_DATE}`;
    case 'datetime':
      return `a UTC time YYYY-MM-DDTHH:MM:SSZ from ${EPOCH_TIME_EARLIEST} to ${EPOCH_TIME_LATEST}`;
    case 'list':
      return `a list of ${min} to ${max} ${info.path === 'debt' ? 'tranches' : info.path === 'hosting' ? 'contracts' : 'generations'}`;
  }
}

function isCalendarDate(x: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(x);
  if (!m) return false;
  const [y, mo, d] = [+m[1], +m[2], +m[3]];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return y >= 1000 && t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

function isUtcTime(x: string): boolean {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/.exec(x);
  return !!m && isCalendarDate(m[1]) && +m[2] < 24 && +m[3] < 60 && +m[4] < 60;
}

/** What is wrong with a leaf value, as "<value> <problem> — allowed <range>", or null when it is fine. */
export function leafProblem(info: FieldInfo, x: unknown): string | null {
  const allowed = ` — allowed ${info.range}`;
  const shown = formatValue(x);
  if (x === undefined) return `missing — required${allowed}`;
  switch (info.kind) {
    case 'number':
    case 'integer': {
      if (typeof x !== 'number' || Number.isNaN(x)) return `${shown} is not a number${allowed}`;
      if (!Number.isFinite(x)) return `${shown} is not a finite number${allowed}`;
      if (info.kind === 'integer' && !Number.isInteger(x)) return `${shown} is not a whole number${allowed}`;
      if (info.options) return info.options.includes(x) ? null : `${shown} is not allowed${allowed}`;
      const low = info.minExclusive ? x <= info.min! : x < info.min!;
      const high = info.maxExclusive ? x >= info.max! : x > info.max!;
      return low || high ? `${shown} is out of range${allowed}` : null;
    }
    case 'boolean':
      return typeof x === 'boolean' ? null : `${shown} is not true or false${allowed}`;
    case 'enum':
      return typeof x === 'string' && info.options!.includes(x) ? null : `${shown} is not one of the choices${allowed}`;
    case 'text':
      if (typeof x !== 'string') return `${shown} is not text${allowed}`;
      if (x.length < info.min! || x.length > info.max!) return `${shown} has ${x.length} characters${allowed}`;
      if (info.path === 'debt[].id' && !ID_PATTERN.test(x)) return `${shown} has characters that are not allowed${allowed}`;
      return null;
    case 'date':
      if (typeof x !== 'string') return `${shown} is not a date${allowed}`;
      if (!isCalendarDate(x)) return `${shown} is not a real calendar date${allowed}`;
      if (info.fixed) return x === START.date ? null : `${shown} cannot be changed: the simulation starts at the end of the shipped history${allowed}`;
      if ((info.afterStart && x <= START.date) || x > LATEST_DATE) return `${shown} is out of range${allowed}`;
      return null;
    case 'datetime':
      if (typeof x !== 'string' || !isUtcTime(x)) return `${shown} is not a UTC time${allowed}`;
      return x < EPOCH_TIME_EARLIEST || x > EPOCH_TIME_LATEST ? `${shown} is out of range${allowed}` : null;
    case 'list':
      if (!Array.isArray(x)) return `${shown} is not a list${allowed}`;
      return x.length < info.min! || x.length > info.max! ? `has ${x.length} items${allowed}` : null;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The field tree and the valibot schema, both built from FIELD_INFO
// ---------------------------------------------------------------------------------------------------------------

interface ObjectNode {
  kind: 'object';
  path: string;
  children: Map<string, TreeNode>;
}
interface ListNode {
  kind: 'list';
  path: string;
  item: ObjectNode;
}
interface LeafNode {
  kind: 'leaf';
  path: string;
  info: FieldInfo;
}
type TreeNode = ObjectNode | ListNode | LeafNode;

const TREE: ObjectNode = buildTree();

function buildTree(): ObjectNode {
  const root: ObjectNode = { kind: 'object', path: '', children: new Map() };
  for (const info of listFields()) {
    const segments = info.path.split('.');
    let node: ObjectNode = root;
    segments.forEach((segment, i) => {
      const last = i === segments.length - 1;
      const isItem = segment.endsWith('[]');
      const key = isItem ? segment.slice(0, -2) : segment;
      const path = node.path ? `${node.path}.${key}` : key;
      if (last && info.kind !== 'list') {
        node.children.set(key, { kind: 'leaf', path: info.path, info });
        return;
      }
      let child = node.children.get(key);
      if (!child) {
        child =
          isItem || (last && info.kind === 'list')
            ? { kind: 'list', path, item: { kind: 'object', path: `${path}[]`, children: new Map() } }
            : { kind: 'object', path, children: new Map() };
        node.children.set(key, child);
      }
      if (!last) node = child.kind === 'list' ? child.item : (child as ObjectNode);
    });
  }
  return root;
}

function leafSchema(info: FieldInfo): v.GenericSchema {
  const metadata = { unit: info.unit, help: info.help, range: info.range, source: info.source, default: info.default };
  const meta = <T>() => v.metadata<T, typeof metadata>(metadata);
  const ok = <T>() => v.check<T, v.ErrorMessage<v.CheckIssue<T>>>((x) => leafProblem(info, x) === null, (issue) => leafProblem(info, issue.input) ?? issue.message);
  switch (info.kind) {
    case 'number':
    case 'integer':
      return v.pipe(v.number(), ok<number>(), meta<number>());
    case 'boolean':
      return v.pipe(v.boolean(), meta<boolean>());
    case 'enum':
      return v.pipe(v.picklist(info.options as string[]), meta<string>());
    default:
      return v.pipe(v.string(), ok<string>(), meta<string>());
  }
}

/** List-item fields whose default depends on the position or the tranche type: filled in by `finish`. */
const FILLED_BY_RESOLVE = new Set(['miner.fleet[].name', 'debt[].id', 'debt[].paymentsPerYear', 'hosting[].name', 'hosting[].tenantDefaultPerYear']);

function nodeSchema(node: TreeNode, inList: boolean): v.GenericSchema {
  if (node.kind === 'leaf') {
    const leaf = leafSchema(node.info);
    if (!inList || node.info.required) return leaf;
    // List items fill their own defaults (arrays replace whole, so nothing is merged into them). An id, a name
    // and paymentsPerYear stay absent here and are filled by position or tranche type in resolveScenario.
    const fill = node.info.default;
    return fill === null || FILLED_BY_RESOLVE.has(node.info.path) ? v.optional(leaf) : v.optional(leaf, fill as never);
  }
  if (node.kind === 'list') {
    const info = fieldInfo(node.path)!;
    return v.pipe(v.array(nodeSchema(node.item, true)), v.check((x: unknown[]) => leafProblem(info, x) === null), v.metadata({ help: info.help }));
  }
  const entries: Record<string, v.GenericSchema> = {};
  for (const [key, child] of node.children) entries[key] = nodeSchema(child, inList);
  return v.strictObject(entries);
}

/**
 * The valibot schema of a complete scenario (after merging over DEFAULT_SCENARIO): strict objects, every leaf
 * range-checked and carrying its FIELD_INFO metadata; list items fill their per-item defaults. Consistency between
 * fields is checked by resolveScenario, not here.
 */
export const ScenarioSchema: v.GenericSchema = nodeSchema(TREE, false);

// ---------------------------------------------------------------------------------------------------------------
// Merging
// ---------------------------------------------------------------------------------------------------------------

function isPlainObject(x: unknown): x is Record<string, unknown> {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const proto = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  // defineProperty, so that a "__proto__" key from JSON.parse stays an (unknown) field instead of a prototype.
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function clone(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(clone);
  if (isPlainObject(x)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(x)) setOwn(out, key, clone(x[key]));
    return out;
  }
  return x;
}

/**
 * `patch` applied over `base` (model-spec §0): objects merge field by field, arrays and everything else replace
 * whole, `undefined` leaves the base value. Neither argument is modified; the result shares nothing with them.
 */
export function applyPatch(base: unknown, patch: unknown): unknown {
  if (patch === undefined) return clone(base);
  if (!isPlainObject(base) || !isPlainObject(patch)) return clone(patch);
  const out = clone(base) as Record<string, unknown>;
  for (const key of Object.keys(patch)) {
    if (patch[key] === undefined) continue;
    setOwn(out, key, Object.hasOwn(base, key) ? applyPatch(base[key], patch[key]) : clone(patch[key]));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Resolving and validating
// ---------------------------------------------------------------------------------------------------------------

export interface ScenarioError {
  /** Dotted path, list items by index: `miner.power.hedgedShare`, `debt[1].couponRate`; '' for the whole file. */
  path: string;
  /** The offending value as given (undefined when the field is missing). */
  value: unknown;
  /** "<value> <problem> — allowed <range>", without the path. */
  message: string;
}

export type ResolveResult = { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] };

/** One line naming the field, the bad value and what is allowed, e.g.
 * `miner.power.hedgedShare: 1.5 is out of range — allowed 0 to 1`. */
export function formatError(e: ScenarioError): string {
  return `${e.path || 'scenario'}: ${e.message}`;
}

const joinPath = (parent: string, key: string | number): string =>
  typeof key === 'number' ? `${parent}[${key}]` : parent ? `${parent}.${key}` : key;

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diag + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1));
      diag = up;
    }
  }
  return row[b.length];
}

function describeObject(node: ObjectNode): string {
  return `an object with the fields ${[...node.children.keys()].join(', ')}`;
}

/** Layer 1: unknown fields (all of them) and objects or lists of the wrong kind. */
function checkShape(node: TreeNode, value: unknown, path: string, errors: ScenarioError[]): void {
  if (value === undefined || node.kind === 'leaf') return;
  if (node.kind === 'list') {
    if (!Array.isArray(value)) return; // reported by the schema, with the list's range
    value.forEach((item, i) => checkShape(node.item, item, joinPath(path, i), errors));
    return;
  }
  if (!isPlainObject(value)) {
    errors.push({ path, value, message: `${formatValue(value)} is not an object — allowed ${describeObject(node)}` });
    return;
  }
  const known = [...node.children.keys()];
  for (const key of Object.keys(value)) {
    const child = node.children.get(key);
    if (child) {
      checkShape(child, value[key], joinPath(path, key), errors);
      continue;
    }
    const near = known.filter((k) => editDistance(k, key) <= Math.max(1, Math.floor(key.length / 4)));
    const hint = near.length ? ` (did you mean ${near.join(' or ')}?)` : '';
    errors.push({ path: joinPath(path, key), value: value[key], message: `${formatValue(value[key])} is not a known field${hint} — allowed fields here: ${known.join(', ')}` });
  }
}

/** Layer 2: valibot issues turned into ScenarioErrors with the field's own range. */
function issueToError(issue: v.BaseIssue<unknown>): ScenarioError | null {
  let path = '';
  for (const item of issue.path ?? []) path = joinPath(path, item.key as string | number);
  const last = issue.path?.[issue.path.length - 1];
  if (issue.type === 'strict_object' && issue.expected === 'never') return null; // unknown field: checkShape
  const value = last && (last as { origin?: string }).origin === 'key' ? undefined : issue.input;
  const info = fieldInfo(path);
  if (info) return { path, value, message: leafProblem(info, value) ?? `${formatValue(value)}: ${issue.message}` };
  return { path, value, message: `${formatValue(value)} is not valid: ${issue.message}` };
}

const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const isStr = (x: unknown): x is string => typeof x === 'string';

function getAt(root: unknown, path: string): unknown {
  let node = root;
  for (const key of path.split('.')) node = isPlainObject(node) ? node[key] : undefined;
  return node;
}

/** A list item's field, or its per-item default when left out. */
function itemValue(item: Record<string, unknown>, listPath: string, key: string): unknown {
  return item[key] !== undefined ? item[key] : (FIELD_INFO as Record<string, FieldInfo>)[`${listPath}[].${key}`].default;
}

/** Layer 3: consistency between fields (§11.1–§11.4, §11.12). Reads the merged input defensively: a rule only
 * fires when the fields it compares have the right type, so it never repeats a layer-2 error. */
/** A list item's name (or the one generated for it by position) must be unique; `seen` maps names to item index. */
function checkUnique(seen: Map<string, number>, i: number, given: unknown, generated: string,
  report: (name: string, first: number, wasGenerated: boolean) => void): void {
  const name = given === undefined ? generated : given;
  if (!isStr(name)) return;
  const first = seen.get(name);
  if (first !== undefined) report(name, first, given === undefined);
  else seen.set(name, i);
}

function checkConsistency(m: Record<string, unknown>, errors: ScenarioError[]): void {
  const err = (path: string, value: unknown, message: string) => errors.push({ path, value, message: `${formatValue(value)} ${message}` });

  // §10: SPV debt names a hosting contract, an equipment loan a fleet generation; both only on bonds and term loans.
  const debtList = Array.isArray(m.debt) ? (m.debt as unknown[]) : [];
  const hostingNames = (Array.isArray(m.hosting) ? (m.hosting as unknown[]) : []).map((h, i) => (isPlainObject(h) && typeof h.name === 'string' ? h.name : `h${i + 1}`));
  const fleetRaw = getAt(m, 'miner.fleet');
  const genNames = (Array.isArray(fleetRaw) ? fleetRaw : []).map((g, i) => (isPlainObject(g) && typeof g.name === 'string' ? g.name : `gen${i + 1}`));
  debtList.forEach((t, i) => {
    if (!isPlainObject(t)) return;
    const plain = t.type === 'bond' || t.type === 'term_loan';
    if (t.spv !== undefined) {
      if (typeof t.spv === 'string' && !hostingNames.includes(t.spv)) err(`debt[${i}].spv`, t.spv, `names no hosting contract — allowed ${hostingNames.length ? hostingNames.join(', ') : 'a hosting[].name (there are none)'}`);
      else if (!plain) err(`debt[${i}].spv`, t.spv, `is only for a bond or term_loan — allowed on debt[${i}].type bond or term_loan`);
    }
    if (t.collateralGeneration !== undefined) {
      if (typeof t.collateralGeneration === 'string' && !genNames.includes(t.collateralGeneration)) err(`debt[${i}].collateralGeneration`, t.collateralGeneration, `names no fleet generation — allowed ${genNames.length ? genNames.join(', ') : 'a miner.fleet[].name (there are none)'}`);
      else if (!plain) err(`debt[${i}].collateralGeneration`, t.collateralGeneration, `is only for a bond or term_loan — allowed on debt[${i}].type bond or term_loan`);
    }
  });

  // §11.4: epochStartHeight = 2016·⌊nextHeight/2016⌋.
  const nextHeight = getAt(m, 'start.nextHeight');
  const epochStart = getAt(m, 'start.epochStartHeight');
  if (isNum(nextHeight) && isNum(epochStart) && Number.isInteger(nextHeight)) {
    const expected = 2016 * Math.floor(nextHeight / 2016);
    if (epochStart !== expected)
      err('start.epochStartHeight', epochStart, `does not match start.nextHeight ${nextHeight} — allowed only ${expected} (2016 × floor(nextHeight / 2016)), or leave it out to derive it`);
  }

  // Intervals given by two fields.
  const ordered = (lowPath: string, highPath: string) => {
    const lo = getAt(m, lowPath);
    const hi = getAt(m, highPath);
    const info = fieldInfo(highPath)!;
    if (isNum(lo) && isNum(hi) && hi < lo && leafProblem(info, hi) === null && leafProblem(fieldInfo(lowPath)!, lo) === null)
      err(highPath, hi, `is below ${lowPath.split('.').pop()} (${lo}) — allowed ${lo} to ${info.maxExclusive ? 'below ' : ''}${info.max}`);
  };
  ordered('market.fees.spikeMin', 'market.fees.spikeMax');
  ordered('network.outage.sizeMin', 'network.outage.sizeMax');

  // A stationary start needs a stationary distribution: at least one switching probability above 0.
  const regime = 'market.price.regime';
  if (getAt(m, 'market.price.model') === 'regime' && getAt(m, `${regime}.startRegime`) === 'stationary' && getAt(m, `${regime}.pCalmToTurbulent`) === 0 && getAt(m, `${regime}.pTurbulentToCalm`) === 0)
    err(`${regime}.startRegime`, 'stationary', 'has no long-run mix when pCalmToTurbulent and pTurbulentToCalm are both 0 — allowed calm or turbulent, or a switching probability above 0');

  // AI/HPC hosting (§10): unique names, site power, the signing date, room for the project loans.
  const hosting = m.hosting;
  if (Array.isArray(hosting)) {
    const names = new Map<string, number>();
    const capacity = getAt(m, 'miner.power.capacityMw');
    let grossTotal = 0;
    let loans = 0;
    hosting.forEach((h, i) => {
      if (!isPlainObject(h)) return;
      const at = (key: string) => `hosting[${i}].${key}`;
      const get = (key: string) => itemValue(h, 'hosting', key);
      checkUnique(names, i, h.name, `h${i + 1}`, (name, first, generated) =>
        err(at('name'), name, `is already the name of hosting[${first}]${generated ? ' (names left out are h1, h2, … by position)' : ''} — allowed a name unique among the contracts`));
      const mw = h.mwIt;
      const ratio = get('grossToIt');
      if (isNum(mw) && mw > 0 && isNum(ratio) && isNum(capacity) && capacity >= 0) {
        grossTotal += mw * ratio;
        if (grossTotal > capacity * (1 + 1e-12))
          err(at('mwIt'), mw, `MW IT takes ${(mw * ratio).toLocaleString('en-US')} MW of site power (× grossToIt ${ratio}), ${grossTotal.toLocaleString('en-US')} MW with the contracts before it: more than miner.power.capacityMw (${capacity}) — allowed a total gross power of at most miner.power.capacityMw`);
      }
      const date = get('startDate');
      const earliest = `${Number(START.date.slice(0, 4)) - 10}${START.date.slice(4)}`;
      if (isStr(date) && leafProblem(fieldInfo('hosting[].startDate')!, date) === null && date < earliest)
        err(at('startDate'), date, `is more than 10 years before the start date — allowed ${earliest} up to ${LATEST_DATE}`);
      const ltc = get('loanToCost');
      if (isNum(ltc) && ltc > 0) loans++;
    });
    const debtCount = Array.isArray(m.debt) ? m.debt.length : 0;
    if (debtCount + loans > MAX_LIST_ITEMS)
      errors.push({ path: 'hosting', value: hosting, message: `has ${loans} contracts with a project loan and debt has ${debtCount} tranches — allowed at most ${MAX_LIST_ITEMS} tranches and project loans together` });
  }

  // Debt (§11.1, §11.3, §11.9).
  const debt = m.debt;
  if (!Array.isArray(debt)) return;
  const seen = new Map<string, number>();
  debt.forEach((t, i) => {
    if (!isPlainObject(t)) return;
    const at = (key: string) => `debt[${i}].${key}`;
    const get = (key: string) => itemValue(t, 'debt', key);
    const type = t.type;
    const btcLoan = type === 'btc_backed_loan';

    checkUnique(seen, i, t.id, `t${i + 1}`, (id, first, generated) =>
      err(at('id'), id, `is already the id of debt[${first}]${generated ? ' (ids left out are t1, t2, … by position)' : ''} — allowed an id unique among the tranches`));

    const collateral = t.collateralBtc;
    if (btcLoan && collateral === undefined)
      errors.push({ path: at('collateralBtc'), value: undefined, message: 'missing — required for a btc_backed_loan — allowed above 0 up to 21,000,000' });
    else if (btcLoan && isNum(collateral) && collateral <= 0) err(at('collateralBtc'), collateral, 'is out of range: a btc_backed_loan needs collateral — allowed above 0 up to 21,000,000');
    if (!btcLoan && isStr(type) && isNum(collateral) && collateral !== 0)
      err(at('collateralBtc'), collateral, `is not allowed on a ${type}: pledged BTC belongs to a btc_backed_loan (§11.3) — allowed only 0`);

    const rate = t.rate;
    if (!btcLoan && isStr(type) && isNum(rate) && rate !== 0) err(at('rate'), rate, `is not used by a ${type}, whose interest is couponRate — allowed only 0`);
    if (btcLoan) {
      if (isNum(t.couponRate) && t.couponRate !== 0) err(at('couponRate'), t.couponRate, 'is not used by a btc_backed_loan, whose interest is rate (paid monthly) — allowed only 0');
      if (t.paymentsPerYear !== undefined && t.paymentsPerYear !== 12 && isNum(t.paymentsPerYear) && Number.isInteger(t.paymentsPerYear))
        err(at('paymentsPerYear'), t.paymentsPerYear, 'is not allowed on a btc_backed_loan, which pays rate monthly — allowed only 12');
      if (t.amortization === 'linear') err(at('amortization'), 'linear', 'is not allowed on a btc_backed_loan, whose principal is due at maturity — allowed only bullet');
    }

    const call = get('marginCallLtv');
    const topUp = get('topUpToLtv');
    if (isNum(call) && isNum(topUp) && topUp >= call)
      err(at('topUpToLtv'), topUp, `must be below marginCallLtv (${call}) — allowed above 0 and below ${call}`);
  });
}

function dedupe(errors: ScenarioError[]): ScenarioError[] {
  const out: ScenarioError[] = [];
  for (const e of errors) {
    const covered = out.some((o) => o.path === e.path || (o.path !== '' && (e.path.startsWith(`${o.path}.`) || e.path.startsWith(`${o.path}[`))));
    if (!covered) out.push(e);
  }
  return out;
}

/** Canonical field order and position-based names for list items (see FIELD_INFO defaultText). */
function finish(parsed: Scenario): Scenario {
  parsed.miner.fleet = parsed.miner.fleet.map((g, i) => {
    const gen: FleetGeneration = { name: g.name ?? `gen${i + 1}`, hashrateEhs: g.hashrateEhs, efficiencyJPerTh: g.efficiencyJPerTh };
    if (g.retireDate !== undefined) gen.retireDate = g.retireDate;
    return gen;
  });
  parsed.debt = parsed.debt.map((t, i) => ({
    id: t.id ?? `t${i + 1}`,
    type: t.type,
    principalUsd: t.principalUsd,
    couponRate: t.couponRate,
    paymentsPerYear: t.paymentsPerYear ?? (t.type === 'btc_backed_loan' ? 12 : 2),
    maturityDate: t.maturityDate,
    amortization: t.amortization,
    collateralBtc: t.collateralBtc,
    rate: t.rate,
    marginCallLtv: t.marginCallLtv,
    topUpToLtv: t.topUpToLtv,
    crossDefault: t.crossDefault,
    conversionPriceUsd: t.conversionPriceUsd,
    ...(t.putDate !== undefined ? { putDate: t.putDate } : {}),
    putConditional: t.putConditional,
    ...(t.softCallDate !== undefined ? { softCallDate: t.softCallDate } : {}),
    settlement: t.settlement,
    ...(t.spv !== undefined ? { spv: t.spv } : {}),
    ...(t.collateralGeneration !== undefined ? { collateralGeneration: t.collateralGeneration } : {}),
  }));
  parsed.hosting = parsed.hosting.map((h, i) => ({
    name: h.name ?? `h${i + 1}`,
    mwIt: h.mwIt,
    usdPerMwItYear: h.usdPerMwItYear,
    escalatorPerYear: h.escalatorPerYear,
    noiMargin: h.noiMargin,
    capexUsdPerMwIt: h.capexUsdPerMwIt,
    loanToCost: h.loanToCost,
    loanRate: h.loanRate,
    loanYears: h.loanYears,
    monthsToFirstRent: h.monthsToFirstRent,
    delayProbPerPhase: h.delayProbPerPhase,
    delayMonths: h.delayMonths,
    maxDelayMonthsBeforeTermination: h.maxDelayMonthsBeforeTermination,
    termYears: h.termYears,
    tenantDefaultPerYear: h.tenantDefaultPerYear ?? (h.backstopUsd > 0 ? 0.003 : 0.04),
    backstopUsd: h.backstopUsd,
    reletMonths: h.reletMonths,
    reletDiscount: h.reletDiscount,
    grossToIt: h.grossToIt,
    interruptibleShare: h.interruptibleShare,
    startDate: h.startDate,
    nonRecourse: h.nonRecourse,
  }));
  return parsed;
}

/**
 * Applies `input` (a parsed scenario file, a preset's scenario, an editor's state) over DEFAULT_SCENARIO and
 * validates the result. Returns the fully resolved scenario, or every error found, each with its field path.
 * The input is never modified and the resolved scenario shares no objects with it.
 *
 * Decisions where model-spec is silent (see docs/scenario.md):
 * - A tranche without `id` gets `t1`, `t2`, … by its position; ids must be unique, generated ones included.
 *   A generation without `name` gets `gen1`, `gen2`, ….
 * - `paymentsPerYear` defaults to 2, and to 12 for a btc_backed_loan, which pays `rate` monthly (§11.1); a
 *   btc_backed_loan refuses any other paymentsPerYear, a couponRate other than 0 and linear amortisation. Other
 *   types refuse a `rate` or `collateralBtc` other than 0 (pledged BTC is only a btc_backed_loan's, §11.3);
 *   marginCallLtv, topUpToLtv and crossDefault are ignored on them.
 * - `start.date` may be repeated with its own value (so a resolved scenario resolves again) but not changed.
 *   Giving `start.nextHeight` without `start.epochStartHeight` derives the latter.
 * - Retirement and maturity dates must fall after start.date: leave out what is already retired or repaid.
 */
export function resolveScenario(input: unknown): ResolveResult {
  if (!isPlainObject(input))
    return { ok: false, errors: [{ path: '', value: input, message: `${formatValue(input)} is not an object — allowed ${describeObject(TREE)}` }] };

  const merged = applyPatch(DEFAULT_SCENARIO, input) as Record<string, unknown>;
  const startPatch = input.start;
  if (isPlainObject(startPatch) && startPatch.nextHeight !== undefined && startPatch.epochStartHeight === undefined && isNum(startPatch.nextHeight))
    (merged.start as Record<string, unknown>).epochStartHeight = 2016 * Math.floor(startPatch.nextHeight / 2016);

  const errors: ScenarioError[] = [];
  checkShape(TREE, merged, '', errors);
  const parsed = v.safeParse(ScenarioSchema, merged);
  if (!parsed.success)
    for (const issue of parsed.issues) {
      const e = issueToError(issue);
      if (e) errors.push(e);
    }
  checkConsistency(merged, errors);

  const found = dedupe(errors);
  if (found.length > 0 || !parsed.success) return { ok: false, errors: found };
  return { ok: true, scenario: finish(parsed.output as Scenario) };
}

function deepFreeze<T>(x: T): T {
  if (typeof x === 'object' && x !== null && !Object.isFrozen(x)) {
    Object.freeze(x);
    for (const value of Object.values(x)) deepFreeze(value);
  }
  return x;
}
