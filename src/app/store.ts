/**
 * The workbench's live state: the open contract, the wiring, the last runs and the
 * selection, with change notifications. It is the `PanelContext` every panel receives;
 * the actions (run, open, keep…) are supplied by the app once its parts exist.
 */
import type { Level } from '../model/level';
import type { Solution } from '../model/solution';
import type { SimResult } from '../engine/result';
import type { BoardPicture, ContextChange, ContractOrigin, PanelContext } from '../shell/panels';
import { structureKey } from '../storage/structure';
import type { MachineProfile } from '../model/profile';
import { SimClient, Superseded } from '../workers/simClient';

export interface StoreActions {
  run(): Promise<SimResult | null>;
  select(nodes: readonly string[]): void;
  board(): BoardPicture | null;
  openContract(level: Level, solution?: Solution, from?: ContractOrigin): void;
  keepSolution(solution: Solution, name: string): void;
  notify(message: string, tone?: 'info' | 'good' | 'bad'): void;
}

export class GameStore implements PanelContext {
  level: Level | null = null;
  solution: Solution | null = null;
  result: SimResult | null = null;
  /** The wiring `result` was computed from, to tell whether it is still current. */
  private resultOf: Solution | null = null;
  live: SimResult | null = null;
  selection: readonly string[] = [];
  showPending = false;
  private takeShow: ((ended: Promise<void>) => void) | null = null;
  private readonly listeners = new Set<(change: ContextChange) => void>();
  /** Runs predictions on a measured machine, apart from the live score and the runs. */
  private predictor: SimClient | null = null;

  constructor(private readonly actions: StoreActions) {}

  /** Moving nodes does not change what a run measured, so only the structure is compared. */
  get resultIsCurrent(): boolean {
    if (this.result === null || this.resultOf === null || this.solution === null) return false;
    return (
      this.resultOf === this.solution || structureKey(this.resultOf) === structureKey(this.solution)
    );
  }

  onChange(listener: (change: ContextChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(change: ContextChange): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(change);
      } catch (error) {
        // One broken panel must not stop the others from hearing about the change.
        console.error(error);
      }
    }
  }

  setLevel(level: Level | null, solution: Solution | null): void {
    this.level = level;
    this.solution = solution;
    this.result = null;
    this.resultOf = null;
    this.live = null;
    this.selection = [];
    this.emit({ type: 'level' });
  }

  /** Another wiring of the same contract (a saved solution opened): its runs are not this one's. */
  switchSolution(solution: Solution): void {
    this.solution = solution;
    this.result = null;
    this.resultOf = null;
    this.live = null;
    this.selection = [];
    this.emit({ type: 'solution' });
  }

  setSolution(solution: Solution): void {
    this.solution = solution;
    this.emit({ type: 'solution' });
  }

  setRunning(): void {
    this.emit({ type: 'running' });
  }

  setResult(result: SimResult, of: Solution): void {
    this.result = result;
    this.resultOf = of;
    this.emit({ type: 'result' });
  }

  setLive(result: SimResult | null): void {
    this.live = result;
    this.emit({ type: 'live' });
  }

  setSelection(nodes: readonly string[]): void {
    this.selection = nodes;
    this.emit({ type: 'selection', nodes });
  }

  run(): Promise<SimResult | null> {
    return this.actions.run();
  }

  async predictOn(profile: MachineProfile): Promise<SimResult | null> {
    const { level, solution } = this;
    if (level === null || solution === null) return null;
    this.predictor ??= new SimClient(Infinity);
    try {
      return await this.predictor.run(level, solution, { trace: false, profile });
    } catch (error) {
      if (error instanceof Superseded) return null;
      throw error;
    }
  }

  /**
   * Call before announcing a full run's result: resolves when the show of that run ends
   * (a view took it on, see `presentRun`), or after `graceMs` if no view takes it on (the
   * run view is folded away or could not load), so the verdict is never lost.
   */
  expectShow(graceMs: number): Promise<void> {
    this.takeShow?.(Promise.resolve());
    return new Promise((resolve) => {
      const take = (ended: Promise<void>): void => {
        if (this.takeShow !== take) return;
        clearTimeout(timer);
        this.takeShow = null;
        this.showPending = false;
        void ended.then(() => resolve());
      };
      const timer = setTimeout(() => take(Promise.resolve()), graceMs);
      this.takeShow = take;
      this.showPending = true;
    });
  }

  presentRun(ended: Promise<void>): void {
    this.takeShow?.(ended);
  }
  select(nodes: readonly string[]): void {
    this.actions.select(nodes);
  }
  board(): BoardPicture | null {
    return this.actions.board();
  }
  openContract(level: Level, solution?: Solution, from?: ContractOrigin): void {
    this.actions.openContract(level, solution, from);
  }
  keepSolution(solution: Solution, name: string): void {
    this.actions.keepSolution(solution, name);
  }
  notify(message: string, tone: 'info' | 'good' | 'bad' = 'info'): void {
    this.actions.notify(message, tone);
  }
}
