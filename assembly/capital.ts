// Debt service, treasury sales, BTC-backed loan margin calls and the default rules (model-spec §5 Treasury, §6,
// §11.7–§11.10). The host precomputes each payment's date and accrual fraction; the kernel tracks what is owed.
import { P, T, Y, FIRM, CASH, FREE_BTC } from './params';
import { P_N_TRANCHE, P_N_PAY, P_BUFFER_DAYS, P_HAIRCUT, TRANCHE_SLOTS, T_STRIDE, T_TYPE, T_PRINCIPAL, T_RATE,
  T_COLLATERAL_BTC, T_MARGIN_LTV, T_TOPUP_LTV, T_CROSS_DEFAULT, T_LAST_PAY_DAY, T_MATURITY_DAY, T_CONV_PRICE,
  T_PUT_DAY, T_PUT_CONDITIONAL, T_CALL_DAY, T_SETTLEMENT, SETTLE_PHYSICAL, SETTLE_CASH, TYPE_BTC_LOAN, TYPE_BOND,
  TYPE_CONVERTIBLE, MAX_REFI, Y_STRIDE, Y_DAY, Y_TRANCHE, Y_YEARFRAC, Y_PRINCIPAL, Y_FINAL, CAUSE_NONE,
  CAUSE_LIQUIDITY, CAUSE_OPERATING, CAUSE_MATURITY, CAUSE_MARGIN_CALL, CAUSE_PUT, P_REFI_ON, P_REFI_RATE,
  P_REFI_DAYS, P_ATM_ON, P_ATM_SHARE, P_ATM_DISCOUNT, P_RC_BANKRUPTCY_COST, P_RC_BTC_HAIRCUT, B_STRIDE, B_LOSS_SHARE,
  T_SPV, T_COLL_GEN, P_SPV_MIN_DSCR, P_SPV_BREACHES, P_RC_DC_RATE,
  B_LGD_SUM, B_CLAIMS, B_LGD_BIN0, LGD_BINS } from './layout';
import { BATCH } from './aggregate';
import { SPV_CASH, SPV_Q_NOI, hostingCount, hostingSeize, hostingSeized, hostingContractValueUsd, hostingReadyDay } from './hosting';
import { equityOn, sharePrice, sharesOutstanding, issueShares } from './equity';
import { marketOpen } from './access';
import { generationValueUsd } from './recovery';

/** Lender's sale price of seized collateral, as a share of the market price (§6). */
const LIQUIDATION_PRICE_SHARE: f64 = 0.98;

const OUT = new Float64Array(TRANCHE_SLOTS); // principal outstanding
const COLL = new Float64Array(TRANCHE_SLOTS); // pledged BTC
const LAST_PAY = new Float64Array(TRANCHE_SLOTS); // last schedule date (day), for accrual
const SHORTFALL = new Float64Array(TRANCHE_SLOTS); // due today after a margin liquidation
/** Soft-call window per convertible: bit i set if S ≥ 130 % of the conversion price i days ago (30 days). */
const CALL_MASK = new Int32Array(TRANCHE_SLOTS);
const CALL_COUNT = new Int32Array(TRANCHE_SLOTS);
/** Principal due today from a holder put (§10 Convertibles). */
const PUT_DUE = new Float64Array(TRANCHE_SLOTS);
/** Cash settlement of a conversion at maturity replaces the final principal for the day. */
const CONV_CASH = new Float64Array(TRANCHE_SLOTS);
const CONV_TODAY = new Int32Array(TRANCHE_SLOTS);
/** Principal at the start (or when a refinancing note is created): the base of a tranche's loss share. */
const PRINCIPAL0 = new Float64Array(TRANCHE_SLOTS);
const CLAIM = new Float64Array(TRANCHE_SLOTS);
const RECOVERED = new Float64Array(TRANCHE_SLOTS);

/** Debt service paid by each SPV per quarter of the DSCR window (ring by quarter), breached quarters in a row. */
const SPV_Q_DS = new Float64Array(32 * 4);
const SPV_BREACH = new Float64Array(32);
const SPV_DONE = new Float64Array(32); // 1 once the SPV has defaulted
const SPV_STARTED = new Float64Array(32); // 1 once the contract earns rent: from then the SPV pays its own debt
let spvDefaults: f64 = 0.0;
let lastSpvQuarter: f64 = 0.0;

let estateUsd: f64 = 0.0;
let unsecuredRate: f64 = 1.0;
let claimsUsd: f64 = 0.0;
let lossUsd: f64 = 0.0;

