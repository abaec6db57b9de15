// Fleet refresh (model-spec §10; docs/model.md "Fleet refresh"): ASIC prices that track hashprice, a frontier
// efficiency that improves every day, capex policies (holdShare, budget) funded from cash above the treasury buffer
// or from an equipment facility, delivery lags, hash degradation and economic retirement of machines that do not
// cover their power. With policy `none` nothing here acts: the fleet is the static §5/§9 stress-view fleet.
//
// The live fleet is G itself, so every reader of G (operations here in miner.ts, recovery's fleet value) sees it:
// rows 0 … nGen−1 are the host's generations (G_HASH_EHS degrades in place and is restored from G_HASH0_EHS at each
// path start; 0 once retired economically), rows nGen … MAX_GEN−1 hold machines bought during the path (emptied at
// each path start by refreshFleetReset, which minerReset calls). Arrival and retirement days of every row are kept
// here (FLEET_ARRIVE, FLEET_RETIRE); miner.ts (and hosting.ts) walk the rows in FLEET_ORDER, most efficient first.
// Portable AssemblyScript.
import { P, G, FIRM, CASH, MONTH_END, T, Y } from './params';
import { P_REFRESH_BASE, P_N_GEN, P_MONTHS, P_CAP_MW, P_UPTIME, P_POOL_FEE, P_HASHRATE0_EHS, P_BUFFER_DAYS, P_SGA_PER_DAY,
  P_SGA_PER_EHS_DAY, P_OTHER_OPEX, P_N_TRANCHE, P_N_PAY, MAX_GEN, MAX_MONTHS, G_STRIDE, G_HASH_EHS, G_JPTH,
  G_RETIRE_DAY, T_STRIDE, T_RATE, Y_STRIDE, Y_DAY, Y_TRANCHE, Y_YEARFRAC, Y_PRINCIPAL, Y_FINAL } from './layout';
import { networkHashrateEhs } from './network';
import { hostingFirmMiningMw } from './hosting';
import { trancheOutstanding, refinancingCount } from './capital';

// ---- scalar parameters in the refresh block P[P_REFRESH_BASE …] (written by compile.ts) ----
export const PR_POLICY: i32 = P_REFRESH_BASE + 0; // POLICY_*
export const PR_BUDGET: i32 = P_REFRESH_BASE + 1; // USD per quarter (budget policy)
export const PR_FUNDING: i32 = P_REFRESH_BASE + 2; // 0 cash above the treasury buffer, 1 facility
export const PR_FAC_RATE: i32 = P_REFRESH_BASE + 3; // facility interest, per year
export const PR_FAC_TERM: i32 = P_REFRESH_BASE + 4; // months over which each draw amortises (whole)
export const PR_FAC_LIMIT: i32 = P_REFRESH_BASE + 5; // largest facility balance, USD
export const PR_FRONTIER_J0: i32 = P_REFRESH_BASE + 6; // frontier J/TH at the start
export const PR_FRONTIER_DAY: i32 = P_REFRESH_BASE + 7; // daily factor of the frontier J/TH, (1 − improvement)^(1/365.25)
export const PR_PRICE_DAYS: i32 = P_REFRESH_BASE + 8; // frontier ASIC price = this × hashprice in USD per TH per day …
export const PR_PRICE_FLOOR: i32 = P_REFRESH_BASE + 9; // … but at least this, USD per TH
export const PR_DEGRADE_DAY: i32 = P_REFRESH_BASE + 10; // daily factor of hashrate, (1 − degradation)^(1/365.25)
export const PR_RETIRE_DAYS: i32 = P_REFRESH_BASE + 11; // consecutive uneconomic days that retire a row (0: never)
export const PR_DELIVERY: i32 = P_REFRESH_BASE + 12; // days from purchase to the first day a machine runs
export const PR_POWER_LIMIT: i32 = P_REFRESH_BASE + 13; // 1: buy only what the power capacity can run
export const PR_SIZE: i32 = 14; // P[P_REFRESH_BASE + 14 … 15] spare

export const POLICY_NONE: i32 = 0;
export const POLICY_HOLD_SHARE: i32 = 1;
export const POLICY_BUDGET: i32 = 2;
export const FUNDING_CASH: i32 = 0;
export const FUNDING_FACILITY: i32 = 1;

