// The engine contract, run against every implementation (style.md: one suite, several runners): results are
// bitwise identical (meta aside) for any worker count, chunk size and arrival order; abort stops a run; memory
// stays flat in the number of paths.
import { describe, test, expect, afterAll } from 'vitest';
import { createNodeEngine, makeKernelNode } from '../../src/engine/node';
import { InProcessEngine, type Engine } from '../../src/engine/engine';
import type { RunResult } from '../../src/engine/results';
import { scenario } from '../helpers/fixture';

// 1,000 paths = 15 batches of 64 + 40: a count that is not a multiple of the batch size.
const S = scenario({ run: { paths: 1000, months: 60, seed: 20261125 } });

function withoutMeta(r: RunResult): string {
  const { meta: _meta, ...rest } = r;
  return JSON.stringify(rest);
}

const engines: Engine[] = [];
function make(workers: number, chunkBatches: number, kernel: 'wasm' | 'js' = 'wasm'): Engine {
  const e = createNodeEngine({ workers, chunkBatches, kernel });
  engines.push(e);
  return e;
}
afterAll(() => engines.forEach((e) => e.dispose()));

describe('determinism across engines', () => {
  let reference: string;
  test('the in-process wasm engine gives a complete result', async () => {
    const r = await make(0, 4).run(S);
    expect(r.meta.paths).toBe(1000);
    expect(r.pdByMonth).toHaveLength(60);
    expect(r.samplePaths).toHaveLength(20);
    expect(r.pd).toBeGreaterThan(0); // the default miner defaults on some paths: the comparison below is not vacuous
    reference = withoutMeta(r);
  });

  for (const workers of [1, 2, 3]) {
    for (const chunkBatches of [1, 4, 16]) {
      test(`${workers} worker(s) × chunks of ${chunkBatches} batch(es) give JSON identical to the in-process run`, async () => {
        const r = await make(workers, chunkBatches).run(S);
        expect(r.meta.workers).toBeLessThanOrEqual(workers);
        expect(withoutMeta(r)).toBe(reference);
      });
    }
  }

  test('the TypeScript reference twin gives the same JSON as the wasm core (in-process and in workers)', async () => {
    const small = scenario({ run: { paths: 150, months: 24, seed: 5 } });
    const wasm = withoutMeta(await make(0, 1).run(small));
    expect(withoutMeta(await make(0, 1, 'js').run(small))).toBe(wasm);
    expect(withoutMeta(await make(2, 1, 'js').run(small))).toBe(wasm);
  });

  test('another seed gives different numbers', async () => {
    const r = await make(2, 4).run(scenario({ run: { paths: 1000, months: 60, seed: 20261126 } }));
    expect(withoutMeta(r)).not.toBe(reference);
  });
});

describe('progress and cancellation', () => {
  test('progress is monotone and ends at the number of paths', async () => {
    const seen: number[] = [];
    await make(2, 1).run(S, { onProgress: (p) => seen.push(p.pathsDone) });
    expect(seen.length).toBeGreaterThan(5);
    expect(seen.every((x, i) => i === 0 || x >= seen[i - 1])).toBe(true);
    expect(seen.at(-1)).toBe(1000);
  });

  for (const workers of [0, 2]) {
    test(`abort stops a large run (${workers === 0 ? 'in-process' : 'worker pool'}) with an AbortError, and the engine runs again afterwards`, async () => {
      const engine = make(workers, 1);
      const ctrl = new AbortController();
      const big = scenario({ run: { paths: 2_000_000, months: 60 } });
      const t0 = Date.now();
      let done = 0;
      const run = engine.run(big, {
        signal: ctrl.signal,
        onProgress: (p) => { done = p.pathsDone; if (p.pathsDone >= 256) ctrl.abort(); },
      });
      await expect(run).rejects.toMatchObject({ name: 'AbortError' });
      expect(done).toBeLessThan(10_000);
      expect(Date.now() - t0).toBeLessThan(20_000);
      const again = await engine.run(scenario({ run: { paths: 200, months: 12 } }));
      expect(again.meta.paths).toBe(200);
    });
  }

  test('an already-aborted signal rejects at once', async () => {
    const ctrl = new AbortController();
    ctrl.abort();
    await expect(make(1, 1).run(S, { signal: ctrl.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('bounded memory', () => {
  test('memory is flat from 10k to 1M paths (in-process, 1-month horizon): same wasm memory, heap within 32 MB', async () => {
    const kernel = await makeKernelNode('wasm')();
    const engine = new InProcessEngine(async () => kernel, 16);
    const peakHeap = async (paths: number) => {
      let peak = process.memoryUsage().heapUsed;
      const r = await engine.run(scenario({ run: { paths, months: 1, seed: 3 } }), {
        onProgress: () => { peak = Math.max(peak, process.memoryUsage().heapUsed); },
      });
      expect(r.meta.paths).toBe(paths);
      return { peak, wasm: kernel.memoryBytes() };
    };
    const small = await peakHeap(10_000);
    const large = await peakHeap(1_000_000);
    console.log(`heap peak 10k: ${(small.peak / 2 ** 20).toFixed(1)} MB, 1M: ${(large.peak / 2 ** 20).toFixed(1)} MB; wasm memory ${small.wasm} → ${large.wasm} bytes`);
    expect(large.wasm).toBe(small.wasm);
    expect(large.peak - small.peak).toBeLessThan(32 * 2 ** 20);
  }, 300_000);
});

describe('worker failure', () => {
  test('a worker that dies makes the run reject with a clear error instead of hanging', async () => {
    const { Worker } = await import('node:worker_threads');
    const Comlink = await import('comlink');
    const { default: nodeEndpoint } = await import('comlink/dist/esm/node-adapter.mjs');
    const { WorkerPoolEngine } = await import('../../src/engine/pool');
    const spawn = () => {
      const w = new Worker('setTimeout(() => { throw new Error("core exploded"); }, 50);', { eval: true });
      const failed = new Promise<never>((_, reject) => w.on('error', reject));
      return { api: Comlink.wrap(nodeEndpoint(w)) as never, failed, terminate: () => void w.terminate() };
    };
    const engine = new WorkerPoolEngine(spawn, { workers: 2, engineName: 'broken' });
    await expect(engine.run(S)).rejects.toThrow(/simulation worker failed: core exploded/);
    engine.dispose();
  });
});
