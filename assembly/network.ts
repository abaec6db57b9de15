// Network: fees, hashrate (running share + capacity), blocks, difficulty retargets and halvings (model-spec §4),
// on the `network` and `fees` streams. Time is in days from the end of the start day; day t covers (t − 1, t].
import { P, HIST_LNHP } from './params';
import { P_FEE_XBAR, P_FEE_PHI, P_FEE_SD, P_FEE_SPIKE_P, P_FEE_SPIKE_MIN, P_FEE_SPIKE_MAX, P_FEE_SPIKE_DAYS,
  P_DIFF0, P_HEIGHT0, P_EPOCH_START_T, P_FEE_X0, P_NET_MODEL, P_BLOCK_LUCK, P_LN_BE_MEDIAN, P_BE_SPREAD,
  P_MUST_RUN, P_SHUTDOWN_LAMBDA, P_LN_HURDLE, P_LN_EFF_DECAY, P_KAPPA_D, P_LAG_DAYS, P_SD_D, P_OUT_P_DAY,
  P_OUT_MIN, P_OUT_MAX, P_OUT_DECAY, P_EXO_DRIFT, P_EXO_SD, P_HASHRATE0_EHS, MAX_LAG } from './layout';
import { F_NETWORK, F_FEES, normal, uniform, poisson } from './rng';
import { exp, log, normCdf } from './mathx';
import { subsidyBtc, HASH_PER_DIFF } from './hashprice';

/** BTC per (PH/s·day) per (BTC per block ÷ difficulty): 86400 s · 10^15 H/s ÷ 2^32 hashes per unit difficulty. */
export const K_PH_DAY: f64 = 86400.0e15 / 4294967296.0;
/** Blocks per day per (EH/s ÷ difficulty). */
const BLOCKS_PER_EHS: f64 = 86400.0e18 / 4294967296.0;
const RETARGET_SPAN_S: f64 = 1209600.0; // 2016 blocks × 600 s
const RING: i32 = MAX_LAG + 1;
/** ln hashprice of the path's own past days, ring-indexed by day mod RING (the capacity lag, §4). */
const LNHP_RING = new Float64Array(RING);

// Per-run constants cached from P at reset (module globals are registers to wasm; P reads are memory loads).
let feeXbar: f64 = 0.0;
let feePhi: f64 = 0.0;
let feeSd: f64 = 0.0;
let spikeP: f64 = 0.0;
let lnBeMedian: f64 = 0.0;
let beSpread: f64 = 1.0;
let lnEffDecay: f64 = 0.0;
let shutdownLambda: f64 = 0.0;
let outDecay: f64 = 0.0;
let outP: f64 = 0.0;
let kappaD: f64 = 0.0;
let sdD: f64 = 0.0;
let lnHurdle: f64 = 0.0;
let rho: f64 = 0.0;
let lag: i32 = 1;
let exogenous = false;
let luck = false;

let feeX: f64 = 0.0;
let feeFactor: f64 = 1.0; // 1 + e^x·spike: BTC per block ÷ subsidy, fixed for the day
let subsidy: f64 = 0.0; // at the current height
let spikeLeft: f64 = 0.0;
let spikeMult: f64 = 1.0;
let difficulty: f64 = 0.0;
let height: f64 = 0.0;
let epochStart: f64 = 0.0;
let lnHcap: f64 = 0.0;
let running: f64 = 1.0; // u_t
let outage: f64 = 0.0; // c_t
let hashrateEhs: f64 = 0.0; // H_eff
let btcPerPhDay: f64 = 0.0; // time-weighted over the day's segments
let blocksToday: f64 = 0.0;
let retargets: f64 = 0.0;

function runningTarget(lnHp: f64, years: f64): f64 {
  return normCdf((lnHp - (lnBeMedian + years * lnEffDecay)) / beSpread);
}

function updateFeeFactor(): void {
  feeFactor = 1.0 + exp(feeX) * (spikeLeft > 0.0 ? spikeMult : 1.0);
}

function cacheParams(): void {
  feeXbar = unchecked(P[P_FEE_XBAR]); feePhi = unchecked(P[P_FEE_PHI]); feeSd = unchecked(P[P_FEE_SD]); spikeP = unchecked(P[P_FEE_SPIKE_P]);
  lnBeMedian = unchecked(P[P_LN_BE_MEDIAN]); beSpread = unchecked(P[P_BE_SPREAD]); lnEffDecay = unchecked(P[P_LN_EFF_DECAY]);
  shutdownLambda = unchecked(P[P_SHUTDOWN_LAMBDA]); outDecay = unchecked(P[P_OUT_DECAY]); outP = unchecked(P[P_OUT_P_DAY]);
  kappaD = unchecked(P[P_KAPPA_D]); sdD = unchecked(P[P_SD_D]); lnHurdle = unchecked(P[P_LN_HURDLE]); rho = unchecked(P[P_MUST_RUN]);
  lag = <i32>unchecked(P[P_LAG_DAYS]); exogenous = unchecked(P[P_NET_MODEL]) > 0.5; luck = unchecked(P[P_BLOCK_LUCK]) > 0.5;
}

