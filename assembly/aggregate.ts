// On-the-fly aggregation in fixed memory (model-spec §7): integer-count histograms per (variable, month), a record
// per path of the current chunk, and the monthly values of the first N_SAMPLES paths. Integer counts add up the
// same in any order, which is what makes results independent of the worker count and chunk size.
import { HIST_CENTER } from './params';
import { N_VARS, MAX_MONTHS, H_BINS, H_INNER, H_LOG_SPAN, H_ASINH_SCALE, H_ASINH_SPAN, V_CASH, V_NET_DEBT,
  MAX_CHUNK, R_STRIDE, N_SAMPLES, BATCH_PATHS, TRANCHE_SLOTS, B_STRIDE } from './layout';
import { log } from './mathx';

export const HIST = new Int32Array(N_VARS * MAX_MONTHS * H_BINS);
export const REC = new Float64Array(MAX_CHUNK * R_STRIDE);
export const SAMPLES = new Float64Array(N_SAMPLES * N_VARS * (MAX_MONTHS + 1));

export function histClear(): void {
  for (let i = 0; i < HIST.length; i++) unchecked(HIST[i] = 0);
}

export function isSignedVar(v: i32): bool { return v == V_CASH || v == V_NET_DEBT; }

/** asinh(z) with the project's own log (exact elsewhere: sqrt). */
export function asinh(z: f64): f64 {
  const a = Math.abs(z);
  const r = log(a + Math.sqrt(a * a + 1.0));
  return z < 0.0 ? -r : r;
}

/** Bin of x for variable v: 1..H_INNER inside the range, 0 below (or zero/NaN), H_BINS − 1 above. */
export function binOf(v: i32, x: f64): i32 {
  let y: f64 = 0.0;
  if (isSignedVar(v)) {
    y = (asinh(x / H_ASINH_SCALE) + H_ASINH_SPAN) * (<f64>H_INNER / (2.0 * H_ASINH_SPAN));
  } else {
    if (!(x > 0.0)) return 0;
    y = (log(x) - unchecked(HIST_CENTER[v]) + H_LOG_SPAN) * (<f64>H_INNER / (2.0 * H_LOG_SPAN));
  }
  if (!(y >= 0.0)) return 0;
  if (y >= <f64>H_INNER) return H_BINS - 1;
  // Floor in f64 before converting: JS `|0` wraps where wasm saturates (§2).
  return <i32>Math.floor(y) + 1;
}

/** Month m (1-based) value of variable v on one path. */
export function histAdd(v: i32, m: i32, x: f64): void {
  const i = (v * MAX_MONTHS + (m - 1)) * H_BINS + binOf(v, x);
  unchecked(HIST[i] = unchecked(HIST[i]) + 1);
}

export function sampleSet(path: i32, v: i32, m: i32, x: f64): void {
  unchecked(SAMPLES[(path * N_VARS + v) * (MAX_MONTHS + 1) + m] = x);
}

/** Per-batch credit sums of the current chunk (see layout.ts B_*), cleared by simulate() at each call. */
export const BATCH = new Float64Array((MAX_CHUNK / BATCH_PATHS) * TRANCHE_SLOTS * B_STRIDE);
