/**
 * This contract's saved solutions as the workbench uses them: which one is on the board,
 * saving its wiring a moment after an edit, opening, adding, keeping and deleting them,
 * and the panel and the switcher that list them. A contract played unsaved (from a file
 * or a link outside the campaign) has none, and nothing here writes to the save for it.
 */
import type { Level } from '../model/level';
import type { Solution } from '../model/solution';
import { startingWiring } from '../editor/starting';
import type { Toasts } from '../ui/toasts';
import { SolutionsPanel } from '../ui/solutions/solutionsPanel';
import type { ContractRecord } from '../storage/save';
import {
  activeSolution,
  addSolution,
  deleteSolution,
  duplicateSolution,
  recordOf,
  renameSolution,
  setActive,
  updateWiring,
} from '../storage/progress';
import type { ProgressKeeper } from './progressKeeper';
import type { GameStore } from './store';
import { SolutionSwitcher } from './solutionSwitcher';

export interface SavedSolutionsOptions {
  readonly level: Level;
  /** Whether this contract keeps solutions in the save (campaign contracts do). */
  readonly saved: boolean;
  readonly store: GameStore;
  readonly progress: ProgressKeeper;
  readonly toasts: Toasts;
  /** The wiring on the board now. */
  board(): Solution;
  /** Puts a wiring on the board. */
  load(wiring: Solution): Promise<void>;
  /** Draws the contract's progress again (these solutions among it). */
  refresh(): void;
}

export class SavedSolutions {
  readonly panel: SolutionsPanel;
  readonly switcher: SolutionSwitcher;
  private id = '';
  private saveTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly options: SavedSolutionsOptions) {
    const { level, progress } = options;
    this.panel = new SolutionsPanel(level, {
      open: (id) => void this.open(id),
      rename: (id, name) => progress.update((s) => renameSolution(s, level.id, id, name)),
      duplicate: (id) => this.addAndOpen(() => duplicateSolution(progress.save, level.id, id)),
      remove: (id) => this.remove(id),
      keepBoard: () => this.keep(options.board(), 'Kept wiring'),
      fresh: () =>
        this.addAndOpen(() =>
          addSolution(progress.save, level.id, startingWiring(level), 'New solution'),
        ),
    });
    this.switcher = new SolutionSwitcher((id) => void this.open(id));
  }

  /** Id of the saved solution on the board ('' when unsaved). */
  get activeId(): string {
    return this.id;
  }

  /** The wiring to open first: the given one (unsaved until kept), else the active saved one, else the start. */
  first(given?: Solution): Solution {
    const { level, progress } = this.options;
    // A given wiring (from a share link) stays out of the save, and earns nothing, until the
    // player keeps it with keepSolution ("Save to my solutions").
    const saved = this.options.saved && !given ? activeSolution(progress.save, level.id) : null;
    this.id = saved?.id ?? '';
    return given ?? saved?.wiring ?? startingWiring(level);
  }

  /** Saves the wiring a moment after the last edit (not on every pixel of a drag). */
  persist(solution: Solution): void {
    if (!this.options.saved || this.id === '') return;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    const id = this.id;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      this.options.progress.update((s) => updateWiring(s, this.options.level.id, id, solution));
    }, 250);
  }

  /** Saves at once a wiring that persist() is still waiting to save. */
  flush(): void {
    if (!this.saveTimer) return;
    clearTimeout(this.saveTimer);
    this.saveTimer = null;
    if (this.options.saved && this.id !== '') {
      const wiring = this.options.store.solution ?? this.options.board();
      this.options.progress.update((s) => updateWiring(s, this.options.level.id, this.id, wiring));
    }
  }

  /** Adds a wiring to this contract's saved solutions and opens it (a shared link kept by the player). */
  keep(solution: Solution, name: string): void {
    const { level, progress } = this.options;
    if (!this.options.saved) {
      void this.options.load(solution);
      return;
    }
    const wiring: Solution = { ...solution, level: { id: level.id, revision: level.revision } };
    this.addAndOpen(() => addSolution(progress.save, level.id, wiring, name));
  }

  /** Shows the solutions of `record`, null for a contract played unsaved. */
  show(record: ContractRecord | null): void {
    this.panel.show(record, record !== null && this.id === '');
    this.switcher.show(record, this.id);
  }

  private addAndOpen(make: () => ReturnType<typeof addSolution>): void {
    this.flush();
    const made = make();
    if (!made) {
      this.options.toasts.show(
        'This contract already holds as many solutions as it can: delete one first.',
        'bad',
      );
      return;
    }
    this.options.progress.replace(made.save);
    void this.open(made.id);
  }

  private async open(id: string): Promise<void> {
    this.flush();
    const { level, progress } = this.options;
    progress.update((s) => setActive(s, level.id, id));
    const saved = recordOf(progress.save, level.id).solutions.find((s) => s.id === id);
    if (!saved) return;
    this.id = id;
    await this.options.load(saved.wiring);
    this.options.refresh();
  }

  private remove(id: string): void {
    const { level, progress } = this.options;
    const record = recordOf(progress.save, level.id);
    const doomed = record.solutions.find((s) => s.id === id);
    if (!doomed || record.solutions.length <= 1) return;
    if (!window.confirm(`Delete “${doomed.name}”? This cannot be undone.`)) return;
    this.flush();
    progress.update((s) => deleteSolution(s, level.id, id));
    if (id === this.id) {
      const next = activeSolution(progress.save, level.id);
      if (next) void this.open(next.id);
    }
  }
}