/** Spare slot of each G row: the host writes the nameplate at the start there (compile.ts). */
export const G_HASH0_EHS: i32 = 3;
export const MAX_DELIVERY_DAYS: i32 = 730;
export const MAX_FACILITY_MONTHS: i32 = 120;
/** Retirement day of a row that never retires (as compile.ts writes it). */
const NEVER: f64 = 1.0e9;
const TH_PER_EHS: f64 = 1.0e6;
/** MWh per day drawn by one PH/s at 1 J/TH (miner.ts's MWH_PER_PH_DAY_PER_JPTH; not imported: miner.ts imports us). */
const MWH_PER_PH_DAY_PER_JPTH: f64 = 0.024;
/** Refinancing notes pay semi-annually (capital.ts); the buffer counts one full coupon for each outstanding one. */
const REFI_COUPON_YEARS: f64 = 182.0 / 365.25;

/** First day row g runs (0 for the host's rows) and the first day it no longer runs (runs on days t < retire). */
export const FLEET_ARRIVE = new Float64Array(MAX_GEN);
export const FLEET_RETIRE = new Float64Array(MAX_GEN);
/** Rows 0 … fleetRowCount()−1 by efficiency (J/TH ascending, ties by row). */
export const FLEET_ORDER = new Int32Array(MAX_GEN);
const UNECON = new Int32Array(MAX_GEN); // consecutive uneconomic days of each row in service
const HRING_SIZE: i32 = MAX_DELIVERY_DAYS + 1;
const HRING = new Float64Array(HRING_SIZE); // network hashrate of the last days, for holdShare's forecast
/** Facility installments ending after the payment at the start of month m. */
const FAC_EXPIRE = new Float64Array(MAX_MONTHS + MAX_FACILITY_MONTHS + 2);

let policy: i32 = 0;
let nGen: i32 = 0;
let nRows: i32 = 0;
let months: i32 = 0;
let nextMonth: i32 = 1; // month whose first day is the next month start
let lastDay: i32 = 0;
let share0: f64 = 0.0;
let frontierJ: f64 = 0.0; // today's frontier J/TH
let frontierPrice: f64 = 0.0; // today's frontier ASIC price, USD per TH
let capexUsd: f64 = 0.0;
let facBalance: f64 = 0.0;
let facAccrued: f64 = 0.0;
let facAccruedTo: f64 = 0.0;
let facInstallment: f64 = 0.0;
let payPtr: i32 = 0;
let marginalUsdPerMwh: f64 = 0.0; // the latest marginal power price (miner.ts notes it at reset and each day)

/**
 * The live fleet at a path start, called by minerReset (so operations never see a previous path's rows): the host's
 * rows restored (an active policy changes them during a path), rows for purchases emptied, the efficiency order.
 */
export function refreshFleetReset(): void {
  const active = <i32>unchecked(P[PR_POLICY]) != POLICY_NONE;
  nGen = <i32>unchecked(P[P_N_GEN]);
  nRows = nGen;
  for (let g = 0; g < MAX_GEN; g++) {
    const o = (g * G_STRIDE) | 0;
    unchecked(FLEET_ORDER[g] = g);
    unchecked(UNECON[g] = 0);
    unchecked(FLEET_ARRIVE[g] = 0.0);
    if (g < nGen) {
      if (active) unchecked(G[o + G_HASH_EHS] = unchecked(G[o + G_HASH0_EHS]));
      unchecked(FLEET_RETIRE[g] = unchecked(G[o + G_RETIRE_DAY]));
    } else {
      // Rows for purchases start empty (also for readers of G that scan every row).
      unchecked(G[o + G_HASH_EHS] = 0.0);
      unchecked(G[o + G_JPTH] = 0.0);
      unchecked(G[o + G_RETIRE_DAY] = 0.0);
      unchecked(FLEET_RETIRE[g] = 0.0);
    }
  }
}

