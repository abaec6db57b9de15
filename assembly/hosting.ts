// AI/HPC hosting contracts and dynamic load management (model-spec §10; docs/model.md "AI/HPC hosting and dynamic
// load"). Portable AssemblyScript, shared with the TypeScript twin. Randomness only from the `hosting` stream (build
// delays at signing, the daily utilisation noise) and the `tenant` stream (the tenant's default time), so adding a
// contract leaves every other factor's draws unchanged (§2).
//
// Hooks called by simulate.ts: hostingReset() at the start of a path; hostingDay() each day before operations (adds
// the day's equity capex and NOI to FIRM and returns the MW of site power available to mining today);
// hostingRecord(i) at the end of the path. The project loan of a contract is an ordinary term_loan tranche laid out
// by the host (src/model/compile.ts), paid and defaulted on by capital.ts like any other.
import { P, G, FIRM, CASH } from './params';
import { P_CAP_MW, P_HOSTING_BASE, P_UPTIME, P_POOL_FEE, G_STRIDE, G_HASH_EHS, G_JPTH } from './layout';
import { F_HOSTING, F_TENANT, normal, uniform } from './rng';
import { exp, log } from './mathx';
import { networkBtcPerPhDay } from './network';
import { marginalPowerUsdPerMwh, MWH_PER_PH_DAY_PER_JPTH } from './miner';
import { FLEET_ORDER, FLEET_ARRIVE, FLEET_RETIRE, fleetRowCount } from './refresh';

// ---- scalar parameters in the hosting block P[P_HOSTING_BASE …] (written by compile.ts) ----
export const PH_N: i32 = P_HOSTING_BASE + 0; // number of contracts
export const PH_U_MEAN: i32 = P_HOSTING_BASE + 1; // mean utilisation of the AI load
export const PH_U_AMP: i32 = P_HOSTING_BASE + 2; // seasonal amplitude
export const PH_U_SD: i32 = P_HOSTING_BASE + 3; // daily noise sd
export const PH_U_MIN: i32 = P_HOSTING_BASE + 4;
export const PH_U_MAX: i32 = P_HOSTING_BASE + 5;
export const PH_SEASON_DAY0: i32 = P_HOSTING_BASE + 6; // day 0's distance in days from the seasonal peak
export const PH_PHASES: i32 = P_HOSTING_BASE + 7; // build phases that can each slip (2: build, energise)

// ---- per-contract table HC[c*HC_STRIDE + …] (written by compile.ts; day indexes relative to the start) ----
export const MAX_HOSTING: i32 = 32;
export const HC_MW_IT: i32 = 0;
export const HC_GROSS_MW: i32 = 1; // site power taken from mining from the signing day: grossToIt × MW IT
export const HC_SIGN_DAY: i32 = 2; // signing = build start (may be ≤ 0: signed before the start)
export const HC_RENT_DAY0: i32 = 3; // scheduled first-rent day (signing + monthsToFirstRent calendar months)
export const HC_RENT_PER_DAY: i32 = 4; // lease-year-1 rent, USD per day: usdPerMwItYear × MW IT / 365.25
export const HC_ESCALATOR: i32 = 5; // per lease year
export const HC_NOI: i32 = 6; // NOI margin
export const HC_CAPEX_PER_DAY: i32 = 7; // the equity share of capex, paid from cash on days (signing, first rent]
export const HC_DELAY_P: i32 = 8; // chance that a phase misses its milestone (each miss is followed by another draw)
export const HC_DELAY_MONTHS: i32 = 9; // slip per missed milestone
export const HC_MAX_DELAY_MONTHS: i32 = 10; // the tenant terminates when the total delay is longer
export const HC_TERM_DAYS: i32 = 11; // lease term from the first rent
export const HC_HAZARD: i32 = 12; // tenant default hazard per year, from the first rent
export const HC_BACKSTOP: i32 = 13; // USD of rent a guarantor pays after a tenant default (0: none)
export const HC_RELET_DAYS: i32 = 14; // empty days before a re-let
export const HC_RELET_KEEP: i32 = 15; // re-let rent as a share of the contract rent: 1 − reletDiscount
export const HC_INTERRUPTIBLE: i32 = 16; // share of the AI load's slack that mining may use
export const HC_SPV: i32 = 17; // 1: the contract sits in a non-recourse SPV (it has SPV debt); its NOI services that debt
export const HC_STRIDE: i32 = 20;
/** The per-contract table the host fills (exported to it through index.ts / kernel.ts). */
export const HC = new Float64Array(MAX_HOSTING * HC_STRIDE);

