// Scales for the Chart frame: one small wrapper over the d3 scales so layers map values and ask for ticks the same
// way whatever the kind (linear, log, time, band). Pure: no DOM.
import { scaleBand, scaleLinear, scaleLog, scaleUtc } from 'd3-scale';

export type ScaleKind = 'linear' | 'log' | 'time' | 'band';
export type Value = number | Date | string;

export type ScaleSpec =
  | { kind: 'linear'; domain: [number, number]; nice?: boolean }
  | { kind: 'log'; domain: [number, number] }
  | { kind: 'time'; domain: [Date, Date] }
  | { kind: 'band'; domain: string[]; padding?: number };

export interface Scale {
  kind: ScaleKind;
  /** Pixel position of a value (a band scale gives the band's start). */
  map: (v: Value) => number;
  ticks: (count: number) => Value[];
  /** Width of a band; 0 for continuous scales. */
  bandwidth: number;
  range: [number, number];
  domain: Value[];
}

export function makeScale(spec: ScaleSpec, range: [number, number]): Scale {
  switch (spec.kind) {
    case 'linear': {
      const s = scaleLinear().domain(spec.domain).range(range);
      if (spec.nice) s.nice(5);
      return { kind: 'linear', map: (v) => s(v as number), ticks: (n) => s.ticks(n), bandwidth: 0, range, domain: s.domain() };
    }
    case 'log': {
      const [lo, hi] = spec.domain;
      const s = scaleLog().domain([lo, hi]).range(range);
      return { kind: 'log', map: (v) => s(v as number), ticks: (n) => logTicks(lo, hi, n), bandwidth: 0, range, domain: [lo, hi] };
    }
    case 'time': {
      const s = scaleUtc().domain(spec.domain).range(range);
      const [d0, d1] = spec.domain;
      return { kind: 'time', map: (v) => s(v as Date), ticks: (n) => yearTicks(d0, d1, n) ?? s.ticks(n), bandwidth: 0, range, domain: spec.domain };
    }
    case 'band': {
      const s = scaleBand().domain(spec.domain).range(range).padding(spec.padding ?? 0.25);
      return { kind: 'band', map: (v) => s(String(v)) ?? 0, ticks: () => spec.domain, bandwidth: s.bandwidth(), range, domain: spec.domain };
    }
  }
}

/**
 * Round ticks for a log axis: the densest of 1-2-5, 1-3, 1 per decade, 1 per 2 or 3 decades that gives at most
 * `maxCount` ticks inside [lo, hi]; when the range spans too little for two of those, linear ticks instead.
 */
export function logTicks(lo: number, hi: number, maxCount: number): number[] {
  if (!(lo > 0) || !(hi > lo)) return lo > 0 ? [lo] : [];
  const k0 = Math.floor(Math.log10(lo));
  const k1 = Math.ceil(Math.log10(hi));
  const inside = (v: number) => v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9);
  const sets: { mantissas: number[]; every: number }[] = [
    { mantissas: [1, 2, 5], every: 1 },
    { mantissas: [1, 3], every: 1 },
    { mantissas: [1], every: 1 },
    { mantissas: [1], every: 2 },
    { mantissas: [1], every: 3 },
  ];
  let best: number[] = [];
  for (const set of sets) {
    const out: number[] = [];
    for (let k = k0; k <= k1; k++) {
      if (k % set.every !== 0) continue;
      for (const m of set.mantissas) {
        const v = Number((m * 10 ** k).toPrecision(12));
        if (inside(v)) out.push(v);
      }
    }
    if (out.length <= Math.max(2, maxCount)) {
      best = out;
      break;
    }
  }
  if (best.length >= 2) return best;
  return scaleLinear().domain([lo, hi]).ticks(Math.max(2, Math.min(maxCount, 4))).filter((v) => v > 0);
}

/**
 * 1 January of every year (or every 2nd, 5th, 10th year) inside [d0, d1]; null when fewer than two fit, so a short
 * horizon gets month ticks instead. Year labels are short, so up to 1.5 × `maxCount` (a count sized for "Apr 2027").
 */
export function yearTicks(d0: Date, d1: Date, maxCount: number): Date[] | null {
  const y0 = d0.getUTCFullYear() + (d0.getUTCMonth() === 0 && d0.getUTCDate() === 1 ? 0 : 1);
  const y1 = d1.getUTCFullYear();
  for (const every of [1, 2, 5, 10]) {
    const out: Date[] = [];
    for (let y = Math.ceil(y0 / every) * every; y <= y1; y += every) out.push(new Date(Date.UTC(y, 0, 1)));
    if (out.length < 2) return null;
    if (out.length <= Math.max(2, Math.round(maxCount * 1.5))) return out;
  }
  return null;
}

/** Number of ticks that fit: about one per `pxPerTick` pixels, at least 2. */
export function tickCount(lengthPx: number, pxPerTick: number): number {
  return Math.max(2, Math.floor(lengthPx / pxPerTick));
}

/** A domain for a log axis from the values shown (non-positive and missing values ignored), padded a little. */
export function logDomain(values: Iterable<number | null | undefined>, pad = 1.08): [number, number] {
  let lo = Infinity, hi = -Infinity;
  for (const v of values) {
    if (v == null || !(v > 0) || !Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!Number.isFinite(lo)) return [1, 10];
  if (hi / lo < 1.5) { const mid = Math.sqrt(lo * hi); return [mid / 1.3, mid * 1.3]; }
  return [lo / pad, hi * pad];
}

/** A domain for a linear axis from the values shown, padded by `padShare` of the span on each side. */
export function linearDomain(values: Iterable<number | null | undefined>, padShare = 0.04, includeZero = false): [number, number] {
  let lo = Infinity, hi = -Infinity;
  for (const v of values) {
    if (v == null || !Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!Number.isFinite(lo)) return [0, 1];
  if (includeZero) { lo = Math.min(lo, 0); hi = Math.max(hi, 0); }
  if (hi === lo) { const d = Math.abs(hi) * 0.1 || 1; return [lo - d, hi + d]; }
  const pad = (hi - lo) * padShare;
  return [lo === 0 && includeZero ? 0 : lo - pad, hi + pad];
}
