// The charts' pure helpers: ticks, number and date formats, dated markers and their label layout, the data the
// result charts draw, and the CSV/JSON exports — on hand-made inputs and on a small real run.
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { logTicks, tickCount, logDomain, linearDomain, makeScale, yearTicks } from '../../src/ui/charts/scales';
import { formatUsdShort, formatSi, formatRound, pctDecimals, formatPct, pctTickFormat, dateTickFormat, isoToDate } from '../../src/ui/charts/format';
import { halvingDates, timelineEvents, layoutLabels, textWidth } from '../../src/ui/charts/markers';
import { resultsCsv, resultJson, exportFileName, wrapText } from '../../src/ui/charts/export';
import { pdCurve, fanData, ttdBins, shareBars, exportFooter } from '../../src/ui/components/results/series';
import { createNodeEngine } from '../../src/engine/node';
import { VAR_KEYS, type RunResult } from '../../src/engine/results';
import { START } from '../../src/model/start-state';
import { scenario } from '../helpers/fixture';

describe('log ticks', () => {
  it('uses 1-2-5 per decade when they fit', () => {
    expect(logTicks(10_000, 300_000, 10)).toEqual([10_000, 20_000, 50_000, 100_000, 200_000]);
  });
  it('thins to one tick per decade (or fewer) when the range is wide', () => {
    expect(logTicks(1, 1e6, 7)).toEqual([1, 10, 100, 1000, 1e4, 1e5, 1e6]);
    expect(logTicks(1, 1e12, 5)).toEqual([1, 1e3, 1e6, 1e9, 1e12]);
  });
  it('never returns more ticks than asked (at least two) and all inside the range', () => {
    for (const [lo, hi, n] of [[5620, 227_717, 3], [186, 1975, 4], [3.2, 95, 2], [0.013, 41, 5]] as const) {
      const t = logTicks(lo, hi, n);
      expect(t.length).toBeGreaterThanOrEqual(2);
      expect(t.length).toBeLessThanOrEqual(Math.max(2, n));
      for (const v of t) { expect(v).toBeGreaterThanOrEqual(lo); expect(v).toBeLessThanOrEqual(hi); }
    }
  });
  it('falls back to linear ticks inside a range narrower than two round values', () => {
    const t = logTicks(860, 1040, 4);
    expect(t.length).toBeGreaterThanOrEqual(2);
    expect(t.every((v) => v >= 860 && v <= 1040)).toBe(true);
  });
});

describe('scales and domains', () => {
  it('puts date ticks on 1 January, thinned to fit, and leaves short horizons to month ticks', () => {
    const iso = (d: Date[] | null) => d?.map((x) => x.toISOString().slice(0, 10)) ?? null;
    expect(iso(yearTicks(isoToDate('2026-03-22'), isoToDate('2029-03-22'), 6))).toEqual(['2027-01-01', '2028-01-01', '2029-01-01']);
    expect(iso(yearTicks(isoToDate('2026-03-22'), isoToDate('2036-03-22'), 4))).toEqual(['2028-01-01', '2030-01-01', '2032-01-01', '2034-01-01', '2036-01-01']);
    expect(iso(yearTicks(isoToDate('2026-03-22'), isoToDate('2036-03-22'), 2))).toEqual(['2030-01-01', '2035-01-01']);
    expect(yearTicks(isoToDate('2026-03-22'), isoToDate('2027-03-22'), 6)).toBeNull();
    const t = makeScale({ kind: 'time', domain: [isoToDate('2026-03-22'), isoToDate('2026-09-22')] }, [0, 300]).ticks(4);
    expect(t.length).toBeGreaterThanOrEqual(2);
  });
  it('fits about one tick per given pixels, at least two', () => {
    expect(tickCount(330, 90)).toBe(3);
    expect(tickCount(40, 90)).toBe(2);
  });
  it('pads a log domain and ignores zero, negative and missing values', () => {
    const [lo, hi] = logDomain([0, -3, null, 100, 1000, NaN]);
    expect(lo).toBeCloseTo(100 / 1.08);
    expect(hi).toBeCloseTo(1080);
  });
  it('includes zero in a linear domain when asked (cash and net debt)', () => {
    expect(linearDomain([5e6, 3e8], 0, true)).toEqual([0, 3e8]);
    expect(linearDomain([-3e8, 3e8], 0, true)).toEqual([-3e8, 3e8]);
  });
  it('maps a log scale bottom-up and a band scale to bands', () => {
    const y = makeScale({ kind: 'log', domain: [10, 1000] }, [200, 0]);
    expect(y.map(10)).toBeCloseTo(200);
    expect(y.map(100)).toBeCloseTo(100);
    const b = makeScale({ kind: 'band', domain: ['a', 'b'], padding: 0 }, [0, 100]);
    expect(b.map('b')).toBe(50);
    expect(b.bandwidth).toBe(50);
  });
});

