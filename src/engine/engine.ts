// The engine interface (style.md): run(scenario, { signal, onProgress }) → RunResult, with an in-process
// implementation here and worker pools in pool.ts. All implementations cut the run into the same kind of chunks
// (whole batches of BATCH_PATHS consecutive paths) and merge through RunAccumulator in path order, so results are
// bitwise identical for any worker count and chunk size (§2).
import type { Scenario } from '../model/scenario';
import { compileScenario, type CompiledScenario } from '../model/compile';
import type { Kernel } from '../model/kernel';
import { RunAccumulator, compactHistograms, type RunResult } from './results';
import * as L from '../../assembly/layout';

export const BATCH_PATHS = L.BATCH_PATHS;
export const DEFAULT_CHUNK_BATCHES = 16;
export const VERSION = '0.1.0';

export interface Progress { pathsDone: number; paths: number; elapsedMs: number; etaMs: number | null }
export interface RunOptions {
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
  /** Called with the result so far as chunks complete (for progressive display). */
  onPartial?: (r: RunResult) => void;
  /** Keep every path's default day in the result (for paired strategy comparisons, compare.ts). */
  keepPathDefaultDays?: boolean;
}
export interface Engine {
  run(scenario: Scenario, options?: RunOptions): Promise<RunResult>;
  dispose(): void;
}

export interface Chunk { firstPath: number; n: number }

export function planChunks(paths: number, chunkBatches: number): Chunk[] {
  const size = Math.max(1, Math.floor(chunkBatches)) * BATCH_PATHS;
  if (size > L.MAX_CHUNK) throw new Error(`chunk of ${size} paths exceeds the kernel's ${L.MAX_CHUNK}`);
  const out: Chunk[] = [];
  for (let first = 0; first < paths; first += size) out.push({ firstPath: first, n: Math.min(size, paths - first) });
  return out;
}

export function abortError(): Error {
  const e = new Error('The run was cancelled');
  e.name = 'AbortError';
  return e;
}

export function progressOf(done: number, paths: number, t0: number): Progress {
  const elapsedMs = Date.now() - t0;
  return { pathsDone: done, paths, elapsedMs, etaMs: done > 0 ? (elapsedMs * (paths - done)) / done : null };
}

/** Output of one chunk, as it crosses the worker boundary. */
export interface ChunkOutput { firstPath: number; records: Float64Array; samples: Float64Array | null; batchSums: Float64Array }

/** Run one chunk on a loaded kernel. */
export function runChunk(kernel: Kernel, c: Chunk): ChunkOutput {
  kernel.simulate(c.firstPath, c.n);
  return {
    firstPath: c.firstPath,
    records: kernel.records(c.n).slice(),
    samples: c.firstPath < L.N_SAMPLES ? kernel.samples().slice() : null,
    batchSums: kernel.batchSums(Math.ceil(c.n / L.BATCH_PATHS)).slice(),
  };
}

/** Feeds chunk outputs to the accumulator in path order, holding early arrivals. */
export class OrderedMerger {
  private held = new Map<number, ChunkOutput>();
  constructor(readonly acc: RunAccumulator) {}
  push(out: ChunkOutput): void {
    this.held.set(out.firstPath, out);
    for (let next = this.held.get(this.acc.pathsDone); next; next = this.held.get(this.acc.pathsDone)) {
      this.held.delete(next.firstPath);
      if (next.samples) this.acc.setSamples(next.samples);
      this.acc.addRecords(next.firstPath, next.records);
      this.acc.addBatchSums(next.batchSums);
    }
  }
}

const yieldToEventLoop = () => new Promise<void>((r) => setTimeout(r, 0));

/** Runs chunks one after another on one kernel in this thread (tests, small runs, the CLI with --workers 1). */
export class InProcessEngine implements Engine {
  private kernel: Promise<Kernel> | null = null;
  constructor(private readonly makeKernel: () => Promise<Kernel>, private readonly chunkBatches = DEFAULT_CHUNK_BATCHES) {}

  async run(scenario: Scenario, options: RunOptions = {}): Promise<RunResult> {
    const t0 = Date.now();
    const compiled = compileScenario(scenario);
    const kernel = await (this.kernel ??= this.makeKernel());
    kernel.load(compiled);
    const acc = new RunAccumulator(compiled, options.keepPathDefaultDays);
    const merger = new OrderedMerger(acc);
    for (const c of planChunks(compiled.paths, this.chunkBatches)) {
      if (options.signal?.aborted) throw abortError();
      merger.push(runChunk(kernel, c));
      options.onProgress?.(progressOf(acc.pathsDone, compiled.paths, t0));
      await yieldToEventLoop();
    }
    if (options.signal?.aborted) throw abortError();
    acc.addHistograms(compactHistograms(kernel.histograms(), compiled.months));
    return acc.result(this.meta(kernel.engine, compiled, t0));
  }

  private meta(engine: string, c: CompiledScenario, t0: number) {
    return {
      workers: 1, engine: `${engine} in-process`, chunkPaths: this.chunkBatches * BATCH_PATHS,
      elapsedMs: Date.now() - t0, version: VERSION, complete: true,
    };
  }

  dispose(): void { this.kernel = null; }
}