/** Days in an average calendar month, for delays drawn in months. */
export const DAYS_PER_MONTH: f64 = 30.4375;
/** At most this many slips per phase are drawn (40 × 6 months is past any horizon). */
const MAX_SLIPS: i32 = 40;
const NEVER: f64 = 1.0e9;
const TWO_PI: f64 = 6.283185307179586;

// ---- per-path state ----
const READY = new Float64Array(MAX_HOSTING); // first-rent day after delays
const LEASE_END = new Float64Array(MAX_HOSTING); // rent is due on days READY ≤ t < LEASE_END
const TENANT_OUT = new Float64Array(MAX_HOSTING); // first day the original tenant does not pay (NEVER if it never defaults)
const BACKSTOP_LEFT = new Float64Array(MAX_HOSTING);
const RELET_FROM = new Float64Array(MAX_HOSTING); // a new tenant pays from this day (NEVER until the hall is empty)
const FACTOR = new Float64Array(MAX_HOSTING); // (1 + escalator)^(lease year)
const NEXT_ANNIV = new Float64Array(MAX_HOSTING);
const TERMINATED = new Float64Array(MAX_HOSTING);
const DELAY = new Float64Array(MAX_HOSTING); // drawn delay, months
const TENANT_DEFAULTED = new Float64Array(MAX_HOSTING); // 1 once the original tenant has stopped paying
/** SPV cash of each contract in a non-recourse SPV (its NOI accrues here, its debt is paid from here). */
export const SPV_CASH = new Float64Array(MAX_HOSTING);
/** NOI received by each SPV in the four quarters of the DSCR window (ring by quarter). */
export const SPV_Q_NOI = new Float64Array(MAX_HOSTING * 4);
/** 1 once the SPV's lenders have taken the contract (its NOI no longer reaches the firm). */
const SEIZED = new Float64Array(MAX_HOSTING);

let nH: i32 = 0;
let noiTotal: f64 = 0.0;
let noiToday: f64 = 0.0; // NOI of the day of every contract the firm still owns (in an SPV or not)
let slackRevenue: f64 = 0.0;
let util: f64 = 0.0;
// The slack of day t is valued once that day's operations have run (at the next hook call).
let pending = false;
let pendT: i32 = 0;
let pendFirm: f64 = 0.0;
let pendCap: f64 = 0.0;
let pendPrice: f64 = 0.0;
let pendBtcPerPh: f64 = 0.0;

/** cos(2π·turns): range reduction to [−π, π) and the Taylor series to x^28 (error below 1e-15), + − × ÷ only. */
export function cos2pi(turns: f64): f64 {
  const r = turns - Math.floor(turns);
  const x = TWO_PI * (r - 0.5);
  const x2 = x * x;
  let s: f64 = 1.0;
  for (let k = 14; k >= 1; k--) {
    const d = ((2 * k - 1) * (2 * k)) | 0;
    s = 1.0 - x2 / <f64>d * s;
  }
  return -s; // cos(2πr) = −cos(2π(r − ½))
}