const SOFT_CALL_TRIGGER: f64 = 1.3; // issuer may call when S ≥ 130 % of the conversion price …
const SOFT_CALL_DAYS: i32 = 20; // … on 20 of the last 30 days (§10)
const REFI_COUPON_DAYS: f64 = 182.0; // refinancing notes pay semi-annually

let nRefi: i32 = 0; // refinancing notes created on this path (slots nT … nT + nRefi − 1)
let hasConvertibleTerms = false;
let conversions: f64 = 0.0;
let refinancings: f64 = 0.0;
let atmUsd: f64 = 0.0;
let atmQuarter: f64 = -1.0;
let atmRaisedThisQuarter: f64 = 0.0;

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
    unchecked(PRINCIPAL0[k] = unchecked(T[o + T_PRINCIPAL]));
    unchecked(COLL[k] = unchecked(T[o + T_TYPE]) == <f64>TYPE_BTC_LOAN ? unchecked(T[o + T_COLLATERAL_BTC]) : 0.0);
    unchecked(LAST_PAY[k] = unchecked(T[o + T_LAST_PAY_DAY]));
    unchecked(SHORTFALL[k] = 0.0);
    unchecked(CALL_MASK[k] = 0);
    unchecked(CALL_COUNT[k] = 0);
    unchecked(PUT_DUE[k] = 0.0);
    unchecked(CONV_TODAY[k] = 0);
  }
  hasConvertibleTerms = false;
  for (let k = 0; k < n; k++)
    if (unchecked(T[k * T_STRIDE + T_TYPE]) == <f64>TYPE_CONVERTIBLE && unchecked(T[k * T_STRIDE + T_CONV_PRICE]) > 0.0) hasConvertibleTerms = true;
  nRefi = 0;
  spvDefaults = 0.0;
  lastSpvQuarter = 0.0;
  for (let i = 0; i < 32 * 4; i++) unchecked(SPV_Q_DS[i] = 0.0);
  for (let i = 0; i < 32; i++) { unchecked(SPV_BREACH[i] = 0.0); unchecked(SPV_DONE[i] = 0.0); unchecked(SPV_STARTED[i] = 0.0); }
  estateUsd = 0.0;
  unsecuredRate = 1.0;
  claimsUsd = 0.0;
  lossUsd = 0.0;
  conversions = 0.0;
  refinancings = 0.0;
  atmUsd = 0.0;
  atmQuarter = -1.0;
  atmRaisedThisQuarter = 0.0;
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
      if (out <= 0.0 || spvPays(k)) continue; // an operating SPV pays its own debt
      due = due + out * unchecked(T[k * T_STRIDE + T_RATE]) * unchecked(Y[o + Y_YEARFRAC]);
      if (unchecked(Y[o + Y_FINAL]) < 0.5) due = due + Math.min(unchecked(Y[o + Y_PRINCIPAL]), out);
    }
    dueCached = due;
    windowStart = payIdx;
    windowEnd = end;
    dueDirty = false;
  }
  buffer = unchecked(P[P_BUFFER_DAYS]) * overheadPerDay + dueCached + refiDueWithin(t, horizon);
  if (unchecked(FIRM[CASH]) < buffer) sellBtcFor(buffer - unchecked(FIRM[CASH]), price);
  if (unchecked(FIRM[CASH]) < buffer && unchecked(P[P_ATM_ON]) > 0.5 && equityOn()) atmSale(t, buffer - unchecked(FIRM[CASH]));
}

/**
 * At-the-market equity (§10 Market access): while the market is open, up to P_ATM_SHARE of market capitalisation a
 * quarter is sold at S·(1 − discount) to restore the buffer, after treasury BTC.
 */
function atmSale(t: i32, need: f64): void {
  if (!marketOpen()) return;
  const quarter = Math.floor(<f64>t / 91.3125);
  if (quarter != atmQuarter) { atmQuarter = quarter; atmRaisedThisQuarter = 0.0; }
  const s = sharePrice();
  const room = unchecked(P[P_ATM_SHARE]) * s * sharesOutstanding() - atmRaisedThisQuarter;
  const usd = Math.min(need, room);
  if (usd <= 0.0) return;
  issueShares(usd / (s * (1.0 - unchecked(P[P_ATM_DISCOUNT]))));
  atmRaisedThisQuarter = atmRaisedThisQuarter + usd;
  atmUsd = atmUsd + usd;
  unchecked(FIRM[CASH] = unchecked(FIRM[CASH]) + usd);
}

