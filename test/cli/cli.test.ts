// The CLI as a program: `node bin/minerisk.js …` in a child process (the compiled build/cli.js, as `npx minerisk`
// runs it), asserting stdout, stderr and exit code — bad inputs included — plus runCli() in-process with captured
// io. Needs `npm run build:core` first (`npm test` does it).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../src/cli/program';
import { VAR_KEYS } from '../../src/engine/results';
import { PRESETS, STRESS_VIEW_LABEL } from '../../src/model/presets';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin/minerisk.js');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

interface Out { code: number | null; stdout: string; stderr: string; ms: number }

/** Runs the CLI as a program from the repo root. */
function cli(args: string[], timeoutMs = 60_000): Promise<Out> {
  const t0 = Date.now();
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [BIN, ...args], { cwd: ROOT, timeout: timeoutMs, maxBuffer: 64 << 20, encoding: 'utf8' }, (err, stdout, stderr) => {
      if (err && typeof err.code !== 'number') return reject(new Error(`minerisk ${args.join(' ')}: ${err.message}\n${stderr}`));
      resolve({ code: err ? (err.code as number) : 0, stdout, stderr, ms: Date.now() - t0 });
    });
  });
}

// Loosely typed view of the JSON document (the test checks its shape rather than trusting a type).
type Doc = Record<string, any>;

/** `run … --json`: exit 0, nothing on stderr, one JSON document on stdout. */
async function runJson(args: string[]): Promise<Doc> {
  const r = await cli(['run', ...args, '--json']);
  expect(r.stderr, r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout.endsWith('}\n')).toBe(true);
  return JSON.parse(r.stdout) as Doc;
}

const withoutMeta = (d: Doc): string => {
  const { meta: _meta, ...rest } = d;
  return JSON.stringify(rest);
};