export function networkReset(price0: f64): void {
  cacheParams();
  feeX = unchecked(P[P_FEE_X0]);
  spikeLeft = 0.0; spikeMult = 1.0;
  difficulty = unchecked(P[P_DIFF0]);
  height = unchecked(P[P_HEIGHT0]);
  epochStart = unchecked(P[P_EPOCH_START_T]);
  outage = 0.0;
  retargets = 0.0;
  hashrateEhs = unchecked(P[P_HASHRATE0_EHS]);
  subsidy = subsidyBtc(height);
  updateFeeFactor();
  // u₀ = u*₀ and H_cap,0 = H₀/(ρ + (1 − ρ)u₀), so that H_eff,0 = H₀ (§4).
  running = runningTarget(log(price0 * K_PH_DAY * subsidy * feeFactor / difficulty), 0.0);
  lnHcap = log(hashrateEhs / (rho + (1.0 - rho) * running));
  btcPerPhDay = K_PH_DAY * subsidy * feeFactor / difficulty;
}

/** Fees for day t: AR(1) on x = ln(fee per block / subsidy) towards x̄, plus 30-day spikes (§4 Fees). */
function feesStep(): void {
  // With sdMonthly = 0 the state stays at x₀ (spec §4): fees are then fixed.
  if (feeSd > 0.0) feeX = feeXbar + feePhi * (feeX - feeXbar) + feeSd * normal(F_FEES);
  if (spikeLeft > 0.0) spikeLeft = spikeLeft - 1.0;
  if (spikeLeft <= 0.0 && spikeP > 0.0 && uniform(F_FEES) < spikeP) {
    spikeLeft = unchecked(P[P_FEE_SPIKE_DAYS]);
    spikeMult = unchecked(P[P_FEE_SPIKE_MIN]) + (unchecked(P[P_FEE_SPIKE_MAX]) - unchecked(P[P_FEE_SPIKE_MIN])) * uniform(F_FEES);
  }
  updateFeeFactor();
}

/** Day t at BTC price `price`: fees, then hashprice at the opening difficulty, then u, capacity and blocks. */
export function networkDay(t: i32, price: f64): void {
  feesStep();
  const years = <f64>t / 365.25;
  let rate: f64 = 144.0;
  if (!exogenous) {
    const lnHpOpen = log(price * K_PH_DAY * subsidy * feeFactor / difficulty);
    running = running + shutdownLambda * (runningTarget(lnHpOpen, years) - running);
    outage = outage * outDecay;
    if (outP > 0.0 && uniform(F_NETWORK) < outP) {
      const size = unchecked(P[P_OUT_MIN]) + (unchecked(P[P_OUT_MAX]) - unchecked(P[P_OUT_MIN])) * uniform(F_NETWORK);
      outage = 1.0 - (1.0 - outage) * (1.0 - size);
    }
    const tl = t - lag;
    const lnHpLag = tl <= 0 ? unchecked(HIST_LNHP[MAX_LAG + tl]) : unchecked(LNHP_RING[tl % RING]);
    const lnHpStar = lnHurdle + (<f64>tl / 365.25) * lnEffDecay;
    lnHcap = lnHcap + kappaD * (lnHpLag - lnHpStar) + sdD * normal(F_NETWORK);
    hashrateEhs = exp(lnHcap) * (rho + (1.0 - rho) * running) * (1.0 - outage);
    rate = BLOCKS_PER_EHS * hashrateEhs / difficulty;
  }
  // With block luck, n ~ Poisson(b_t) blocks are spread evenly over the day (§11.5).
  if (luck) rate = poisson(F_NETWORK, rate);
  blocksToday = rate;
  // Walk the day's segments between retargets/halvings; revenue is the time-weighted mix (§4, §11.5).
  let pos: f64 = 0.0;
  let acc: f64 = 0.0;
  let perBlock = subsidy * feeFactor;
  while (true) {
    const nextRetarget = (Math.floor(height / 2016.0) + 1.0) * 2016.0;
    const nextHalving = (Math.floor(height / 210000.0) + 1.0) * 210000.0;
    const boundary = Math.min(nextRetarget, nextHalving);
    const dt = rate > 0.0 ? (boundary - height) / rate : Infinity;
    if (pos + dt > 1.0) {
      acc = acc + (1.0 - pos) * perBlock / difficulty;
      height = height + (1.0 - pos) * rate;
      break;
    }
    acc = acc + dt * perBlock / difficulty;
    height = boundary;
    pos = pos + dt;
    if (boundary == nextRetarget) {
      const now = <f64>(t - 1) + pos;
      if (exogenous) {
        difficulty = difficulty * exp(unchecked(P[P_EXO_DRIFT]) + unchecked(P[P_EXO_SD]) * normal(F_NETWORK));
      } else {
        const span = (now - epochStart) * 86400.0;
        difficulty = difficulty * Math.min(4.0, Math.max(0.25, RETARGET_SPAN_S / span));
        if (!luck) rate = BLOCKS_PER_EHS * hashrateEhs / difficulty;
      }
      epochStart = now;
      retargets = retargets + 1.0;
    }
    if (boundary == nextHalving) subsidy = subsidyBtc(height);
    perBlock = subsidy * feeFactor;
  }
  if (exogenous) hashrateEhs = difficulty * HASH_PER_DIFF / 600.0 / 1.0e18;
  btcPerPhDay = K_PH_DAY * acc;
  unchecked(LNHP_RING[t % RING] = log(price * btcPerPhDay));
}

export function networkDifficulty(): f64 { return difficulty; }
export function networkHashrateEhs(): f64 { return hashrateEhs; }
/** Expected BTC per PH/s over the day (before pool fee): the miner's revenue depends on difficulty only. */
export function networkBtcPerPhDay(): f64 { return btcPerPhDay; }
export function networkHeight(): f64 { return height; }
export function networkBlocksToday(): f64 { return blocksToday; }
export function networkRetargets(): f64 { return retargets; }
export function networkRunningShare(): f64 { return running; }
