// Strategy comparison and sensitivity tornado: runs only when asked, on an engine of its own (two workers, created
// on the first run, disposed with the panel), so a comparison neither cancels the main run nor waits for it. The
// latest request wins: a new comparison or tornado aborts the one in flight, which terminates its busy workers.
import type { Scenario } from '../../model/scenario';
import type { Engine, Progress } from '../../engine/engine';
import { runComparison, runTornado, type ComparisonResult, type TornadoResult, type Variant } from '../../engine/compare';

export type CompareStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';
export type CompareJob = 'comparison' | 'tornado';

/** A copy of a scenario pinned by the user, compared as a variant of the current one. */
export interface PinnedScenario { id: string; name: string; scenario: Scenario }

export const TORNADO_PCTS = [0.1, 0.2, 0.3] as const;

export class CompareState {
  status = $state<CompareStatus>('idle');
  /** The job the status and progress belong to. */
  job = $state<CompareJob>('comparison');
  progress = $state<Progress>({ pathsDone: 0, paths: 0, elapsedMs: 0, etaMs: null });
  error = $state<string | null>(null);

  comparison = $state.raw<ComparisonResult | null>(null);
  /** The base scenario the shown comparison was run on (to tell when the editor has moved on). */
  comparisonBase = $state.raw<Scenario | null>(null);
  tornado = $state.raw<TornadoResult | null>(null);
  tornadoBase = $state.raw<Scenario | null>(null);

  /** Ids of the checked variant options (variants.ts). */
  checked = $state<string[]>([]);
  /** Copies of the scenario pinned by the user, compared like any other variant. */
  pinned = $state.raw<PinnedScenario[]>([]);
  tornadoPct = $state<number>(0.2);

  private controller: AbortController | null = null;
  private engine: Engine | null = null;
  private pinCount = 0;

  constructor(private readonly makeEngine: () => Engine) {}

  /** Pin a copy of the scenario as a variant (checked at once when there is room). */
  pin(scenario: Scenario, name: string, checkIt: boolean): PinnedScenario {
    const p: PinnedScenario = { id: `pin:${++this.pinCount}`, name, scenario: JSON.parse(JSON.stringify(scenario)) };
    this.pinned = [...this.pinned, p];
    if (checkIt) this.checked = [...this.checked, p.id];
    return p;
  }

  unpin(id: string): void {
    this.pinned = this.pinned.filter((p) => p.id !== id);
    this.checked = this.checked.filter((c) => c !== id);
  }

  toggle(id: string, on: boolean): void {
    this.checked = on ? (this.checked.includes(id) ? this.checked : [...this.checked, id]) : this.checked.filter((c) => c !== id);
  }

  async compare(base: Scenario, variants: Variant[]): Promise<void> {
    await this.start('comparison', base, async (engine, signal, onProgress) => {
      const r = await runComparison(engine, base, variants, { signal, onProgress });
      return () => { this.comparison = r; this.comparisonBase = base; };
    });
  }

  async sensitivity(base: Scenario, pct: number): Promise<void> {
    await this.start('tornado', base, async (engine, signal, onProgress) => {
      const r = await runTornado(engine, base, pct, { signal, onProgress });
      return () => { this.tornado = r; this.tornadoBase = base; };
    });
  }

  private async start(
    job: CompareJob,
    base: Scenario,
    work: (engine: Engine, signal: AbortSignal, onProgress: (p: Progress) => void) => Promise<() => void>,
  ): Promise<void> {
    this.abortInFlight();
    const controller = new AbortController();
    this.controller = controller;
    this.job = job;
    this.status = 'running';
    this.error = null;
    this.progress = { pathsDone: 0, paths: base.run.paths, elapsedMs: 0, etaMs: null };
    this.engine ??= this.makeEngine();
    try {
      const show = await work(this.engine, controller.signal, (p) => { if (this.controller === controller) this.progress = p; });
      if (this.controller !== controller) return;
      show();
      this.status = 'done';
    } catch (e) {
      if (this.controller !== controller) return;
      if ((e as Error).name === 'AbortError') this.status = 'cancelled';
      else { this.status = 'error'; this.error = (e as Error).message ?? String(e); }
    } finally {
      if (this.controller === controller) this.controller = null;
    }
  }

  /** Cancel: stops this panel's workers (they restart lazily on the next run). */
  cancel(): void {
    this.abortInFlight();
  }

  private abortInFlight(): void {
    const c = this.controller;
    this.controller = null;
    if (c) { c.abort(); this.status = 'cancelled'; }
  }

  dispose(): void {
    this.abortInFlight();
    this.engine?.dispose();
    this.engine = null;
  }
}
