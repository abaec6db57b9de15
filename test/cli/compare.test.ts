// `minerisk run --compare FILE` and `--tornado X`, called as a program.
import { test, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'minerisk-compare-'));
function cli(...args: string[]) {
  const r = spawnSync('node', [join(ROOT, 'bin/minerisk.js'), ...args], { encoding: 'utf8', cwd: ROOT, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
function file(name: string, content: unknown): string {
  const p = join(dir, name);
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
}

const variants = file('variants.json', [
  { name: 'cash +$200M', patch: { miner: { treasury: { cashUsd: 350e6 } } } },
  { name: 'same as base', patch: {} },
]);

test('--compare prints PD per variant and the paired difference from the base with its standard error', () => {
  const r = cli('run', '--compare', variants, '--paths', '2000', '--workers', '2');
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/Strategy comparison on common random numbers — 2,000 paths, seed 1, 60 months/);
  expect(r.stdout).toMatch(/cash \+\$200M .*−\d+\.\d\d pp ± \d\.\d\d/);
  expect(r.stdout).toMatch(/same as base .*\+0\.00 pp ± 0\.00/);
});

test('--compare --json gives the base, each variant and paired differences, identical for any worker count', () => {
  const one = cli('run', '--compare', variants, '--paths', '1000', '--workers', '1', '--json');
  const two = cli('run', '--compare', variants, '--paths', '1000', '--workers', '2', '--chunk-batches', '3', '--json');
  expect(one.code).toBe(0);
  const a = JSON.parse(one.stdout).comparison;
  expect(a.variants).toHaveLength(2);
  expect(a.variants[0].vsBase.horizon.diff).toBeLessThan(0);
  expect(a.variants[0].vsBase.horizon.se).toBeLessThan(a.variants[0].vsBase.horizon.independentSe);
  expect(a.variants[1].vsBase.horizon).toMatchObject({ diff: 0, se: 0 });
  expect(JSON.parse(two.stdout).comparison).toEqual(a);
});

test('--tornado prints every key input sorted by PD swing', () => {
  const r = cli('run', '--tornado', '0.2', '--paths', '500', '--months', '36', '--json');
  expect(r.code).toBe(0);
  const t = JSON.parse(r.stdout).tornado;
  expect(t.pct).toBe(0.2);
  expect(t.rows.length).toBeGreaterThanOrEqual(8);
  const swing = (row: { low: { pd: number } | null; high: { pd: number } | null }) => Math.abs((row.high?.pd ?? t.base.pd) - (row.low?.pd ?? t.base.pd));
  for (let i = 1; i < t.rows.length; i++) expect(swing(t.rows[i - 1])).toBeGreaterThanOrEqual(swing(t.rows[i]));
});

test.each([
  ['a missing variants file', ['--compare', join(dir, 'nope.json')], /cannot read .*nope\.json: no such file/],
  ['a variants file that is not a list', ['--compare', file('obj.json', { name: 'x' })], /expected a non-empty list of variants/],
  ['a variant without a patch', ['--compare', file('nopatch.json', [{ name: 'x' }])], /variants\[0\]\.patch must be an object/],
  ['a variant with an unknown field', ['--compare', file('extra.json', [{ name: 'x', patch: {}, colour: 'red' }])], /unknown field "colour"/],
  ['a variant whose patch is invalid', ['--compare', file('bad.json', [{ name: 'x', patch: { miner: { power: { hedgedShare: 2 } } } }])], /variant "x": miner\.power\.hedgedShare: 2 is out of range/],
  ['a tornado share out of range', ['--tornado', '1.5'], /--tornado expects a share between 0 and 1/],
  ['both --compare and --tornado', ['--compare', variants, '--tornado', '0.2'], /either --compare or --tornado/],
])('%s → one line on stderr, exit 2', (_name, args, message) => {
  const r = cli('run', ...args, '--paths', '100');
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(message);
  expect(r.stderr).not.toMatch(/\n\s+at /);
});
