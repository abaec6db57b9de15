// Debt service, treasury sales, BTC-backed loan margin calls and the default rules (model-spec §5 Treasury, §6,
// §11.7–§11.10). The host precomputes each payment's date and accrual fraction; the kernel tracks what is owed.
import { P, T, Y, FIRM, CASH, FREE_BTC } from './params';
import { P_N_TRANCHE, P_N_PAY, P_BUFFER_DAYS, P_HAIRCUT, MAX_TRANCHE, T_STRIDE, T_TYPE, T_PRINCIPAL, T_RATE,
  T_COLLATERAL_BTC, T_MARGIN_LTV, T_TOPUP_LTV, T_CROSS_DEFAULT, T_LAST_PAY_DAY, TYPE_BTC_LOAN, Y_STRIDE, Y_DAY,
  Y_TRANCHE, Y_YEARFRAC, Y_PRINCIPAL, Y_FINAL, CAUSE_NONE, CAUSE_LIQUIDITY, CAUSE_OPERATING, CAUSE_MATURITY,
  CAUSE_MARGIN_CALL } from './layout';

/** Lender's sale price of seized collateral, as a share of the market price (§6). */
const LIQUIDATION_PRICE_SHARE: f64 = 0.98;

const OUT = new Float64Array(MAX_TRANCHE); // principal outstanding
const COLL = new Float64Array(MAX_TRANCHE); // pledged BTC
const LAST_PAY = new Float64Array(MAX_TRANCHE); // last schedule date (day), for accrual
const SHORTFALL = new Float64Array(MAX_TRANCHE); // due today after a margin liquidation

let payIdx: i32 = 0;
// The buffer's debt-service part is recomputed only when its window of payments or an outstanding amount changes.
let windowStart: i32 = -1;
let windowEnd: i32 = -1;
let dueDirty = true;
let dueCached: f64 = 0.0;
let anyShortfall = false;
let cause: i32 = 0;
let causeTranche: i32 = -1;
let marginEvents: f64 = 0.0;
let buffer: f64 = 0.0;

export function capitalReset(): void {
  const n = <i32>unchecked(P[P_N_TRANCHE]);
  for (let k = 0; k < n; k++) {
    const o = k * T_STRIDE;
    unchecked(OUT[k] = unchecked(T[o + T_PRINCIPAL]));
    unchecked(COLL[k] = unchecked(T[o + T_TYPE]) == <f64>TYPE_BTC_LOAN ? unchecked(T[o + T_COLLATERAL_BTC]) : 0.0);
    unchecked(LAST_PAY[k] = unchecked(T[o + T_LAST_PAY_DAY]));
    unchecked(SHORTFALL[k] = 0.0);
  }
  payIdx = 0;
  windowStart = -1;
  windowEnd = -1;
  dueDirty = true;
  dueCached = 0.0;
  anyShortfall = false;
  cause = CAUSE_NONE;
  causeTranche = -1;
  marginEvents = 0.0;
  buffer = 0.0;
}

function saleFactor(price: f64): f64 { return price * (1.0 - unchecked(P[P_HAIRCUT])); }

/** Sell free BTC (at P·(1 − haircut), §11.7) to raise up to `usd` of cash. */
function sellBtcFor(usd: f64, price: f64): void {
  if (usd <= 0.0) return;
  const px = saleFactor(price);
  const btc = Math.min(unchecked(FIRM[FREE_BTC]), usd / px);
  unchecked(FIRM[FREE_BTC] = unchecked(FIRM[FREE_BTC]) - btc);
  unchecked(FIRM[CASH] = unchecked(FIRM[CASH]) + btc * px);
}

/**
 * Treasury step for day t (§5, §11.7): buffer = bufferDays × running overhead + interest and amortisation due on
 * days t … t + bufferDays − 1 (final principal excluded, interest on today's outstanding); sell free BTC to it.
 */