/** The policy's state at a path start (simulate.ts calls it after minerReset). */
export function refreshReset(): void {
  policy = <i32>unchecked(P[PR_POLICY]);
  months = <i32>unchecked(P[P_MONTHS]);
  let nameplate: f64 = 0.0;
  const n = <i32>unchecked(P[P_N_GEN]);
  for (let g = 0; g < n; g++) nameplate = nameplate + unchecked(G[((g * G_STRIDE) | 0) + G_HASH0_EHS]);
  share0 = nameplate / unchecked(P[P_HASHRATE0_EHS]);
  nextMonth = 1;
  lastDay = 0;
  frontierJ = unchecked(P[PR_FRONTIER_J0]);
  frontierPrice = unchecked(P[PR_PRICE_FLOOR]);
  capexUsd = 0.0;
  facBalance = 0.0;
  facAccrued = 0.0;
  facAccruedTo = 0.0;
  facInstallment = 0.0;
  payPtr = 0;
  if (policy != POLICY_NONE && unchecked(P[PR_FUNDING]) > 0.5)
    for (let m = 0; m < MAX_MONTHS + MAX_FACILITY_MONTHS + 2; m++) unchecked(FAC_EXPIRE[m] = 0.0);
}

/** miner.ts: the marginal power price at its reset and of each day's operations (purchases use the latest). */
export function refreshNoteMarginal(usdPerMwh: f64): void { marginalUsdPerMwh = usdPerMwh; }

/** Rows in use (the host's generations, then rows for purchases). */
export function fleetRowCount(): i32 { return nRows; }
/** Today's frontier efficiency, J/TH. */
export function frontierJPerTh(): f64 { return frontierJ; }
/** Today's frontier ASIC price, USD per TH: max(floor, priceDays × hashprice per TH per day). */
export function frontierAsicUsdPerTh(): f64 { return frontierPrice; }

/** Today's price of a machine of `jPerTh`: the frontier price × (frontier J/TH ÷ its J/TH), never above the frontier's. */
export function asicUsdPerTh(jPerTh: f64): f64 {
  return frontierPrice * Math.min(1.0, frontierJ / jPerTh);
}

/** Nameplate EH/s of the rows in service on day t (delivered, not retired). */
export function fleetNameplateEhs(t: i32): f64 {
  const ft = <f64>t;
  let s: f64 = 0.0;
  for (let g = 0; g < nRows; g++)
    if (ft >= unchecked(FLEET_ARRIVE[g]) && ft < unchecked(FLEET_RETIRE[g])) s = s + unchecked(G[((g * G_STRIDE) | 0) + G_HASH_EHS]);
  return s;
}

/** The row's machines are sold at today's ASIC price for their efficiency; proceeds to cash. */
function sellRow(g: i32): void {
  const o = (g * G_STRIDE) | 0;
  const usd = unchecked(G[o + G_HASH_EHS]) * TH_PER_EHS * asicUsdPerTh(unchecked(G[o + G_JPTH]));
  unchecked(FIRM[CASH] = unchecked(FIRM[CASH]) + usd);
}

/**
 * Called by minerDay for each row in service on day t when economic retirement is on: after `retireDays`
 * consecutive days on which the row's revenue per MWh is below the marginal power price it is retired at the end
 * of the day (FLEET_RETIRE = t + 1) and sold at the day's ASIC price; its hashrate in G becomes 0.
 */
export function refreshUneconomic(g: i32, t: i32, uneconomic: bool): void {
  if (!uneconomic) { unchecked(UNECON[g] = 0); return; }
  const n = unchecked(UNECON[g]) + 1;
  unchecked(UNECON[g] = n);
  if (<f64>n < unchecked(P[PR_RETIRE_DAYS])) return;
  sellRow(g);
  unchecked(G[((g * G_STRIDE) | 0) + G_HASH_EHS] = 0.0);
  unchecked(FLEET_RETIRE[g] = <f64>(t + 1));
  unchecked(UNECON[g] = 0);
}

/**
 * Day t, before operations: the day's frontier and ASIC price; degradation of every row in service yesterday and
 * today; sale of rows retiring today by date; at the start of each month the facility's payment and the policy's
 * purchase (holdShare every month, budget every third month from day 1) if a frontier machine would run.
 */
