// `npm run bench`: the figures of docs/performance.md, measured in one run on the default scenario.
//  1. ns per path-step (one path, one day) of the wasm core and of the TypeScript reference twin — the same
//     portable source, so the same sampler, typed arrays and no allocation in the loop — single thread, and
//     their ratio; also with the firm switched off (market + network only), closer to the toolchain's C kernel;
//  2. wall time of a run with 1 and 2 worker threads and the speed-up;
//  3. peak memory at 10k and 1M paths (in-process, 1-month horizon): heap, RSS and wasm linear memory.
import { compileScenario } from '../src/model/compile';
import { createReferenceKernel, type Kernel } from '../src/model/kernel';
import { resolveScenario, type Scenario } from '../src/model/scenario';
import { makeKernelNode, createNodeEngine } from '../src/engine/node';
import { InProcessEngine } from '../src/engine/engine';
import * as L from '../assembly/layout';

function scenario(patch: unknown): Scenario {
  const r = resolveScenario(patch);
  if (!r.ok) throw new Error('bad bench scenario');
  return r.scenario;
}

function nsPerPathStep(kernel: Kernel, firmOn: boolean, paths: number, repeats = 3): number {
  const c = compileScenario(scenario({ run: { paths, months: 60 } }));
  c.P[L.P_FIRM_ON] = firmOn ? 1 : 0;
  kernel.load(c);
  const chunk = 256; // chunks as the engines send them (V8 tiers wasm up between calls, not within one)
  for (let p = 0; p < 512; p += chunk) kernel.simulate(p, chunk);
  let best = Infinity;
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    for (let p = 0; p < paths; p += chunk) kernel.simulate(p, Math.min(chunk, paths - p));
    best = Math.min(best, performance.now() - t0);
  }
  return (best * 1e6) / (paths * c.days);
}

async function wallTime(workers: number, paths: number): Promise<number> {
  const s = scenario({ run: { paths, months: 60 } });
  let best = Infinity;
  for (let r = 0; r < 2; r++) {
    const engine = createNodeEngine({ workers, kernel: 'wasm' });
    const t0 = performance.now();
    await engine.run(s);
    best = Math.min(best, performance.now() - t0);
    engine.dispose();
  }
  return best;
}

async function peakMemory(kernel: Kernel, paths: number) {
  const engine = new InProcessEngine(async () => kernel, 16);
  let heap = 0, rss = 0;
  const sample = () => {
    const m = process.memoryUsage();
    heap = Math.max(heap, m.heapUsed);
    rss = Math.max(rss, m.rss);
  };
  const t0 = performance.now();
  await engine.run(scenario({ run: { paths, months: 1, seed: 3 } }), { onProgress: sample });
  sample();
  return { paths, heapMb: heap / 2 ** 20, rssMb: rss / 2 ** 20, wasmMb: kernel.memoryBytes() / 2 ** 20, seconds: (performance.now() - t0) / 1000 };
}

const fmt = (x: number, d = 1) => x.toFixed(d);
const wasm = await makeKernelNode('wasm')();
const js = createReferenceKernel();
const paths = Number(process.env.BENCH_PATHS ?? 2000);
console.log(`minerisk benchmark — Node ${process.version}, default scenario (60 months = 1,827 daily steps), ${paths} paths per kernel pass`);
const rows: [string, number, number][] = [];
for (const firm of [true, false]) {
  const w = nsPerPathStep(wasm, firm, paths);
  const j = nsPerPathStep(js, firm, Math.max(256, paths / 2));
  rows.push([firm ? 'full model' : 'market + network only', w, j]);
}
console.log('\n| kernel (single thread) | wasm ns/path-step | TS reference ns/path-step | TS ÷ wasm |');
console.log('|---|---|---|---|');
for (const [name, w, j] of rows) console.log(`| ${name} | ${fmt(w)} | ${fmt(j)} | ${fmt(j / w, 2)}× |`);

const runPaths = Number(process.env.BENCH_RUN_PATHS ?? 20000);
const t1 = await wallTime(1, runPaths);
const t2 = await wallTime(2, runPaths);
console.log(`\n| wasm worker pool, ${runPaths.toLocaleString('en-US')} paths × 60 months | wall time |`);
console.log('|---|---|');
console.log(`| 1 worker | ${fmt(t1 / 1000, 2)} s |`);
console.log(`| 2 workers | ${fmt(t2 / 1000, 2)} s |`);
console.log(`| speed-up | ${fmt(t1 / t2, 2)}× |`);

const m10k = await peakMemory(wasm, 10_000);
const m1m = await peakMemory(wasm, 1_000_000);
console.log('\n| in-process, 1-month horizon | peak heap | peak RSS | wasm memory | time |');
console.log('|---|---|---|---|---|');
for (const m of [m10k, m1m])
  console.log(`| ${m.paths.toLocaleString('en-US')} paths | ${fmt(m.heapMb)} MB | ${fmt(m.rssMb)} MB | ${fmt(m.wasmMb, 2)} MB | ${fmt(m.seconds, 1)} s |`);
console.log(`\nmemory ratio 1M ÷ 10k: heap ${fmt(m1m.heapMb / m10k.heapMb, 2)}×, RSS ${fmt(m1m.rssMb / m10k.rssMb, 2)}×, wasm ${fmt(m1m.wasmMb / m10k.wasmMb, 2)}×`);
