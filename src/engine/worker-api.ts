// The one typed API a worker exposes over Comlink, the same in Node worker_threads and browser Web Workers.
// The worker keeps the scenario of the current run loaded and accumulates its histogram counts until the pool
// collects them; it is otherwise stateless (any chunk of any run can go to any worker).
import type { CompiledScenario } from '../model/compile';
import type { Kernel } from '../model/kernel';
import { runChunk, type ChunkOutput } from './engine';
import { compactHistograms } from './results';

export interface WorkerApi {
  /** Runs one chunk; with `flushHistograms` the histogram counts accumulated so far come back too (then cleared). */
  simulateBatches(runKey: string, compiled: CompiledScenario, firstPath: number, n: number, flushHistograms?: boolean): Promise<ChunkOutput & { histograms?: Int32Array }>;
  /** The histogram counts of `runKey` accumulated by this worker (then cleared), compacted to the run's months. */
  takeHistograms(runKey: string): Promise<Int32Array | null>;
}

export function createWorkerApi(makeKernel: () => Promise<Kernel>, transfer: <T>(x: T, t: Transferable[]) => T): WorkerApi {
  let kernel: Promise<Kernel> | null = null;
  let loadedKey = '';
  let months = 0;
  return {
    async simulateBatches(runKey, compiled, firstPath, n, flushHistograms = false) {
      const k = await (kernel ??= makeKernel());
      if (runKey !== loadedKey) {
        k.load(compiled);
        loadedKey = runKey;
        months = compiled.months;
      }
      const out: ChunkOutput & { histograms?: Int32Array } = runChunk(k, { firstPath, n });
      const buffers: Transferable[] = [out.records.buffer as ArrayBuffer, out.batchSums.buffer as ArrayBuffer];
      if (out.samples) buffers.push(out.samples.buffer as ArrayBuffer);
      if (flushHistograms) {
        out.histograms = compactHistograms(k.histograms(), months);
        k.clearHistograms();
        buffers.push(out.histograms.buffer as ArrayBuffer);
      }
      return transfer(out, buffers);
    },
    async takeHistograms(runKey) {
      if (runKey !== loadedKey || !kernel) return null;
      const k = await kernel;
      const h = compactHistograms(k.histograms(), months);
      k.clearHistograms();
      loadedKey = '';
      return transfer(h, [h.buffer as ArrayBuffer]);
    },
  };
}