export function hostingReset(): void {
  nH = <i32>unchecked(P[PH_N]);
  noiTotal = 0.0;
  slackRevenue = 0.0;
  util = unchecked(P[PH_U_MEAN]);
  pending = false;
  const phases = <i32>unchecked(P[PH_PHASES]);
  for (let c = 0; c < nH; c++) {
    const o = (c * HC_STRIDE) | 0;
    // Build delays, drawn at signing on the `hosting` stream: each phase misses its milestone with probability p,
    // and every miss (a slip of delayMonths) is followed by another chance to miss.
    const p = unchecked(HC[o + HC_DELAY_P]);
    let slips: f64 = 0.0;
    for (let ph = 0; ph < phases; ph++) {
      let k = 0;
      while (k < MAX_SLIPS && uniform(F_HOSTING) < p) k++;
      slips = slips + <f64>k;
    }
    const delayMonths = slips * unchecked(HC[o + HC_DELAY_MONTHS]);
    const terminated = delayMonths > unchecked(HC[o + HC_MAX_DELAY_MONTHS]);
    const ready = unchecked(HC[o + HC_RENT_DAY0]) + Math.floor(delayMonths * DAYS_PER_MONTH + 0.5);
    unchecked(DELAY[c] = delayMonths);
    unchecked(READY[c] = ready);
    unchecked(LEASE_END[c] = ready + unchecked(HC[o + HC_TERM_DAYS]));
    unchecked(TERMINATED[c] = terminated ? 1.0 : 0.0);
    unchecked(FACTOR[c] = 1.0);
    unchecked(NEXT_ANNIV[c] = ready + 365.25);
    unchecked(TENANT_DEFAULTED[c] = 0.0);
    unchecked(SPV_CASH[c] = 0.0);
    unchecked(SEIZED[c] = 0.0);
    for (let q = 0; q < 4; q++) unchecked(SPV_Q_NOI[c * 4 + q] = 0.0);
    // Tenant default time from the first rent, exponential with the hazard, on the `tenant` stream (one draw per
    // contract whatever the hazard, so changing it keeps the draws in step).
    const u = uniform(F_TENANT);
    const hazard = unchecked(HC[o + HC_HAZARD]);
    const tau = hazard > 0.0 ? ready + (-log(u) / hazard) * 365.25 : NEVER;
    const reletDays = unchecked(HC[o + HC_RELET_DAYS]);
    if (terminated) {
      // The tenant walks away when the delivery is more than the maximum late: no rent from it, no backstop (the
      // delay is the miner's); the hall is re-let reletMonths after it is finally ready.
      unchecked(TENANT_OUT[c] = ready);
      unchecked(BACKSTOP_LEFT[c] = 0.0);
      unchecked(RELET_FROM[c] = ready + reletDays);
    } else {
      const out = tau < NEVER ? -Math.floor(-tau) : NEVER; // first whole day at or after τ
      const backstop = unchecked(HC[o + HC_BACKSTOP]);
      unchecked(TENANT_OUT[c] = out);
      unchecked(BACKSTOP_LEFT[c] = backstop);
      unchecked(RELET_FROM[c] = backstop > 0.0 || out >= NEVER ? NEVER : out + reletDays);
    }
  }
}

/**
 * PH/s the fleet runs under a power cap of `capMw` on day t: miner.ts's fill — the live fleet of refresh.ts (rows in
 * FLEET_ORDER, most efficient first, each from its arrival day to the day before its retirement), curtailment by
 * hashprice against the marginal power price, the last row running partly.
 */
function fleetPhUnder(t: i32, capMw: f64, hashpriceNet: f64, marginal: f64): f64 {
  const uptime = unchecked(P[P_UPTIME]);
  const rows = fleetRowCount();
  const ft = <f64>t;
  let capLeft = capMw;
  let ph: f64 = 0.0;
  for (let k = 0; k < rows; k++) {
    const g = unchecked(FLEET_ORDER[k]);
    if (ft >= unchecked(FLEET_RETIRE[g]) || ft < unchecked(FLEET_ARRIVE[g])) continue;
    const o = (g * G_STRIDE) | 0;
    const ehs = unchecked(G[o + G_HASH_EHS]);
    const jPerTh = unchecked(G[o + G_JPTH]);
    if (hashpriceNet / (MWH_PER_PH_DAY_PER_JPTH * jPerTh) < marginal || capLeft <= 0.0) continue;
    const mw = ehs * uptime * jPerTh;
    const frac = mw > capLeft ? capLeft / mw : 1.0;
    ph = ph + ehs * 1000.0 * uptime * frac;
    capLeft = capLeft - mw * frac;
  }
  return ph;
}

/**
 * Revenue of the MW above the firm capacity on the pending day: the fleet's production under the capacity mining had
 * (firm + slack) less its production under the firm capacity alone, at that day's price, hashprice and marginal power
 * price (still the miner's state: operations of the pending day have run, the next day's have not).
 */
function settlePending(): void {
  if (!pending) return;
  pending = false;
  const poolFee = unchecked(P[P_POOL_FEE]);
  const hashpriceNet = pendPrice * pendBtcPerPh * (1.0 - poolFee);
  const marginal = marginalPowerUsdPerMwh();
  const extraPh = fleetPhUnder(pendT, pendCap, hashpriceNet, marginal) - fleetPhUnder(pendT, pendFirm, hashpriceNet, marginal);
  slackRevenue = slackRevenue + extraPh * pendBtcPerPh * (1.0 - poolFee) * pendPrice;
}

/**
 * Day t of hosting, before operations: equity capex during the build, rent (escalated each lease year) × NOI margin
 * from the first rent, tenant default with backstop or re-let, and the site power left to mining: capacity less the
 * gross power of every contract signed, plus the interruptible slack x·(1 − u_t)·grossMW of each leased hall.
 */
