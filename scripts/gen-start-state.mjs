// Generates src/model/start-state.ts from public/data/*.csv (model-spec §1, §11.4). Plain Node ESM, no dependencies:
//   node scripts/gen-start-state.mjs
// Every number is written with JavaScript's shortest round-trip representation (String(x)), so the TypeScript
// constants are exactly the doubles computed here. The script refuses to write if the data break an assumption.
import { readFileSync, writeFileSync } from 'node:fs';

const DATA = new URL('../public/data/', import.meta.url);
const OUT = new URL('../src/model/start-state.ts', import.meta.url);

/** Height of the first block of the first row = blocks mined before 2010-07-18 (model-spec §1: the only offset at
 *  which `subsidy_btc` equals the nominal subsidy summed over each day's heights on every day). */
const HEIGHT_OFFSET = 68785;
/** Rows of hashprice history: the capacity equation's lag goes up to 3,650 days, plus the start date itself. */
const HISTORY_DAYS = 3651;
/** Rows (start date included) over which start.feeShare is measured (model-spec §11.4). */
const FEE_SHARE_DAYS = 30;

function fail(msg) {
  throw new Error(`gen-start-state: ${msg}`);
}

function readCsv(name, columns) {
  const lines = readFileSync(new URL(name, DATA), 'utf8').split('\n');
  if (lines.at(-1) === '') lines.pop();
  const header = lines.shift().split(',');
  if (header.join(',') !== columns.join(',')) fail(`${name}: unexpected header ${header.join(',')}`);
  return lines.map((line, i) => {
    const cells = line.split(',');
    if (cells.length !== columns.length) fail(`${name}: line ${i + 2} has ${cells.length} cells`);
    return Object.fromEntries(columns.map((c, j) => [c, cells[j]]));
  });
}

const num = (s, what) => {
  const x = Number(s);
  if (s === '' || !Number.isFinite(x)) fail(`not a number: ${what} = '${s}'`);
  return x;
};

const daily = readCsv('btc-daily.csv', [
  'date', 'price_usd', 'blocks', 'difficulty', 'hashrate_ehs', 'fees_btc', 'subsidy_btc', 'tx_count',
  'hashprice_usd_per_ph_day',
]).map((r) => ({
  date: r.date,
  price: num(r.price_usd, `${r.date} price_usd`),
  blocks: num(r.blocks, `${r.date} blocks`),
  difficulty: num(r.difficulty, `${r.date} difficulty`),
  fees: num(r.fees_btc, `${r.date} fees_btc`),
  subsidy: num(r.subsidy_btc, `${r.date} subsidy_btc`),
  hashprice: num(r.hashprice_usd_per_ph_day, `${r.date} hashprice_usd_per_ph_day`),
}));

const epochs = readCsv('btc-difficulty-adjustments.csv', [
  'epoch', 'height', 'timestamp_utc', 'date', 'bits', 'difficulty', 'change_pct', 'time_source',
]).map((r) => ({
  epoch: num(r.epoch, 'epoch'),
  height: num(r.height, 'height'),
  time: r.timestamp_utc,
  date: r.date,
  difficulty: num(r.difficulty, `epoch ${r.epoch} difficulty`),
  timeSource: r.time_source,
}));

// ---- sanity: consecutive UTC days, epochs in order ----
const DAY_MS = 86400000;
for (let i = 1; i < daily.length; i++) {
  if (Date.parse(daily[i].date) - Date.parse(daily[i - 1].date) !== DAY_MS) fail(`gap before ${daily[i].date}`);
}
epochs.forEach((e, k) => {
  if (e.epoch !== k || e.height !== 2016 * k) fail(`epoch row ${k} is epoch ${e.epoch} at height ${e.height}`);
  if (k > 0 && !(e.time > epochs[k - 1].time)) fail(`epoch ${k} not after epoch ${k - 1}`);
});

// ---- nominal subsidy check that pins the height offset (model-spec §1) ----
const subsidyAt = (h) => {
  const n = Math.floor(h / 210000);
  let s = 50;
  for (let i = 0; i < n && i < 64; i++) s *= 0.5;
  return n >= 64 ? 0 : s;
};
let height = HEIGHT_OFFSET;
for (const r of daily) {
  let s = 0;
  for (let h = height; h < height + r.blocks; h++) s += subsidyAt(h);
  if (s !== r.subsidy) fail(`${r.date}: subsidy ${r.subsidy} != nominal ${s}`);
  height += r.blocks;
}

// ---- START (model-spec §1 table, §11.4) ----
const last = daily.at(-1);
const nextHeight = height; // cumulative blocks + HEIGHT_OFFSET
const epochStartHeight = 2016 * Math.floor(nextHeight / 2016);
const epochRow = epochs.find((e) => e.height === epochStartHeight);
if (!epochRow) fail(`no epoch at height ${epochStartHeight}`);
const lastEpochByDate = epochs.filter((e) => e.date <= last.date).at(-1);
if (lastEpochByDate !== epochRow) fail(`epoch by height (${epochRow.epoch}) != epoch by date (${lastEpochByDate.epoch})`);
if (epochRow.difficulty !== last.difficulty) fail(`epoch ${epochRow.epoch} difficulty != last row's difficulty`);