export function treasuryDay(t: i32, price: f64, overheadPerDay: f64): void {
  const horizon = <f64>t + unchecked(P[P_BUFFER_DAYS]) - 1.0;
  const nPay = <i32>unchecked(P[P_N_PAY]);
  while (payIdx < nPay && unchecked(Y[payIdx * Y_STRIDE + Y_DAY]) < <f64>t) payIdx++;
  let end = windowEnd < payIdx ? payIdx : windowEnd;
  while (end < nPay && unchecked(Y[end * Y_STRIDE + Y_DAY]) <= horizon) end++;
  if (dueDirty || payIdx != windowStart || end != windowEnd) {
    let due: f64 = 0.0;
    for (let i = payIdx; i < end; i++) {
      const o = i * Y_STRIDE;
      const k = <i32>unchecked(Y[o + Y_TRANCHE]);
      const out = unchecked(OUT[k]);
      if (out <= 0.0) continue;
      due = due + out * unchecked(T[k * T_STRIDE + T_RATE]) * unchecked(Y[o + Y_YEARFRAC]);
      if (unchecked(Y[o + Y_FINAL]) < 0.5) due = due + Math.min(unchecked(Y[o + Y_PRINCIPAL]), out);
    }
    dueCached = due;
    windowStart = payIdx;
    windowEnd = end;
    dueDirty = false;
  }
  buffer = unchecked(P[P_BUFFER_DAYS]) * overheadPerDay + dueCached;
  if (unchecked(FIRM[CASH]) < buffer) sellBtcFor(buffer - unchecked(FIRM[CASH]), price);
}

function accrued(k: i32, t: i32): f64 {
  return unchecked(OUT[k]) * unchecked(T[k * T_STRIDE + T_RATE]) * (<f64>t - unchecked(LAST_PAY[k])) / 365.25;
}

/**
 * Margin checks of BTC-backed loans in debt[] order (§6, §11.9). Returns true if a failed top-up defaults the firm
 * (crossDefault).
 */
export function marginDay(t: i32, price: f64): bool {
  const n = <i32>unchecked(P[P_N_TRANCHE]);
  for (let k = 0; k < n; k++) {
    const o = k * T_STRIDE;
    if (unchecked(T[o + T_TYPE]) != <f64>TYPE_BTC_LOAN || unchecked(OUT[k]) <= 0.0) continue;
    const owed = unchecked(OUT[k]) + accrued(k, t);
    if (owed / (unchecked(COLL[k]) * price) < unchecked(T[o + T_MARGIN_LTV])) continue;
    const topUp = unchecked(T[o + T_TOPUP_LTV]);
    const extraBtc = owed / (topUp * price) - unchecked(COLL[k]);
    if (unchecked(FIRM[FREE_BTC]) >= extraBtc) {
      unchecked(FIRM[FREE_BTC] = unchecked(FIRM[FREE_BTC]) - extraBtc);
      unchecked(COLL[k] = unchecked(COLL[k]) + extraBtc);
      continue;
    }
    // All free BTC is posted and cash above the buffer repays principal, if together they restore the LTV.
    const coll = unchecked(COLL[k]) + unchecked(FIRM[FREE_BTC]);
    const repay = owed - topUp * coll * price;
    if (unchecked(FIRM[CASH]) - buffer >= repay) {
      unchecked(COLL[k] = coll);
      unchecked(FIRM[FREE_BTC] = 0.0);
      unchecked(FIRM[CASH] = unchecked(FIRM[CASH]) - repay);
      // The cash settles principal together with the interest accrued on it, so principal + accrued falls by
      // exactly `repay` and the LTV is topUpToLtv (accrued = OUT·rate·(t − lastPay)/365.25 scales with OUT).
      unchecked(OUT[k] = unchecked(OUT[k]) - repay / (1.0 + unchecked(T[o + T_RATE]) * (<f64>t - unchecked(LAST_PAY[k])) / 365.25));
      dueDirty = true;
      continue;
    }
    // The lender sells the collateral at P·0.98 and closes the loan; a shortfall is due today.
    marginEvents = marginEvents + 1.0;
    const proceeds = unchecked(COLL[k]) * price * LIQUIDATION_PRICE_SHARE;
    if (proceeds >= owed) unchecked(FIRM[CASH] = unchecked(FIRM[CASH]) + (proceeds - owed));
    else { unchecked(SHORTFALL[k] = owed - proceeds); anyShortfall = true; }
    unchecked(OUT[k] = 0.0);
    unchecked(COLL[k] = 0.0);
    dueDirty = true;
    if (unchecked(T[o + T_CROSS_DEFAULT]) > 0.5) {
      cause = CAUSE_MARGIN_CALL;
      causeTranche = k;
      return true;
    }
  }
  return false;
}

/**
 * Payments due on day t, then the liquidity test (§6, §11.10). Attribution: with R = cash + free BTC at the sale
 * price, walk the day's items in debt[] order, interest before principal; the first one R cannot cover is unpaid.
 * Returns true if the firm defaults today.
 */