export function hostingDay(t: i32, price: f64): f64 {
  settlePending();
  noiToday = 0.0;
  const capMw = unchecked(P[P_CAP_MW]);
  if (nH == 0) return capMw;
  const ft = <f64>t;
  // The AI load's utilisation today (one draw a day on the `hosting` stream): seasonal mean plus noise, clipped.
  let u = unchecked(P[PH_U_MEAN]) + unchecked(P[PH_U_AMP]) * cos2pi((ft + unchecked(P[PH_SEASON_DAY0])) / 365.25) + unchecked(P[PH_U_SD]) * normal(F_HOSTING);
  u = Math.min(Math.max(u, unchecked(P[PH_U_MIN])), unchecked(P[PH_U_MAX]));
  util = u;
  let reserved: f64 = 0.0;
  let slack: f64 = 0.0;
  let cash: f64 = 0.0;
  for (let c = 0; c < nH; c++) {
    const o = (c * HC_STRIDE) | 0;
    const sign = unchecked(HC[o + HC_SIGN_DAY]);
    const gross = unchecked(HC[o + HC_GROSS_MW]);
    if (ft >= sign) reserved = reserved + gross;
    if (ft > sign && ft <= unchecked(HC[o + HC_RENT_DAY0])) cash = cash - unchecked(HC[o + HC_CAPEX_PER_DAY]);
    if (ft < unchecked(READY[c]) || ft >= unchecked(LEASE_END[c])) continue;
    while (ft >= unchecked(NEXT_ANNIV[c])) {
      unchecked(FACTOR[c] = unchecked(FACTOR[c]) * (1.0 + unchecked(HC[o + HC_ESCALATOR])));
      unchecked(NEXT_ANNIV[c] = unchecked(NEXT_ANNIV[c]) + 365.25);
    }
    const rent = unchecked(HC[o + HC_RENT_PER_DAY]) * unchecked(FACTOR[c]);
    let paid: f64 = 0.0;
    let leased = true;
    if (ft < unchecked(TENANT_OUT[c])) {
      paid = rent;
    } else {
      if (unchecked(TERMINATED[c]) < 0.5) unchecked(TENANT_DEFAULTED[c] = 1.0);
      const left = unchecked(BACKSTOP_LEFT[c]);
      if (left > 0.0) {
        // The guarantor assumes the lease and pays the rent until its cap is used up; then the hall is empty.
        paid = Math.min(rent, left);
        unchecked(BACKSTOP_LEFT[c] = left - paid);
        if (left - paid <= 0.0) unchecked(RELET_FROM[c] = ft + 1.0 + unchecked(HC[o + HC_RELET_DAYS]));
      } else if (ft >= unchecked(RELET_FROM[c])) {
        paid = rent * unchecked(HC[o + HC_RELET_KEEP]);
      } else {
        leased = false;
      }
    }
    const noi = unchecked(HC[o + HC_NOI]) * paid;
    if (unchecked(SEIZED[c]) < 0.5) noiToday = noiToday + noi;
    if (unchecked(SEIZED[c]) > 0.5) {
      // The SPV's lenders own the hall now: its NOI is theirs.
    } else if (unchecked(HC[o + HC_SPV]) > 0.5) {
      unchecked(SPV_CASH[c] = unchecked(SPV_CASH[c]) + noi);
      const qi = c * 4 + ((<i32>Math.floor(ft / 91.3125)) % 4);
      unchecked(SPV_Q_NOI[qi] = unchecked(SPV_Q_NOI[qi]) + noi);
      noiTotal = noiTotal + noi;
    } else {
      cash = cash + noi;
      noiTotal = noiTotal + noi;
    }
    if (leased) slack = slack + unchecked(HC[o + HC_INTERRUPTIBLE]) * (1.0 - u) * gross;
  }
  unchecked(FIRM[CASH] = unchecked(FIRM[CASH]) + cash);
  const firm = Math.max(capMw - reserved, 0.0);
  const cap = Math.min(firm + slack, capMw);
  if (cap > firm) {
    pending = true;
    pendT = t;
    pendFirm = firm;
    pendCap = cap;
    pendPrice = price;
    pendBtcPerPh = networkBtcPerPhDay();
  }
  return cap;
}

/** Per-path outputs written into the record at R_HOSTING_BASE … +1: total NOI received, mining revenue from slack. */
export function hostingRecord(i: i32): f64 {
  settlePending();
  return i == 0 ? noiTotal : slackRevenue;
}

