// Shapes shared by layers, the HTML legend and the exported SVG.
import type { Value } from './scales';

export type SwatchKind = 'line' | 'thin' | 'dashed' | 'band' | 'bar' | 'cross' | 'marker';
export interface LegendItem { label: string; kind: SwatchKind; color: string }

/** A bar over a continuous bin [x0, x1) (a histogram over dates). */
export interface BinBar { x0: Value; x1: Value; value: number; title: string }
/** A bar for a category of a band scale, with its value label. */
export interface CategoryBar { key: string; value: number; label: string; title: string }
