// AI/HPC hosting and dynamic load (model-spec §10) — placeholder: no hosting contracts yet.
// Hooks called by simulate.ts: hostingReset() at the start of a path, hostingDay() each day before operations
// (adds the day's hosting cash flow to FIRM and returns the MW of site power available to mining today).
import { P } from './params';
import { P_CAP_MW } from './layout';
export function hostingReset(): void {}
export function hostingDay(t: i32, price: f64): f64 { return unchecked(P[P_CAP_MW]); }
/** Per-path outputs written into the record at R_HOSTING_BASE … +1. */
export function hostingRecord(i: i32): f64 { return 0.0; }