describe('number formats', () => {
  it('writes money with B/M/k and a minus sign', () => {
    expect(formatUsdShort(1.2e9)).toBe('$1.2B');
    expect(formatUsdShort(350e6)).toBe('$350M');
    expect(formatUsdShort(68_018.15)).toBe('$68k');
    expect(formatUsdShort(-5.9e6)).toBe('−$5.9M');
    expect(formatUsdShort(0)).toBe('$0');
    expect(formatUsdShort(32.1)).toBe('$32.1');
  });
  it('writes difficulty with SI prefixes and hashrate with separators', () => {
    expect(formatSi(133_793_147_307_542)).toBe('134T');
    expect(formatRound(1975.39)).toBe('1,980');
    expect(formatRound(200)).toBe('200');
  });
  it('shows a probability to two significant digits of its standard error', () => {
    expect(pctDecimals(0.0039)).toBe(2); // 81.68 ± 0.39
    expect(pctDecimals(0.00017)).toBe(3); // 0.030 ± 0.017
    expect(pctDecimals(0.021)).toBe(1); // 45.3 ± 2.1
    expect(pctDecimals(0)).toBe(2);
    expect(formatPct(0.8168, 1)).toBe('81.7 %');
  });
  it('gives percent ticks as many decimals as their step needs', () => {
    expect(pctTickFormat([0, 0.2, 0.4])(0.2)).toBe('20%');
    expect(pctTickFormat([0, 0.005, 0.01])(0.005)).toBe('0.5%');
    expect(pctTickFormat([0, 0.0002])(0.0002)).toBe('0.02%');
  });
  it('labels yearly date ticks with the year only, others with month and year once per year', () => {
    const years = ['2027-01-01', '2028-01-01'].map(isoToDate);
    expect(years.map(dateTickFormat(years))).toEqual(['2027', '2028']);
    const months = ['2026-04-01', '2026-07-01', '2026-10-01', '2027-01-01'].map(isoToDate);
    expect(months.map(dateTickFormat(months))).toEqual(['Apr 2026', 'Jul', 'Oct', 'Jan 2027']);
  });
});

describe('dated markers', () => {
  it('puts the next halving (block 1,050,000) at ≈ 2028-04-07 at the observed 145 blocks/day (model-spec §4)', () => {
    const h = halvingDates(START.date, START.nextHeight, '2031-03-22');
    expect(h).toEqual([{ height: 1_050_000, date: '2028-04-07' }]);
  });
  it('lists every halving inside the horizon and none after it (one every ≈ 4 years)', () => {
    const h = halvingDates(START.date, START.nextHeight, '2034-03-22');
    expect(h.map((x) => x.height)).toEqual([1_050_000, 1_260_000]);
    expect(h[1].date.slice(0, 7)).toBe('2032-03');
    expect(halvingDates(START.date, START.nextHeight, '2027-03-22')).toEqual([]);
  });
  it('labels the end of data, the halving and the maturities inside the horizon, in date order', () => {
    const ev = timelineEvents('2026-03-22', '2031-03-22', START.nextHeight,
      [{ id: 'conv-2030', maturityDate: '2030-06-15' }, { id: 'btc-loan', maturityDate: '2027-03-31' }, { id: 'late', maturityDate: '2032-01-01' }]);
    expect(ev.map((e) => e.label)).toEqual(['end of data (2026-03-22)', 'btc-loan matures', 'halving ≈ Apr 2028 (expected)', 'conv-2030 matures']);
  });
  it('stacks labels so that none overlap and none leave the plot', () => {
    const items = [0, 10, 20, 290].map((x) => ({ x, width: 80 }));
    const placed = layoutLabels(items, 300);
    const spans = placed.map((p, i) => ({ row: p.row, a: p.anchor === 'start' ? p.x : p.x - items[i].width, b: p.anchor === 'start' ? p.x + items[i].width : p.x }));
    for (const s of spans) { expect(s.a).toBeGreaterThanOrEqual(0); expect(s.b).toBeLessThanOrEqual(300); }
    for (let i = 0; i < spans.length; i++) for (let j = i + 1; j < spans.length; j++) {
      if (spans[i].row === spans[j].row) expect(spans[i].b <= spans[j].a || spans[j].b <= spans[i].a).toBe(true);
    }
    expect(placed[3].anchor).toBe('end');
    expect(textWidth('abc')).toBeGreaterThan(0);
  });
});

