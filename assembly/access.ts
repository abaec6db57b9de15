// Capital-market access (model-spec §10): open on a day iff BTC is less than the allowed drawdown below its running
// peak (the history's peak counts) and net debt is below the allowed multiple of trailing-12-month EBITDA.
// In the first year the EBITDA of the days simulated so far is annualised (decision; docs/model.md).
import { P } from './params';
import { P_ACCESS_ON, P_ACCESS_MAX_DRAWDOWN, P_ACCESS_MAX_LEVERAGE, P_PEAK0 } from './layout';

const WINDOW: i32 = 365;
const EBITDA = new Float64Array(WINDOW);

let peak: f64 = 0.0;
let sum: f64 = 0.0;
let open = false;

export function accessReset(price0: f64): void {
  peak = Math.max(unchecked(P[P_PEAK0]), price0);
  sum = 0.0;
  for (let i = 0; i < WINDOW; i++) unchecked(EBITDA[i] = 0.0);
  open = false;
}

/** Day t (≥ 1): record the day's EBITDA and decide whether markets are open today. */
export function accessDay(t: i32, price: f64, ebitdaUsd: f64, netDebtUsd: f64): void {
  peak = Math.max(peak, price);
  const slot = t % WINDOW;
  sum = sum - unchecked(EBITDA[slot]) + ebitdaUsd;
  unchecked(EBITDA[slot] = ebitdaUsd);
  if (unchecked(P[P_ACCESS_ON]) < 0.5) { open = false; return; }
  const trailing = t >= WINDOW ? sum : sum * <f64>WINDOW / <f64>t;
  const priceOk = price > (1.0 - unchecked(P[P_ACCESS_MAX_DRAWDOWN])) * peak;
  const leverageOk = netDebtUsd <= 0.0 || (trailing > 0.0 && netDebtUsd < unchecked(P[P_ACCESS_MAX_LEVERAGE]) * trailing);
  open = priceOk && leverageOk;
}

export function marketOpen(): bool { return open; }
export function runningPeak(): f64 { return peak; }
