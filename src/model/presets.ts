// Presets (model-spec §9): the default scenario and six listed miners built from the figures in domain.md §10
// (§10.1 MARA, §10.2 Riot, §10.3 CleanSpark, and with AI/HPC hosting §10.4 IREN, §10.5 TeraWulf, §10.6 Cipher),
// each with one balance-sheet date and its sources. A figure the brief
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

// ---------------------------------------------------------------------------------------------------------------
// The AI/HPC presets (domain §10.4–§10.6, §5.1, §6.1, §6.2): miners with hosting contracts, project notes and
// backstops. Shared rules, explained in each note:
// - Rent: $/MW IT/yr = contract value ÷ MW IT ÷ years, an average with any escalator inside it (domain §5.1), so
//   escalatorPerYear is 0 and the rent over the term sums to the reported contract value.
// - Power capacity = the fleet's nameplate draw + every contract's gross power (MW IT × grossToIt): the contracts
//   take their site power from their signing date, so the fleet keeps running whole.
// - Financings dated after the balance sheet enter as debt whose proceeds are spent on the build they fund, so they
//   are in neither cash nor capex: a contract whose build such notes fund has loanToCost 0 and capexUsdPerMwIt = the
//   build cost the notes leave (at the brief's $10M per MW IT unless the company gave its own).
// - Contracts signed before the start keep their reported signing date and first rent; the model treats capex of the
//   days before the start as paid.
// ---------------------------------------------------------------------------------------------------------------

