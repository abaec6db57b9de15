// The compiled scenario the host writes before a run (see layout.ts), and the firm's treasury shared by the
// miner and capital modules. Fixed-capacity arrays: memory does not grow with the number of paths or runs.
import { P_SIZE, MAX_GEN, G_STRIDE, TRANCHE_SLOTS, T_STRIDE, MAX_PAY, Y_STRIDE, MAX_MONTHS, MAX_LAG, N_VARS } from './layout';

export const P = new Float64Array(P_SIZE);
export const G = new Float64Array(MAX_GEN * G_STRIDE);
export const T = new Float64Array(TRANCHE_SLOTS * T_STRIDE);
export const Y = new Float64Array(MAX_PAY * Y_STRIDE);
/** MONTH_END[m] = day index on which month m ends (m = 1..months). */
export const MONTH_END = new Int32Array(MAX_MONTHS + 1);
/** ln hashprice of history days −MAX_LAG..0 at index day + MAX_LAG (rescaled to the scenario's start, §11.4). */
export const HIST_LNHP = new Float64Array(MAX_LAG + 1);
/** Histogram centre per output variable: ln(start value) for the log-binned ones. */
export const HIST_CENTER = new Float64Array(N_VARS);

/** Firm treasury: FIRM[0] cash (USD), FIRM[1] free BTC. */
export const FIRM = new Float64Array(2);
export const CASH: i32 = 0;
export const FREE_BTC: i32 = 1;
