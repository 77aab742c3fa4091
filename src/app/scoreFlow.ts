/**
 * Where a wiring's scores go: the live score after each edit and the full run when the
 * player presses Run reach the store, the editor's issue marks, the score panel and — for
 * a saved solution — the save, where a run that meets every goal delivers the contract.
 */
import type { Solution } from '../model/solution';
import type { SimResult } from '../engine/result';
import type { LoopEditor } from '../editor/editor';
import type { ScorePanel } from '../ui/score/scorePanel';
import type { RunStatus } from '../ui/workbench/runStatus';
import { runButton } from '../ui/workbench/topbar';
import { recordOf } from '../storage/progress';
import { structureKey } from '../storage/structure';
import type { GameStore } from './store';
import type { SavedSolutions } from './savedSolutions';
import { Scoring } from './scoring';
import { fileScore, type DeliveryContext } from './delivery';

/**
 * How long a run's verdict waits for the run view to take on its show (the view loads
 * pixi.js the first time); past it, the verdict shows without one.
 */
const SHOW_GRACE_MS = 4000;

export interface ScoreFlowOptions extends DeliveryContext {
  /** Scores are filed in the save (a campaign contract), or the contract is played for practice. */
  readonly saved: boolean;
  readonly store: GameStore;
}

/** The workbench parts a score is shown in or filed through. */
export interface ScoreFlowParts {
  readonly editor: LoopEditor;
  readonly score: ScorePanel;
  readonly status: RunStatus;
  readonly solutions: SavedSolutions;
  /** Brings the score panel to the front. */
  revealScore(): void;
  /** Brings the run view to the front for a run's show; false if the workbench has none. */
  revealStage(): boolean;
}

export class ScoreFlow {
  readonly runButton: HTMLButtonElement;
  private readonly scoring: Scoring;
  /** Which kind of result the score panel shows for the current wiring. */
  private shown: 'run' | 'live' = 'live';
  /** Counts runs, so the verdict of a run overtaken by another is never shown. */
  private runs = 0;

  constructor(
    private readonly options: ScoreFlowOptions,
    private readonly parts: ScoreFlowParts,
  ) {
    this.scoring = new Scoring(options.level, parts.status, {
      live: (result, of) => this.liveResult(result, of),
      error: (message) => options.toasts.show(message, 'bad', 8000),
      cancelled: () => options.toasts.show('Run cancelled.', 'info'),
    });
    this.runButton = runButton(() => void this.run());
  }

  /** The wiring on the board changed structure: the score panel follows its live score again. */
  followLive(): void {
    this.shown = 'live';
  }

  /** Re-scores this wiring soon, or now (see Scoring.rescore). */
  rescore(solution: Solution, now = false): void {
    this.scoring.rescore(solution, now);
  }

  private liveResult(result: SimResult, of: Solution): void {
    // Moving nodes makes a new Solution with the same structure: its score still holds.
    const current = this.options.store.solution;
    if (!current || structureKey(of) !== structureKey(current)) return;
    this.options.store.setLive(result);
    this.parts.editor.showIssues(result.ok ? [] : result.issues);
    if (this.shown === 'live')
      this.parts.score.show({ result, source: 'live', solution: current, ...this.undelivered() });
    this.record(result, false);
  }

  /**
   * Runs the current wiring with its trace; a run that meets every goal delivers the
   * contract. The run is filed at once; its verdict (the score panel, the "Contract
   * delivered" dialog) shows when the run view's show of it ends or the player skips it.
   */
  async run(): Promise<SimResult | null> {
    const solution = this.parts.editor.solution();
    const run = ++this.runs;
    this.options.store.setSolution(solution);
    this.options.store.setRunning();
    this.runButton.disabled = true;
    this.runButton.classList.add('running');
    try {
      const result = await this.scoring.run(solution);
      if (!result || run !== this.runs) return result;
      const watched = result.ok && result.trace !== undefined && this.parts.revealStage();
      const showEnded = watched ? this.options.store.expectShow(SHOW_GRACE_MS) : Promise.resolve();
      this.options.store.setResult(result, solution);
      const now = this.options.store.solution;
      if (!now || structureKey(now) !== structureKey(solution)) {
        this.options.store.presentRun(Promise.resolve());
        return result;
      }
      this.shown = 'run';
      const announce = this.record(result, true);
      void showEnded.then(() => {
        // An edit or a new run since then has its own score; a delivery is announced anyway.
        if (run === this.runs && this.shown === 'run') {
          this.parts.editor.showIssues(result.ok ? [] : result.issues);
          this.parts.score.show({ result, source: 'run', solution, ...this.undelivered() });
          this.parts.revealScore();
        }
        announce?.();
      });
      return result;
    } finally {
      this.runButton.disabled = false;
      this.runButton.classList.remove('running');
    }
  }

  /**
   * A run that meets every goal but is filed nowhere pays nothing: a contract from a file
   * or a link is played for practice, and a link's wiring on a campaign contract is not
   * one of the player's solutions until saved.
   */
  private undelivered(): { undelivered?: string; delivered?: boolean } {
    if (!this.options.saved)
      return {
        undelivered:
          'A contract opened from a file or a link, or one you have not reached in the inbox, is played for practice: nothing is paid or filed.',
      };
    if (this.parts.solutions.activeId === '')
      return {
        undelivered:
          'Passed, but not delivered: this wiring came from a link. Save it to your solutions, then run it to deliver.',
      };
    // Delivered once, a contract is not delivered again: its runs only better the grade.
    return recordOf(this.options.progress.save, this.options.level.id).paid
      ? { delivered: true }
      : {};
  }

  private record(result: SimResult, counts: boolean): (() => void) | null {
    const { solutions } = this.parts;
    solutions.flush();
    if (!this.options.saved || solutions.activeId === '') return null;
    return fileScore(this.options, solutions.activeId, result, counts);
  }

  dispose(): void {
    // A show that ends after the workbench closed still announces a delivery, but shows no score.
    this.runs += 1;
    this.scoring.dispose();
  }
}
