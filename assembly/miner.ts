// Miner operations (model-spec §5): fleet, power price and curtailment, operating costs, production; on the
// `power` stream. Cash and free BTC live in FIRM (params.ts), shared with the capital module.
import { P, G, FIRM, CASH, FREE_BTC } from './params';
import { P_UPTIME, P_POOL_FEE, P_CAP_MW, P_CONTRACT, P_HEDGED, P_RESALE, P_DR_PER_DAY, P_LN_SPOT_MEAN, P_SPOT_PHI,
  P_SPOT_SD, P_SPOT_CORR, P_SPOT_IDIO, P_SHOCK_P_DAY, P_SHOCK_MULT, P_SHOCK_DAYS, P_SGA_PER_DAY, P_SGA_PER_EHS_DAY,
  P_OTHER_OPEX, P_SELL_SHARE, P_HAIRCUT, G_STRIDE, G_HASH_EHS, G_JPTH } from './layout';
import { F_POWER, normal, uniform } from './rng';
import { exp } from './mathx';
import { FLEET_ORDER, FLEET_ARRIVE, FLEET_RETIRE, fleetRowCount, refreshFleetReset, refreshUneconomic, refreshNoteMarginal,
  PR_POLICY, PR_RETIRE_DAYS, POLICY_NONE } from './refresh';

/** MWh per day drawn by one PH/s at 1 J/TH: 1 PH/s × 1 J/TH = 1 kW → 0.024 MWh/day (§5). */
export const MWH_PER_PH_DAY_PER_JPTH: f64 = 0.024;

// Per-run constants cached at reset.
let uptime: f64 = 0.0;
let poolFee: f64 = 0.0;
let capMw: f64 = 0.0;
let resale = false;
let hedged: f64 = 0.0;
let contract: f64 = 0.0;
let lnSpotMean: f64 = 0.0;
let spotPhi: f64 = 0.0;
let spotSd: f64 = 0.0;
let spotCorr: f64 = 0.0;
let spotIdio: f64 = 0.0;
let shockP: f64 = 0.0;
let econRetire = false; // fleet refresh: count uneconomic days towards economic retirement (refresh.ts)

let spotDev: f64 = 0.0; // ln p − ln p̄
let shockLeft: f64 = 0.0;
let spot: f64 = 0.0;
let runningPh: f64 = 0.0;
let minedBtc: f64 = 0.0;
let overheadUsd: f64 = 0.0; // SG&A + other opex, today
let ebitdaUsd: f64 = 0.0; // mining revenue at market + demand response − power − overhead, today

export function minerReset(): void {
  uptime = unchecked(P[P_UPTIME]); poolFee = unchecked(P[P_POOL_FEE]); capMw = unchecked(P[P_CAP_MW]); resale = unchecked(P[P_RESALE]) > 0.5;
  hedged = unchecked(P[P_HEDGED]); contract = unchecked(P[P_CONTRACT]); lnSpotMean = unchecked(P[P_LN_SPOT_MEAN]); spotPhi = unchecked(P[P_SPOT_PHI]);
  spotSd = unchecked(P[P_SPOT_SD]); spotCorr = unchecked(P[P_SPOT_CORR]); spotIdio = unchecked(P[P_SPOT_IDIO]); shockP = unchecked(P[P_SHOCK_P_DAY]);
  econRetire = <i32>unchecked(P[PR_POLICY]) != POLICY_NONE && unchecked(P[PR_RETIRE_DAYS]) > 0.5;
  spotDev = 0.0;
  shockLeft = 0.0;
  spot = exp(unchecked(P[P_LN_SPOT_MEAN]));
  runningPh = 0.0;
  minedBtc = 0.0;
  overheadUsd = 0.0;
  ebitdaUsd = 0.0;
  refreshFleetReset();
  refreshNoteMarginal(marginalPowerUsdPerMwh());
}

/** Spot power for day t: OU on ln p with the exact discretisation (§11.6), correlated with the day's price shock. */
function spotStep(priceShock: f64): void {
  const w = spotCorr * priceShock + spotIdio * normal(F_POWER);
  spotDev = spotPhi * spotDev + spotSd * w;
  if (shockLeft > 0.0) shockLeft = shockLeft - 1.0;
  if (shockLeft <= 0.0 && shockP > 0.0 && uniform(F_POWER) < shockP) shockLeft = unchecked(P[P_SHOCK_DAYS]);
  spot = exp(lnSpotMean + spotDev) * (shockLeft > 0.0 ? unchecked(P[P_SHOCK_MULT]) : 1.0);
}