export function paymentsDay(t: i32, price: f64): bool {
  const nPay = <i32>unchecked(P[P_N_PAY]);
  const nT = <i32>unchecked(P[P_N_TRANCHE]);
  const ft = <f64>t;
  while (payIdx < nPay && unchecked(Y[payIdx * Y_STRIDE + Y_DAY]) < ft) payIdx++;
  const px = saleFactor(price);
  if (!anyShortfall && (payIdx >= nPay || unchecked(Y[payIdx * Y_STRIDE + Y_DAY]) != ft)) {
    // Nothing due today: only the liquidity test (§6).
    if (unchecked(FIRM[CASH]) >= 0.0) return false;
    if (unchecked(FIRM[CASH]) + unchecked(FIRM[FREE_BTC]) * px < 0.0) { cause = CAUSE_OPERATING; causeTranche = -1; return true; }
    sellBtcFor(-unchecked(FIRM[CASH]), price);
    return false;
  }
  dueDirty = true;
  anyShortfall = false;
  // A maturing BTC-backed loan is repaid from its collateral first; the rest returns to free BTC (§11.9).
  for (let i = payIdx; i < nPay; i++) {
    const o = i * Y_STRIDE;
    if (unchecked(Y[o + Y_DAY]) != ft) break;
    const k = <i32>unchecked(Y[o + Y_TRANCHE]);
    if (unchecked(Y[o + Y_FINAL]) < 0.5 || unchecked(T[k * T_STRIDE + T_TYPE]) != <f64>TYPE_BTC_LOAN || unchecked(OUT[k]) <= 0.0) continue;
    const owed = unchecked(OUT[k]) + accrued(k, t);
    const proceeds = Math.min(unchecked(COLL[k]) * px, owed);
    unchecked(FIRM[CASH] = unchecked(FIRM[CASH]) + proceeds);
    unchecked(FIRM[FREE_BTC] = unchecked(FIRM[FREE_BTC]) + (unchecked(COLL[k]) - proceeds / px));
    unchecked(COLL[k] = 0.0);
  }
  let r = unchecked(FIRM[CASH]) + unchecked(FIRM[FREE_BTC]) * px;
  if (r < 0.0) {
    cause = CAUSE_OPERATING;
    causeTranche = -1;
    return true;
  }
  let i = payIdx;
  let total: f64 = 0.0;
  for (let k = 0; k < nT; k++) {
    if (unchecked(SHORTFALL[k]) > 0.0) {
      r = r - unchecked(SHORTFALL[k]);
      total = total + unchecked(SHORTFALL[k]);
      unchecked(SHORTFALL[k] = 0.0);
      if (r < 0.0) { cause = CAUSE_LIQUIDITY; causeTranche = k; return true; }
    }
    while (i < nPay && unchecked(Y[i * Y_STRIDE + Y_DAY]) == ft && <i32>unchecked(Y[i * Y_STRIDE + Y_TRANCHE]) == k) {
      const o = i * Y_STRIDE;
      i++;
      const out = unchecked(OUT[k]);
      if (out <= 0.0) continue;
      const interest = out * unchecked(T[k * T_STRIDE + T_RATE]) * unchecked(Y[o + Y_YEARFRAC]);
      const isFinal = unchecked(Y[o + Y_FINAL]) > 0.5;
      const principal = isFinal ? out : Math.min(unchecked(Y[o + Y_PRINCIPAL]), out);
      r = r - interest;
      if (r < 0.0) { cause = CAUSE_LIQUIDITY; causeTranche = k; return true; }
      r = r - principal;
      if (r < 0.0) { cause = isFinal ? CAUSE_MATURITY : CAUSE_LIQUIDITY; causeTranche = k; return true; }
      total = total + interest + principal;
      unchecked(OUT[k] = out - principal);
      unchecked(LAST_PAY[k] = ft);
    }
  }
  unchecked(FIRM[CASH] = unchecked(FIRM[CASH]) - total);
  if (unchecked(FIRM[CASH]) < 0.0) sellBtcFor(-unchecked(FIRM[CASH]), price);
  return false;
}

export function defaultCause(): i32 { return cause; }
export function defaultTranche(): i32 { return causeTranche; }
export function marginEventCount(): f64 { return marginEvents; }
export function debtOutstanding(): f64 {
  let s: f64 = 0.0;
  const n = <i32>unchecked(P[P_N_TRANCHE]);
  for (let k = 0; k < n; k++) s = s + unchecked(OUT[k]);
  return s;
}
export function pledgedBtc(): f64 {
  let s: f64 = 0.0;
  const n = <i32>unchecked(P[P_N_TRANCHE]);
  for (let k = 0; k < n; k++) s = s + unchecked(COLL[k]);
  return s;
}
export function trancheOutstanding(k: i32): f64 { return unchecked(OUT[k]); }
export function tranchePledgedBtc(k: i32): f64 { return unchecked(COLL[k]); }