// IREN: 50 EH/s at 15 J/TH draws 750 MW; Microsoft's Horizon 1–4 are 200 MW IT × 1.4 = 280 MW gross.
const IREN_FLEET_MW = 50 * 15;
const IREN_MSFT_MW_IT = 200;
const IREN_MSFT_RENT = 9.7e9 / IREN_MSFT_MW_IT / 5; // $9.7M per MW IT per year (GPU cloud: GPUs included)
// Capex per MW IT: GB300 systems $5.8B ÷ 200 = $29M plus the data halls at the brief's $10M (domain §5.1).
const IREN_MSFT_CAPEX = 5.8e9 / IREN_MSFT_MW_IT + 10e6; // $39M per MW IT, $7.8B in all
// Funded by the $3.6B GPU term loan and the $1.9B Microsoft prepayment: $5.5B of $7.8B.
const IREN_MSFT_LTC = (3.6e9 + 1.9e9) / (IREN_MSFT_CAPEX * IREN_MSFT_MW_IT); // 0.705
// Blended rate: the loan at 6 % ("below 6 %"), the prepayment at 0 % (it is earned back out of rent).
const IREN_MSFT_RATE = (3.6e9 * 0.06) / (3.6e9 + 1.9e9); // 3.93 %
const IREN = preset({
  id: 'iren',
  label: 'IREN (balance sheet 2026-01-31)',
  asOf: '2026-01-31',
  sources: [
    '[S24] IREN results Q1 and Q2 FY26, 8-Ks and offering notices (domain §10.4, §5.1, §6.1, §6.3): 50 EH/s; ~15 J/TH; ' +
      '~3.5 ¢/kWh; Microsoft 200 MW IT (Childress Horizon 1–4), $9.7B over 5 years, signed 2025-11-03, 20 % prepayment ' +
      '(~$1.9B), ~85 % EBITDA margin claimed, GB300 systems ~$5.8B from Dell, termination if milestones are missed; ' +
      '$3.6B GPU financing; cash $2.8B at 2026-01-31; 3.50 % notes due 2029-12-15 (conv. $13.64); 0 % notes due ' +
      '2031-07-01 ($1.0B, conv. ≈ $85.6 = 42.5 % over $60.09, call from 2029-01-08); 0.25 % 2032 and 1.00 % 2033-06-01 ' +
      'notes (conv. $51.40, 19.4553 shares per $1,000, NC3, provisional call at 130 %)',
    'Beyond the brief (public pages found): the December 2025 notes were $2.3B with the $300M greenshoe, ~25 % over ' +
      'the $41.12 close of 2025-12-02, and repurchased $316.6M of the 2029 notes and $227.7M of the 2030 notes ' +
      '(3.25 %, conv. $16.81) — https://marketchameleon.com/articles/b/2025/12/9/iren-convertible-notes-offering-lowers-debt-costs-extends-maturities, ' +
      'https://www.stocktitan.net/news/IREN/iren-prices-2-billion-convertible-notes-dw8msdm6l9ko.html; the 2029 notes ' +
      'are callable from 2028-06-20 — https://techminis.com/nasdaq-listed-bitcoin-mining--ai-firm-plans-450m-convertible-note-offering/697270201; ' +
      'the $3.6B GPU financing is a delayed-draw term loan below 6 % amortising in full over 5 years, and with the ' +
      '$1.9B prepayment covers ~95 % of the GPU capex; Microsoft deployments are phased through 2026 — ' +
      'https://www.marketbeat.com/instant-alerts/iren-q2-earnings-call-highlights-2026-02-05/, ' +
      'https://livenews.co.nz/2025/11/07/nz-au-iren-reports-q1-fy26-results; market cap $14.76B at the 2026-02-05 ' +
      'close of $39.79 — https://www.stocktitan.net/news/IREN/iren-reports-q2-fy26-kw2ckij7k65o.html',
  ],
  unverified: [
    'miner.treasury.btc',
    'debt[1].principalUsd',
    'debt[1].maturityDate',
    'debt[3].principalUsd',
    'debt[3].maturityDate',
    'debt[3].softCallDate',
    'debt[4].principalUsd',
    'debt[4].softCallDate',
    'debt[0].settlement', 'debt[1].settlement', 'debt[2].settlement', 'debt[3].settlement', 'debt[4].settlement',
    'hosting[0].capexUsdPerMwIt',
    'hosting[0].loanToCost',
    'hosting[0].loanRate',
    'hosting[0].monthsToFirstRent',
    'hosting[0].noiMargin',
    'hosting[0].tenantDefaultPerYear',
    'equity.priceUsd',
    'equity.sharesOutstanding',
  ],
  note:
    `${MARKET_START}the balance sheet (2026-01-31) is older, from a time when BTC traded near $78,700, so cash, BTC and ` +
    `debt are not those of ${START.date}. ` +
    `Fleet 50 EH/s at 15 J/TH (${IREN_FLEET_MW} MW), power $35/MWh (3.5 ¢); capacity ${IREN_FLEET_MW + IREN_MSFT_MW_IT * 1.4} MW = ` +
    'the fleet\'s draw + the Microsoft halls\' 280 MW gross (200 MW IT × 1.4); the move of the BC sites from ASICs to ' +
    'GPUs by end-2026 is not modelled (the fleet stays at 50 EH/s). BTC: ~0 (GK, verify: IREN sells its production). ' +
    'Cash $2.8B (2026-01-31). Microsoft is modelled as one hosting contract although it is a GPU cloud, not ' +
    'colocation: rent $9.7M per MW IT a year = $9.7B ÷ 200 MW ÷ 5 years (GPUs included), no escalator, for 5 years, ' +
    'NOI margin 85 % (the claimed EBITDA margin), signed 2025-11-03 with first rent 12 months later (deployments are ' +
    'phased through 2026; the phasing is not modelled), the default delay risk and termination after 12 months late ' +
    '(the contract terminates if milestones are missed), tenant default 0.3 %/yr (Microsoft; no backstop), no mining ' +
    `on its slack (interruptible share 0). Capex $${(IREN_MSFT_CAPEX / 1e6).toFixed(0)}M per MW IT = GB300 systems ` +
    '$5.8B ÷ 200 MW ($29M) + $10M for the halls (the brief\'s build cost; IREN\'s own is not in the brief), $7.8B. ' +
    `Project loan: loan-to-cost ${IREN_MSFT_LTC.toFixed(3)} = ($3.6B GPU term loan + $1.9B prepayment) ÷ $7.8B, at ` +
    `${(IREN_MSFT_RATE * 100).toFixed(2)} % = the loan at 6 % ("below 6 %") blended with the prepayment at 0 %, over ` +
    '5 years, amortising after the first rent: the prepayment is treated as a loan the tenant recovers out of rent, ' +
    'which is what its amortisation stands for. The rest, $2.3B, is paid from cash during the build (62 % of it after ' +
    'the start). Left out: the ~$0.4B earlier GPU financing and the other AI-cloud contracts it funds (>$500M ARR ' +
    'targeted), and any capex beyond Horizon 1–4. Converts (net share assumed: cash, shares or both at IREN\'s ' +
    'election): 3.50 % 2029 $233.4M = $550M − $316.6M repurchased (conv. $13.64, call from 2028-06-20); 3.25 % 2030 ' +
    '$212.3M = $440M (GK) − $227.7M repurchased (conv. $16.81; maturity 2030-06-15 assumed); 0 % 2031 $1.0B (conv. ' +
    '$85.63, call from 2029-01-08); 0.25 % 2032 and 1.00 % 2033 $1.15B each ($2.3B incl. the greenshoe, split evenly: ' +
    'assumed; conv. $51.40; 2032 maturity 2032-06-01 assumed; provisional call from 2028-12-08 = 3 years after ' +
    'issue). Any other notes induced to convert in Q2 FY26 are not in the sources: verify. Capped calls and the ' +
    'prepaid forward are ignored. Share price $41.12 = the 2032/2033 conversion price $51.40 ÷ 1.25 (the 2025-12-02 ' +
    'close); 371M shares = market cap $14.76B ÷ $39.79 (2026-02-05): both derived, not in the brief.',
  scenario: {
    name: 'IREN — balance sheet 2026-01-31',
    description: 'IREN preset (domain §10.4, §5.1, §6.1), balance sheet 2026-01-31; Microsoft GPU-cloud contract with its GPU financing; converts with their conversion prices and calls; no refinancing, no new machines.',
    miner: {
      fleet: [{ name: 'IREN fleet (Q2 FY26)', hashrateEhs: 50, efficiencyJPerTh: 15 }],
      power: { capacityMw: IREN_FLEET_MW + IREN_MSFT_MW_IT * 1.4, contractUsdPerMwh: 35 },
      treasury: { cashUsd: 2_800_000_000, btc: 0 },
    },
    debt: [
      { id: 'conv-2029', type: 'convertible', principalUsd: 233_400_000, couponRate: 0.035, paymentsPerYear: 2, maturityDate: '2029-12-15', conversionPriceUsd: 13.64, softCallDate: '2028-06-20', settlement: 'net_share' },
      { id: 'conv-2030', type: 'convertible', principalUsd: 212_300_000, couponRate: 0.0325, paymentsPerYear: 2, maturityDate: '2030-06-15', conversionPriceUsd: 16.81, settlement: 'net_share' },
      { id: 'conv-2031', type: 'convertible', principalUsd: 1_000_000_000, couponRate: 0, maturityDate: '2031-07-01', conversionPriceUsd: 85.63, softCallDate: '2029-01-08', settlement: 'net_share' },
      { id: 'conv-2032', type: 'convertible', principalUsd: 1_150_000_000, couponRate: 0.0025, paymentsPerYear: 2, maturityDate: '2032-06-01', conversionPriceUsd: 51.4, softCallDate: '2028-12-08', settlement: 'net_share' },
      { id: 'conv-2033', type: 'convertible', principalUsd: 1_150_000_000, couponRate: 0.01, paymentsPerYear: 2, maturityDate: '2033-06-01', conversionPriceUsd: 51.4, softCallDate: '2028-12-08', settlement: 'net_share' },
    ],
    hosting: [
      {
        name: 'Microsoft (Childress Horizon 1–4)',
        mwIt: IREN_MSFT_MW_IT,
        usdPerMwItYear: IREN_MSFT_RENT,
        escalatorPerYear: 0,
        noiMargin: 0.85,
        capexUsdPerMwIt: IREN_MSFT_CAPEX,
        loanToCost: IREN_MSFT_LTC,
        loanRate: IREN_MSFT_RATE,
        loanYears: 5,
        monthsToFirstRent: 12,
        termYears: 5,
        tenantDefaultPerYear: 0.003,
        grossToIt: 1.4,
        interruptibleShare: 0,
        startDate: '2025-11-03',
      },
    ],
    equity: { priceUsd: 41.12, sharesOutstanding: 371_000_000 },
  },
});

