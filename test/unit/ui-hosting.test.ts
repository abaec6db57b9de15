// The editor's hosting helpers (model-spec §10): every contract field shown once, a new contract that resolves, and
// errors placed in the Hosting section.
import { describe, expect, it } from 'vitest';
import { FIELD_INFO, resolveScenario, formatError } from '../../src/model/scenario';
import { hostingFields, newHostingContract, sectionOf, errorPlace, shortLabel, LABELS } from '../../src/ui/components/editor/fields';

describe('hosting in the editor', () => {
  it('shows every contract field exactly once, each with a label', () => {
    const fields = hostingFields(2);
    const expected = Object.keys(FIELD_INFO).filter((p) => p.startsWith('hosting[].')).map((p) => p.replace('hosting[]', 'hosting[2]'));
    expect([...fields].sort()).toEqual(expected.sort());
    expect(new Set(fields).size).toBe(fields.length);
    for (const p of fields) expect(LABELS[p.replace(/\[\d+\]/, '[]')], p).toBeTruthy();
    expect(shortLabel('hosting[0].interruptibleShare')).toBe('Interruptible share of slack');
  });

  it('adds a contract that resolves on its own and next to others, with a fresh name', () => {
    const first = newHostingContract([]);
    const second = newHostingContract([first]);
    expect([first.name, second.name]).toEqual(['h1', 'h2']);
    expect(newHostingContract([{ name: 'h2' }]).name).toBe('h3');
    const r = resolveScenario({ hosting: [first, second] });
    expect(r.ok ? [] : r.errors.map(formatError)).toEqual([]);
    // The new contract carries the resolved defaults of an unbacked lease.
    const bare = resolveScenario({ hosting: [{ mwIt: 50 }] });
    expect(bare.ok && { ...bare.scenario.hosting[0], name: 'h1' }).toEqual(first);
  });

  it('places hosting errors in the Hosting section, by contract', () => {
    expect(sectionOf('hosting[0].mwIt')).toBe('hosting');
    expect(sectionOf('hosting')).toBe('hosting');
    expect(errorPlace('hosting[1].loanRate')).toBe('Hosting (AI/HPC) › contract 2 › Project loan rate');
    expect(errorPlace('hosting')).toBe('Hosting (AI/HPC)');
  });
});
