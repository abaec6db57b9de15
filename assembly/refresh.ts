// Fleet refresh (model-spec §10) — placeholder: no capex policy yet (policy `none`).
// Hooks called by simulate.ts: refreshReset() at the start of a path, refreshDay() each day before operations.
export function refreshReset(): void {}
export function refreshDay(t: i32, price: f64, btcPerPhDay: f64): void {}
/** Per-path outputs written into the record at R_REFRESH_BASE … +1. */
export function refreshRecord(i: i32): f64 { return 0.0; }
