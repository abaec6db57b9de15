// Geometry of the sensitivity tornado in PD units (the chart maps it to pixels): for each input a bar from the base
// PD to PD with the input lowered and one to PD with it raised, each with a whisker of the 95 % interval of its
// paired difference from the base, and an x domain that holds every bar, whisker and the base line. Pure.
import type { TornadoResult, VariantResult } from '../../../engine/compare';

const Z95 = 1.959963984540054;

/** Bars of the lowered input (blue) and the raised one (orange), in the chart and its legend. */
export const LOW_COLOR = 'var(--series-2)';
export const HIGH_COLOR = 'var(--series-1)';

export interface TornadoSide {
  /** PD at the horizon with the input changed. */
  pd: number;
  /** PD − base PD and its paired standard error. */
  diff: number;
  se: number;
  /** The bar runs from x0 (the base PD) to x1 (this PD). */
  x0: number;
  x1: number;
  /** The 95 % interval of the difference, placed around this PD (clamped to [0, 1]). */
  whiskerLo: number;
  whiskerHi: number;
}

export interface TornadoBar {
  key: string;
  label: string;
  low: TornadoSide | null;
  high: TornadoSide | null;
  /** |PD(high) − PD(low)|, a missing side counting as the base. */
  swing: number;
  note?: string;
}

export interface TornadoGeometry { basePd: number; pct: number; bars: TornadoBar[]; domain: [number, number] }

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));

function side(basePd: number, v: VariantResult | null): TornadoSide | null {
  if (!v) return null;
  const { diff, se } = v.vsBase.horizon;
  return { pd: v.pd, diff, se, x0: basePd, x1: v.pd, whiskerLo: clamp01(v.pd - Z95 * se), whiskerHi: clamp01(v.pd + Z95 * se) };
}

/** Bars in the order of the result (by swing, largest first) and a domain padded by `padShare` of its span. */
export function tornadoGeometry(t: TornadoResult, padShare = 0.06): TornadoGeometry {
  const basePd = t.base.pd;
  const bars = t.rows.map((r): TornadoBar => {
    const low = side(basePd, r.low), high = side(basePd, r.high);
    return { key: r.key, label: r.label, low, high, swing: Math.abs((high?.pd ?? basePd) - (low?.pd ?? basePd)), note: r.note };
  });
  let lo = basePd, hi = basePd;
  for (const b of bars) for (const s of [b.low, b.high]) if (s) { lo = Math.min(lo, s.whiskerLo, s.x1); hi = Math.max(hi, s.whiskerHi, s.x1); }
  const pad = hi > lo ? (hi - lo) * padShare : 0.01;
  return { basePd, pct: t.pct, bars, domain: [Math.max(0, lo - pad), Math.min(1, hi + pad)] };
}

/** The pixel rectangle of a bar from x0 to x1 whatever their order (a bar to a lower PD grows to the left). */
export function barRect(s: Pick<TornadoSide, 'x0' | 'x1'>, map: (v: number) => number): { x: number; width: number } {
  const a = map(s.x0), b = map(s.x1);
  return { x: Math.min(a, b), width: Math.abs(b - a) };
}
