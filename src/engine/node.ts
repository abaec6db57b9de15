// Node-side engine construction: the wasm core loaded from disk, the in-process engine and a worker_threads pool.
// Works both from the compiled build/ folder (CLI, bench) and from source under vitest.
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { instantiateWasmKernel } from './wasm-kernel';
import { createReferenceKernel, type Kernel } from '../model/kernel';
import { InProcessEngine, DEFAULT_CHUNK_BATCHES, type Engine } from './engine';
import { WorkerPoolEngine } from './pool';
import type { WorkerApi } from './worker-api';

function firstExisting(candidates: URL[]): URL {
  const found = candidates.find((u) => existsSync(fileURLToPath(u)));
  if (!found) throw new Error(`missing build output: ${candidates.map((u) => fileURLToPath(u)).join(' or ')} — run \`npm run prepare\``);
  return found;
}

let wasmModule: WebAssembly.Module | null = null;
export function wasmModuleNode(): WebAssembly.Module {
  const url = firstExisting([
    new URL('./minerisk.wasm', import.meta.url), // build/
    new URL('../minerisk.wasm', import.meta.url), // build/chunks/
    new URL('../wasm/minerisk.wasm', import.meta.url), // src/engine under vitest
  ]);
  return (wasmModule ??= new WebAssembly.Module(readFileSync(url)));
}

export type KernelKind = 'wasm' | 'js';
export function makeKernelNode(kind: KernelKind): () => Promise<Kernel> {
  return kind === 'js' ? async () => createReferenceKernel() : () => instantiateWasmKernel(wasmModuleNode());
}

export function defaultWorkers(): number {
  return Math.max(1, Math.min(8, availableParallelism()));
}

export interface NodeEngineOptions { workers?: number; chunkBatches?: number; kernel?: KernelKind }

/** workers = 0 or 1 with kernel 'js' runs in-process; otherwise a worker_threads pool of wasm (or js) kernels. */
export function createNodeEngine(opts: NodeEngineOptions = {}): Engine {
  const kind = opts.kernel ?? 'wasm';
  const workers = opts.workers ?? defaultWorkers();
  const chunkBatches = opts.chunkBatches ?? DEFAULT_CHUNK_BATCHES;
  if (workers <= 0) return new InProcessEngine(makeKernelNode(kind), chunkBatches);
  const workerUrl = firstExisting([
    new URL('./node-worker.js', import.meta.url),
    new URL('../node-worker.js', import.meta.url),
    new URL('../../build/node-worker.js', import.meta.url),
  ]);
  const spawn = () => {
    const w = new Worker(workerUrl, { workerData: { kernel: kind } });
    w.unref();
    const api = Comlink.wrap<WorkerApi>(nodeEndpoint(w));
    let terminating = false;
    const failed = new Promise<never>((_, reject) => {
      w.on('error', (e) => reject(e));
      w.on('exit', (code) => { if (!terminating) reject(new Error(`worker thread exited with code ${code}`)); });
    });
    return { api, failed, terminate: () => { terminating = true; api[Comlink.releaseProxy](); void w.terminate(); } };
  };
  return new WorkerPoolEngine(spawn, { workers, chunkBatches, engineName: `${kind} worker_threads` });
}