export function refreshDay(t: i32, price: f64, btcPerPhDay: f64): void {
  lastDay = t;
  if (policy == POLICY_NONE) return;
  const ft = <f64>t;
  frontierJ = frontierJ * unchecked(P[PR_FRONTIER_DAY]);
  frontierPrice = Math.max(unchecked(P[PR_PRICE_FLOOR]), unchecked(P[PR_PRICE_DAYS]) * price * btcPerPhDay / 1000.0);
  const degrade = unchecked(P[PR_DEGRADE_DAY]);
  for (let g = 0; g < nRows; g++) {
    const o = (g * G_STRIDE) | 0;
    const retire = unchecked(FLEET_RETIRE[g]);
    if (unchecked(FLEET_ARRIVE[g]) < ft && ft < retire) unchecked(G[o + G_HASH_EHS] = unchecked(G[o + G_HASH_EHS]) * degrade);
    else if (ft == retire && unchecked(G[o + G_HASH_EHS]) > 0.0) sellRow(g);
  }
  if (policy == POLICY_HOLD_SHARE) unchecked(HRING[t % HRING_SIZE] = networkHashrateEhs());
  if (nextMonth > months || t != unchecked(MONTH_END[nextMonth - 1]) + 1) return;
  const m = nextMonth;
  nextMonth = nextMonth + 1;
  const facility = unchecked(P[PR_FUNDING]) > 0.5;
  if (facility && m > 1) facilityPayment(t, m);
  // Machines are bought only when a frontier machine would run: its revenue per MWh at today's hashprice covers the
  // latest marginal power price (that of yesterday's operations).
  const hashpriceNet = price * btcPerPhDay * (1.0 - unchecked(P[P_POOL_FEE]));
  if (hashpriceNet / (MWH_PER_PH_DAY_PER_JPTH * frontierJ) < marginalUsdPerMwh) return;
  if (policy == POLICY_HOLD_SHARE) buy(t, m, holdShareUsd(t), facility);
  else if (policy == POLICY_BUDGET && (m - 1) % 3 == 0) buy(t, m, unchecked(P[PR_BUDGET]), facility);
}

/**
 * holdShare: machines (at today's frontier price) that bring the fleet in service at delivery — rows not retired
 * by then, orders in transit included — to the start share of the network hashrate expected at delivery (today's,
 * times its growth over the last deliveryDays; today's in the first deliveryDays).
 */
function holdShareUsd(t: i32): f64 {
  const delivery = <i32>unchecked(P[PR_DELIVERY]);
  const h = networkHashrateEhs();
  let growth: f64 = 1.0;
  if (delivery > 0 && t > delivery) growth = h / unchecked(HRING[(t - delivery) % HRING_SIZE]);
  const arrival = <f64>(t + delivery);
  let committed: f64 = 0.0;
  for (let g = 0; g < nRows; g++) if (unchecked(FLEET_RETIRE[g]) > arrival) committed = committed + unchecked(G[((g * G_STRIDE) | 0) + G_HASH_EHS]);
  return (share0 * h * growth - committed) * TH_PER_EHS * frontierPrice;
}

/**
 * The treasury buffer (§11.7) the purchase must leave in cash: bufferDays × overhead — counting every machine in
 * service as running, so never below the treasury's own — plus the interest and amortisation of debt[] due on days
 * t … t + bufferDays − 1 (final principal excluded) and a full coupon of each outstanding refinancing note.
 */
