// A pool of workers behind the Engine interface, for any environment: the caller supplies how to spawn a worker
// (Node worker_threads here, Web Workers in the browser). The pool owns chunking, the AbortSignal and progress:
// an AbortSignal cannot cross Comlink, so abort terminates busy workers, which are respawned lazily next run.
import type { Remote } from 'comlink';
import type { Scenario } from '../model/scenario';
import { compileScenario } from '../model/compile';
import { RunAccumulator, type RunResult } from './results';
import { planChunks, abortError, progressOf, OrderedMerger, BATCH_PATHS, DEFAULT_CHUNK_BATCHES, VERSION,
  type Engine, type RunOptions } from './engine';
import type { WorkerApi } from './worker-api';

/** A spawned worker. `failed` rejects if the worker dies or cannot start (a Comlink call would hang forever). */
export interface SpawnedWorker { api: Remote<WorkerApi>; terminate(): void; failed: Promise<never> }

export interface PoolOptions { workers: number; chunkBatches?: number; engineName: string }

export class WorkerPoolEngine implements Engine {
  private slots: (SpawnedWorker | null)[];
  private runCounter = 0;
  private readonly chunkBatches: number;

  constructor(private readonly spawn: () => SpawnedWorker, private readonly opts: PoolOptions) {
    this.slots = new Array(Math.max(1, Math.floor(opts.workers))).fill(null);
    this.chunkBatches = opts.chunkBatches ?? DEFAULT_CHUNK_BATCHES;
  }

  private worker(i: number): SpawnedWorker {
    let w = this.slots[i];
    if (!w) {
      w = this.spawn();
      w.failed.catch(() => {}); // observed by the run that uses it
      this.slots[i] = w;
    }
    return w;
  }

  private terminateAll(): void {
    this.slots.forEach((w, i) => { if (w) { w.terminate(); this.slots[i] = null; } });
  }

  async run(scenario: Scenario, options: RunOptions = {}): Promise<RunResult> {
    const t0 = Date.now();
    const { signal } = options;
    if (signal?.aborted) throw abortError();
    const compiled = compileScenario(scenario);
    const runKey = `run-${++this.runCounter}-${t0}`;
    const acc = new RunAccumulator(compiled, options.keepPathDefaultDays);
    const merger = new OrderedMerger(acc);
    const queue = planChunks(compiled.paths, this.chunkBatches);
    const nWorkers = Math.min(this.slots.length, queue.length);
    let failed: unknown = null;
    let lastPartial = Date.now();
    const aborted = new Promise<never>((_, reject) => {
      const onAbort = () => { this.terminateAll(); reject(abortError()); };
      if (signal) signal.addEventListener('abort', onAbort, { once: true });
    });
    aborted.catch(() => {});
    const loop = async (i: number) => {
      const w = this.worker(i);
      while (queue.length && !failed && !signal?.aborted) {
        const c = queue.shift()!;
        // For progressive display, histogram counts are flushed with a chunk now and then (integer counts: any
        // partition of them sums to the same totals).
        const flush = !!options.onPartial && Date.now() - lastPartial > 200;
        const out = await Promise.race([w.api.simulateBatches(runKey, compiled, c.firstPath, c.n, flush), w.failed]);
        if (out.histograms) acc.addHistograms(out.histograms);
        merger.push(out);
        options.onProgress?.(progressOf(acc.pathsDone, compiled.paths, t0));
        if (options.onPartial && Date.now() - lastPartial > 250) {
          lastPartial = Date.now();
          options.onPartial(acc.result(this.meta(nWorkers, t0, false)));
        }
      }
    };
    const work = (async () => {
      await Promise.all(Array.from({ length: nWorkers }, (_, i) => loop(i).catch((e) => { failed ??= e; throw e; })));
      for (let i = 0; i < nWorkers; i++) {
        const w = this.worker(i);
        const h = await Promise.race([w.api.takeHistograms(runKey), w.failed]);
        if (h) acc.addHistograms(h);
      }
      return acc.result(this.meta(nWorkers, t0, true));
    })();
    try {
      return await Promise.race([work, aborted]);
    } catch (e) {
      if (!signal?.aborted) this.terminateAll(); // a worker that failed may be in any state
      if ((e as Error)?.name === 'AbortError') throw e;
      throw new Error(`simulation worker failed: ${(e as Error)?.message ?? String(e)}`);
    }
  }

  private meta(workers: number, t0: number, complete: boolean) {
    return {
      workers, engine: this.opts.engineName, chunkPaths: this.chunkBatches * BATCH_PATHS,
      elapsedMs: Date.now() - t0, version: VERSION, complete,
    };
  }

  dispose(): void { this.terminateAll(); }
}
