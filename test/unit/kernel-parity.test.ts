import { test, expect } from 'vitest';
import { compileScenario } from '../../src/model/compile';
import { createReferenceKernel } from '../../src/model/kernel';
import { makeKernelNode } from '../../src/engine/node';
import { FIXTURE } from '../helpers/fixture';

test('quick parity probe', async () => {
  const c = compileScenario({ ...FIXTURE, run: { ...FIXTURE.run, paths: 200 } });
  const js = createReferenceKernel();
  const wasm = await makeKernelNode('wasm')();
  js.load(c); wasm.load(c);
  js.simulate(0, 200); wasm.simulate(0, 200);
  const a = js.records(200), b = wasm.records(200);
  let diff = 0; for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) diff++;
  let defaults = 0; for (let p = 0; p < 200; p++) if (a[p * 8] > 0) defaults++;
  console.log('defaults', defaults, 'diff', diff, Array.from(a.slice(0, 16)));
  const ha = js.histograms(), hb = wasm.histograms(); let hd = 0; for (let i = 0; i < ha.length; i++) if (ha[i] !== hb[i]) hd++;
  console.log('hist diff', hd);
  expect(diff).toBe(0);
});