/** Marginal power price: spot with resale (take-or-pay hedge), else the blended hedge/spot price (§5). */
export function marginalPowerUsdPerMwh(): f64 {
  if (resale) return spot;
  return hedged * contract + (1.0 - hedged) * spot;
}

/**
 * One day of operations at price `price` and `btcPerPhDay` (expected BTC per PH/s before pool fee): curtailment by
 * efficiency under the power cap, production, costs. Adds the day's cash flow to FIRM. Returns BTC mined.
 */
export function minerDay(t: i32, price: f64, btcPerPhDay: f64, priceShock: f64, capacityMw: f64): f64 {
  spotStep(priceShock);
  const marginal = marginalPowerUsdPerMwh();
  refreshNoteMarginal(marginal);
  const hashpriceNet = price * btcPerPhDay * (1.0 - poolFee);
  // Site power for mining today: the contract's capacity less what hosting takes (hosting.ts).
  let capLeft = capacityMw;
  let nameplateEhs: f64 = 0.0;
  let powerMw: f64 = 0.0;
  runningPh = 0.0;
  // The live fleet (refresh.ts): the host's generations and any bought on this path, most efficient first; a row
  // runs from its arrival day to the day before its retirement. Without a refresh policy: G's rows as given.
  const rows = fleetRowCount();
  const ft = <f64>t;
  for (let k = 0; k < rows; k++) {
    const g = unchecked(FLEET_ORDER[k]);
    if (ft >= unchecked(FLEET_RETIRE[g]) || ft < unchecked(FLEET_ARRIVE[g])) continue;
    const o = (g * G_STRIDE) | 0;
    const ehs = unchecked(G[o + G_HASH_EHS]);
    const jPerTh = unchecked(G[o + G_JPTH]);
    nameplateEhs = nameplateEhs + ehs;
    // Runs iff its revenue per MWh covers the marginal power price (§5 curtailment); best efficiency first.
    const uneconomic = hashpriceNet / (MWH_PER_PH_DAY_PER_JPTH * jPerTh) < marginal;
    if (econRetire) refreshUneconomic(g, t, uneconomic);
    if (uneconomic || capLeft <= 0.0) continue;
    const mw = ehs * uptime * jPerTh; // EH/s × J/TH = MW
    const frac = mw > capLeft ? capLeft / mw : 1.0;
    runningPh = runningPh + ehs * 1000.0 * uptime * frac;
    powerMw = powerMw + mw * frac;
    capLeft = capLeft - mw * frac;
  }
  const mwh = powerMw * 24.0;
  let powerUsd: f64 = 0.0;
  if (resale) {
    const hedgedMwh = hedged * capMw * 24.0;
    powerUsd = hedgedMwh * contract + (mwh - hedgedMwh) * spot;
  } else {
    powerUsd = mwh * marginal;
  }
  overheadUsd = unchecked(P[P_SGA_PER_DAY]) + unchecked(P[P_SGA_PER_EHS_DAY]) * nameplateEhs + unchecked(P[P_OTHER_OPEX]) * runningPh;
  minedBtc = runningPh * btcPerPhDay * (1.0 - poolFee);
  ebitdaUsd = minedBtc * price + unchecked(P[P_DR_PER_DAY]) - powerUsd - overheadUsd;
  const sold = minedBtc * unchecked(P[P_SELL_SHARE]);
  unchecked(FIRM[FREE_BTC] = unchecked(FIRM[FREE_BTC]) + (minedBtc - sold));
  unchecked(FIRM[CASH] = unchecked(FIRM[CASH]) + sold * price * (1.0 - unchecked(P[P_HAIRCUT])) + unchecked(P[P_DR_PER_DAY]) - powerUsd - overheadUsd);
  return minedBtc;
}

export function minerRunningPh(): f64 { return runningPh; }
/** SG&A + other opex of the day: the buffer's running-cost part (§5 Treasury). */
export function minerOverheadUsd(): f64 { return overheadUsd; }
export function minerSpotUsdPerMwh(): f64 { return spot; }
/** EBITDA of the day (production valued at the market price), for the market-access leverage test. */
export function minerEbitdaUsd(): f64 { return ebitdaUsd; }
