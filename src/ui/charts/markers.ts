// Dated events drawn as vertical markers (start of the simulation, halvings, debt maturities) and the layout of their
// labels. Pure.
import { addDays, parseIsoDate } from '../../model/calendar';
import { formatMonthYear, isoToDate } from './format';

export const HALVING_INTERVAL_BLOCKS = 210_000;
/** Observed blocks per day over the last retarget epochs (model-spec §4: "at the observed 145.0 blocks/day the next halving is ≈ 2028-04-07"). */
export const OBSERVED_BLOCKS_PER_DAY = 145.0;

export interface DatedEvent {
  date: string;
  label: string;
  kind: 'start' | 'halving' | 'maturity';
}

/**
 * Expected dates of the halvings after `nextHeight` up to `endDate`, at a constant block rate: the block at height
 * k·210,000 is the (k·210,000 − nextHeight + 1)-th block after the start date, mined on day ⌈blocks / rate⌉ (day t
 * is the date start + t days, model-spec §1).
 */
export function halvingDates(startDate: string, nextHeight: number, endDate: string, blocksPerDay = OBSERVED_BLOCKS_PER_DAY): { height: number; date: string }[] {
  const out: { height: number; date: string }[] = [];
  const end = parseIsoDate(endDate);
  for (let h = Math.ceil(nextHeight / HALVING_INTERVAL_BLOCKS) * HALVING_INTERVAL_BLOCKS; ; h += HALVING_INTERVAL_BLOCKS) {
    const date = addDays(startDate, Math.ceil((h - nextHeight + 1) / blocksPerDay));
    if (parseIsoDate(date) > end) break;
    out.push({ height: h, date });
  }
  return out;
}

/** The events a time chart marks: end of data, expected halvings and the maturities of the debt inside the horizon. */
export function timelineEvents(startDate: string, endDate: string, nextHeight: number | null, debt: { id: string; maturityDate: string }[]): DatedEvent[] {
  const events: DatedEvent[] = [{ date: startDate, label: `end of data (${startDate})`, kind: 'start' }];
  if (nextHeight !== null) {
    for (const h of halvingDates(startDate, nextHeight, endDate)) {
      events.push({ date: h.date, label: `halving ≈ ${formatMonthYear(h.date)} (expected)`, kind: 'halving' });
    }
  }
  const end = parseIsoDate(endDate);
  for (const t of debt) {
    if (parseIsoDate(t.maturityDate) <= end) events.push({ date: t.maturityDate, label: `${t.id} matures`, kind: 'maturity' });
  }
  return events.sort((a, b) => a.date.localeCompare(b.date));
}

export function eventDate(e: DatedEvent): Date {
  return isoToDate(e.date);
}

export interface LabelPlacement { row: number; anchor: 'start' | 'end'; x: number }

/**
 * Rows for marker labels so none overlap: each label sits right of its line (left when it would leave the plot),
 * in the lowest row where it fits. x and widths in pixels; `width` is the plot width.
 */
export function layoutLabels(items: { x: number; width: number }[], plotWidth: number, gapPx = 6, offsetPx = 4): LabelPlacement[] {
  const order = items.map((_, i) => i).sort((a, b) => items[a].x - items[b].x);
  const rows: [number, number][][] = [];
  const out: LabelPlacement[] = new Array(items.length);
  for (const i of order) {
    const { x, width } = items[i];
    const anchor: 'start' | 'end' = x + offsetPx + width <= plotWidth || x - offsetPx - width < 0 ? 'start' : 'end';
    const span: [number, number] = anchor === 'start' ? [x + offsetPx, x + offsetPx + width] : [x - offsetPx - width, x - offsetPx];
    let row = rows.findIndex((r) => r.every(([a, b]) => span[1] + gapPx <= a || span[0] >= b + gapPx));
    if (row < 0) { rows.push([]); row = rows.length - 1; }
    rows[row].push(span);
    out[i] = { row, anchor, x: anchor === 'start' ? x + offsetPx : x - offsetPx };
  }
  return out;
}

/** Rough width of a label in pixels (system-ui at `fontPx`): enough to keep labels apart without measuring text. */
export function textWidth(text: string, fontPx = 11): number {
  return text.length * fontPx * 0.56;
}