describe('chart data and exports from a run', () => {
  const engine = createNodeEngine({ workers: 0 });
  let r: RunResult;
  beforeAll(async () => {
    r = await engine.run(scenario({ run: { paths: 640, months: 72, seed: 7 } }));
  });
  afterAll(() => engine.dispose());

  it('starts the PD curve at 0 on the start date and follows pdByMonth and its Wilson band', () => {
    const { line, band } = pdCurve(r);
    expect(line).toHaveLength(73);
    expect(line[0]).toEqual([isoToDate('2026-03-22'), 0]);
    expect(line[72][1]).toBe(r.pd);
    expect(band[12]).toEqual([isoToDate(r.monthDates[12]), r.pdCI95[11][0], r.pdCI95[11][1]]);
  });

  it('opens the fan from the start value and keeps firm sample paths to their default', () => {
    const f = fanData(r, 'cashUsd', 5);
    expect(f.median[0][1]).toBe(r.samplePaths[0].series.cashUsd[0]);
    expect(f.median[5][1]).toBe(r.quantiles.cashUsd.p50[4]);
    expect(f.nAtHorizon).toBe(r.quantiles.cashUsd.n[71]);
    expect(f.samples).toHaveLength(5);
    for (const s of f.samples) {
      if (!s.defaulted) { expect(s.points).toHaveLength(73); continue; }
      expect(s.points.every((p) => p[1] !== null)).toBe(true);
      expect(s.cross?.x.toISOString().slice(0, 10)).toBe(r.samplePaths[s.path].defaultDate);
    }
  });

  it('leaves out the start date for the miner’s share, which has no start value', () => {
    const f = fanData(r, 'minerShare', 5, String, false);
    expect(f.median).toHaveLength(72);
    expect(f.median[0]).toEqual([isoToDate(r.monthDates[1]), r.quantiles.minerShare.p50[0]]);
    expect(f.samples.every((s) => s.points[0][1] === null)).toBe(true);
  });

  it('bins time to default by quarter beyond 60 months, keeping every default', () => {
    const { bins, months } = ttdBins(r);
    expect(months).toBe(3);
    expect(bins).toHaveLength(24);
    expect(bins.reduce((s, b) => s + b.value, 0)).toBe(r.timeToDefault.monthCounts.reduce((s, c) => s + c, 0));
  });

  it('labels shares of defaults with their counts', () => {
    const bars = shareBars({ maturity: { count: 6178, share: 0.7563663 } }, (k) => k);
    expect(bars[0]).toMatchObject({ key: 'maturity', value: 0.7563663, label: '75.6 % · 6,178' });
  });

  it('writes one CSV row per month with the PD and every variable’s quantiles', () => {
    const lines = resultsCsv(r).trimEnd().split('\n');
    expect(lines).toHaveLength(73);
    const header = lines[0].split(',');
    expect(header.slice(0, 7)).toEqual(['month', 'date', 'pd', 'pd_se', 'pd_ci95_lo', 'pd_ci95_hi', 'defaults_in_month']);
    expect(header).toHaveLength(7 + 6 * VAR_KEYS.length);
    const last = lines[72].split(',');
    expect(last[0]).toBe('72');
    expect(last[1]).toBe(r.monthDates[72]);
    expect(Number(last[2])).toBe(r.pd);
    expect(Number(last[header.indexOf('btcPriceUsd_p50')])).toBe(r.quantiles.btcPriceUsd.p50[71]);
  });

  it('exports the whole result with the scenario as JSON, missing numbers as null', () => {
    const s = scenario({ run: { paths: 640, months: 72, seed: 7 } });
    const back = JSON.parse(resultJson({ ...r, pd: NaN }, s));
    expect(back.scenario.run.seed).toBe(7);
    expect(back.pd).toBeNull();
    expect(back.pdByMonth).toEqual(r.pdByMonth);
  });

  it('wraps long export lines by words within the width', () => {
    const lines = wrapText('minerisk 0.1.0 · 10,000 paths · seed 1 · data to 2026-03-22 · stress view: converts repaid at par', 200, 10);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe('minerisk 0.1.0 · 10,000 paths · seed 1 · data to 2026-03-22 · stress view: converts repaid at par');
    for (const l of lines) expect(textWidth(l, 10)).toBeLessThanOrEqual(200);
    expect(wrapText('', 100, 10)).toEqual([]);
  });

  it('names files and the source line after the run', () => {
    expect(exportFileName(['minerisk', 'PD curve!'], 'svg')).toBe('minerisk-pd-curve.svg');
    expect(exportFooter(r, 'stress view', 'Test miner')).toBe('minerisk 0.1.0 · Test miner · 640 paths · seed 7 · data to 2026-03-22 · stress view');
  });
});
