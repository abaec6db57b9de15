// The simulation run: one engine (a Web Worker pool) for the page; the latest request wins — a new run aborts the
// one in flight, which terminates its busy workers. Results are replaced whole ($state.raw).
import type { Scenario } from '../../model/scenario';
import type { Engine, Progress } from '../../engine/engine';
import type { RunResult } from '../../engine/results';

export type RunStatus = 'idle' | 'scheduled' | 'running' | 'done' | 'cancelled' | 'error';

export class RunState {
  status = $state<RunStatus>('idle');
  progress = $state<Progress>({ pathsDone: 0, paths: 0, elapsedMs: 0, etaMs: null });
  result = $state.raw<RunResult | null>(null);
  /** The scenario the shown result belongs to. */
  scenario = $state.raw<Scenario | null>(null);
  error = $state<string | null>(null);

  private controller: AbortController | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly makeEngine: () => Engine) {}
  private engine: Engine | null = null;

  /** Run after `delayMs` unless another request comes first (editing re-runs after a short debounce). */
  schedule(scenario: Scenario, delayMs = 350): void {
    if (this.timer) clearTimeout(this.timer);
    this.abortInFlight();
    this.status = 'scheduled';
    this.timer = setTimeout(() => { this.timer = null; void this.run(scenario); }, delayMs);
  }

  async run(scenario: Scenario): Promise<void> {
    this.abortInFlight();
    const controller = new AbortController();
    this.controller = controller;
    this.status = 'running';
    this.error = null;
    this.progress = { pathsDone: 0, paths: scenario.run.paths, elapsedMs: 0, etaMs: null };
    this.engine ??= this.makeEngine();
    try {
      const result = await this.engine.run(scenario, {
        signal: controller.signal,
        onProgress: (p) => { if (this.controller === controller) this.progress = p; },
        onPartial: (r) => {
          if (this.controller !== controller) return;
          this.result = r;
          this.scenario = scenario;
        },
      });
      if (this.controller !== controller) return;
      this.result = result;
      this.scenario = scenario;
      this.status = 'done';
    } catch (e) {
      if (this.controller !== controller) return;
      if ((e as Error).name === 'AbortError') this.status = 'cancelled';
      else { this.status = 'error'; this.error = (e as Error).message ?? String(e); }
    } finally {
      if (this.controller === controller) this.controller = null;
    }
  }

  /** Cancel: stops the workers (they restart lazily on the next run). */
  cancel(): void {
    if (this.timer) { clearTimeout(this.timer); this.timer = null; }
    if (this.controller) this.abortInFlight();
    else if (this.status === 'scheduled') this.status = 'cancelled';
  }

  private abortInFlight(): void {
    const c = this.controller;
    this.controller = null;
    if (c) { c.abort(); this.status = 'cancelled'; }
  }

  dispose(): void {
    this.cancel();
    this.engine?.dispose();
  }
}
