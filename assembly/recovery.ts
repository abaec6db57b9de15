// Asset values at default (model-spec §10 Recovery): the fleet at the ASIC price of the day — the frontier machine's
// price is asicDays × hashprice per TH per day, floored, and an older generation is worth that × (frontier J/TH ÷ its
// J/TH), a simple efficiency discount (domain §3.2). Generations past their retirement date are worth nothing.
import { P, G } from './params';
import { P_RC_ASIC_DAYS, P_RC_ASIC_FLOOR, P_RC_FRONTIER_J0, P_RC_LN_FRONTIER_DECAY, MAX_GEN, G_STRIDE, G_HASH_EHS,
  G_JPTH, G_RETIRE_DAY } from './layout';
import { exp } from './mathx';

/** Frontier ASIC price, USD per TH of nameplate hashrate, on day t at the day's hashprice (USD per PH/s per day). */
export function asicPriceUsdPerTh(hashpriceUsdPerPhDay: f64): f64 {
  return Math.max(unchecked(P[P_RC_ASIC_FLOOR]), unchecked(P[P_RC_ASIC_DAYS]) * hashpriceUsdPerPhDay / 1000.0);
}

export function frontierJPerTh(t: i32): f64 {
  return unchecked(P[P_RC_FRONTIER_J0]) * exp(<f64>t / 365.25 * unchecked(P[P_RC_LN_FRONTIER_DECAY]));
}

/** Value of fleet row g on day t (0 once retired). */
export function generationValueUsd(g: i32, t: i32, hashpriceUsdPerPhDay: f64): f64 {
  const o = g * G_STRIDE;
  const ehs = unchecked(G[o + G_HASH_EHS]);
  if (ehs <= 0.0 || <f64>t >= unchecked(G[o + G_RETIRE_DAY])) return 0.0;
  return ehs * 1.0e6 * asicPriceUsdPerTh(hashpriceUsdPerPhDay) * Math.min(1.0, frontierJPerTh(t) / unchecked(G[o + G_JPTH]));
}

/** Value of every generation not yet retired on day t (rows with hashrate, incl. any bought during the path). */
export function fleetValueUsd(t: i32, hashpriceUsdPerPhDay: f64): f64 {
  const perTh = asicPriceUsdPerTh(hashpriceUsdPerPhDay);
  const frontier = frontierJPerTh(t);
  let v: f64 = 0.0;
  for (let g = 0; g < MAX_GEN; g++) {
    const o = g * G_STRIDE;
    const ehs = unchecked(G[o + G_HASH_EHS]);
    if (ehs <= 0.0 || <f64>t >= unchecked(G[o + G_RETIRE_DAY])) continue;
    v = v + ehs * 1.0e6 * perTh * Math.min(1.0, frontier / unchecked(G[o + G_JPTH]));
  }
  return v;
}