/** The §7 document: every required key, sensible values, arrays as long as the horizon. */
function checkDocument(d: Doc, paths: number, months: number, seed: number, caveat = STRESS_VIEW_LABEL): void {
  for (const key of ['pd', 'pdByMonth', 'pdStdErr', 'pdCI95', 'pdAtYears', 'defaultCauses', 'defaultTranches', 'timeToDefault',
    'marginLiquidations', 'terminal', 'quantiles', 'monthDates', 'samplePaths', 'meta'])
    expect(d, key).toHaveProperty(key);
  for (const key of ['paths', 'seed', 'workers', 'engine', 'elapsedMs', 'version', 'months', 'startDate'])
    expect(d.meta, `meta.${key}`).toHaveProperty(key);
  expect(d.meta).toMatchObject({ paths, months, seed, version: VERSION, complete: true });
  expect(d.meta.engine).toMatch(/^(wasm|js) /);
  expect(d.meta.elapsedMs).toBeGreaterThanOrEqual(0);
  expect(d.scenario.caveat).toBe(caveat);

  expect(d.pd).toBeGreaterThanOrEqual(0);
  expect(d.pd).toBeLessThanOrEqual(1);
  expect(d.pdByMonth).toHaveLength(months);
  expect(d.pdStdErr).toHaveLength(months);
  expect(d.pdCI95).toHaveLength(months);
  expect(d.pd).toBe(d.pdByMonth[months - 1]);
  d.pdByMonth.forEach((p: number, i: number) => {
    expect(p).toBeGreaterThanOrEqual(i > 0 ? d.pdByMonth[i - 1] : 0); // cumulative
    expect(p).toBeLessThanOrEqual(1);
    expect(d.pdStdErr[i]).toBeCloseTo(Math.sqrt((p * (1 - p)) / paths), 12);
    const [lo, hi] = d.pdCI95[i];
    // Wilson bounds: at 0 defaults the lower bound is 0 up to rounding (~1e-19).
    expect(lo).toBeLessThanOrEqual(p + 1e-15);
    expect(hi).toBeGreaterThanOrEqual(p);
    expect(lo).toBeGreaterThanOrEqual(0);
    expect(hi).toBeLessThanOrEqual(1);
  });
  const years = [1, 2, 3, 5].filter((y) => 12 * y <= months).map(String);
  expect(Object.keys(d.pdAtYears)).toEqual(years);
  for (const y of years) expect(d.pdAtYears[y]).toEqual({ pd: d.pdByMonth[12 * +y - 1], se: d.pdStdErr[12 * +y - 1], ci95: d.pdCI95[12 * +y - 1] });

  expect(Object.keys(d.defaultCauses)).toEqual(['liquidity', 'operating', 'maturity', 'margin_call', 'put']);
  const defaulted = Math.round(d.pd * paths);
  const causes = Object.values(d.defaultCauses as Record<string, { count: number; share: number }>);
  expect(causes.reduce((a, c) => a + c.count, 0)).toBe(defaulted);
  if (defaulted > 0) expect(causes.reduce((a, c) => a + c.share, 0)).toBeCloseTo(1, 12);
  const tranches = Object.values(d.defaultTranches as Record<string, { count: number }>);
  expect(tranches.reduce((a, c) => a + c.count, 0)).toBe(defaulted);
  expect(d.timeToDefault.monthCounts).toHaveLength(months);

  expect(Object.keys(d.quantiles)).toEqual([...VAR_KEYS]);
  for (const key of VAR_KEYS) {
    const q = d.quantiles[key];
    expect(typeof q.unit).toBe('string');
    for (const level of ['n', 'p5', 'p25', 'p50', 'p75', 'p95']) expect(q[level], `${key}.${level}`).toHaveLength(months);
  }
  // The price is simulated on every path: quantiles are finite, ordered and positive.
  const price = d.quantiles.btcPriceUsd;
  for (let m = 0; m < months; m++) {
    expect(price.n[m]).toBe(paths);
    expect(price.p5[m]).toBeGreaterThan(0);
    expect(price.p5[m]).toBeLessThanOrEqual(price.p50[m]);
    expect(price.p50[m]).toBeLessThanOrEqual(price.p95[m]);
  }
  expect(d.monthDates).toHaveLength(months + 1);
  expect(d.monthDates[0]).toBe(d.meta.startDate);
  expect(d.samplePaths.length).toBeGreaterThan(0);
  expect(d.samplePaths.length).toBeLessThanOrEqual(paths);
  for (const s of d.samplePaths) for (const key of VAR_KEYS) expect(s.series[key]).toHaveLength(months + 1);
}

let tmp = '';
const file = (name: string, content: string): string => {
  const p = join(tmp, name);
  writeFileSync(p, content);
  return p;
};

