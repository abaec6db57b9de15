// The d3 v7 modules ship without types and the project has no @types/d3-*: these are the few signatures the charts
// use, written to match the d3 API reference (d3js.org). Extend here rather than casting at the call sites.

declare module 'd3-scale' {
  interface ContinuousScale<D> {
    (value: D): number;
    domain(): D[];
    domain(domain: readonly D[]): this;
    range(): number[];
    range(range: readonly number[]): this;
    ticks(count?: number): D[];
    nice(count?: number): this;
    clamp(clamp: boolean): this;
    invert(value: number): D;
    copy(): this;
  }
  export type ScaleLinear = ContinuousScale<number>;
  export type ScaleLogarithmic = ContinuousScale<number> & { base(base: number): ScaleLogarithmic };
  export type ScaleTime = ContinuousScale<Date>;
  export interface ScaleBand {
    (value: string): number | undefined;
    domain(): string[];
    domain(domain: readonly string[]): this;
    range(range: readonly number[]): this;
    padding(padding: number): this;
    paddingInner(padding: number): this;
    paddingOuter(padding: number): this;
    bandwidth(): number;
  }
  export function scaleLinear(): ScaleLinear;
  export function scaleLog(): ScaleLogarithmic;
  export function scaleUtc(): ScaleTime;
  export function scaleBand(): ScaleBand;
}

declare module 'd3-shape' {
  type Accessor<T> = (d: T, i: number) => number;
  interface Line<T> {
    (data: Iterable<T>): string | null;
    x(x: Accessor<T>): this;
    y(y: Accessor<T>): this;
    defined(defined: (d: T, i: number) => boolean): this;
  }
  interface Area<T> {
    (data: Iterable<T>): string | null;
    x(x: Accessor<T>): this;
    y0(y: Accessor<T>): this;
    y1(y: Accessor<T>): this;
    defined(defined: (d: T, i: number) => boolean): this;
  }
  export function line<T>(): Line<T>;
  export function area<T>(): Area<T>;
}

declare module 'd3-format' {
  export function format(specifier: string): (n: number) => string;
}

declare module 'd3-time-format' {
  export function utcFormat(specifier: string): (date: Date) => string;
}
