// Presets (model-spec §9): the default scenario and three listed miners built from the figures in domain.md §10
// (§10.1 MARA, §10.2 Riot, §10.3 CleanSpark), each with one balance-sheet date and its sources. A figure the brief
// lacks keeps its default and is listed in `assumed` (computed, so the list cannot miss one); figures the brief
// itself marks "(GK, verify)" or that we derived are listed in `unverified` and explained in the note.
import { START } from './start-state';
import { FIELD_INFO, resolveScenario, type ScenarioInput } from './scenario';
import { STRESS_VIEW, scenarioView } from './view';

/** Shown beside the default and every preset in the CLI and the UI until the model issue adds conversion, puts,
 * refinancing and fleet refresh (model-spec §9). */
export const STRESS_VIEW_LABEL = STRESS_VIEW;

export interface Preset {
  id: string;
  label: string;
  /** Date of the balance sheet (cash, BTC, debt) the preset describes. */
  asOf: string;
  /** What the preset's scenario models (scenarioView): the §9 stress view, or which mechanisms are on. */
  caveat: string;
  /** domain.md source tags with what each supports. */
  sources: string[];
  /** Company-specific field paths (list items by index) left at their default because the brief lacks them. */
  assumed: string[];
  /** Field paths whose value is a general-knowledge figure the brief marks "(GK, verify)", or derived by us. */
  unverified: string[];
  note: string;
  /** Applied over DEFAULT_SCENARIO by resolveScenario. */
  scenario: ScenarioInput;
}

const MARKET_START = `The market start state is ${START.date} (BTC $${Math.round(START.priceUsd).toLocaleString('en-US')}); `;
const OLDER = (asOf: string) =>
  `${MARKET_START}the balance sheet (${asOf}) is older, from a time when BTC traded near $114,000 (2025-09-30), so cash, BTC and debt are not those of ${START.date}.`;

/**
 * Company fields a preset leaves at the default: every miner field it does not set, a fleet generation's
 * retireDate, and the margin terms of a BTC-backed loan. Market and network fields are not company figures and are
 * never listed: every scenario shares them.
 */