beforeAll(() => {
  if (!existsSync(join(ROOT, 'build/cli.js')) || !existsSync(join(ROOT, 'build/minerisk.wasm')))
    throw new Error('the compiled CLI is missing: run `npm run build:core` before these tests');
  tmp = mkdtempSync(join(tmpdir(), 'minerisk-cli-'));
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('minerisk as a program', () => {
  it('--help and --version', async () => {
    for (const args of [['--help'], ['-h'], []]) {
      const r = await cli(args);
      expect(r).toMatchObject({ code: 0, stderr: '' });
      expect(r.stdout).toContain('Usage:');
      for (const text of ['minerisk run', 'minerisk validate FILE', 'minerisk presets', '--paths', '--seed', '--workers', '--months', '--json', 'Exit codes'])
        expect(r.stdout).toContain(text);
    }
    const v = await cli(['--version']);
    expect(v).toMatchObject({ code: 0, stderr: '', stdout: `${VERSION}\n` });
  });

  it('presets lists every preset and what each models (the default: the stress view)', async () => {
    const r = await cli(['presets']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const lines = r.stdout.split('\n');
    for (const id of ['default', 'mara', 'riot', 'cleanspark', 'iren', 'terawulf', 'cipher']) expect(lines.some((l) => l.startsWith(`${id} `)), id).toBe(true);
    expect(Object.keys(PRESETS)).toEqual(['default', 'mara', 'riot', 'cleanspark', 'iren', 'terawulf', 'cipher']);
    expect(r.stdout).toContain(STRESS_VIEW_LABEL);
    for (const p of Object.values(PRESETS)) expect(r.stdout).toContain(p.caveat);
    expect(r.stdout).toContain('MARA');
  });

  it.each(Object.keys(PRESETS))('run --preset %s prints the summary', async (id) => {
    const r = await cli(['run', '--preset', id, '--paths', '500', '--seed', '3']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(PRESETS[id as keyof typeof PRESETS].scenario.name ?? 'Illustrative mid-size leveraged miner');
    expect(r.stdout).toContain(PRESETS[id as keyof typeof PRESETS].caveat);
    expect(r.stdout).toContain('500 paths, seed 3, 60 months');
    expect(r.stdout).toContain('Probability of default (cumulative)');
    for (const y of ['1 year ', '2 years', '3 years', '5 years'])
      expect(r.stdout).toMatch(new RegExp(`^  ${y} +\\d+\\.\\d % ± \\d+\\.\\d\\d %   95 % CI \\d+\\.\\d % – \\d+\\.\\d %$`, 'm'));
    expect(r.stdout).toContain('Median paths');
    expect(r.stdout).toMatch(/^ {2}BTC price {2,}\$[\d,]+/m);
    expect(r.stdout).toMatch(/^wasm worker_threads, \d+ worker\(s\), [\d.]+ s, minerisk /m);
    if (id !== 'default') expect(r.stdout).toContain(`balance sheet as of ${PRESETS[id as keyof typeof PRESETS].asOf}`);
  });

  it('presets are case-insensitive', async () => {
    const r = await cli(['run', '--preset', 'MARA', '--paths', '64', '--months', '12']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain('MARA');
  });

  it('run --json prints one document with the §7 keys (default, 60 months)', async () => {
    const d = await runJson(['--paths', '500', '--seed', '11']);
    checkDocument(d, 500, 60, 11);
    expect(d.pd).toBeGreaterThan(0); // the default miner's 2030 convertible is a real risk
    expect(d.scenario.name).toBe(d.meta.scenarioName);
  });

  it('run --json: pdAtYears leaves out years beyond the horizon', async () => {
    checkDocument(await runJson(['--preset', 'riot', '--paths', '300', '--months', '24', '--seed', '2']), 300, 24, 2, PRESETS.riot.caveat);
    checkDocument(await runJson(['--paths', '200', '--months', '36']), 200, 36, 1);
    const short = await runJson(['--paths', '100', '--months', '7']);
    checkDocument(short, 100, 7, 1);
    expect(short.pdAtYears).toEqual({});
    const long = await runJson(['--preset', 'cleanspark', '--paths', '100', '--months', '120']);
    checkDocument(long, 100, 120, 1, PRESETS.cleanspark.caveat);
  });

  it('the summary shows the horizon PD when it is not a whole 1/2/3/5 years', async () => {
    const r = await cli(['run', '--paths', '100', '--months', '7']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/^ {2}7 months +\d+\.\d % ± \d+\.\d\d %$/m);
    expect(r.stdout).not.toMatch(/1 year/);
  });

  it('same scenario and seed ⇒ the same numbers whatever the worker count or chunk size; another seed differs', async () => {
    // 2,500 paths = three chunks of 1,024, so two workers really share the run.
    const base = ['--preset', 'mara', '--paths', '2500', '--months', '24', '--seed', '42'];
    const w1 = await runJson([...base, '--workers', '1']);
    const w2 = await runJson([...base, '--workers', '2']);
    const w0 = await runJson([...base, '--workers', '0']);
    const w2small = await runJson([...base, '--workers', '2', '--chunk-batches', '3']);
    checkDocument(w1, 2500, 24, 42, PRESETS.mara.caveat);
    expect(w1.meta.workers).toBe(1);
    expect(w2.meta.workers).toBe(2);
    expect(w0.meta.engine).toBe('wasm in-process');
    expect(w1.meta.engine).toBe('wasm worker_threads');
    expect(withoutMeta(w2)).toBe(withoutMeta(w1));
    expect(withoutMeta(w0)).toBe(withoutMeta(w1));
    expect(withoutMeta(w2small)).toBe(withoutMeta(w1));
    const other = await runJson([...base.slice(0, -1), '43', '--workers', '2']);
    expect(other.meta.seed).toBe(43);
    expect(withoutMeta(other)).not.toBe(withoutMeta(w1));
    expect(other.quantiles.btcPriceUsd.p50).not.toEqual(w1.quantiles.btcPriceUsd.p50);
  });

  it('--engine js (the TypeScript twin) gives the same numbers as the wasm core', async () => {
    const base = ['--paths', '200', '--months', '12', '--seed', '5', '--workers', '0'];
    const wasm = await runJson(base);
    const js = await runJson([...base, '--engine', 'js']);
    expect(js.meta.engine).toBe('js in-process');
    expect(withoutMeta(js)).toBe(withoutMeta(wasm));
  });

  it('a scenario file overriding a few fields runs; flags override the file', async () => {
    const f = file('override.json', JSON.stringify({
      name: 'CLI test miner',
      run: { paths: 300, months: 36, seed: 9 },
      market: { price: { model: 'merton' } },
      miner: { power: { hedgedShare: 0.9 }, treasury: { cashUsd: 50_000_000 } },
    }, null, 2));
    const d = await runJson([f]);
    checkDocument(d, 300, 36, 9);
    expect(d.scenario.name).toBe('CLI test miner');

    const flagged = await runJson([f, '--paths', '200', '--seed', '10', '--months', '24']);
    checkDocument(flagged, 200, 24, 10);

    const text = await cli(['run', f]);
    expect(text).toMatchObject({ code: 0, stderr: '' });
    expect(text.stdout.split('\n')[0]).toBe('CLI test miner');
    expect(text.stdout).toContain('300 paths, seed 9, 36 months from');
    expect(text.stdout).toContain('merton price');
    expect(text.stdout).toMatch(/^ {2}3 years +\d/m);
    expect(text.stdout).not.toMatch(/5 years/);
  });

  it('validate: a good file exits 0 with one line on stdout', async () => {
    const f = file('good.json', JSON.stringify({ name: 'ok', run: { paths: 1234 }, debt: [{ type: 'bond', principalUsd: 1e8, maturityDate: '2029-01-01' }] }));
    const r = await cli(['validate', f]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe(`${f}: valid — "ok", 1234 paths, 60 months, seed 1, 2 fleet generation(s), 1 debt tranche(s)\n`);
  });

  it('validate: a bad file exits 2 with one line per problem naming the field, the value and the allowed range', async () => {
    const f = file('bad-fields.json', JSON.stringify({
      run: { paths: 'many', months: 121 },
      miner: { power: { hedgedShare: 1.5 } },
      debt: [{ type: 'bond', principalUsd: 1e8, maturityDate: '2029-01-01', couponRate: -0.1 }],
    }));
    const r = await cli(['validate', f]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toMatch(/^\s+at /m);
    const lines = r.stderr.trimEnd().split('\n');
    const expected: [string, string, string][] = [
      ['run.paths', '"many"', 'whole numbers 1 to 10,000,000'],
      ['run.months', '121', 'whole numbers 1 to 120'],
      ['miner.power.hedgedShare', '1.5', '0 to 1'],
      ['debt[0].couponRate', '-0.1', ''],
    ];
    expect(lines).toHaveLength(expected.length);
    for (const [path, value, range] of expected) {
      const line = lines.find((l) => l.startsWith(`${f}: ${path}: `));
      expect(line, `${path} in\n${r.stderr}`).toBeDefined();
      expect(line!.startsWith(`${f}: ${path}: ${value} `)).toBe(true);
      expect(line).toMatch(new RegExp(` — allowed ${range.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    }
  });

  describe('bad input: one line on stderr naming the problem, exit 2, nothing on stdout', () => {
    const cases: [string, () => string[], RegExp[]][] = [
      ['missing file', () => ['run', join(tmp, 'nope.json')], [/cannot read .*nope\.json: no such file/]],
      ['a directory', () => ['run', tmp], [/it is a directory/]],
      ['invalid JSON', () => ['run', file('invalid.json', '{"run": {"paths": 10,}}')], [/invalid\.json is not valid JSON/]],
      ['empty file', () => ['run', file('empty.json', '')], [/empty\.json is not valid JSON/]],
      ['JSON that is not an object', () => ['run', file('array.json', '[1, 2]')], [/array\.json: scenario: \[1,2\] is not an object/]],
      ['JSON null, with a flag', () => ['run', file('null.json', 'null'), '--paths', '10'], [/null\.json: scenario: null is not an object/]],
      ['run that is not an object, with a flag', () => ['run', file('run-array.json', '{"run":[1]}'), '--seed', '2'], [/run-array\.json: run: \[1\] is not an object/]],
      ['unknown preset', () => ['run', '--preset', 'nope'], [/unknown preset 'nope'/, /default, mara, riot, cleanspark/]],
      ['field out of range', () => ['run', file('range.json', '{"miner":{"power":{"hedgedShare":1.5}}}')],
        [/range\.json: miner\.power\.hedgedShare: 1\.5 is out of range — allowed 0 to 1$/m]],
      ['wrong type', () => ['run', file('type.json', '{"run":{"paths":"many"}}')], [/run\.paths: "many" is not a number — allowed whole numbers 1 to 10,000,000$/m]],
      ['unknown field', () => ['run', file('unknown.json', '{"miner":{"powr":{}}}')], [/miner\.powr: \{\} is not a known field \(did you mean power\?\)/]],
      ['several problems in a run', () => ['run', file('several.json', '{"foo":1,"run":{"months":0}}')], [/foo: 1 is not a known field/, /and 1 more problem; `minerisk validate` lists them/]],
      ['unknown flag', () => ['run', '--frob'], [/unknown option '--frob'/]],
      ['--paths abc', () => ['run', '--paths', 'abc'], [/--paths: "abc" is not a number — allowed whole numbers 1 to 10,000,000$/m]],
      ['--paths 0', () => ['run', '--paths', '0'], [/--paths: 0 is out of range — allowed whole numbers 1 to 10,000,000$/m]],
      ['--paths 1.5', () => ['run', '--paths', '1.5'], [/--paths: 1\.5 is not a whole number/]],
      ['--paths without a value', () => ['run', '--paths'], [/--paths needs a value/]],
      ['--months 121', () => ['run', '--months', '121'], [/--months: 121 is out of range — allowed whole numbers 1 to 120$/m]],
      ['--seed -1', () => ['run', '--seed', '-1'], [/--seed: -1 is out of range — allowed whole numbers 0 to 4,294,967,295$/m]],
      ['--seed 2^32', () => ['run', '--seed', '4294967296'], [/--seed: 4294967296 is out of range/]],
      ['--workers 100', () => ['run', '--workers', '100'], [/--workers expects an integer from 0 to 64, got '100'/]],
      ['--engine gpu', () => ['run', '--engine', 'gpu'], [/--engine expects wasm or js, got 'gpu'/]],
      ['a file and --preset', () => ['run', file('both.json', '{}'), '--preset', 'mara'], [/either a scenario file or --preset, not both/]],
      ['two files', () => ['run', file('one.json', '{}'), file('two.json', '{}')], [/unexpected argument '.*two\.json': give one scenario file/]],
      ['unknown command', () => ['frob'], [/unknown command 'frob'/]],
      ['validate without a file', () => ['validate'], [/validate needs exactly one scenario file/]],
      ['validate a missing file', () => ['validate', join(tmp, 'nope.json')], [/no such file/]],
      ['validate invalid JSON', () => ['validate', file('invalid2.json', 'not json')], [/is not valid JSON/]],
    ];
    it.each(cases)('%s', async (_name, args, patterns) => {
      const r = await cli(args());
      expect(r.stdout).toBe('');
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^minerisk: [^\n]+\n$/); // exactly one line
      expect(r.stderr).not.toMatch(/\bat .*:\d+:\d+/); // no stack frames
      expect(r.stderr).not.toMatch(/Error:/);
      for (const p of patterns) expect(r.stderr).toMatch(p);
    });

    it.skipIf(process.getuid?.() === 0)('an unreadable file', async () => {
      const f = file('secret.json', '{}');
      chmodSync(f, 0o000);
      const r = await cli(['run', f]);
      expect(r).toMatchObject({ code: 2, stdout: '' });
      expect(r.stderr).toMatch(/^minerisk: cannot read .*secret\.json: [^\n]+\n$/);
    });
  });

  it('a run over a second prints progress on stderr, stdout stays clean', async () => {
    // ~2.5–4 s on one worker of the 2-core CI machine (60 months): over the 1 s threshold with a margin.
    const r = await cli(['run', '--paths', '5000', '--workers', '1', '--json']);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout) as Doc;
    expect(d.meta.elapsedMs, 'the run must take over a second for this test to mean anything').toBeGreaterThan(1000);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(1);
    for (const l of lines) expect(l).toMatch(/^progress \d+% \([\d,]+\/5,000 paths(, ~\d+ s left)?\)$/);
    expect(lines[lines.length - 1]).toBe('progress 100% (5,000/5,000 paths)');
  });

  it('a short run prints no progress', async () => {
    const r = await cli(['run', '--paths', '64', '--months', '12', '--workers', '1']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain('Probability of default');
  });
});

describe('runCli in-process', () => {
  const capture = () => {
    const io = { out: '', err: '', stdout: (s: string) => { io.out += s; }, stderr: (s: string) => { io.err += s; }, stderrIsTty: false };
    return io;
  };

  it('presets and --version', async () => {
    const io = capture();
    expect(await runCli(['presets'], io)).toBe(0);
    expect(io.err).toBe('');
    for (const id of Object.keys(PRESETS)) expect(io.out).toMatch(new RegExp(`^${id} `, 'm'));
    const v = capture();
    expect(await runCli(['--version'], v)).toBe(0);
    expect(v.out).toBe(`${VERSION}\n`);
  });

  it('run --json --workers 0 returns one document', async () => {
    const io = capture();
    expect(await runCli(['run', '--preset', 'riot', '--paths', '128', '--months', '24', '--seed', '4', '--workers', '0', '--json'], io)).toBe(0);
    expect(io.err).toBe('');
    const d = JSON.parse(io.out) as Doc;
    checkDocument(d, 128, 24, 4, PRESETS.riot.caveat);
    expect(d.meta.engine).toBe('wasm in-process');
  });

  it('bad input: one line, exit 2, nothing on stdout', async () => {
    for (const argv of [['run', '--paths', 'abc'], ['run', '--preset', 'nope'], ['run', '--frob'], ['nope'], ['validate']]) {
      const io = capture();
      expect(await runCli(argv, io), argv.join(' ')).toBe(2);
      expect(io.out).toBe('');
      expect(io.err).toMatch(/^minerisk: [^\n]+\n$/);
    }
  });

  it('validate lists every problem, one line each', async () => {
    const f = file('inproc.json', JSON.stringify({ run: { seed: -1 }, market: { price: { model: 'lognormal' } } }));
    const io = capture();
    expect(await runCli(['validate', f], io)).toBe(2);
    expect(io.out).toBe('');
    expect(io.err.trimEnd().split('\n').sort()).toEqual([
      `${f}: market.price.model: "lognormal" is not one of the choices — allowed one of gbm, merton, studentT, regime`,
      `${f}: run.seed: -1 is out of range — allowed whole numbers 0 to 4,294,967,295`,
    ]);
  });
});