let sumFees = 0;
let sumRevenue = 0;
for (const r of daily.slice(-FEE_SHARE_DAYS)) {
  sumFees += r.fees;
  sumRevenue += r.fees + r.subsidy;
}
const feeShare = sumFees / sumRevenue;
const startHashrateEhs = (last.difficulty * 4294967296) / 600 / 1e18;

const history = daily.slice(-HISTORY_DAYS);
if (history.length !== HISTORY_DAYS) fail(`only ${history.length} history rows`);

let peak = daily[0];
for (const r of daily) if (r.price > peak.price) peak = r;

const outOfSample = epochs.filter((e) => e.epoch > epochRow.epoch);
if (outOfSample.map((e) => e.epoch).join() !== '468,469,470,471,472,473') {
  fail(`out-of-sample epochs are ${outOfSample.map((e) => e.epoch).join()}, expected 468–473`);
}
if (!(outOfSample[0].date > last.date)) fail('first out-of-sample epoch is not after the start date');

// ---- write ----
const n = (x) => {
  const s = String(x);
  if (Number(s) !== x) fail(`${x} does not round-trip`);
  return s;
};
const str = (s) => `'${s}'`;
const chunks = [];
for (let i = 0; i < history.length; i += 10) chunks.push(history.slice(i, i + 10).map((r) => n(r.hashprice)).join(', '));

const out = `// GENERATED by scripts/gen-start-state.mjs from public/data/btc-daily.csv and
// public/data/btc-difficulty-adjustments.csv — do not edit; rerun \`node scripts/gen-start-state.mjs\`.
// Derivations: model-spec §1 and §11.4. Numbers are printed so that they parse back to the exact doubles.
// Daily data: Coin Metrics Community Data, © Coin Metrics Inc., licensed CC BY-NC 4.0
// (https://creativecommons.org/licenses/by-nc/4.0/) — attribution required, non-commercial use only; see
// public/data/LICENSE-DATA.md. Difficulties and epoch times: block headers via bitcoinj (Apache-2.0) and Electrum
// (MIT) checkpoints; epochs from 437 on have estimated times (±1–2 h).

/**
 * The state at the end of the last day of the shipped history (model-spec §1):
 * - date, priceUsd, difficulty: the last row of btc-daily.csv;
 * - nextHeight: cumulative \`blocks\` + ${HEIGHT_OFFSET} (the only offset at which \`subsidy_btc\` equals the nominal
 *   subsidy on every day), the height of the next block;
 * - epochStartHeight = 2016·floor(nextHeight/2016), epochStartTime: that epoch's row in the difficulty file
 *   (epoch ${epochRow.epoch}; time_source \`${epochRow.timeSource}\`${epochRow.timeSource === 'estimated' ? ', ±1–2 h' : ''});
 * - feeShare = Σ fees / Σ (fees + subsidy) over the last ${FEE_SHARE_DAYS} rows, the start date included (§11.4).
 */
export const START = {
  date: ${str(last.date)},
  priceUsd: ${n(last.price)},
  difficulty: ${n(last.difficulty)},
  nextHeight: ${n(nextHeight)},
  epochStartHeight: ${n(epochStartHeight)},
  epochStartTime: ${str(epochRow.time)},
  feeShare: ${n(feeShare)},
} as const;

/** Network hashrate at the start, EH/s: D·2^32/600/1e18 (not the noisy \`hashrate_ehs\` of the last day). */
export const START_HASHRATE_EHS = ${n(startHashrateEhs)};

/** Date of HISTORY_HASHPRICE[0]. */
export const HISTORY_START_DATE = ${str(history[0].date)};

/** Daily hashprice (USD/PH/day) for the days before and including the start date, oldest first; last = start date.
 *  ${HISTORY_DAYS} days (${history[0].date} … ${last.date}): the capacity equation's lag is at most 3,650 days. */
export const HISTORY_HASHPRICE: readonly number[] = [
  ${chunks.join(',\n  ')},
];

/** Running peak of the BTC price in the shipped history (model-spec §10 market access). */
export const HISTORY_PEAK = { priceUsd: ${n(peak.price)}, date: ${str(peak.date)} } as const;

/** Actual retargets after the start (epochs 468–473), an out-of-sample check (model-spec §8). Times are estimates. */
export const OUT_OF_SAMPLE_EPOCHS: readonly { epoch: number; height: number; time: string; difficulty: number }[] = [
${outOfSample.map((e) => `  { epoch: ${e.epoch}, height: ${e.height}, time: ${str(e.time)}, difficulty: ${n(e.difficulty)} },`).join('\n')}
];
`;
writeFileSync(OUT, out);
console.log(
  `wrote src/model/start-state.ts: start ${last.date}, nextHeight ${nextHeight}, epoch ${epochRow.epoch}, ` +
    `feeShare ${feeShare}, H0 ${startHashrateEhs} EH/s, ${history.length} history days from ${history[0].date}`,
);
