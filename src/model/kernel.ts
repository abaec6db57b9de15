// The kernel interface shared by the wasm core and the TypeScript reference twin. Both are the same portable
// source (assembly/); the reference runs it as plain TypeScript. Module state makes the reference a singleton per
// JS realm: use it for tests and the benchmark, the wasm kernel (one instance per worker) for runs.
import './portable-runtime';
import type { CompiledScenario } from './compile';
import * as L from '../../assembly/layout';
import { P, G, T, Y, MONTH_END, HIST_LNHP, HIST_CENTER } from '../../assembly/params';
import { HIST, REC, SAMPLES, BATCH, histClear } from '../../assembly/aggregate';
import { simulate } from '../../assembly/simulate';
import { regimeCount } from '../../assembly/market';
import { HC } from '../../assembly/hosting';

export interface Kernel {
  readonly engine: 'wasm' | 'js';
  /** Copy a compiled scenario into the kernel and clear its histograms. */
  load(c: CompiledScenario): void;
  /** Simulate paths [firstPath, firstPath + n), n ≤ MAX_CHUNK. Histogram counts accumulate across calls. */
  simulate(firstPath: number, n: number): void;
  /** Views into kernel memory (valid until the next call): per-path records, histograms, sample paths. */
  records(n: number): Float64Array;
  histograms(): Int32Array;
  /** Per-batch credit sums of the last simulate() call (layout.ts B_*), `batches` batches. */
  batchSums(batches: number): Float64Array;
  samples(): Float64Array;
  clearHistograms(): void;
  /** Bytes of kernel memory (wasm linear memory; 0 for the JS twin, whose arrays are fixed-size too). */
  memoryBytes(): number;
  /** Regime-switch counters of the last simulated path: [calm days, calm→turbulent, turbulent days, turbulent→calm]. */
  regimeCounts(): number[];
}

export interface KernelArrays {
  P: Float64Array; G: Float64Array; T: Float64Array; Y: Float64Array; monthEnd: Int32Array;
  history: Float64Array; histCenter: Float64Array;
  /** AI/HPC hosting contracts (assembly/hosting.ts HC). */
  hosting: Float64Array;
}

export function writeCompiled(dst: KernelArrays, c: CompiledScenario): void {
  dst.P.set(c.P);
  dst.G.set(c.G);
  dst.T.set(c.T);
  dst.Y.set(c.Y);
  dst.monthEnd.fill(0);
  dst.monthEnd.set(c.monthEnd);
  dst.history.set(c.historyLnHp);
  dst.histCenter.set(c.histCenter);
  dst.hosting.fill(0);
  dst.hosting.set(c.H);
}

export function createReferenceKernel(): Kernel {
  const arrays: KernelArrays = { P, G, T, Y, monthEnd: MONTH_END, history: HIST_LNHP, histCenter: HIST_CENTER, hosting: HC };
  return {
    engine: 'js',
    load(c) { writeCompiled(arrays, c); histClear(); },
    simulate(first, n) { simulate(first, n); },
    records(n) { return REC.subarray(0, n * L.R_STRIDE); },
    histograms() { return HIST; },
    batchSums(batches) { return BATCH.subarray(0, batches * L.TRANCHE_SLOTS * L.B_STRIDE); },
    samples() { return SAMPLES; },
    clearHistograms() { histClear(); },
    memoryBytes() { return 0; },
    regimeCounts() { return [0, 1, 2, 3].map((i) => regimeCount(i)); },
  };
}
