/**
 * Scoring the wiring: a live, metrics-only re-score shortly after each edit, and the full
 * run (with its trace, for the run view) when the player presses Run. Both run in workers;
 * only the newest wiring's result is ever reported.
 */
import type { Level } from '../model/level';
import type { Solution } from '../model/solution';
import type { SimResult } from '../engine/result';
import { TRACE_LIMIT } from '../model/workload';
import { SimClient, Superseded } from '../workers/simClient';
import type { RunStatus } from '../ui/workbench/runStatus';

/** Wait this long after an edit before re-scoring, so a burst of edits scores once. */
const RESCORE_DELAY_MS = 180;

export interface ScoringEvents {
  live(result: SimResult, of: Solution): void;
  error(message: string): void;
  /** The player cancelled the full run; its worker was stopped. */
  cancelled(): void;
}

export class Scoring {
  private readonly liveClient = new SimClient(1200, 'live score');
  private readonly runClient = new SimClient(Infinity, 'run');
  private timer: ReturnType<typeof setTimeout> | null = null;
  private latest: Solution | null = null;
  private cancelling = false;

  constructor(
    private readonly level: Level,
    private readonly status: RunStatus,
    private readonly events: ScoringEvents,
  ) {}

  /** Re-scores this wiring soon (metrics only); a newer call replaces it. */
  rescore(solution: Solution, now = false): void {
    this.latest = solution;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.scoreLatest(), now ? 0 : RESCORE_DELAY_MS);
  }

  private scoreLatest(): void {
    this.timer = null;
    const solution = this.latest;
    if (!solution) return;
    this.liveClient.run(this.level, solution, { trace: false }).then(
      (result) => {
        if (solution === this.latest) this.events.live(result, solution);
      },
      (error: unknown) => {
        if (!(error instanceof Superseded)) this.events.error(describe(error));
      },
    );
  }

  /** The full run, trace included. Resolves null when a newer run replaced it. */
  async run(solution: Solution): Promise<SimResult | null> {
    this.cancelling = false;
    this.status.start('Running the contract', () => this.cancelRun());
    try {
      return await this.runClient.run(
        this.level,
        solution,
        { trace: true, traceLimit: TRACE_LIMIT },
        (resolved, total) => this.status.progress(resolved, total),
      );
    } catch (error) {
      if (error instanceof Superseded) {
        if (this.cancelling) this.events.cancelled();
        return null;
      }
      this.events.error(describe(error));
      return null;
    } finally {
      if (!this.runClient.busy) this.status.stop();
    }
  }

  /** Stops the full run: its worker is terminated, freeing its memory. */
  cancelRun(): void {
    this.cancelling = true;
    this.runClient.cancel();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.liveClient.dispose();
    this.runClient.dispose();
    this.status.stop();
  }
}

function describe(error: unknown): string {
  return `The simulation failed: ${error instanceof Error ? error.message : String(error)}`;
}
