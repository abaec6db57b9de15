// Out of sample (model-spec §8, §1): the difficulty file runs 6 epochs past the daily data (epochs 468–473, to
// 2026-06-14). At the defaults, at least 4 of those 6 actual difficulties must fall inside the model's 5–95 % band
// on their dates. The engine's monthly quantiles are month-end values, so the band is computed here per day: each
// path's network is driven by the kernel modules in the simulator's own order (price, then network, on the path's
// `price`, `network` and `fees` streams; the firm never moves the network), and the band is taken over paths of the
// difficulty in force at the end of each epoch's date.
import '../../src/model/portable-runtime';
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/model/compile';
import { createReferenceKernel } from '../../src/model/kernel';
import { START, OUT_OF_SAMPLE_EPOCHS } from '../../src/model/start-state';
import { seedPath } from '../../assembly/rng';
import { exp } from '../../assembly/mathx';
import { marketReset, marketStep } from '../../assembly/market';
import { networkReset, networkDay, networkDifficulty } from '../../assembly/network';
import { simulate } from '../../assembly/simulate';
import * as L from '../../assembly/layout';
import { scenario } from '../helpers/fixture';

const PATHS = 2000;
const dayOf = (iso: string) => Math.round((Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) - Date.parse(`${START.date}T00:00:00Z`)) / 86_400_000);

/** Quantile q of sorted values, linear interpolation between order statistics (Hyndman–Fan type 7). */
function quantile(sorted: Float64Array, q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

describe('out of sample: epochs 468–473 against the default model', () => {
  const s = scenario({ run: { paths: PATHS } }); // the default scenario, seed 1
  const c = compileScenario(s);
  const kernel = createReferenceKernel();
  const epochs = OUT_OF_SAMPLE_EPOCHS.map((e) => ({ ...e, day: dayOf(e.time) }));
  const lastDay = Math.max(...epochs.map((e) => e.day));

  it('the epochs are the six after the start, on days 12 … 84', () => {
    expect(epochs.map((e) => e.epoch)).toEqual([468, 469, 470, 471, 472, 473]);
    expect(epochs[0].height).toBe(START.epochStartHeight + 2016);
    expect(epochs.map((e) => e.day)).toEqual([12, 26, 41, 54, 68, 84]);
  });

  it('the per-day network driver reproduces the simulator: the same difficulty at every month end of the sample paths', () => {
    kernel.load(c);
    simulate(0, 3); // the full simulator (firm included) records month-end difficulties of its first paths
    const samples = kernel.samples();
    for (let path = 0; path < 3; path++) {
      seedPath(c.seed, path);
      marketReset();
      networkReset(c.P[L.P_PRICE0]);
      let m = 1;
      for (let t = 1; t <= c.monthEnd[3]; t++) {
        networkDay(t, exp(marketStep()));
        if (t === c.monthEnd[m]) {
          expect(networkDifficulty()).toBe(samples[(path * L.N_VARS + L.V_DIFFICULTY) * (L.MAX_MONTHS + 1) + m]);
          m++;
        }
      }
    }
  });

  it('at least 4 of the 6 actual difficulties fall inside the 5–95 % band on their dates', () => {
    kernel.load(c);
    const D = epochs.map(() => new Float64Array(PATHS));
    const t0 = Date.now();
    for (let path = 0; path < PATHS; path++) {
      seedPath(c.seed, path);
      marketReset();
      networkReset(c.P[L.P_PRICE0]);
      let next = 0;
      for (let t = 1; t <= lastDay; t++) {
        networkDay(t, exp(marketStep()));
        while (next < epochs.length && epochs[next].day === t) D[next++][path] = networkDifficulty();
      }
    }
    const ms = Date.now() - t0;
    let inside = 0;
    const lines: string[] = [];
    epochs.forEach((e, i) => {
      const sorted = D[i].slice().sort();
      const p5 = quantile(sorted, 0.05), p50 = quantile(sorted, 0.5), p95 = quantile(sorted, 0.95);
      const ok = e.difficulty >= p5 && e.difficulty <= p95;
      if (ok) inside++;
      const T = (x: number) => (x / 1e12).toFixed(2);
      lines.push(`  epoch ${e.epoch} (${e.time.slice(0, 10)}, day ${e.day}): actual ${T(e.difficulty)} T, band ${T(p5)}–${T(p95)} T (median ${T(p50)} T) ${ok ? 'inside' : 'OUTSIDE'}`);
    });
    console.log(`out of sample (default scenario, seed ${c.seed}, ${PATHS} paths, ${ms} ms): ${inside} of 6 actual difficulties inside the model's 5–95 % band\n${lines.join('\n')}`);
    expect(inside).toBeGreaterThanOrEqual(4);
  });
});