// TeraWulf: 7.2 EH/s operating (Q4 2025 guidance) ÷ uptime 0.93 = 7.74 EH/s nameplate at 18 J/TH (GK) = 139.4 MW.
// Fluidstack's three leases are ~360 MW critical IT in 450 MW (gross to IT 1.25): $6.7B ÷ 360 ÷ 10 = $1.86M per
// MW IT a year, the brief's own "~$1.86M/MW".
const WULF_FLEET_EHS = 7.2 / 0.93;
const WULF_FLEET_MW = WULF_FLEET_EHS * 18;
const WULF_FS_GROSS = 450 / 360;
// The $3.2B WULF Compute notes fund the Lake Mariner build for Fluidstack: 360 MW IT × $10M = $3.6B, $0.4B left.
const WULF_FS_CAPEX_LEFT = (360 * 10e6 - 3.2e9) / 360; // $1.11M per MW IT, paid from cash
const WULF_CORE42_RENT = 1.1e9 / 72.5 / 10; // $1.52M per MW IT a year
const WULF_CAPACITY_MW = WULF_FLEET_MW + 200 * WULF_FS_GROSS + 160 * WULF_FS_GROSS + 22.5 * 1.4 + 50 * 1.4;
const TERAWULF = preset({
  id: 'terawulf',
  label: 'TeraWulf (balance sheet 2025-09-30)',
  asOf: '2025-09-30',
  sources: [
    '[S25] TeraWulf Q3 2025 results, 8-Ks and offering notices (domain §10.5, §5.1, §6.1, §6.2): ~7.2 EH/s guided ' +
      'for Q4 2025; power 4.7 ¢/kWh (Q3 2025); Lake Mariner 245 MW mining + 22.5 MW HPC energized; Fluidstack three ' +
      '10-year leases, 450 MW, ~$6.7B, Google backstop $1.8B raised to $3.2B; Core42 72.5 MW, ~$1.1B, ~10 years (GK); ' +
      'first HPC revenue Q3 2025 ($7.2M); cash $712.8M incl. restricted (2025-09-30); $3.2B 7.75 % senior secured ' +
      'WULF Compute notes due 2030-10-15; $1.025B 0 % converts due 2032-05-01 (conv. $19.94, principal settled in ' +
      'cash, call from 2029-05-06); 1.00 % converts 2031 (~$1.0B GK); 2.75 % converts 2030 (~$500M GK); Abernathy JV',
    'Beyond the brief (public pages found): Fluidstack\'s leases are ~360 MW of critical IT load (CB-3/CB-4 ~200 MW ' +
      'with $1.8B backstop and ~$3.7B of rent, signed 2025-08-14; CB-5 160 MW on the same terms, $1.4B more backstop, ' +
      'signed 2025-08-18, operations from H2 2026) — https://www.easymarketanalysis.com/newsroom-documents/2025-08-18-terawulf-announces-fluidstack-expansion-with-160-mw-cb-5-lease-at-lake-mariner-txt, ' +
      'https://fintool.com/app/research/companies/WULF/documents/transcripts/q2-2025, ' +
      'https://www.insidermonkey.com/blog/terawulf-inc-nasdaqwulf-q3-2025-earnings-call-transcript-1644123; Core42: ' +
      'WULF Den and CB-1 paying from July 2025, CB-2 due Q4 2025 — https://247wallst.com/investing/2025/11/10/live-complete-terawulf-wulf-q3-earnings-coverage/; ' +
      '1.00 % notes $1.0B due 2031-09-01, conv. $12.43 — https://www.itiger.com/news/2561210489, ' +
      'https://holder.io/news/terawulf-850m-convertible-note-sale; 2.75 % 2030 notes conv. $8.48 — ' +
      'https://coinblooms.com/?p=43023; 2032 notes priced at a 37.5 % premium — https://aicnbc.com/tag/terawulf; ' +
      '~419M shares (2025-11-25) — https://ts2.tech/en/wulf-stock-today-terawulf-rallies-on-mandatory-preferred-conversion-and-ai-data-center-push-nov-25-2025',
  ],
  unverified: [
    'miner.fleet[0].hashrateEhs',
    'miner.fleet[0].efficiencyJPerTh',
    'miner.treasury.btc',
    'debt[1].principalUsd',
    'debt[1].maturityDate',
    'debt[1].settlement', 'debt[2].settlement',
    'hosting[0].mwIt', 'hosting[0].grossToIt', 'hosting[0].capexUsdPerMwIt', 'hosting[0].monthsToFirstRent',
    'hosting[1].mwIt', 'hosting[1].grossToIt', 'hosting[1].capexUsdPerMwIt', 'hosting[1].monthsToFirstRent',
    'hosting[2].mwIt', 'hosting[2].termYears', 'hosting[2].startDate',
    'hosting[3].mwIt', 'hosting[3].termYears', 'hosting[3].startDate',
    'equity.priceUsd',
    'equity.sharesOutstanding',
  ],
  note:
    `${OLDER('2025-09-30')} The October 2025 notes are included: their proceeds are spent on what they fund, so they are ` +
    'in neither cash nor capex. ' +
    `Fleet: ${WULF_FLEET_EHS.toFixed(2)} EH/s nameplate = the ~7.2 EH/s operating guided for Q4 2025 (after power moved to ` +
    `HPC) ÷ uptime 0.93, at ~18 J/TH (GK, verify) = ${WULF_FLEET_MW.toFixed(1)} MW; power $47/MWh (4.7 ¢, Q3 2025); ` +
    'demand-response proceeds ($7.4M in Q3) left at the default 0 (the model pays them on all site capacity). ' +
    `Capacity ${WULF_CAPACITY_MW.toFixed(1)} MW = the fleet's draw + 450 MW for Fluidstack + 101.5 MW for Core42 ` +
    '(72.5 MW × 1.4). BTC ~0 (GK, verify). Hosting: Fluidstack\'s "450 MW" are ~360 MW of critical IT (gross to IT ' +
    '450/360 = 1.25), so rent is $6.7B ÷ 360 MW ÷ 10 years = $1.86M per MW IT a year — the brief\'s "~$1.86M/MW"; ' +
    'split as the leases were signed: CB-3/CB-4 200 MW IT, $3.7B ÷ 200 ÷ 10 = $1.85M, signed 2025-08-14, first rent ' +
    '10 months later (the brief\'s ~10 months for TeraWulf), backstop $1.8B; CB-5 160 MW IT, ($6.7B − $3.7B) ÷ 160 ÷ ' +
    '10 = $1.875M, signed 2025-08-18, first rent after 12 months (H2 2026), backstop $1.4B (Google, $3.2B in all); ' +
    'NOI margin 85 %, no escalator, default delay risk. Their build (360 MW IT × the brief\'s $10M = $3.6B) is funded ' +
    'by the $3.2B WULF Compute notes (a bond tranche): loan-to-cost 0 and the $0.4B left = $1.11M per MW IT paid ' +
    'from cash. Core42 (no backstop: the default 4 %/yr tenant hazard; ~10 years, GK): $1.1B ÷ 72.5 MW ÷ 10 = $1.52M ' +
    'per MW IT; 22.5 MW IT (WULF Den, CB-1) paying since 2025-07-01 (modelled as signed 2024-07-01 with first rent ' +
    '12 months later, no delay risk) and 50 MW IT (CB-2) due 2025-11-15 (signed 2024-11-15 + 12 months, default ' +
    'delay risk: its delivery is not confirmed in the sources); both built before the balance sheet (capex 0). ' +
    'Left out: the Abernathy JV (168 MW, $9.5B/25 yr, 50.1 % owned) and its $1.275B ~8 % Flash Compute notes — a ' +
    'non-recourse JV the model cannot ring-fence; the 2032 converts that fund TeraWulf\'s share of it are kept, so ' +
    'this is conservative. Debt: the $3.2B 7.75 % WULF Compute notes as a bullet bond due 2030-10-15 (their ' +
    'semi-annual amortisation after each building completes is not in the brief; they rank with the converts at ' +
    'recovery, the first lien is not modelled); 2.75 % converts 2030 $500M (GK: $425M + option; conv. $8.48; ' +
    'maturity 2030-02-01 assumed); 1.00 % converts $1.0B due 2031-09-01 (conv. $12.43); 0 % converts $1.025B due ' +
    '2032-05-01 (conv. $19.94, call from 2029-05-06) settled net share — the documented "principal in cash, the ' +
    'excess in cash or shares"; the older converts net share assumed. Capped calls and Google\'s warrants are ' +
    'ignored. Share price $14.50 = $19.94 ÷ 1.375 (the October 2025 pricing); 419M shares (2025-11-25, a press ' +
    'summary): both not in the brief.',
  scenario: {
    name: 'TeraWulf — balance sheet 2025-09-30',
    description: 'TeraWulf preset (domain §10.5, §5.1, §6.1, §6.2), balance sheet 2025-09-30 with the October 2025 notes; Lake Mariner leases with Google backstops; converts with their conversion prices and call; no refinancing, no new machines.',
    miner: {
      fleet: [{ name: 'TeraWulf fleet (Q4 2025)', hashrateEhs: WULF_FLEET_EHS, efficiencyJPerTh: 18 }],
      power: { capacityMw: WULF_CAPACITY_MW, contractUsdPerMwh: 47 },
      treasury: { cashUsd: 712_800_000, btc: 0 },
    },
    debt: [
      // Issued by the WULF Compute subsidiary and secured by the Lake Mariner leases: non-recourse, in the SPV of the
      // larger Fluidstack contract (the model ties a tranche to one contract; CB-5's NOI goes to the parent).
      { id: 'wulf-compute-2030', type: 'bond', principalUsd: 3_200_000_000, couponRate: 0.0775, paymentsPerYear: 2, maturityDate: '2030-10-15', spv: 'Fluidstack CB-3/CB-4 (Lake Mariner)' },
      { id: 'conv-2030', type: 'convertible', principalUsd: 500_000_000, couponRate: 0.0275, paymentsPerYear: 2, maturityDate: '2030-02-01', conversionPriceUsd: 8.48, settlement: 'net_share' },
      { id: 'conv-2031', type: 'convertible', principalUsd: 1_000_000_000, couponRate: 0.01, paymentsPerYear: 2, maturityDate: '2031-09-01', conversionPriceUsd: 12.43, settlement: 'net_share' },
      { id: 'conv-2032', type: 'convertible', principalUsd: 1_025_000_000, couponRate: 0, maturityDate: '2032-05-01', conversionPriceUsd: 19.94, softCallDate: '2029-05-06', settlement: 'net_share' },
    ],
    hosting: [
      { name: 'Fluidstack CB-3/CB-4 (Lake Mariner)', mwIt: 200, usdPerMwItYear: 3.7e9 / 200 / 10, escalatorPerYear: 0, noiMargin: 0.85, capexUsdPerMwIt: WULF_FS_CAPEX_LEFT, loanToCost: 0, monthsToFirstRent: 10, termYears: 10, backstopUsd: 1_800_000_000, grossToIt: WULF_FS_GROSS, startDate: '2025-08-14' },
      { name: 'Fluidstack CB-5 (Lake Mariner)', mwIt: 160, usdPerMwItYear: 3.0e9 / 160 / 10, escalatorPerYear: 0, noiMargin: 0.85, capexUsdPerMwIt: WULF_FS_CAPEX_LEFT, loanToCost: 0, monthsToFirstRent: 12, termYears: 10, backstopUsd: 1_400_000_000, grossToIt: WULF_FS_GROSS, startDate: '2025-08-18' },
      { name: 'Core42 WULF Den/CB-1 (Lake Mariner)', mwIt: 22.5, usdPerMwItYear: WULF_CORE42_RENT, escalatorPerYear: 0, noiMargin: 0.85, capexUsdPerMwIt: 0, loanToCost: 0, monthsToFirstRent: 12, delayProbPerPhase: 0, termYears: 10, grossToIt: 1.4, startDate: '2024-07-01' },
      { name: 'Core42 CB-2 (Lake Mariner)', mwIt: 50, usdPerMwItYear: WULF_CORE42_RENT, escalatorPerYear: 0, noiMargin: 0.85, capexUsdPerMwIt: 0, loanToCost: 0, monthsToFirstRent: 12, termYears: 10, grossToIt: 1.4, startDate: '2024-11-15' },
    ],
    equity: { priceUsd: 14.5, sharesOutstanding: 419_000_000 },
  },
});

