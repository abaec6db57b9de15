// The command line as a program factory (style.md, after Squiggle): tests call runCli() in-process or run the
// compiled bin as a real program, asserting stdout, stderr and exit code. Bad input → one line on stderr, exit 2.
import { readFileSync } from 'node:fs';
import { resolveScenario, formatError, fieldInfo, leafProblem, type Scenario } from '../model/scenario';
import { PRESETS } from '../model/presets';
import { scenarioView } from '../model/view';
import { createNodeEngine, defaultWorkers, type KernelKind } from '../engine/node';
import { VERSION } from '../engine/engine';
import type { RunResult } from '../engine/results';
import { formatSummary, formatComparison, formatTornado } from './summary';
import { runComparison, runTornado, type Variant } from '../engine/compare';

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Whether stderr is a terminal (progress is redrawn in place). */
  stderrIsTty?: boolean;
}

class UsageError extends Error {}

export const USAGE = `minerisk ${VERSION} — Monte-Carlo default risk of a leveraged Bitcoin miner

Usage:
  minerisk run [scenario.json | --preset NAME] [--paths N] [--seed S] [--workers W] [--months M] [--json]
  minerisk validate FILE
  minerisk presets
  minerisk --help | --version

Options for run:
  --preset NAME      start from a built-in scenario (see \`minerisk presets\`); default: the illustrative miner
  --paths N          Monte-Carlo paths (default 10000)
  --seed S           random seed, an integer 0…4294967295 (default 1)
  --months M         horizon in months, 1–120 (default 60)
  --workers W        worker threads (default: cores, at most 8); 0 runs in this thread
  --engine wasm|js   the wasm core (default) or the TypeScript reference twin
  --chunk-batches B  batches of 64 paths per chunk sent to a worker (default 16)
  --json             print one JSON document (model-spec §7 keys) instead of the summary
  --compare FILE     strategy comparison on common random numbers: FILE lists variants
                     [{ "name": "...", "patch": { partial scenario } }]; PD differences with paired SEs
  --tornado X        sensitivity: PD with each key input at ±X (e.g. 0.2), paired with the base run

A scenario file is JSON applied over the default scenario (objects merge, arrays replace); see docs/scenario.md.
Exit codes: 0 ok, 1 the simulation failed, 2 bad input.`;

interface RunArgs {
  file?: string; preset?: string; paths?: number; seed?: number; workers?: number; months?: number;
  json: boolean; engine: KernelKind; chunkBatches?: number;
  /** Variants file for a strategy comparison on common random numbers. */
  compare?: string;
  /** Sensitivity tornado: each key input ± this share (e.g. 0.2). */
  tornado?: number;
}

function intFlag(name: string, raw: string | undefined, min: number, max: number): number {
  if (raw === undefined || raw.startsWith('--')) throw new UsageError(`${name} needs a value`);
  const x = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(x) || x < min || x > max)
    throw new UsageError(`${name} expects an integer from ${min} to ${max}, got '${raw}'`);
  return x;
}

/** A flag that sets a scenario field, e.g. `--paths: "abc" is not a number — allowed whole numbers 1 to 10,000,000`. */
function fieldFlag(name: string, path: string, raw: string | undefined): number {
  if (raw === undefined || raw.startsWith('--')) throw new UsageError(`${name} needs a value`);
  const info = fieldInfo(path)!;
  const x: unknown = /^[+-]?\d+(\.\d*)?([eE][+-]?\d+)?$/.test(raw.trim()) ? Number(raw) : raw;
  const problem = leafProblem(info, x);
  if (problem !== null) throw new UsageError(`${name}: ${problem}`);
  return x as number;
}

function parseRunArgs(args: string[]): RunArgs {
  const out: RunArgs = { json: false, engine: 'wasm' };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    switch (a) {
      case '--json': out.json = true; break;
      case '--compare': {
        const v = args[++i];
        if (v === undefined || v.startsWith('--')) throw new UsageError('--compare needs a variants file');
        out.compare = v; break;
      }
      case '--tornado': {
        const v = args[++i];
        const x = Number(v);
        if (v === undefined || !/^\d*\.?\d+$/.test(v) || !(x > 0 && x < 1)) throw new UsageError(`--tornado expects a share between 0 and 1 (e.g. 0.2 for ±20 %), got '${v ?? ''}'`);
        out.tornado = x; break;
      }
      case '--preset': {
        const v = args[++i];
        if (v === undefined || v.startsWith('--')) throw new UsageError('--preset needs a name');
        out.preset = v; break;
      }
      // Flags that set run.paths/seed/months are checked against the field's own range, so the message names
      // the flag and the range the scenario allows.
      case '--paths': out.paths = fieldFlag('--paths', 'run.paths', args[++i]); break;
      case '--seed': out.seed = fieldFlag('--seed', 'run.seed', args[++i]); break;
      case '--months': out.months = fieldFlag('--months', 'run.months', args[++i]); break;
      case '--workers': out.workers = intFlag('--workers', args[++i], 0, 64); break;
      case '--chunk-batches': out.chunkBatches = intFlag('--chunk-batches', args[++i], 1, 256); break;
      case '--engine': {
        const v = args[++i];
        if (v !== 'wasm' && v !== 'js') throw new UsageError(`--engine expects wasm or js, got '${v ?? ''}'`);
        out.engine = v; break;
      }
      default:
        if (a.startsWith('-')) throw new UsageError(`unknown option '${a}' (see minerisk --help)`);
        if (out.file) throw new UsageError(`unexpected argument '${a}': give one scenario file`);
        out.file = a;
    }
  }
  if (out.file && out.preset) throw new UsageError('give either a scenario file or --preset, not both');
  return out;
}

function readScenarioFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `cannot read ${file}: no such file` : code === 'EISDIR' ? `cannot read ${file}: it is a directory` : `cannot read ${file}: ${(e as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${file} is not valid JSON: ${(e as Error).message}`);
  }
}

function presetInput(name: string): unknown {
  const p = (PRESETS as Record<string, (typeof PRESETS)[keyof typeof PRESETS]>)[name.toLowerCase()];
  if (!p) throw new UsageError(`unknown preset '${name}' — available: ${Object.keys(PRESETS).join(', ')}`);
  return p.scenario;
}

function resolveOrThrow(input: unknown, source: string): Scenario {
  const r = resolveScenario(input);
  if (r.ok) return r.scenario;
  const more = r.errors.length > 1 ? ` (and ${r.errors.length - 1} more problem${r.errors.length > 2 ? 's' : ''}; \`minerisk validate\` lists them)` : '';
  throw new UsageError(`${source}: ${formatError(r.errors[0])}${more}`);
}

function withRunOverrides(input: unknown, a: RunArgs): unknown {
  // A file that is not an object (an array, a number, null) goes to resolveScenario as it is, which rejects it;
  // replacing it with {} would silently run the default scenario. A `run` that is not an object likewise.
  if (!input || typeof input !== 'object' || Array.isArray(input)) return input;
  if (a.paths === undefined && a.seed === undefined && a.months === undefined) return input;
  const base = input as Record<string, unknown>;
  if (base.run !== undefined && (!base.run || typeof base.run !== 'object' || Array.isArray(base.run))) return input;
  const run = { ...((base.run as Record<string, unknown>) ?? {}) };
  if (a.paths !== undefined) run.paths = a.paths;
  if (a.seed !== undefined) run.seed = a.seed;
  if (a.months !== undefined) run.months = a.months;
  return { ...base, run };
}

async function cmdRun(args: string[], io: Io): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) { io.stdout(USAGE + '\n'); return 0; }
  const a = parseRunArgs(args);
  const input = a.file ? readScenarioFile(a.file) : a.preset ? presetInput(a.preset) : {};
  const source = a.file ?? (a.preset ? `preset ${a.preset}` : 'default scenario');
  const scenario = resolveOrThrow(withRunOverrides(input, a), source);
  const workers = a.workers ?? defaultWorkers();
  const engine = createNodeEngine({ workers, kernel: a.engine, chunkBatches: a.chunkBatches });
  const t0 = Date.now();
  let lastPrint = 0;
  let printed = false;
  const onProgress = (p: { pathsDone: number; paths: number; etaMs: number | null }) => {
    const now = Date.now();
    if (now - t0 < 1000 || (now - lastPrint < (io.stderrIsTty ? 200 : 2000) && p.pathsDone < p.paths)) return;
    lastPrint = now;
    const pct = ((100 * p.pathsDone) / p.paths).toFixed(0);
    const eta = p.etaMs !== null && p.pathsDone < p.paths ? `, ~${Math.ceil(p.etaMs / 1000)} s left` : '';
    const line = `progress ${pct}% (${p.pathsDone.toLocaleString('en-US')}/${p.paths.toLocaleString('en-US')} paths${eta})`;
    if (io.stderrIsTty) io.stderr(`\r${line}   `); else io.stderr(line + '\n');
    printed = true;
  };
  if (a.compare && a.tornado !== undefined) throw new UsageError('give either --compare or --tornado, not both');
  if (a.compare) {
    const variants = readVariants(a.compare);
    try {
      const r = await runComparison(engine, scenario, variants, { onProgress });
      if (printed && io.stderrIsTty) io.stderr('\n');
      io.stdout(a.json ? JSON.stringify({ scenario: { name: scenario.name, caveat: scenarioView(scenario) }, comparison: r }) + '\n' : formatComparison(r));
    } catch (e) {
      if (/^variant "/.test((e as Error).message)) throw new UsageError(`${a.compare}: ${(e as Error).message}`);
      throw e;
    } finally {
      engine.dispose();
    }
    return 0;
  }
  if (a.tornado !== undefined) {
    try {
      const r = await runTornado(engine, scenario, a.tornado, { onProgress });
      if (printed && io.stderrIsTty) io.stderr('\n');
      io.stdout(a.json ? JSON.stringify({ scenario: { name: scenario.name, caveat: scenarioView(scenario) }, tornado: r }) + '\n' : formatTornado(r));
    } finally {
      engine.dispose();
    }
    return 0;
  }
  let result: RunResult;
  try {
    result = await engine.run(scenario, { onProgress });
  } finally {
    engine.dispose();
  }
  if (printed && io.stderrIsTty) io.stderr('\n');
  result.meta.scenarioName = scenario.name;
  if (a.json) io.stdout(JSON.stringify({ scenario: { name: scenario.name, caveat: scenarioView(scenario) }, ...result }) + '\n');
  else io.stdout(formatSummary(scenario, result, a.preset ? PRESETS[a.preset.toLowerCase() as keyof typeof PRESETS] : undefined));
  return 0;
}

