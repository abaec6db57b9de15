// Hashprice and block subsidy (model-spec §4). Portable AssemblyScript: asc compiles this file into the wasm core and
// TypeScript imports the very same text as the reference twin and in tests, so only f64 arithmetic, comparisons and
// Math.floor are used (no transcendentals, no AS-only builtins): both languages get bit-identical results.

/** Hashes per unit of difficulty: 2^32 (difficulty 1 = target 0x1d00ffff ≈ 2^32 expected hashes per block). */
export const HASH_PER_DIFF: f64 = 4294967296.0;

/** 86400 s/day × 10^15 H/s per PH/s ÷ 2^32, exactly: 8.64·10^19 = 27·5^17·2^22 is a double, and ÷ 2^32 is exact. */
const PH_DAY_PER_DIFF: f64 = 86400.0e15 / 4294967296.0;

/** Blocks per subsidy era (a halving every 210,000 blocks). */
const HALVING_INTERVAL: f64 = 210000.0;

/**
 * Hashprice, USD per PH/s per day (model-spec §4):
 *
 *     HP = P · (subsidy + fee per block) · 86400 · 10^15 / (D · 2^32)
 *
 * i.e. the expected blocks a PH/s finds in a day at difficulty D (86400·10^15 / (D·2^32)) times the USD value of a
 * block. Evaluated as `priceUsd * btcPerBlock * (86400e15 / 2^32) / difficulty`, left to right, with the constant
 * folded exactly: three roundings in all.
 *
 * @param priceUsd    BTC price, USD
 * @param btcPerBlock subsidy + fee per block, BTC
 * @param difficulty  plain difficulty (target 0x1d00ffff = 1)
 */
export function hashpriceUsdPerPhDay(priceUsd: f64, btcPerBlock: f64, difficulty: f64): f64 {
  return (priceUsd * btcPerBlock * PH_DAY_PER_DIFF) / difficulty;
}

/**
 * Number of halvings before block `height`: floor(height / 210000), exact for any height (a fractional height is
 * allowed: the model advances it by expected blocks). The quotient is corrected with exact products so that rounding
 * of the division can never move a boundary.
 */
export function halvingsAt(height: f64): f64 {
  let n: f64 = Math.floor(height / HALVING_INTERVAL);
  if (n * HALVING_INTERVAL > height) n = n - 1.0;
  else if ((n + 1.0) * HALVING_INTERVAL <= height) n = n + 1.0;
  return n;
}

/**
 * Block subsidy in BTC at `height`: 50 / 2^floor(height / 210000) (model-spec §4), computed by exact repeated
 * halving; 0 from the 64th halving on (consensus rule). Heights 0 … 1,049,999 pay 50, 25, 12.5, 6.25, 3.125;
 * 1,050,000 pays 1.5625. (Bitcoin counts in whole satoshis, so from the 10th halving, block 2,100,000 in ≈ 2056, the
 * consensus subsidy is this value rounded down to a satoshi, and it is 0 from the 33rd; far past any horizon here.)
 */
export function subsidyBtc(height: f64): f64 {
  const n: f64 = halvingsAt(height);
  if (n >= 64.0) return 0.0;
  let s: f64 = 50.0;
  for (let i: f64 = 0.0; i < n; i = i + 1.0) s = s * 0.5;
  return s;
}