// Cipher: 23.6 EH/s at 16.8 J/TH draws 396.5 MW. Power: $34,189 per BTC of electricity in Q3 2025, when a PH/s
// earned 0.000490 BTC a day [D] (0.000485 after the 1 % pool fee) and drew 16.8 kW (0.4032 MWh a day):
// 0.4032 ÷ 0.000485 = 831 MWh per BTC, so $34,189 ÷ 831 = $41 per MWh.
const CIFR_FLEET_MW = 23.6 * 16.8;
const CIFR_AWS_MW_IT = 214.3; // 300 MW gross ÷ 1.4, rounded as the brief does (≈ 214 MW IT); 300.02 MW gross
const CIFR_AWS_CAPEX = 10e6; // the brief's build cost per MW IT; Cipher's for Black Pearl is not in the brief
// The $2.0B Black Pearl notes (February 2026) as the AWS contract's project loan: 2.0 ÷ (214.3 × $10M) = 0.933.
const CIFR_AWS_LTC = 2.0e9 / (CIFR_AWS_MW_IT * CIFR_AWS_CAPEX);
// Barber Lake: 168 MW IT at the mid $10M = $1.68B, the $1.4B notes leave $0.28B; the expansion: 39 MW IT at the
// mid $9.5M = $370.5M, the $333M add-on leaves $37.5M.
const CIFR_BL_CAPEX_LEFT = (168 * 10e6 - 1.4e9) / 168;
const CIFR_BLX_CAPEX_LEFT = (39 * 9.5e6 - 333e6) / 39;
const CIFR_CAPACITY_MW = CIFR_FLEET_MW + CIFR_AWS_MW_IT * 1.4 + 244 + 56;
const CIPHER = preset({
  id: 'cipher',
  label: 'Cipher Mining (balance sheet 2025-09-30)',
  asOf: '2025-09-30',
  sources: [
    '[S26] Cipher Q3 2025 results and offering notices (domain §10.6, §5.1, §6.1): 23.6 EH/s self-mining; 16.8 J/TH; ' +
      'electricity $34,189 per BTC (Q3 2025); cash $1.207B; ~1,500 BTC (GK); AWS 300 MW gross, 15 years, ~$5.5B, ' +
      'signed 2025-11-03, rent from August 2026; Fluidstack Barber Lake 168 MW IT (244 MW gross), 10 years, $3.0B, ' +
      'signed 2025-09-25, delivery by 2026-09-30, Google backstop $1.4B, capex $9–11M per MW IT, NOI 80–85 %; ' +
      'expansion +39 MW IT (56 MW gross), $830M, signed 2025-11-20, backstop +$333M, capex $9–10M, NOI 85–90 %; ' +
      '0 % converts due 2031-10-01 ($1.3B, conv. $16.03 = 37.5 % over $11.66, holder put 2029, call from ' +
      '2028-10-05); 1.75 % converts due 2030-05-15 ($172.5M GK, conv. $4.45)',
    '[S44] Fitch BB- on the $1.4B + $333M 7.125 % senior secured notes due 2030 (domain §6.2), citing "elevated completion risk"',
    'Beyond the brief (public pages found): the 7.125 % notes mature 2030-11-15, pay May 15 and Nov 15, and amortise ' +
      'semi-annually after Barber Lake is complete — https://ng.investing.com/news/sec-filings/cipher-mining-completes-14-billion-senior-secured-notes-offering-for-texas-facility-93CH-2208901; ' +
      'the 2031 converts\' holder put is 2029-10-01 — https://reportify.cn/news/1168665711997095936; Black Pearl Compute ' +
      '$2.0B 6.125 % senior secured notes due 2031 (2026-02-11) fund the rest of the Black Pearl (AWS) build — ' +
      'https://pubt.io/view/05A02F018598890DCF1D1A7CDA01FBAF98782C48; Google\'s ~24M warrant shares are 5.4 % pro forma — ' +
      'https://www.aicoin.com/article/489543',
  ],
  unverified: [
    'miner.power.contractUsdPerMwh',
    'miner.treasury.btc',
    'debt[1].principalUsd',
    'debt[0].settlement', 'debt[1].settlement', 'debt[2].settlement',
    'hosting[0].capexUsdPerMwIt', 'hosting[0].loanToCost', 'hosting[0].loanYears', 'hosting[0].noiMargin', 'hosting[0].tenantDefaultPerYear',
    'hosting[1].capexUsdPerMwIt', 'hosting[1].noiMargin',
    'hosting[2].capexUsdPerMwIt', 'hosting[2].noiMargin', 'hosting[2].monthsToFirstRent',
    'equity.sharesOutstanding',
  ],
  note:
    `${OLDER('2025-09-30')} Financings and contracts signed after it up to February 2026 are included; their proceeds ` +
    'are spent on the builds they fund, so they are in neither cash nor capex. ' +
    `Fleet 23.6 EH/s at 16.8 J/TH = ${CIFR_FLEET_MW.toFixed(1)} MW. Power $41/MWh, derived: $34,189 of electricity ` +
    'per BTC in Q3 2025, when a PH/s mined 0.000485 BTC a day after the pool fee (our data) and drew 0.4032 MWh, i.e. ' +
    `831 MWh per BTC. Capacity ${CIFR_CAPACITY_MW.toFixed(1)} MW = the fleet's draw + 600 MW gross for the contracts ` +
    '(AWS 300 + Barber Lake 244 + expansion 56). Cash $1.207B (2025-09-30, after the 2031 converts). BTC ~1,500 (GK, ' +
    'verify). Hosting, rent = value ÷ MW IT ÷ years, no escalator: AWS 300 MW gross = 214.3 MW IT at 1.4, $5.5B ÷ ' +
    '214.3 ÷ 15 = $1.71M per MW IT, signed 2025-11-03, first rent 9 months later (August 2026), 15 years, NOI 85 % ' +
    '(the brief\'s default), tenant default 0.3 %/yr (AWS, no backstop); its build at the brief\'s $10M per MW IT ' +
    `($2.14B) is financed by the $2.0B Black Pearl notes (found beyond the brief) as its project loan: loan-to-cost ` +
    `${CIFR_AWS_LTC.toFixed(3)} at 6.125 %, amortising after the first rent over 10 years from signing (assumed: the ` +
    'notes are due 2031 but their amortisation schedule and balloon are not in the sources; a 5-year full ' +
    'amortisation would exceed the lease\'s NOI). Barber Lake 168 MW IT (gross to IT 244/168), $3.0B ÷ 168 ÷ 10 = ' +
    '$1.79M, signed 2025-09-25, first rent 12 months later (delivery by 2026-09-30), NOI 82.5 % (middle of 80–85 %), ' +
    'backstop $1.4B; the expansion 39 MW IT (56/39), $830M ÷ 39 ÷ 10 = $2.13M, signed 2025-11-20, first rent 12 months ' +
    'later (default: not in the brief), NOI 87.5 % (middle of 85–90 %), backstop $333M (Google, $1.73B in all). ' +
    'Their build is funded by the 7.125 % notes: loan-to-cost 0 and what the notes leave paid from cash — 168 MW × ' +
    '$10M (middle of $9–11M) − $1.4B = $280M ($1.67M per MW IT) and 39 MW × $9.5M − $333M = $37.5M ($0.96M per MW ' +
    'IT). Debt: the $1.733B 7.125 % senior secured notes as one bullet bond due 2030-11-15 (the amortisation after ' +
    'completion is not modelled; the first lien is not modelled at recovery); 1.75 % converts $172.5M (GK) due ' +
    '2030-05-15 (conv. $4.45); 0 % converts $1.3B due 2031-10-01 (conv. $16.03, holder put 2029-10-01, call from ' +
    '2028-10-05); net share assumed for both. Capped calls and Google\'s warrants are ignored. Share price $11.66 = ' +
    '$16.03 ÷ 1.375 (the September 2025 pricing, in the brief); 420M shares derived from Google\'s ~24M warrant shares ' +
    'being 5.4 % pro forma (24M ÷ 0.054 − 24M): not in the brief.',
  scenario: {
    name: 'Cipher Mining — balance sheet 2025-09-30',
    description: 'Cipher preset (domain §10.6, §5.1, §6.1, §6.2), balance sheet 2025-09-30 with the later notes; AWS and Fluidstack leases with Google backstops; converts with their conversion prices, put and call; no refinancing, no new machines.',
    miner: {
      fleet: [{ name: 'Cipher fleet (Q3 2025)', hashrateEhs: 23.6, efficiencyJPerTh: 16.8 }],
      power: { capacityMw: CIFR_CAPACITY_MW, contractUsdPerMwh: 41 },
      treasury: { cashUsd: 1_207_000_000, btc: 1_500 },
    },
    debt: [
      // Secured by the Barber Lake project: non-recourse, in the SPV of that contract.
      { id: 'secured-2030', type: 'bond', principalUsd: 1_733_000_000, couponRate: 0.07125, paymentsPerYear: 2, maturityDate: '2030-11-15', spv: 'Fluidstack Barber Lake' },
      { id: 'conv-2030', type: 'convertible', principalUsd: 172_500_000, couponRate: 0.0175, paymentsPerYear: 2, maturityDate: '2030-05-15', conversionPriceUsd: 4.45, settlement: 'net_share' },
      { id: 'conv-2031', type: 'convertible', principalUsd: 1_300_000_000, couponRate: 0, maturityDate: '2031-10-01', conversionPriceUsd: 16.03, putDate: '2029-10-01', softCallDate: '2028-10-05', settlement: 'net_share' },
    ],
    hosting: [
      { name: 'AWS (Black Pearl)', mwIt: CIFR_AWS_MW_IT, usdPerMwItYear: 5.5e9 / CIFR_AWS_MW_IT / 15, escalatorPerYear: 0, noiMargin: 0.85, capexUsdPerMwIt: CIFR_AWS_CAPEX, loanToCost: CIFR_AWS_LTC, loanRate: 0.06125, loanYears: 10, monthsToFirstRent: 9, termYears: 15, tenantDefaultPerYear: 0.003, grossToIt: 1.4, startDate: '2025-11-03' },
      { name: 'Fluidstack Barber Lake', mwIt: 168, usdPerMwItYear: 3.0e9 / 168 / 10, escalatorPerYear: 0, noiMargin: 0.825, capexUsdPerMwIt: CIFR_BL_CAPEX_LEFT, loanToCost: 0, monthsToFirstRent: 12, termYears: 10, backstopUsd: 1_400_000_000, grossToIt: 244 / 168, startDate: '2025-09-25' },
      { name: 'Fluidstack Barber Lake expansion', mwIt: 39, usdPerMwItYear: 830e6 / 39 / 10, escalatorPerYear: 0, noiMargin: 0.875, capexUsdPerMwIt: CIFR_BLX_CAPEX_LEFT, loanToCost: 0, monthsToFirstRent: 12, termYears: 10, backstopUsd: 333_000_000, grossToIt: 56 / 39, startDate: '2025-11-20' },
    ],
    equity: { priceUsd: 11.66, sharesOutstanding: 420_000_000 },
  },
});

export const PRESETS: Readonly<Record<'default' | 'mara' | 'riot' | 'cleanspark' | 'iren' | 'terawulf' | 'cipher', Preset>> = {
  default: DEFAULT_PRESET,
  mara: MARA,
  riot: RIOT,
  cleanspark: CLEANSPARK,
  iren: IREN,
  terawulf: TERAWULF,
  cipher: CIPHER,
};
