// docs/scenario.md cannot drift from FIELD_INFO: every field is documented with its unit, default and range, no
// stale field is documented, and the example file in the docs is a valid scenario.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIELD_INFO, formatDefault, formatError, listFields, resolveScenario } from '../../src/model/scenario';
import { STRESS_VIEW_LABEL } from '../../src/model/presets';

const DOC = readFileSync(new URL('../../docs/scenario.md', import.meta.url), 'utf8');

/** Table rows of the docs keyed by the field path in their first cell: `| \`path\` | unit | default | allowed | … |`. */
const ROWS = new Map(
  DOC.split('\n')
    .filter((line) => /^\| `[^`]+` \|/.test(line))
    .map((line) => {
      const cells = line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((c) => c.trim().replace(/\\\|/g, '|'));
      return [cells[0].slice(1, -1), cells] as const;
    }),
);

describe('docs/scenario.md', () => {
  it.each(listFields().map((f) => [f.path, f] as const))('documents %s with its unit, default and range', (path, info) => {
    const cells = ROWS.get(path);
    expect(cells, `no table row for \`${path}\``).toBeDefined();
    const [, unit, def, allowed, meaning, source] = cells!;
    expect(unit).toBe(info.unit);
    expect(def).toBe(formatDefault(info));
    expect(allowed).toBe(info.range);
    expect(meaning).not.toBe('');
    expect(source).not.toBe('');
  });

  it('documents no field that does not exist', () => {
    expect([...ROWS.keys()].filter((path) => !(path in FIELD_INFO))).toEqual([]);
  });

  it('shows an example file that resolves', () => {
    const example = /## Example file\s+```json\n([\s\S]*?)```/.exec(DOC);
    expect(example).not.toBeNull();
    const r = resolveScenario(JSON.parse(example![1]));
    expect(r.ok ? [] : r.errors.map(formatError)).toEqual([]);
  });

  it('shows error lines exactly as resolveScenario writes them', () => {
    const bond = { type: 'bond', principalUsd: 1, maturityDate: '2029-01-01' };
    const inputs = [
      { miner: { power: { hedgedShare: 1.5 } } },
      { debt: [bond, { ...bond, couponRate: 2 }] },
      { debt: [{ type: 'bond', principalUsd: 1 }] },
      { debt: [{ ...bond, type: 'btc_backed_loan', collateralBtc: 1, topUpToLtv: 0.75 }] },
      { market: { price: { sigmaa: 0.6 } } },
      { start: { date: '2025-01-01' } },
    ];
    const block = /Each error names[^`]*```\n([\s\S]*?)```/.exec(DOC)![1].trim().split('\n');
    const actual = inputs.map((input) => {
      const r = resolveScenario(input);
      return r.ok ? 'accepted' : formatError(r.errors[0]);
    });
    expect(block).toEqual(actual);
  });

  it('names the stress-view label of the presets', () => {
    expect(DOC).toContain(STRESS_VIEW_LABEL);
  });
});