/**
 * Value on day t of the contracts' remaining NOI (for recovery at default, model-spec §10): the NOI the contracts
 * would pay on days t + 1 … lease end if nothing else happens — a tenant that has not defaulted by day t pays to the
 * end of its term (its future default is not anticipated), a guarantor pays up to what is left of its cap, a hall
 * already empty is re-let as scheduled; the build delays drawn at signing are part of the contract's state —
 * discounted at `ratePerYear` (annual compounding, day by day).
 */
export function hostingValueUsd(t: i32, ratePerYear: f64): f64 {
  let total: f64 = 0.0;
  for (let c = 0; c < nH; c++) total = total + hostingContractValueUsd(c, t, ratePerYear);
  return total;
}

/** hostingValueUsd of contract c alone; 0 once its SPV's lenders have taken it. */
export function hostingContractValueUsd(c: i32, t: i32, ratePerYear: f64): f64 {
  if (unchecked(SEIZED[c]) > 0.5) return 0.0;
  const v = exp(-log(1.0 + ratePerYear) / 365.25);
  let total: f64 = 0.0;
  {
    const o = (c * HC_STRIDE) | 0;
    const ready = unchecked(READY[c]);
    const end = unchecked(LEASE_END[c]);
    let factor = unchecked(FACTOR[c]);
    let anniv = unchecked(NEXT_ANNIV[c]);
    let left = unchecked(BACKSTOP_LEFT[c]);
    let reletFrom = unchecked(RELET_FROM[c]);
    const tenantOut = unchecked(TENANT_OUT[c]);
    const out = unchecked(TERMINATED[c]) > 0.5 || tenantOut <= <f64>t ? tenantOut : NEVER;
    let disc: f64 = 1.0;
    for (let d = <f64>t + 1.0; d < end; d = d + 1.0) {
      disc = disc * v;
      if (d < ready) continue;
      while (d >= anniv) { factor = factor * (1.0 + unchecked(HC[o + HC_ESCALATOR])); anniv = anniv + 365.25; }
      const rent = unchecked(HC[o + HC_RENT_PER_DAY]) * factor;
      let paid: f64 = 0.0;
      if (d < out) paid = rent;
      else if (left > 0.0) {
        paid = Math.min(rent, left);
        left = left - paid;
        if (left <= 0.0) reletFrom = d + 1.0 + unchecked(HC[o + HC_RELET_DAYS]);
      } else if (d >= reletFrom) paid = rent * unchecked(HC[o + HC_RELET_KEEP]);
      total = total + unchecked(HC[o + HC_NOI]) * paid * disc;
    }
  }
  return total;
}

/**
 * Firm site power left to mining on day t: capacityMw less the gross power of every contract signed by then (no
 * slack). For a refresh policy that buys only what the power can run (refresh.ts).
 */
export function hostingFirmMiningMw(t: i32): f64 {
  let reserved: f64 = 0.0;
  for (let c = 0; c < nH; c++) {
    const o = (c * HC_STRIDE) | 0;
    if (<f64>t >= unchecked(HC[o + HC_SIGN_DAY])) reserved = reserved + unchecked(HC[o + HC_GROSS_MW]);
  }
  return Math.max(unchecked(P[P_CAP_MW]) - reserved, 0.0);
}

// ---- state of the current path, for tests and reports ----
export function hostingCount(): i32 { return nH; }
export function hostingSeize(c: i32): void { unchecked(SEIZED[c] = 1.0); }
export function hostingSeized(c: i32): bool { return unchecked(SEIZED[c]) > 0.5; }
export function hostingReadyDay(c: i32): f64 { return unchecked(READY[c]); }
export function hostingDelayMonths(c: i32): f64 { return unchecked(DELAY[c]); }
export function hostingTerminated(c: i32): bool { return unchecked(TERMINATED[c]) > 0.5; }
/** First day the original tenant does not pay (1e9 when it never defaults; the ready day when terminated). */
export function hostingTenantOutDay(c: i32): f64 { return unchecked(TENANT_OUT[c]); }
export function hostingTenantDefaulted(c: i32): bool { return unchecked(TENANT_DEFAULTED[c]) > 0.5; }
/** Utilisation of the AI load on the last day simulated. */
export function hostingUtilisation(): f64 { return util; }
export function hostingNoiUsd(): f64 { return noiTotal; }
/** Today's NOI of the contracts the firm owns: part of consolidated EBITDA for the market-access test. */
export function hostingNoiTodayUsd(): f64 { return noiToday; }
