// The Chart frame's context: its size, margins and scales, read by the layers drawn inside it. The frame creates
// the scales in $derived and passes getters, so layers always see the current ones.
import { createContext } from 'svelte';
import type { Scale } from './scales';

export interface Margin { top: number; right: number; bottom: number; left: number }

export interface ChartContext {
  readonly width: number;
  readonly height: number;
  readonly margin: Margin;
  readonly innerWidth: number;
  readonly innerHeight: number;
  readonly x: Scale;
  readonly y: Scale;
  /** Tick counts that fit the current size (fewer on a phone). */
  readonly xTicks: number;
  readonly yTicks: number;
  /** Pixels kept free at the top of the plot for marker labels. */
  readonly labelBand: number;
  /** Asks for label rows at the top (the Markers layer, once it knows how many its labels need at this width). */
  reserveLabelRows(rows: number): void;
  /** Unique per chart, for clip-path ids. */
  readonly uid: string;
}

export const [getChartContext, setChartContext] = createContext<ChartContext>();