/** Variants file: `[{ "name", "patch" }]` or `{ "variants": [...] }`; each patch applies over the run's scenario. */
function readVariants(file: string): Variant[] {
  const raw = readScenarioFile(file);
  const list = Array.isArray(raw) ? raw : raw && typeof raw === 'object' ? (raw as { variants?: unknown }).variants : undefined;
  if (!Array.isArray(list) || list.length === 0)
    throw new UsageError(`${file}: expected a non-empty list of variants, [{ "name": "...", "patch": { ... } }] or { "variants": [...] }`);
  return list.map((v, i) => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) throw new UsageError(`${file}: variants[${i}] is not an object with "name" and "patch"`);
    const { name, patch, ...rest } = v as Record<string, unknown>;
    const extra = Object.keys(rest);
    if (extra.length) throw new UsageError(`${file}: variants[${i}] has an unknown field "${extra[0]}" — allowed name, patch`);
    if (typeof name !== 'string' || !name.trim()) throw new UsageError(`${file}: variants[${i}].name must be a non-empty string`);
    if (!patch || typeof patch !== 'object' || Array.isArray(patch)) throw new UsageError(`${file}: variants[${i}].patch must be an object (a partial scenario)`);
    return { name, patch };
  });
}

function cmdValidate(args: string[], io: Io): number {
  if (args.length !== 1 || args[0].startsWith('-')) throw new UsageError('validate needs exactly one scenario file');
  const r = resolveScenario(readScenarioFile(args[0]));
  if (!r.ok) {
    for (const e of r.errors) io.stderr(`${args[0]}: ${formatError(e)}\n`);
    return 2;
  }
  const s = r.scenario;
  io.stdout(`${args[0]}: valid — "${s.name}", ${s.run.paths} paths, ${s.run.months} months, seed ${s.run.seed}, ${s.miner.fleet.length} fleet generation(s), ${s.debt.length} debt tranche(s)\n`);
  return 0;
}

function cmdPresets(io: Io): number {
  const lines = Object.values(PRESETS).map((p) => {
    const assumed = p.assumed.length ? `; assumed: ${p.assumed.length} field(s)` : '';
    return `${p.id.padEnd(11)} ${p.label} — balance sheet as of ${p.asOf}${assumed}`;
  });
  const views = Object.values(PRESETS).map((p) => `  ${p.id.padEnd(11)} ${p.caveat}`);
  io.stdout(`${lines.join('\n')}\n\nWhat each models:\n${views.join('\n')}\n`);
  return 0;
}

/** Runs the CLI; returns the exit code. Never throws. */
export async function runCli(argv: string[], io: Io): Promise<number> {
  const [cmd, ...rest] = argv;
  try {
    switch (cmd) {
      case 'run': return await cmdRun(rest, io);
      case 'validate': return cmdValidate(rest, io);
      case 'presets': return cmdPresets(io);
      case '--version': case '-v': io.stdout(`${VERSION}\n`); return 0;
      case undefined: case '--help': case '-h': case 'help': io.stdout(USAGE + '\n'); return 0;
      default: throw new UsageError(`unknown command '${cmd}' (commands: run, validate, presets; see minerisk --help)`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`minerisk: ${e.message}\n`);
      return 2;
    }
    io.stderr(`minerisk: simulation failed: ${(e as Error)?.message ?? String(e)}\n`);
    return 1;
  }
}