function assumedFields(scenario: ScenarioInput): string[] {
  const out: string[] = [];
  const has = (path: string): boolean => {
    let node: unknown = scenario;
    for (const key of path.split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
    return node !== undefined;
  };
  for (const info of Object.values(FIELD_INFO)) {
    if (!info.path.startsWith('miner.') || info.path.includes('[]') || info.kind === 'list') continue;
    if (!has(info.path)) out.push(info.path);
  }
  scenario.miner?.fleet?.forEach((g, i) => {
    if (g.retireDate === undefined) out.push(`miner.fleet[${i}].retireDate`);
  });
  scenario.debt?.forEach((t, i) => {
    if (t.type !== 'btc_backed_loan') return;
    for (const key of ['marginCallLtv', 'topUpToLtv', 'crossDefault'] as const)
      if (t[key] === undefined) out.push(`debt[${i}].${key}`);
  });
  return out;
}

function preset(p: Omit<Preset, 'assumed' | 'caveat'>): Preset {
  // The default scenario defines the defaults: nothing in it stands in for a missing company figure.
  const r = resolveScenario(p.scenario);
  const caveat = r.ok ? scenarioView(r.scenario) : STRESS_VIEW;
  return { ...p, caveat, assumed: p.id === 'default' ? [] : assumedFields(p.scenario) };
}

const DEFAULT_PRESET = preset({
  id: 'default',
  label: 'Illustrative mid-size leveraged miner (not a real company)',
  asOf: START.date,
  sources: ['model-spec §9: the default scenario, every other field at its §1–§6 default'],
  unverified: [],
  note:
    'Not a real company: a mid-size miner with 20 EH/s in two ASIC generations, a $400M convertible due 2030 and a ' +
    '$75M BTC-backed loan due 2027, to show how the model works. Its balance sheet is dated at the market start state.',
  scenario: {},
});

// MARA: 60.4 EH/s energized (nameplate) at 18.3 J/TH draws 60.4 × 18.3 = 1,105 MW; capacity 1,106 MW so the cap
// never binds. The reported ~1.7 GW (GK) includes sites not mining. Hosting fees go into other opex (see note).
const MARA_HOSTING_USD_PER_PH_DAY = 14.8; // $75.7M a quarter ÷ 91.3125 days ÷ (60,400 PH/s × 0.93 running)
const MARA = preset({
  id: 'mara',
  label: 'MARA Holdings (balance sheet 2025-09-30)',
  asOf: '2025-09-30',
  sources: [
    '[S18] MARA Q3 2025 shareholder letter (domain §10.1, §4.1, §6.3): 60.4 EH/s energized; 18.3 J/TH (Q2 2025); ' +
      '$0.04/kWh at owned sites; third-party hosting $75.7M a quarter; cost $31.3/PH/day; 52,850 BTC held, of which ' +
      '17,357 loaned, actively managed or pledged',
    '[S17] MARA 8-Ks (domain §6.1, §10.1): 2.125 % notes due 2031-09-01 ($300M); 0 % notes due 2030-03-01 ($1.0B, ' +
      'holder put 2027-12-01); 0 % notes due 2031-06-01 ($850M); 0 % notes due 2032-08-01 ($950M, conditional put 2030-01-04)',
  ],
  unverified: ['miner.costs.otherOpexUsdPerPhDay', 'equity.priceUsd', 'equity.sharesOutstanding', 'debt[0].settlement', 'debt[1].settlement', 'debt[2].settlement', 'debt[3].settlement'],
  note:
    `${OLDER('2025-09-30')} ` +
    'Power: $40/MWh (owned sites), consistent with purchased energy of $39,235 per BTC. MARA is mostly hosted: the ' +
    `hosting fees ($75.7M a quarter) are added to other opex as $${MARA_HOSTING_USD_PER_PH_DAY}/PH/day per running ` +
    'PH/s, so energy plus hosting match the reported $31.3/PH/day. Capacity 1,106 MW = 60.4 EH/s × 18.3 J/TH, the ' +
    'fleet\'s nameplate draw (it runs at uptime 0.93, about 1,030 MW). Treasury BTC is the 35,493 BTC not loaned or ' +
    'pledged; the 17,357 others are left out. Cash at 2025-09-30 is not in the sources (cash + BTC ≈ $5.4B at Q2 2025): ' +
    'the default $150M is used. Converts carry their conversion prices, holder puts (2027-12-01 on the 2030 notes; ' +
    '2030-01-04 on the 2032 notes, only while the stock is below $20.26) and soft calls at 130 % (domain §6.1); ' +
    'settlement is net share (par in cash) where the brief says "cash/shares" or is silent (unverified). The share ' +
    'price at the market start ($8) and the 370M shares are assumed (not in the brief): every convert is then deep ' +
    'out of the money, so conversion needs BTC to more than double. Capped calls are ignored. Left out: the residual 1 % notes due 2026-12-01, whose amount ' +
    'outstanding is not in the brief (at most $466.5M after the repurchases seen), and the option tranches of the ' +
    '2031 and 2032 notes.',
  scenario: {
    name: 'MARA Holdings — balance sheet 2025-09-30',
    description: 'MARA preset (domain §10.1, §6.1), balance sheet 2025-09-30; converts with their conversion prices, puts and calls; no refinancing, no new machines.',
    miner: {
      fleet: [{ name: 'MARA fleet (Q3 2025)', hashrateEhs: 60.4, efficiencyJPerTh: 18.3 }],
      power: { capacityMw: 1106, contractUsdPerMwh: 40 },
      costs: { otherOpexUsdPerPhDay: 2 + MARA_HOSTING_USD_PER_PH_DAY },
      treasury: { btc: 52_850 - 17_357 },
    },
    debt: [
      { id: 'conv-2030', type: 'convertible', principalUsd: 1_000_000_000, couponRate: 0, maturityDate: '2030-03-01', conversionPriceUsd: 25.91, putDate: '2027-12-01', softCallDate: '2028-03-05', settlement: 'net_share' },
      { id: 'conv-2031-sep', type: 'convertible', principalUsd: 300_000_000, couponRate: 0.02125, paymentsPerYear: 2, maturityDate: '2031-09-01', conversionPriceUsd: 18.89, softCallDate: '2028-09-06', settlement: 'net_share' },
      { id: 'conv-2031-jun', type: 'convertible', principalUsd: 850_000_000, couponRate: 0, maturityDate: '2031-06-01', conversionPriceUsd: 34.58, softCallDate: '2029-06-05', settlement: 'net_share' },
      { id: 'conv-2032', type: 'convertible', principalUsd: 950_000_000, couponRate: 0, maturityDate: '2032-08-01', conversionPriceUsd: 20.26, putDate: '2030-01-04', putConditional: true, softCallDate: '2030-01-15', settlement: 'net_share' },
    ],
    equity: { priceUsd: 8, sharesOutstanding: 370_000_000 },
  },
});

// Riot: 36.5 EH/s is the *average operating* hashrate, so the nameplate is 36.5 / 0.93 = 39.25 EH/s, drawing
// 39.25 × 21.2 = 832 MW. The 345 MW fixed-price Rockdale PPA is 345 / 832 = 0.415 of that.
const RIOT_CAPACITY_MW = 832;
const RIOT = preset({
  id: 'riot',
  label: 'Riot Platforms (balance sheet 2025-09-30)',
  asOf: '2025-09-30',
  sources: [
    '[S19] Riot 10-Q Q3 2025 and results (domain §10.2, §4.1): 36.5 EH/s average operating; 21.2 J/TH (Jun 2025); ' +
      'power 3.2 ¢/kWh all-in net of credits; Rockdale 345 MW fixed-price PPA, unused power sold back; cash $330.7M; ' +
      '19,287 BTC of which 3,300 restricted; 0.75 % convertible notes due 2030-01-15',
    '[S20] Riot–Coinbase BTC-backed facility (domain §6.3): $200M, 364-day term from April 2025, ' +
      'max(Fed funds upper bound, 3.25 %) + 4.5 % ≈ 9 % at signing',
  ],
  unverified: ['debt[0].principalUsd', 'debt[1].maturityDate', 'miner.fleet[0].hashrateEhs', 'equity.priceUsd', 'equity.sharesOutstanding', 'debt[0].settlement'],
  note:
    `${OLDER('2025-09-30')} ` +
    `Fleet: nameplate 39.25 EH/s = the 36.5 EH/s average operating ÷ uptime 0.93; capacity ${RIOT_CAPACITY_MW} MW = 39.25 × 21.2 J/TH ` +
    '(the 1.8 GW approved includes Corsicana capacity under development). Power: the reported 3.2 ¢/kWh all-in is ' +
    'used as the contract price for the 345 MW PPA (hedged share 345/832 = 0.415) with resale on, as Riot sells unused ' +
    'PPA power back; the rest is at the default spot price; demand-response credits are already in the net 3.2 ¢, so ' +
    'they are set to 0. Converts: $594M, the base $525M plus the option (GK, verify). The Coinbase loan: $200M on the ' +
    '3,300 restricted BTC, maturing 2026-04-22 (364 days from the April 2025 signing; later renewals are not in the ' +
    'brief), at 9 %; its LTV at the start price is 0.89, above the default 0.70 margin call, so Riot must post BTC ' +
    'on day 1. Treasury BTC is the 15,987 unrestricted BTC. The 2030 notes convert at $14.86 (soft call from ' +
    '2028-01-20 at 130 %, cash/shares: net share assumed); the share price at the start ($7) and the 360M shares are ' +
    'assumed (not in the brief).',
  scenario: {
    name: 'Riot Platforms — balance sheet 2025-09-30',
    description: 'Riot preset (domain §10.2, §6.1), balance sheet 2025-09-30; converts with their conversion price and call; no refinancing, no new machines.',
    miner: {
      fleet: [{ name: 'Riot fleet (Q3 2025)', hashrateEhs: 39.25, efficiencyJPerTh: 21.2 }],
      power: {
        capacityMw: RIOT_CAPACITY_MW,
        contractUsdPerMwh: 32,
        hedgedShare: 0.415,
        resale: true,
        demandResponseUsdPerMwYear: 0,
      },
      treasury: { cashUsd: 330_700_000, btc: 19_287 - 3_300 },
    },
    debt: [
      { id: 'conv-2030', type: 'convertible', principalUsd: 594_000_000, couponRate: 0.0075, paymentsPerYear: 2, maturityDate: '2030-01-15', conversionPriceUsd: 14.86, softCallDate: '2028-01-20', settlement: 'net_share' },
      { id: 'coinbase-btc-loan', type: 'btc_backed_loan', principalUsd: 200_000_000, rate: 0.09, collateralBtc: 3_300, maturityDate: '2026-04-22' },
    ],
    equity: { priceUsd: 7, sharesOutstanding: 360_000_000 },
  },
});

// CleanSpark: 50 EH/s at ~16.5 J/TH draws 825 MW, within the ~987 MW contracted (2025-06-30).
const CLEANSPARK = preset({
  id: 'cleanspark',
  label: 'CleanSpark (balance sheet 2025-11-30)',
  asOf: '2025-11-30',
  sources: [
    '[S21] CleanSpark FY2025 results, 10-Q and 8-Ks (domain §10.3, §4.1, §6.1): 50 EH/s at FY end 2025-09-30; ' +
      '~16–17 J/TH (GK, verify); 4.3 ¢/kWh average marginal power cost; ~987 MW contracted; 13,011 BTC (Nov 2025); ' +
      '$650M 0 % convertible due 2030; $1.15B 0 % convertible due 2032-02-15 (Nov 2025)',
  ],
  unverified: ['miner.fleet[0].efficiencyJPerTh', 'debt[0].maturityDate', 'equity.priceUsd', 'equity.sharesOutstanding', 'debt[0].settlement', 'debt[1].settlement'],
  note:
    `${OLDER('2025-11-30')} Hashrate is at the fiscal year end (2025-09-30); BTC held and the 2032 notes are of November 2025. ` +
    'Fleet efficiency 16.5 J/TH is the middle of the brief\'s ~16–17 J/TH (GK, verify); capacity 825 MW = 50 EH/s × ' +
    '16.5 J/TH, the nameplate draw, within the ~987 MW contracted. Power $43/MWh (4.3 ¢ marginal), hedged share ' +
    'unknown (default). Cash: the brief has $34.6M at 2025-06-30, before the $1.15B issue, and "over $800M remaining ' +
    'liquidity" in February 2026 without a split, so the default $150M is used. The 2030 notes mature on 2030-06-15 ' +
    '(the brief gives only the year; GK, verify). Left out: the BTC-backed facilities (~$400M, being repaid from the ' +
    '2025 converts; amount outstanding, collateral and terms not in the brief) — add a btc_backed_loan tranche to ' +
    'test them; all 13,011 BTC are treated as free. Converts at $14.80 (2030) and $19.16 (2032, soft call from ' +
    '2029-02-20); capped calls ignored; net share settlement assumed. Shares: 281M derived from the $460M buyback ' +
    '(10.9 % of shares at ≈ $15.03); the share price at the start ($8) is assumed.',
  scenario: {
    name: 'CleanSpark — balance sheet 2025-11-30',
    description: 'CleanSpark preset (domain §10.3, §6.1), balance sheet 2025-11-30; converts with their conversion prices and call; no refinancing, no new machines.',
    miner: {
      fleet: [{ name: 'CleanSpark fleet (FY2025)', hashrateEhs: 50, efficiencyJPerTh: 16.5 }],
      power: { capacityMw: 825, contractUsdPerMwh: 43 },
      treasury: { btc: 13_011 },
    },
    debt: [
      { id: 'conv-2030', type: 'convertible', principalUsd: 650_000_000, couponRate: 0, maturityDate: '2030-06-15', conversionPriceUsd: 14.8, settlement: 'net_share' },
      { id: 'conv-2032', type: 'convertible', principalUsd: 1_150_000_000, couponRate: 0, maturityDate: '2032-02-15', conversionPriceUsd: 19.16, softCallDate: '2029-02-20', settlement: 'net_share' },
    ],
    // 281M shares: the $460M buyback of Nov 2025 was 10.9 % of shares at ≈ $15.03 (= $19.16 / 1.275) a share.
    equity: { priceUsd: 8, sharesOutstanding: 281_000_000 },
  },
});

export const PRESETS: Readonly<Record<'default' | 'mara' | 'riot' | 'cleanspark', Preset>> = {
  default: DEFAULT_PRESET,
  mara: MARA,
  riot: RIOT,
  cleanspark: CLEANSPARK,
};
