// The browser implementation of the engine interface: a pool of module Web Workers driven by Comlink, one wasm
// instance per worker, navigator.hardwareConcurrency capped. Abort terminates busy workers (running wasm cannot be
// interrupted otherwise); they restart lazily on the next run.
import * as Comlink from 'comlink';
import { WorkerPoolEngine } from './pool';
import type { WorkerApi } from './worker-api';
import type { Engine } from './engine';

export const MAX_BROWSER_WORKERS = 8;

export function browserWorkerCount(): number {
  const n = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
  return Math.max(1, Math.min(MAX_BROWSER_WORKERS, n));
}

export function createBrowserEngine(opts: { workers?: number; chunkBatches?: number } = {}): Engine {
  const spawn = () => {
    const worker = new Worker(new URL('./browser-worker.ts', import.meta.url), { type: 'module' });
    const api = Comlink.wrap<WorkerApi>(worker);
    const failed = new Promise<never>((_, reject) => {
      worker.addEventListener('error', (e) => reject(new Error(`the simulation worker failed to start: ${e.message || 'script error'}`)));
      worker.addEventListener('messageerror', () => reject(new Error('the simulation worker sent an unreadable message')));
    });
    return { api, failed, terminate: () => worker.terminate() };
  };
  return new WorkerPoolEngine(spawn, {
    workers: opts.workers ?? browserWorkerCount(),
    chunkBatches: opts.chunkBatches ?? 4,
    engineName: 'wasm web workers',
  });
}
