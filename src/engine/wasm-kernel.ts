// The wasm core behind the Kernel interface: typed-array views over its fixed arrays in linear memory.
// The module never grows memory after instantiation (all arrays are allocated at start), so views stay valid.
import * as L from '../../assembly/layout';
import { writeCompiled, type Kernel } from '../model/kernel';
import { MAX_HOSTING, HC_STRIDE } from '../../assembly/hosting';

interface Exports {
  memory: WebAssembly.Memory;
  simulate(first: number, n: number): void;
  histClear(): void;
  regimeCount(i: number): number;
  paramsPtr(): number; fleetPtr(): number; tranchesPtr(): number; paymentsPtr(): number; monthEndPtr(): number;
  historyPtr(): number; histCenterPtr(): number; histPtr(): number; recordsPtr(): number; samplesPtr(): number;
  hostingPtr(): number;
  batchPtr(): number;
}

export async function instantiateWasmKernel(module: WebAssembly.Module | Promise<WebAssembly.Module>): Promise<Kernel> {
  const instance = await WebAssembly.instantiate(await module, {
    env: {
      abort(_msg: number, _file: number, line: number, col: number) {
        throw new Error(`minerisk wasm core aborted at ${line}:${col}`);
      },
    },
  });
  const x = instance.exports as unknown as Exports;
  const buf = x.memory.buffer;
  const f64 = (ptr: number, n: number) => new Float64Array(buf, ptr, n);
  const arrays = {
    P: f64(x.paramsPtr(), L.P_SIZE),
    G: f64(x.fleetPtr(), L.MAX_GEN * L.G_STRIDE),
    T: f64(x.tranchesPtr(), L.TRANCHE_SLOTS * L.T_STRIDE),
    Y: f64(x.paymentsPtr(), L.MAX_PAY * L.Y_STRIDE),
    monthEnd: new Int32Array(buf, x.monthEndPtr(), L.MAX_MONTHS + 1),
    history: f64(x.historyPtr(), L.MAX_LAG + 1),
    histCenter: f64(x.histCenterPtr(), L.N_VARS),
    hosting: f64(x.hostingPtr(), MAX_HOSTING * HC_STRIDE),
  };
  const hist = new Int32Array(buf, x.histPtr(), L.N_VARS * L.MAX_MONTHS * L.H_BINS);
  const rec = f64(x.recordsPtr(), L.MAX_CHUNK * L.R_STRIDE);
  const samples = f64(x.samplesPtr(), L.N_SAMPLES * L.N_VARS * (L.MAX_MONTHS + 1));
  const batch = f64(x.batchPtr(), (L.MAX_CHUNK / L.BATCH_PATHS) * L.TRANCHE_SLOTS * L.B_STRIDE);
  return {
    engine: 'wasm',
    load(c) { writeCompiled(arrays, c); x.histClear(); },
    simulate(first, n) { x.simulate(first, n); },
    records(n) { return rec.subarray(0, n * L.R_STRIDE); },
    histograms() { return hist; },
    batchSums(batches) { return batch.subarray(0, batches * L.TRANCHE_SLOTS * L.B_STRIDE); },
    samples() { return samples; },
    clearHistograms() { x.histClear(); },
    memoryBytes() { return x.memory.buffer.byteLength; },
    regimeCounts() { return [0, 1, 2, 3].map((i) => x.regimeCount(i)); },
  };
}