export function refreshBufferUsd(t: i32): f64 {
  const days = unchecked(P[P_BUFFER_DAYS]);
  const np = fleetNameplateEhs(t);
  const overhead = unchecked(P[P_SGA_PER_DAY]) + unchecked(P[P_SGA_PER_EHS_DAY]) * np + unchecked(P[P_OTHER_OPEX]) * np * 1000.0 * unchecked(P[P_UPTIME]);
  const horizon = <f64>t + days - 1.0;
  const nPay = <i32>unchecked(P[P_N_PAY]);
  while (payPtr < nPay && unchecked(Y[((payPtr * Y_STRIDE) | 0) + Y_DAY]) < <f64>t) payPtr++;
  let due: f64 = 0.0;
  for (let i = payPtr; i < nPay; i++) {
    const o = (i * Y_STRIDE) | 0;
    if (unchecked(Y[o + Y_DAY]) > horizon) break;
    const k = <i32>unchecked(Y[o + Y_TRANCHE]);
    const out = trancheOutstanding(k);
    if (out <= 0.0) continue;
    due = due + out * unchecked(T[((k * T_STRIDE) | 0) + T_RATE]) * unchecked(Y[o + Y_YEARFRAC]);
    if (unchecked(Y[o + Y_FINAL]) < 0.5) due = due + Math.min(unchecked(Y[o + Y_PRINCIPAL]), out);
  }
  const nT = <i32>unchecked(P[P_N_TRANCHE]);
  const nRefi = <i32>refinancingCount();
  for (let k = nT; k < nT + nRefi; k++) {
    const out = trancheOutstanding(k);
    if (out > 0.0) due = due + out * unchecked(T[((k * T_STRIDE) | 0) + T_RATE]) * REFI_COUPON_YEARS;
  }
  return days * overhead + due;
}

/** Facility interest accrued up to day t on the balance outstanding since the last accrual. */
function facilityAccrue(t: i32): void {
  facAccrued = facAccrued + facBalance * unchecked(P[PR_FAC_RATE]) * (<f64>t - facAccruedTo) / 365.25;
  facAccruedTo = <f64>t;
}

/** First day of month m: the facility's accrued interest and the installments of its draws, paid from cash. */
function facilityPayment(t: i32, m: i32): void {
  facilityAccrue(t);
  const principal = Math.max(0.0, Math.min(facBalance, facInstallment));
  unchecked(FIRM[CASH] = unchecked(FIRM[CASH]) - (facAccrued + principal));
  facBalance = facBalance - principal;
  facAccrued = 0.0;
  facInstallment = facInstallment - unchecked(FAC_EXPIRE[m]);
}

/**
 * Buy up to `usd` of frontier machines on day t (the first day of month m): capped by what the power capacity can
 * run at delivery (if limited) and by the funding — cash above the buffer, or the facility's undrawn limit.
 */
function buy(t: i32, m: i32, usd: f64, facility: bool): void {
  if (!(usd > 0.0)) return;
  const price = frontierPrice;
  const delivery = unchecked(P[PR_DELIVERY]);
  const arrival = <f64>t + delivery;
  const uptime = unchecked(P[P_UPTIME]);
  let spend = usd;
  if (unchecked(P[PR_POWER_LIMIT]) > 0.5 && uptime > 0.0) {
    let mw: f64 = 0.0;
    for (let g = 0; g < nRows; g++) {
      const o = (g * G_STRIDE) | 0;
      if (unchecked(FLEET_RETIRE[g]) > arrival) mw = mw + unchecked(G[o + G_HASH_EHS]) * uptime * unchecked(G[o + G_JPTH]);
    }
    // The power left to mining after any hosting contract's gross load (hosting.ts).
    spend = Math.min(spend, (hostingFirmMiningMw(t) - mw) / (uptime * frontierJ) * TH_PER_EHS * price);
  }
  if (facility) spend = Math.min(spend, unchecked(P[PR_FAC_LIMIT]) - facBalance);
  else spend = Math.min(spend, unchecked(FIRM[CASH]) - refreshBufferUsd(t));
  if (!(spend > 0.0)) return;
  const row = newRow(t, spend / (TH_PER_EHS * price), arrival);
  if (row < 0) return;
  capexUsd = capexUsd + spend;
  if (facility) {
    facilityAccrue(t);
    facBalance = facBalance + spend;
    const term = <i32>unchecked(P[PR_FAC_TERM]);
    const installment = spend / <f64>term;
    facInstallment = facInstallment + installment;
    unchecked(FAC_EXPIRE[m + term] = unchecked(FAC_EXPIRE[m + term]) + installment);
  } else {
    unchecked(FIRM[CASH] = unchecked(FIRM[CASH]) - spend);
  }
}

/**
 * A row for `ehs` of frontier machines arriving on day `arrival`: a purchase row retired and sold, else a new row,
 * else (all MAX_GEN rows in use) the two delivered purchase rows bought first are merged into one (hashrate-weighted
 * J/TH, which keeps power and revenue) and the freed row is used; with fewer than two delivered, the purchase joins
 * the last purchase row, whose arrival moves to the new one's. Returns −1 if no row can take it (MAX_GEN host rows).
 */
