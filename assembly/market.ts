// BTC price processes (model-spec §3), daily steps of ln P on the `price` stream.
import { P } from './params';
import { P_PRICE_MODEL, P_DRIFT_DAY, P_VOL_DAY, P_DRIFT_TURB, P_VOL_TURB, P_M_LAMBDA, P_M_JMEAN, P_M_JSD, P_T_NU,
  P_R_PCT, P_R_PTC, P_R_START, P_R_STATIONARY_CALM, P_PRICE0 } from './layout';
import { F_PRICE, normal, uniform, poisson, studentT } from './rng';
import { log } from './mathx';

export const MODEL_GBM: i32 = 0;
export const MODEL_MERTON: i32 = 1;
export const MODEL_STUDENT_T: i32 = 2;
export const MODEL_REGIME: i32 = 3;

let model: i32 = 0;
let drift: f64 = 0.0;
let vol: f64 = 0.0;
let lnP: f64 = 0.0;
let turbulent = false;
/** The day's unit-variance price shock, which also drives power spot (§5, §11.2). */
let shock: f64 = 0.0;
let calmDays: f64 = 0.0;
let turbDays: f64 = 0.0;
let calmToTurb: f64 = 0.0;
let turbToCalm: f64 = 0.0;

export function marketReset(): void {
  model = <i32>unchecked(P[P_PRICE_MODEL]);
  drift = unchecked(P[P_DRIFT_DAY]);
  vol = unchecked(P[P_VOL_DAY]);
  lnP = log(unchecked(P[P_PRICE0]));
  shock = 0.0;
  calmDays = 0.0; turbDays = 0.0; calmToTurb = 0.0; turbToCalm = 0.0;
  if (model == MODEL_REGIME) {
    const start = <i32>unchecked(P[P_R_START]);
    if (start == 0) turbulent = uniform(F_PRICE) >= unchecked(P[P_R_STATIONARY_CALM]);
    else turbulent = start == 2;
  } else turbulent = false;
}

/** One day: returns ln P_t. Merton: (μ − σ_D²/2 − λk)Δ + σ_D√Δ·Z + Σ Y_i with the drift precomputed by the host. */
export function marketStep(): f64 {
  if (model == MODEL_GBM) {
    shock = normal(F_PRICE);
    lnP = lnP + drift + vol * shock;
  } else if (model == MODEL_MERTON) {
    shock = normal(F_PRICE);
    let jump: f64 = 0.0;
    const n = poisson(F_PRICE, unchecked(P[P_M_LAMBDA]) / 365.25);
    for (let i: f64 = 0.0; i < n; i = i + 1.0) jump = jump + unchecked(P[P_M_JMEAN]) + unchecked(P[P_M_JSD]) * normal(F_PRICE);
    lnP = lnP + drift + vol * shock + jump;
  } else if (model == MODEL_STUDENT_T) {
    shock = studentT(F_PRICE, unchecked(P[P_T_NU]));
    lnP = lnP + drift + vol * shock;
  } else {
    // Regime: day t returns with r_t, then r_{t+1} is drawn (§11.2).
    shock = normal(F_PRICE);
    if (turbulent) {
      lnP = lnP + unchecked(P[P_DRIFT_TURB]) + unchecked(P[P_VOL_TURB]) * shock;
      turbDays = turbDays + 1.0;
      if (uniform(F_PRICE) < unchecked(P[P_R_PTC])) { turbulent = false; turbToCalm = turbToCalm + 1.0; }
    } else {
      lnP = lnP + drift + vol * shock;
      calmDays = calmDays + 1.0;
      if (uniform(F_PRICE) < unchecked(P[P_R_PCT])) { turbulent = true; calmToTurb = calmToTurb + 1.0; }
    }
  }
  return lnP;
}

export function priceShock(): f64 { return shock; }
export function lnPrice(): f64 { return lnP; }
/** Regime switching counts of the current path (for the switching-rate test, §8). */
export function regimeCount(i: i32): f64 {
  if (i == 0) return calmDays;
  if (i == 1) return calmToTurb;
  if (i == 2) return turbDays;
  return turbToCalm;
}
