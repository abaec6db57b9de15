// Exports: a chart as a standalone SVG (title, chart, legend and a source line; computed colours inlined so it looks
// the same outside the page, in either theme) or as a PNG drawn from that SVG at 2×; the results as CSV (PD curve
// and quantiles by month) and JSON (the whole result with the scenario). The CSV and JSON builders are pure.
import { VAR_KEYS, type RunResult } from '../../engine/results';
import type { Scenario } from '../../model/scenario';
import type { LegendItem } from './types';
import { textWidth } from './markers';

export interface ExportFrame {
  title: string;
  subtitle?: string;
  legend?: LegendItem[];
  /** Source line: model version, paths, seed, caveat. */
  footer?: string;
}

// ---- pure builders ------------------------------------------------------------------------------------------------

const csvCell = (v: unknown): string => {
  if (v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v))) return '';
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/**
 * One row per month 1..M: the month-end date, cumulative PD with its standard error and 95 % Wilson interval, the
 * defaults in the month, then n and the 5/25/50/75/95 % quantiles of every variable (firm variables over surviving
 * paths; units as in the JSON's quantiles[key].unit). Missing numbers are empty cells.
 */
export function resultsCsv(r: RunResult): string {
  const header = ['month', 'date', 'pd', 'pd_se', 'pd_ci95_lo', 'pd_ci95_hi', 'defaults_in_month'];
  for (const k of VAR_KEYS) for (const s of ['n', 'p5', 'p25', 'p50', 'p75', 'p95']) header.push(`${k}_${s}`);
  const lines = [header.join(',')];
  for (let i = 0; i < r.pdByMonth.length; i++) {
    const row: unknown[] = [i + 1, r.monthDates[i + 1], r.pdByMonth[i], r.pdStdErr[i], r.pdCI95[i]?.[0], r.pdCI95[i]?.[1], r.timeToDefault.monthCounts[i]];
    for (const k of VAR_KEYS) {
      const q = r.quantiles[k];
      row.push(q?.n[i], q?.p5[i], q?.p25[i], q?.p50[i], q?.p75[i], q?.p95[i]);
    }
    lines.push(row.map(csvCell).join(','));
  }
  return lines.join('\n') + '\n';
}

/** The whole result with the scenario that produced it (enough to reproduce the run); NaN becomes null. */
export function resultJson(r: RunResult, scenario: Scenario | null): string {
  return JSON.stringify({ scenario, ...r }, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2) + '\n';
}

/** A file name from its parts: lower case, words joined by '-'. */
export function exportFileName(parts: (string | number)[], ext: string): string {
  const slug = parts.map((p) => String(p).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')).filter(Boolean).join('-');
  return `${slug || 'minerisk'}.${ext}`;
}

/** Words wrapped into lines of at most `maxWidthPx` (estimated widths), for titles and source lines in exports. */
export function wrapText(text: string, maxWidthPx: number, fontPx: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, fontPx) > maxWidthPx) { lines.push(line); line = word; } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

// ---- DOM: downloads --------------------------------------------------------------------------------------------