/** Interest due on refinancing notes within the buffer window (their principal is a final payment: excluded). */
function refiDueWithin(t: i32, horizon: f64): f64 {
  let due: f64 = 0.0;
  const nT = <i32>unchecked(P[P_N_TRANCHE]);
  for (let k = nT; k < nT + nRefi; k++) {
    if (unchecked(OUT[k]) <= 0.0) continue;
    const next = unchecked(LAST_PAY[k]) + REFI_COUPON_DAYS;
    if (next <= horizon) due = due + unchecked(OUT[k]) * unchecked(T[k * T_STRIDE + T_RATE]) * REFI_COUPON_DAYS / 365.25;
  }
  return due;
}

/** Move `amount` of principal into a new refinancing note at base rate + spread (§10), if the market is open. */
function refinance(t: i32, amount: f64): bool {
  if (unchecked(P[P_REFI_ON]) < 0.5 || !marketOpen() || nRefi >= MAX_REFI) return false;
  const k = <i32>unchecked(P[P_N_TRANCHE]) + nRefi;
  const o = k * T_STRIDE;
  unchecked(T[o + T_TYPE] = <f64>TYPE_BOND);
  unchecked(T[o + T_PRINCIPAL] = amount);
  unchecked(T[o + T_RATE] = unchecked(P[P_REFI_RATE]));
  unchecked(T[o + T_MATURITY_DAY] = <f64>t + unchecked(P[P_REFI_DAYS]));
  unchecked(T[o + T_CONV_PRICE] = 0.0);
  unchecked(OUT[k] = amount);
  unchecked(PRINCIPAL0[k] = amount);
  unchecked(COLL[k] = 0.0);
  unchecked(LAST_PAY[k] = <f64>t);
  unchecked(SHORTFALL[k] = 0.0);
  unchecked(PUT_DUE[k] = 0.0);
  nRefi++;
  refinancings = refinancings + 1.0;
  dueDirty = true;
  return true;
}

/**
 * Convertible events of day t before payments (§10): issuer soft call (S ≥ 130 % of the conversion price on 20 of
 * the last 30 days, from the call date), holder puts (when S < conversion price — the put pays more than the
 * shares; a conditional put is only open then anyway), and the holders' choice at maturity (convert iff S·ratio >
 * par). Settlement: physical (shares), cash (the conversion value in cash), net_share (par in cash, excess in shares).
 */
export function convertiblesDay(t: i32): void {
  if (!hasConvertibleTerms || !equityOn()) return;
  const nT = <i32>unchecked(P[P_N_TRANCHE]);
  const s = sharePrice();
  const ft = <f64>t;
  for (let k = 0; k < nT; k++) {
    const o = k * T_STRIDE;
    const conv = unchecked(T[o + T_CONV_PRICE]);
    if (unchecked(T[o + T_TYPE]) != <f64>TYPE_CONVERTIBLE || conv <= 0.0 || unchecked(OUT[k]) <= 0.0) continue;
    // Soft-call window: shift in today's flag, keep a count of the flags in the last 30 days.
    const hit = s >= SOFT_CALL_TRIGGER * conv ? 1 : 0;
    const mask = unchecked(CALL_MASK[k]);
    unchecked(CALL_COUNT[k] = unchecked(CALL_COUNT[k]) + hit - ((mask >> 29) & 1));
    unchecked(CALL_MASK[k] = ((mask << 1) | hit) & 0x3fffffff);
    const callDay = unchecked(T[o + T_CALL_DAY]);
    const settle = <i32>unchecked(T[o + T_SETTLEMENT]);
    if (callDay > 0.0 && ft >= callDay && ft < unchecked(T[o + T_MATURITY_DAY]) && unchecked(CALL_COUNT[k]) >= SOFT_CALL_DAYS) {
      // Called: holders convert (their shares are worth ≥ 130 % of par). The issuer calls only if it can pay the
      // cash part of the settlement from cash above the buffer.
      const par = unchecked(OUT[k]);
      const value = par * s / conv;
      const cashPart = settle == SETTLE_PHYSICAL ? 0.0 : settle == SETTLE_CASH ? value : par;
      if (cashPart <= unchecked(FIRM[CASH]) - buffer) {
        unchecked(FIRM[CASH] = unchecked(FIRM[CASH]) - cashPart);
        issueShares(settle == SETTLE_PHYSICAL ? par / conv : settle == SETTLE_CASH ? 0.0 : (value - par) / s);
        unchecked(OUT[k] = 0.0);
        conversions = conversions + 1.0;
        dueDirty = true;
        continue;
      }
    }
    const putDay = unchecked(T[o + T_PUT_DAY]);
    if (putDay > 0.0 && ft == putDay && s < conv) unchecked(PUT_DUE[k] = unchecked(OUT[k]));
    // At maturity holders convert iff the shares are worth more than par.
    unchecked(CONV_TODAY[k] = ft == unchecked(T[o + T_MATURITY_DAY]) && s > conv ? 1 : 0);
  }
}