function newRow(t: i32, ehs: f64, arrival: f64): i32 {
  const ft = <f64>t;
  let row = -1;
  for (let g = nGen; g < nRows; g++) if (unchecked(FLEET_RETIRE[g]) <= ft) { row = g; break; }
  if (row < 0 && nRows < MAX_GEN) { row = nRows; nRows++; }
  if (row < 0) {
    let a = -1;
    let b = -1;
    let last = -1;
    for (let g = nGen; g < nRows; g++) {
      const arr = unchecked(FLEET_ARRIVE[g]);
      if (last < 0 || arr >= unchecked(FLEET_ARRIVE[last])) last = g;
      if (arr > ft) continue;
      if (a < 0 || arr < unchecked(FLEET_ARRIVE[a])) { b = a; a = g; }
      else if (b < 0 || arr < unchecked(FLEET_ARRIVE[b])) b = g;
    }
    if (last < 0) return -1;
    if (b < 0) {
      mergeInto(last, ehs, frontierJ);
      unchecked(FLEET_ARRIVE[last] = Math.max(unchecked(FLEET_ARRIVE[last]), arrival));
      sortRows();
      return last;
    }
    const ob = (b * G_STRIDE) | 0;
    mergeInto(a, unchecked(G[ob + G_HASH_EHS]), unchecked(G[ob + G_JPTH]));
    unchecked(FLEET_ARRIVE[a] = Math.min(unchecked(FLEET_ARRIVE[a]), unchecked(FLEET_ARRIVE[b])));
    const ua = unchecked(UNECON[a]);
    const ub = unchecked(UNECON[b]);
    unchecked(UNECON[a] = ua < ub ? ua : ub);
    row = b;
  }
  const o = (row * G_STRIDE) | 0;
  unchecked(G[o + G_HASH_EHS] = ehs);
  unchecked(G[o + G_JPTH] = frontierJ);
  unchecked(G[o + G_RETIRE_DAY] = NEVER);
  unchecked(FLEET_ARRIVE[row] = arrival);
  unchecked(FLEET_RETIRE[row] = NEVER);
  unchecked(UNECON[row] = 0);
  sortRows();
  return row;
}

/** Add `ehs` at `jPerTh` to row g, with the hashrate-weighted J/TH (total power unchanged). */
function mergeInto(g: i32, ehs: f64, jPerTh: f64): void {
  const o = (g * G_STRIDE) | 0;
  const h = unchecked(G[o + G_HASH_EHS]);
  const total = h + ehs;
  if (total > 0.0) unchecked(G[o + G_JPTH] = (h * unchecked(G[o + G_JPTH]) + ehs * jPerTh) / total);
  unchecked(G[o + G_HASH_EHS] = total);
}

/** FLEET_ORDER = rows 0 … nRows−1 by J/TH ascending, ties by row (insertion sort: at most MAX_GEN rows). */
function sortRows(): void {
  for (let i = 0; i < nRows; i++) unchecked(FLEET_ORDER[i] = i);
  for (let i = 1; i < nRows; i++) {
    const v = unchecked(FLEET_ORDER[i]);
    const jv = unchecked(G[((v * G_STRIDE) | 0) + G_JPTH]);
    let k = i - 1;
    while (k >= 0 && unchecked(G[((unchecked(FLEET_ORDER[k]) * G_STRIDE) | 0) + G_JPTH]) > jv) {
      unchecked(FLEET_ORDER[k + 1] = unchecked(FLEET_ORDER[k]));
      k--;
    }
    unchecked(FLEET_ORDER[k + 1] = v);
  }
}

/** Facility balance outstanding (USD), for tests and reports. */
export function refreshFacilityUsd(): f64 { return facBalance; }

/** Per-path outputs written into the record at R_REFRESH_BASE … +1: capex spent (USD), nameplate EH/s at the end. */
export function refreshRecord(i: i32): f64 {
  return i == 0 ? capexUsd : fleetNameplateEhs(lastDay);
}
