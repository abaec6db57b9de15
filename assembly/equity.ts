// The miner's share price and share count (model-spec §10 Equity), on the `equity` stream:
// Δln S = β·Δln P + σ_idio·√Δ·Z − σ_idio²/2·Δ. Dilution (conversions, at-the-market sales) changes the share count,
// not the price process (a stated simplification: the price is the market's, before the new shares).
import { P } from './params';
import { P_EQ_ON, P_EQ_BETA, P_EQ_VOL_DAY, P_EQ_DRIFT_DAY, P_EQ_PRICE0, P_EQ_SHARES0 } from './layout';
import { F_EQUITY, normal } from './rng';
import { exp, log } from './mathx';

let on = false;
let lnS: f64 = 0.0;
let shares: f64 = 0.0;

export function equityReset(): void {
  on = P[P_EQ_ON] > 0.5;
  lnS = on ? log(P[P_EQ_PRICE0]) : 0.0;
  shares = P[P_EQ_SHARES0];
}

/** Day step given the day's change in ln P. */
export function equityDay(dLnP: f64): void {
  if (!on) return;
  lnS = lnS + P[P_EQ_BETA] * dLnP + P[P_EQ_DRIFT_DAY] + P[P_EQ_VOL_DAY] * normal(F_EQUITY);
}

export function equityOn(): bool { return on; }
export function sharePrice(): f64 { return on ? exp(lnS) : 0.0; }
export function sharesOutstanding(): f64 { return shares; }
export function issueShares(n: f64): void { shares = shares + n; }