function anySpecialToday(t: i32): bool {
  const nT = <i32>unchecked(P[P_N_TRANCHE]);
  for (let k = 0; k < nT; k++) if (unchecked(PUT_DUE[k]) > 0.0) return true;
  for (let k = nT; k < nT + nRefi; k++) {
    if (unchecked(OUT[k]) <= 0.0) continue;
    if (<f64>t - unchecked(LAST_PAY[k]) >= REFI_COUPON_DAYS || <f64>t >= unchecked(T[k * T_STRIDE + T_MATURITY_DAY])) return true;
  }
  return false;
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
  if (!anyShortfall && (payIdx >= nPay || unchecked(Y[payIdx * Y_STRIDE + Y_DAY]) != ft) && (nRefi == 0 && !hasConvertibleTerms || !anySpecialToday(t))) {
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
  let sharesToIssue: f64 = 0.0;
  for (let k = 0; k < nT + nRefi; k++) {
    if (k < nT && spvPays(k)) {
      // Non-recourse SPV debt is paid by spvDay from the SPV's own cash, never by the parent.
      while (i < nPay && unchecked(Y[i * Y_STRIDE + Y_DAY]) == ft && <i32>unchecked(Y[i * Y_STRIDE + Y_TRANCHE]) == k) i++;
      continue;
    }
    if (unchecked(SHORTFALL[k]) > 0.0) {
      r = r - unchecked(SHORTFALL[k]);
      total = total + unchecked(SHORTFALL[k]);
      unchecked(SHORTFALL[k] = 0.0);
      if (r < 0.0) { cause = CAUSE_LIQUIDITY; causeTranche = k; return true; }
    }
    if (k >= nT) {
      // Refinancing note: semi-annual coupon, bullet principal at its maturity.
      const out = unchecked(OUT[k]);
      if (out <= 0.0) continue;
      const atMaturity = ft >= unchecked(T[k * T_STRIDE + T_MATURITY_DAY]);
      if (!atMaturity && ft - unchecked(LAST_PAY[k]) < REFI_COUPON_DAYS) continue;
      const interest = out * unchecked(T[k * T_STRIDE + T_RATE]) * (ft - unchecked(LAST_PAY[k])) / 365.25;
      r = r - interest;
      if (r < 0.0) { cause = CAUSE_LIQUIDITY; causeTranche = k; return true; }
      total = total + interest;
      unchecked(LAST_PAY[k] = ft);
      if (atMaturity) {
        if (r - out < 0.0) {
          if (refinance(t, out)) { unchecked(OUT[k] = 0.0); continue; }
          cause = CAUSE_MATURITY; causeTranche = k; return true;
        }
        r = r - out;
        total = total + out;
        unchecked(OUT[k] = 0.0);
      }
      continue;
    }
    while (i < nPay && unchecked(Y[i * Y_STRIDE + Y_DAY]) == ft && <i32>unchecked(Y[i * Y_STRIDE + Y_TRANCHE]) == k) {
      const o = i * Y_STRIDE;
      i++;
      const out = unchecked(OUT[k]);
      if (out <= 0.0) continue;
      const interest = out * unchecked(T[k * T_STRIDE + T_RATE]) * unchecked(Y[o + Y_YEARFRAC]);
      const isFinal = unchecked(Y[o + Y_FINAL]) > 0.5;
      let principal = isFinal ? out : Math.min(unchecked(Y[o + Y_PRINCIPAL]), out);
      r = r - interest;
      if (r < 0.0) { cause = CAUSE_LIQUIDITY; causeTranche = k; return true; }
      if (isFinal && unchecked(CONV_TODAY[k]) != 0) {
        // Holders convert at maturity: the settlement replaces the principal.
        const s = sharePrice();
        const conv = unchecked(T[k * T_STRIDE + T_CONV_PRICE]);
        const settle = <i32>unchecked(T[k * T_STRIDE + T_SETTLEMENT]);
        const value = out * s / conv;
        principal = settle == SETTLE_PHYSICAL ? 0.0 : settle == SETTLE_CASH ? value : out;
        sharesToIssue = sharesToIssue + (settle == SETTLE_PHYSICAL ? out / conv : settle == SETTLE_CASH ? 0.0 : (value - out) / s);
        conversions = conversions + 1.0;
        unchecked(CONV_TODAY[k] = 0);
      }
      if (r - principal < 0.0) {
        if (isFinal && refinance(t, principal)) {
          total = total + interest;
          unchecked(OUT[k] = 0.0);
          unchecked(LAST_PAY[k] = ft);
          continue;
        }
        cause = isFinal ? CAUSE_MATURITY : CAUSE_LIQUIDITY; causeTranche = k; return true;
      }
      r = r - principal;
      total = total + interest + principal;
      unchecked(OUT[k] = isFinal ? 0.0 : out - principal);
      unchecked(LAST_PAY[k] = ft);
    }
    if (unchecked(PUT_DUE[k]) > 0.0 && unchecked(OUT[k]) > 0.0) {
      // A holder put, after the day's coupon: par is due today (§10); unpaid and not refinanced, it is a default
      // with cause `put`.
      const due = unchecked(OUT[k]);
      unchecked(PUT_DUE[k] = 0.0);
      if (r - due < 0.0) {
        if (!refinance(t, due)) { cause = CAUSE_PUT; causeTranche = k; return true; }
      } else {
        r = r - due;
        total = total + due;
      }
      unchecked(OUT[k] = 0.0);
    }
  }
  if (sharesToIssue > 0.0) issueShares(sharesToIssue);
  unchecked(FIRM[CASH] = unchecked(FIRM[CASH]) - total);
  if (unchecked(FIRM[CASH]) < 0.0) sellBtcFor(-unchecked(FIRM[CASH]), price);
  return false;
}

/**
 * Recovery on the day of default (model-spec §10): assets — `otherAssetsUsd` (the fleet at the ASIC price, a data
 * centre), free BTC at P·(1 − haircut), cash — less bankruptcy costs; each BTC-backed loan first from its own
 * collateral (its deficiency joins the unsecured pool), then every other claim (bonds, term loans, convertibles,
 * refinancing notes: senior unsecured) pari passu; equity gets the rest. A claim is principal + accrued interest +
 * any amount due and unpaid. Adds each tranche's loss and LGD to the chunk's batch sums (slot `batch`).
 */
export function recoverAtDefault(t: i32, price: f64, otherAssetsUsd: f64, batch: i32, hashpriceUsdPerPhDay: f64): void {
  const n = <i32>unchecked(P[P_N_TRANCHE]) + nRefi;
  const keep = 1.0 - unchecked(P[P_RC_BANKRUPTCY_COST]);
  const btcPx = price * (1.0 - unchecked(P[P_RC_BTC_HAIRCUT]));
  let pool = (otherAssetsUsd + Math.max(0.0, unchecked(FIRM[CASH])) + unchecked(FIRM[FREE_BTC]) * btcPx) * keep;
  estateUsd = pool;
  claimsUsd = 0.0;
  let unsecuredClaims: f64 = 0.0;
  for (let k = 0; k < n; k++) {
    let claim: f64 = unchecked(SHORTFALL[k]);
    if (unchecked(OUT[k]) > 0.0) claim = claim + unchecked(OUT[k]) + accrued(k, t);
    // SPV debt is not a claim on the parent (non-recourse); the parent keeps the SPV's equity (simulate.ts).
    if (k < <i32>unchecked(P[P_N_TRANCHE]) && spvPays(k)) claim = 0.0;
    unchecked(CLAIM[k] = claim);
    claimsUsd = claimsUsd + claim;
    let secured: f64 = 0.0;
    const gen = <i32>unchecked(T[k * T_STRIDE + T_COLL_GEN]) - 1;
    if (gen >= 0 && claim > 0.0) {
      // Equipment loan: first from its machines at the ASIC price (already in the estate: move them out of the pool).
      const machines = generationValueUsd(gen, t, hashpriceUsdPerPhDay) * keep;
      secured = Math.min(claim, machines);
      pool = pool - secured;
    } else if (unchecked(T[k * T_STRIDE + T_TYPE]) == <f64>TYPE_BTC_LOAN && unchecked(COLL[k]) > 0.0) {
      const collateral = unchecked(COLL[k]) * btcPx * keep;
      estateUsd = estateUsd + collateral;
      secured = Math.min(claim, collateral);
      pool = pool + (collateral - secured); // surplus collateral returns to the estate
    }
    unchecked(RECOVERED[k] = secured);
    unsecuredClaims = unsecuredClaims + (claim - secured);
  }
  unsecuredRate = unsecuredClaims > 0.0 ? Math.min(1.0, pool / unsecuredClaims) : 1.0;
  lossUsd = 0.0;
  const base = batch * TRANCHE_SLOTS;
  for (let k = 0; k < n; k++) {
    const claim = unchecked(CLAIM[k]);
    if (claim <= 0.0) continue;
    const recovered = unchecked(RECOVERED[k]) + unsecuredRate * (claim - unchecked(RECOVERED[k]));
    const loss = claim - recovered;
    lossUsd = lossUsd + loss;
    const lgd = loss / claim;
    const o = (base + k) * B_STRIDE;
    if (unchecked(PRINCIPAL0[k]) > 0.0) unchecked(BATCH[o + B_LOSS_SHARE] = unchecked(BATCH[o + B_LOSS_SHARE]) + loss / unchecked(PRINCIPAL0[k]));
    unchecked(BATCH[o + B_LGD_SUM] = unchecked(BATCH[o + B_LGD_SUM]) + lgd);
    unchecked(BATCH[o + B_CLAIMS] = unchecked(BATCH[o + B_CLAIMS]) + 1.0);
    const bin = <i32>Math.min(<f64>(LGD_BINS - 1), Math.floor(Math.max(0.0, lgd) * <f64>LGD_BINS));
    unchecked(BATCH[o + B_LGD_BIN0 + bin] = unchecked(BATCH[o + B_LGD_BIN0 + bin]) + 1.0);
  }
}

/** Six months of SPV c's debt service from day ft: interest on what is outstanding and scheduled amortisation. */
function spvReserve(c: i32, ft: f64): f64 {
  const nT = <i32>unchecked(P[P_N_TRANCHE]);
  const nPay = <i32>unchecked(P[P_N_PAY]);
  let reserve: f64 = 0.0;
  for (let k = 0; k < nT; k++) {
    if (<i32>unchecked(T[k * T_STRIDE + T_SPV]) - 1 != c || unchecked(OUT[k]) <= 0.0) continue;
    reserve = reserve + unchecked(OUT[k]) * unchecked(T[k * T_STRIDE + T_RATE]) * 0.5;
  }
  for (let i = payIdx; i < nPay; i++) {
    const o = i * Y_STRIDE;
    if (unchecked(Y[o + Y_DAY]) >= ft + 182.0) break;
    const k = <i32>unchecked(Y[o + Y_TRANCHE]);
    if (<i32>unchecked(T[k * T_STRIDE + T_SPV]) - 1 == c && unchecked(Y[o + Y_FINAL]) < 0.5) reserve = reserve + Math.min(unchecked(Y[o + Y_PRINCIPAL]), unchecked(OUT[k]));
  }
  return reserve;
}

/** Whether tranche k is paid by its SPV today (an operating, not defaulted SPV); otherwise the parent pays it. */
function spvPays(k: i32): bool {
  const c = <i32>unchecked(T[k * T_STRIDE + T_SPV]) - 1;
  return c >= 0 && unchecked(SPV_STARTED[c]) > 0.5;
}

/**
 * Non-recourse SPVs (model-spec §10 Secured / project notes): each hosting contract with SPV debt keeps its NOI in
 * its own cash (hosting.ts) and pays its own debt from it. Day t, before the parent's payments: SPV payments due;
 * at each quarter end the DSCR covenant on the trailing four quarters (NOI ÷ debt service ≥ minimum): a breach traps
 * the SPV's cash (sweep), the configured number of breaches in a row defaults the SPV, and a pass releases the cash
 * above the next 182 days of debt service to the parent. An SPV that cannot pay, or breaches too long, defaults:
 * its lenders take the contract (its NOI and its remaining value), their loss is recorded in the batch sums, the
 * parent lives on. Returns nothing: the parent's own default rules are untouched.
 */
export function spvDay(t: i32, batch: i32): void {
  const nH = hostingCount();
  if (nH == 0) return;
  const nPay = <i32>unchecked(P[P_N_PAY]);
  const nT = <i32>unchecked(P[P_N_TRANCHE]);
  const ft = <f64>t;
  while (payIdx < nPay && unchecked(Y[payIdx * Y_STRIDE + Y_DAY]) < ft) payIdx++;
  const quarter = Math.floor(ft / 91.3125);
  // An SPV takes over its debt when its contract first earns rent (until then the parent stands behind the build —
  // a completion guarantee); the parent then funds a six-month debt-service reserve from its cash, as it can.
  for (let c = 0; c < nH; c++) {
    if (unchecked(SPV_STARTED[c]) > 0.5 || ft < hostingReadyDay(c)) continue;
    const reserve = spvReserve(c, ft);
    let has = false;
    for (let k = 0; k < nT; k++) if (<i32>unchecked(T[k * T_STRIDE + T_SPV]) - 1 == c && unchecked(OUT[k]) > 0.0) has = true;
    if (!has) continue;
    unchecked(SPV_STARTED[c] = 1.0);
    const funded = Math.min(reserve, Math.max(0.0, unchecked(FIRM[CASH])));
    unchecked(FIRM[CASH] = unchecked(FIRM[CASH]) - funded);
    unchecked(SPV_CASH[c] = unchecked(SPV_CASH[c]) + funded);
    dueDirty = true;
  }
  for (let i = payIdx; i < nPay; i++) {
    const o = i * Y_STRIDE;
    if (unchecked(Y[o + Y_DAY]) != ft) break;
    const k = <i32>unchecked(Y[o + Y_TRANCHE]);
    const spv = <i32>unchecked(T[k * T_STRIDE + T_SPV]) - 1;
    if (spv < 0 || unchecked(OUT[k]) <= 0.0 || unchecked(SPV_DONE[spv]) > 0.5 || unchecked(SPV_STARTED[spv]) < 0.5) continue;
    const out = unchecked(OUT[k]);
    const interest = out * unchecked(T[k * T_STRIDE + T_RATE]) * unchecked(Y[o + Y_YEARFRAC]);
    const isFinal = unchecked(Y[o + Y_FINAL]) > 0.5;
    const principal = isFinal ? out : Math.min(unchecked(Y[o + Y_PRINCIPAL]), out);
    if (unchecked(SPV_CASH[spv]) < interest + principal) { spvDefault(spv, t, batch); continue; }
    unchecked(SPV_CASH[spv] = unchecked(SPV_CASH[spv]) - interest - principal);
    const qi = spv * 4 + ((<i32>quarter) % 4);
    unchecked(SPV_Q_DS[qi] = unchecked(SPV_Q_DS[qi]) + interest + principal);
    unchecked(OUT[k] = out - principal);
    unchecked(LAST_PAY[k] = ft);
    dueDirty = true;
  }
  if (quarter <= lastSpvQuarter) return;
  // A quarter has just ended: the covenant test, and release or trap of the SPV's cash.
  lastSpvQuarter = quarter;
  for (let c = 0; c < nH; c++) {
    if (unchecked(SPV_DONE[c]) > 0.5 || unchecked(SPV_STARTED[c]) < 0.5 || hostingSeized(c)) continue;
    let noi: f64 = 0.0, ds: f64 = 0.0, debt: f64 = 0.0;
    for (let q = 0; q < 4; q++) { noi = noi + unchecked(SPV_Q_NOI[c * 4 + q]); ds = ds + unchecked(SPV_Q_DS[c * 4 + q]); }
    for (let k = 0; k < nT; k++) if (<i32>unchecked(T[k * T_STRIDE + T_SPV]) - 1 == c) debt = debt + unchecked(OUT[k]);
    const next = spvReserve(c, ft);
    // The quarter about to start: clear its ring slot.
    const slot = c * 4 + ((<i32>quarter) % 4);
    unchecked(SPV_Q_NOI[slot] = 0.0);
    unchecked(SPV_Q_DS[slot] = 0.0);
    if (debt <= 0.0) {
      // Debt repaid: the SPV is the parent's again in full.
      unchecked(FIRM[CASH] = unchecked(FIRM[CASH]) + unchecked(SPV_CASH[c]));
      unchecked(SPV_CASH[c] = 0.0);
      continue;
    }
    if (ds > 0.0 && noi < unchecked(P[P_SPV_MIN_DSCR]) * ds) {
      unchecked(SPV_BREACH[c] = unchecked(SPV_BREACH[c]) + 1.0);
      if (unchecked(SPV_BREACH[c]) >= unchecked(P[P_SPV_BREACHES])) spvDefault(c, t, batch);
      continue; // breach: cash trapped in the SPV
    }
    unchecked(SPV_BREACH[c] = 0.0);
    const release = unchecked(SPV_CASH[c]) - next;
    if (release > 0.0) {
      unchecked(SPV_CASH[c] = unchecked(SPV_CASH[c]) - release);
      unchecked(FIRM[CASH] = unchecked(FIRM[CASH]) + release);
    }
  }
}

function spvDefault(c: i32, t: i32, batch: i32): void {
  const nT = <i32>unchecked(P[P_N_TRANCHE]);
  unchecked(SPV_DONE[c] = 1.0);
  spvDefaults = spvDefaults + 1.0;
  // The lenders take the SPV: its cash and the contract's remaining NOI, less bankruptcy costs, shared pro rata.
  const keep = 1.0 - unchecked(P[P_RC_BANKRUPTCY_COST]);
  const assets = (unchecked(SPV_CASH[c]) + hostingContractValueUsd(c, t, unchecked(P[P_RC_DC_RATE]))) * keep;
  let claims: f64 = 0.0;
  for (let k = 0; k < nT; k++) if (<i32>unchecked(T[k * T_STRIDE + T_SPV]) - 1 == c && unchecked(OUT[k]) > 0.0) claims = claims + unchecked(OUT[k]) + accrued(k, t);
  const rate = claims > 0.0 ? Math.min(1.0, assets / claims) : 1.0;
  for (let k = 0; k < nT; k++) {
    if (<i32>unchecked(T[k * T_STRIDE + T_SPV]) - 1 != c || unchecked(OUT[k]) <= 0.0) continue;
    const claim = unchecked(OUT[k]) + accrued(k, t);
    const loss = claim * (1.0 - rate);
    const o = (batch * TRANCHE_SLOTS + k) * B_STRIDE;
    if (unchecked(PRINCIPAL0[k]) > 0.0) unchecked(BATCH[o + B_LOSS_SHARE] = unchecked(BATCH[o + B_LOSS_SHARE]) + loss / unchecked(PRINCIPAL0[k]));
    unchecked(BATCH[o + B_LGD_SUM] = unchecked(BATCH[o + B_LGD_SUM]) + (1.0 - rate));
    unchecked(BATCH[o + B_CLAIMS] = unchecked(BATCH[o + B_CLAIMS]) + 1.0);
    const bin = <i32>Math.min(<f64>(LGD_BINS - 1), Math.floor(Math.max(0.0, 1.0 - rate) * <f64>LGD_BINS));
    unchecked(BATCH[o + B_LGD_BIN0 + bin] = unchecked(BATCH[o + B_LGD_BIN0 + bin]) + 1.0);
    unchecked(OUT[k] = 0.0);
  }
  unchecked(SPV_CASH[c] = 0.0);
  hostingSeize(c);
  dueDirty = true;
}

export function spvDefaultCount(): f64 { return spvDefaults; }
/** Equity value of the parent in its SPVs on day t: each SPV's cash + contract value less its debt, at least 0. */
export function spvEquityUsd(t: i32, rate: f64): f64 {
  const nT = <i32>unchecked(P[P_N_TRANCHE]);
  const nH = hostingCount();
  let v: f64 = 0.0;
  for (let c = 0; c < nH; c++) {
    let debt: f64 = 0.0;
    let has = false;
    for (let k = 0; k < nT; k++) if (<i32>unchecked(T[k * T_STRIDE + T_SPV]) - 1 == c) { has = true; debt = debt + unchecked(OUT[k]) + (unchecked(OUT[k]) > 0.0 ? accrued(k, t) : 0.0); }
    const value = hostingContractValueUsd(c, t, rate);
    v = v + (has ? Math.max(0.0, unchecked(SPV_CASH[c]) + value - debt) : value);
  }
  return v;
}

export function recoveryEstateUsd(): f64 { return estateUsd; }
/** Claim and amount recovered of tranche k at the last default (white-box tests). */
export function trancheClaimUsd(k: i32): f64 { return unchecked(CLAIM[k]); }
export function trancheRecoveredUsd(k: i32): f64 { return unchecked(RECOVERED[k]) + unsecuredRate * (unchecked(CLAIM[k]) - unchecked(RECOVERED[k])); }
export function recoveryUnsecuredRate(): f64 { return unsecuredRate; }
export function recoveryClaimsUsd(): f64 { return claimsUsd; }
export function recoveryLossUsd(): f64 { return lossUsd; }
export function defaultCause(): i32 { return cause; }
export function conversionCount(): f64 { return conversions; }
export function refinancingCount(): f64 { return refinancings; }
export function atmRaisedUsd(): f64 { return atmUsd; }
export function defaultTranche(): i32 { return causeTranche; }
export function marginEventCount(): f64 { return marginEvents; }
export function debtOutstanding(): f64 {
  let s: f64 = 0.0;
  const n = <i32>unchecked(P[P_N_TRANCHE]) + nRefi;
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