export function downloadBlob(blob: Blob, filename: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

export function downloadText(text: string, filename: string, mime: string): void {
  downloadBlob(new Blob([text], { type: `${mime};charset=utf-8` }), filename);
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const INLINED = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'stroke-linejoin',
  'stroke-linecap', 'opacity', 'font-family', 'font-size', 'font-weight', 'font-variant-numeric', 'text-anchor', 'paint-order'];

function cssVar(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

/** 'var(--series-1)' → the colour it has now; other colours unchanged. */
function resolveColor(c: string): string {
  const m = /^var\((--[\w-]+)\)$/.exec(c.trim());
  return m ? cssVar(m[1]) || '#888' : c;
}

function el(name: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const e = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/** A copy of the chart's svg with each element's computed paint and font written into its style attribute. */
function inlineStyles(svg: SVGSVGElement): SVGSVGElement {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const src = svg.querySelectorAll('*');
  const dst = clone.querySelectorAll('*');
  src.forEach((node, i) => {
    if (node.closest('title, desc, defs')) return;
    const cs = getComputedStyle(node);
    const target = dst[i] as SVGElement;
    target.setAttribute('style', INLINED.map((p) => `${p}:${cs.getPropertyValue(p)}`).join(';'));
    target.removeAttribute('class');
  });
  clone.removeAttribute('class');
  return clone;
}

/** The standalone SVG text: background, title, subtitle, the chart, the legend and the source line. */
export function exportSvgText(svg: SVGSVGElement, frame: ExportFrame): { text: string; width: number; height: number } {
  const width = svg.width.baseVal.value || svg.getBoundingClientRect().width;
  const chartHeight = svg.height.baseVal.value || svg.getBoundingClientRect().height;
  const font = getComputedStyle(svg).fontFamily || 'system-ui, sans-serif';
  const text = resolveColor('var(--text)') || '#000';
  const muted = resolveColor('var(--muted)') || '#555';
  const pad = 12;
  const outerWidth = width + 2 * pad;
  const root = el('svg', { xmlns: SVG_NS, width: outerWidth, height: 1, 'font-family': font });
  let y = 0;
  const bg = el('rect', { x: 0, y: 0, width: outerWidth, height: 0, fill: resolveColor('var(--bg)') || '#fff' });
  root.append(bg);
  y += 4;
  for (const line of wrapText(frame.title, width, 14)) { y += 18; root.append(el('text', { x: pad, y, 'font-size': 14, 'font-weight': 700, fill: text }, line)); }
  for (const line of wrapText(frame.subtitle ?? '', width, 11)) { y += 15; root.append(el('text', { x: pad, y, 'font-size': 11, fill: muted }, line)); }
  y += 8;
  const chart = inlineStyles(svg);
  chart.setAttribute('x', String(pad));
  chart.setAttribute('y', String(y));
  root.append(chart);
  y += chartHeight;
  // Legend: swatch + label, wrapped to the width.
  let x = pad;
  if (frame.legend?.length) y += 16;
  for (const item of frame.legend ?? []) {
    const w = 26 + textWidth(item.label, 11) + 14;
    if (x + w > outerWidth - pad && x > pad) { x = pad; y += 16; }
    const color = resolveColor(item.color);
    if (item.kind === 'band' || item.kind === 'bar') root.append(el('rect', { x, y: y - 9, width: 20, height: 10, fill: color }));
    else if (item.kind === 'cross') root.append(el('path', { d: `M${x + 6},${y - 8}L${x + 14},${y}M${x + 6},${y}L${x + 14},${y - 8}`, stroke: color, 'stroke-width': 2 }));
    else root.append(el('line', { x1: x, x2: x + 20, y1: y - 4, y2: y - 4, stroke: color, 'stroke-width': item.kind === 'line' ? 2 : 1.2,
      ...(item.kind === 'dashed' ? { 'stroke-dasharray': '4 2.5' } : item.kind === 'marker' ? { 'stroke-dasharray': '5 3' } : {}) }));
    root.append(el('text', { x: x + 26, y, 'font-size': 11, fill: muted }, item.label));
    x += w;
  }
  y += 4;
  for (const line of wrapText(frame.footer ?? '', width, 10)) { y += 14; root.append(el('text', { x: pad, y, 'font-size': 10, fill: muted }, line)); }
  const height = Math.ceil(y + 10);
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${outerWidth} ${height}`);
  bg.setAttribute('height', String(height));
  return { text: new XMLSerializer().serializeToString(root), width: outerWidth, height };
}

export function downloadSvg(svg: SVGSVGElement, frame: ExportFrame, filename: string): void {
  downloadText(exportSvgText(svg, frame).text, filename, 'image/svg+xml');
}

/** PNG at 2× (sharp on high-density screens and in print), drawn from the standalone SVG. */
export async function downloadPng(svg: SVGSVGElement, frame: ExportFrame, filename: string, scale = 2): Promise<void> {
  const { text, width, height } = exportSvgText(svg, frame);
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const g = canvas.getContext('2d');
    if (!g) throw new Error('no 2D canvas');
    g.scale(scale, scale);
    g.drawImage(img, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('the PNG could not be encoded');
    downloadBlob(blob, filename);
  } finally {
    URL.revokeObjectURL(url);
  }
}
