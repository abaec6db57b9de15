// The scenario being edited. `draft` keeps exactly what the user typed (a number field may hold the text "12a"),
// so nothing typed is ever lost; `resolved` validates it over the default scenario; `valid` is the scenario to run.
import { DEFAULT_SCENARIO, resolveScenario, formatError, type Scenario, type ScenarioError } from '../../model/scenario';
import { PRESETS } from '../../model/presets';
import { diffFrom } from '../share';

type Json = unknown;
export type PresetId = keyof typeof PRESETS;

/** Typed text → the value validated: numbers parse, everything else stays as typed (and fails validation). */
function coerce(x: Json): Json {
  if (typeof x === 'string') {
    const t = x.trim();
    if (t !== '' && /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return Number(t);
    return x;
  }
  if (Array.isArray(x)) return x.map(coerce);
  if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, coerce(v)]));
  return x;
}

function clone<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

export class ScenarioState {
  /** The editable scenario: a full scenario whose leaves may be raw text. */
  draft = $state<Record<string, Json>>(clone(DEFAULT_SCENARIO) as unknown as Record<string, Json>);
  presetId = $state<PresetId | 'custom'>('default');
  /** A notice for the user (e.g. a share link that did not parse). */
  notice = $state<string | null>(null);

  readonly resolved = $derived(resolveScenario(coerce(this.draft)));
  readonly valid: Scenario | null = $derived(this.resolved.ok ? this.resolved.scenario : null);
  readonly errors: ScenarioError[] = $derived(this.resolved.ok ? [] : this.resolved.errors);
  readonly errorByPath: Record<string, string> = $derived(
    Object.fromEntries(this.errors.map((e) => [e.path, e.message])),
  );

  /** Value at a dotted path like `miner.power.hedgedShare` or `debt[1].couponRate`. */
  get(path: string): Json {
    let node: Json = this.draft;
    for (const key of splitPath(path)) node = node == null ? undefined : (node as Record<string | number, Json>)[key];
    return node;
  }

  set(path: string, value: Json): void {
    const keys = splitPath(path);
    let node = this.draft as Record<string | number, Json>;
    for (const key of keys.slice(0, -1)) node = node[key] as Record<string | number, Json>;
    node[keys[keys.length - 1]] = value;
    this.presetId = 'custom';
  }

  /** Replace the whole scenario (a preset, a file, a link). */
  load(input: Json, presetId: PresetId | 'custom' = 'custom'): boolean {
    const r = resolveScenario(input);
    if (!r.ok) {
      this.notice = `Could not load the scenario: ${formatError(r.errors[0])}`;
      return false;
    }
    this.draft = clone(r.scenario) as unknown as Record<string, Json>;
    this.presetId = presetId;
    return true;
  }

  loadPreset(id: PresetId): void {
    const run = clone((this.valid ?? DEFAULT_SCENARIO).run);
    if (this.load(PRESETS[id].scenario, id)) this.draft.run = run;
    this.presetId = id;
  }

  /** The scenario as a file: only what differs from the default (applied over it when loaded). */
  toFile(): Json {
    return { schemaVersion: 1, ...((diffFrom(DEFAULT_SCENARIO, this.valid ?? coerce(this.draft)) as object) ?? {}) };
  }
}

export function splitPath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const part of path.split('.')) {
    const m = /^([^[]+)((?:\[\d+\])*)$/.exec(part);
    if (!m) { out.push(part); continue; }
    out.push(m[1]);
    for (const idx of m[2].matchAll(/\[(\d+)\]/g)) out.push(Number(idx[1]));
  }
  return out;
}
