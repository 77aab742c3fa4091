/**
 * One contract open on the workbench: the layout, the editor, live scores and runs, the
 * saved solutions and hints. It keeps the store (what panels read) and the save in step.
 */
import type { Level } from '../model/level';
import type { Solution } from '../model/solution';
import type { SimResult } from '../engine/result';
import { LoopEditor } from '../editor/editor';
import { startingWiring } from '../editor/starting';
import { Palette } from '../editor/palette';
import { bindBoard, fitView, placeAtCentre, zoomBy } from '../editor/board';
import { bindShortcuts } from '../editor/shortcuts';
import { h, replace } from '../ui/dom';
import { panelTabs } from '../ui/dock';
import { workbenchLayout, type WorkbenchLayout } from '../ui/workbench/layout';
import { editorHelp, editorTools } from '../ui/workbench/editorTools';
import { runButton, workbenchTopbar } from '../ui/workbench/topbar';
import { RunStatus } from '../ui/workbench/runStatus';
import type { Toasts } from '../ui/toasts';
import { sideTabs } from '../ui/workbench/sideTabs';
import { ScorePanel } from '../ui/score/scorePanel';
import { SolutionsPanel } from '../ui/solutions/solutionsPanel';
import { HintsPanel } from '../ui/solutions/hintsPanel';
import {
  activeSolution,
  addSolution,
  deleteSolution,
  duplicateSolution,
  recordOf,
  renameSolution,
  setActive,
  showNextHint,
  updateWiring,
} from '../storage/progress';
import { structureKey } from '../storage/structure';
import type { ProgressKeeper } from './progressKeeper';
import type { GameStore } from './store';
import { panelsIn } from './panels';
import { Scoring } from './scoring';
import { fileScore } from './delivery';

export interface SessionOptions {
  readonly level: Level;
  /** Every campaign contract, to say which ones a delivery unlocks. */
  readonly campaign: readonly Level[];
  /** Campaign contracts keep their solutions in the save; custom ones are played unsaved. */
  readonly saved: boolean;
  readonly store: GameStore;
  readonly progress: ProgressKeeper;
  readonly toasts: Toasts;
  readonly topbar: HTMLElement;
  /** Back to the inbox, with this contract's e-mail open (the current one by default). */
  back(focus?: string): void;
}

export class ContractSession {
  readonly element: HTMLElement;
  private readonly layout: WorkbenchLayout;
  private readonly level: Level;
  private readonly editor: LoopEditor;
  private readonly palette: Palette;
  private readonly status = new RunStatus();
  private readonly scoring: Scoring;
  private readonly score: ScorePanel;
  private readonly solutions: SolutionsPanel;
  private readonly hints: HintsPanel;
  private readonly switcher = h('select', {
    class: 'solution-switch',
    attrs: { 'aria-label': 'Solution' },
  });
  private readonly runButton: HTMLButtonElement;
  /** Shown on a board that holds only the Source and the Sink: where to begin. */
  private readonly tip = h(
    'div',
    { class: 'board-tip', attrs: { hidden: true }, data: { testid: 'board-tip' } },
    h('strong', null, 'Start here: '),
    'drag a Step from the palette onto the board, then drag wires from the Source’s port to the Step and on to the Sink.',
  );
  private readonly cleanups: (() => void)[] = [];
  /** Id of the saved solution in the editor ('' when unsaved). */
  private activeId = '';
  /** Which kind of result the score panel shows for the current wiring. */
  private shown: 'run' | 'live' = 'live';
  private saveTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly options: SessionOptions) {
    this.level = options.level;
    this.score = new ScorePanel(this.level, (id) => void this.select([id]));
    this.solutions = new SolutionsPanel(this.level, {
      open: (id) => void this.open(id),
      rename: (id, name) =>
        options.progress.update((s) => renameSolution(s, this.level.id, id, name)),
      duplicate: (id) =>
        this.addAndOpen(() => duplicateSolution(options.progress.save, this.level.id, id)),
      remove: (id) => this.remove(id),
      keepBoard: () => this.keep(this.editor.solution(), 'Kept wiring'),
      fresh: () =>
        this.addAndOpen(() =>
          addSolution(
            options.progress.save,
            this.level.id,
            startingWiring(this.level),
            'New solution',
          ),
        ),
    });
    this.hints = new HintsPanel(this.level, () => {
      if (options.saved) options.progress.update((s) => showNextHint(s, this.level));
      else {
        this.hintsShownUnsaved += 1;
        this.renderProgress();
      }
    });
    const own = sideTabs({
      score: this.score.element,
      solutions: this.solutions.element,
      hints: this.hints.element,
      level: this.level,
      progress: () => {
        const record = recordOf(options.progress.save, this.level.id);
        return { best: record.bestGrade, finished: record.paid };
      },
    });
    this.layout = workbenchLayout(
      [...own, ...panelTabs(panelsIn('side'), options.store)],
      panelTabs(panelsIn('bottom'), options.store),
    );
    this.element = this.layout.element;
    this.editor = new LoopEditor(this.layout.editor, this.level, {
      onChange: (solution, kind) => this.edited(solution, kind),
      onSelect: (nodes) => options.store.setSelection(nodes),
      onMessage: (text) => options.toasts.show(text, 'info'),
    });
    this.palette = new Palette(
      this.level,
      (type) => this.editor.remaining(type),
      (type) => void placeAtCentre(this.editor, type),
    );
    this.layout.palette.append(this.palette.element);
    this.layout.editorOverlay.append(
      editorTools({
        undo: () => void this.editor.undo(),
        redo: () => void this.editor.redo(),
        zoom: (factor) => void zoomBy(this.editor, factor),
        fit: () => void fitView(this.editor),
        arrange: () => void this.arrange(),
        minimap: () => this.layout.editor.classList.toggle('no-minimap'),
      }),
      editorHelp(),
      this.tip,
      this.status.element,
    );
    this.scoring = new Scoring(this.level, this.status, {
      live: (result, of) => this.liveResult(result, of),
      error: (message) => options.toasts.show(message, 'bad', 8000),
    });
    this.runButton = runButton(() => void this.run());
    this.switcher.addEventListener('change', () => void this.open(this.switcher.value));
    replace(
      options.topbar,
      ...workbenchTopbar({
        level: this.level,
        switcher: this.switcher,
        runButton: this.runButton,
        context: options.store,
        back: () => options.back(),
      }),
    );
    this.cleanups.push(bindBoard(this.editor));
    // On a short screen the minimap would cover much of the board: it starts hidden there.
    if (window.innerHeight < 800) this.layout.editor.classList.add('no-minimap');
    this.cleanups.push(
      bindShortcuts({
        remove: () => void this.editor.commands.deleteSelected(),
        undo: () => void this.editor.undo(),
        redo: () => void this.editor.redo(),
        copy: () => {
          const n = this.editor.commands.copy();
          if (n > 0) options.toasts.show(`Copied ${n} node${n === 1 ? '' : 's'}`, 'info', 1800);
        },
        paste: () => void this.editor.commands.paste(),
        selectAll: () => void this.editor.commands.selectAll(),
        fit: () => void fitView(this.editor),
        run: () => void this.run(),
      }),
      options.progress.onChange(() => this.renderProgress()),
    );
  }

  /** Opens the wiring: the given one (unsaved until kept), else the active saved one, else the start. */
  start(solution?: Solution): void {
    const { progress } = this.options;
    // A given wiring (from a share link) stays out of the save, and earns nothing, until the
    // player keeps it with keepSolution ("Save to my solutions").
    const saved =
      this.options.saved && !solution ? activeSolution(progress.save, this.level.id) : null;
    this.activeId = saved?.id ?? '';
    void this.load(solution ?? saved?.wiring ?? startingWiring(this.level), true);
    this.renderProgress();
  }

  private async load(wiring: Solution, fit: boolean): Promise<void> {
    const sameContract = this.options.store.level === this.level;
    const skipped = await this.editor.load(wiring);
    if (skipped.length > 0)
      this.options.toasts.show(
        `Some of this wiring could not be shown: ${skipped.join('; ')}`,
        'bad',
        9000,
      );
    if (wiring.level.revision !== this.level.revision)
      this.options.toasts.show(
        'The client changed this contract since this wiring was made: check that it still fits.',
        'info',
        8000,
      );
    // Announced once the editor holds it, so a panel that runs on 'solution' runs this wiring.
    const current = this.editor.solution();
    if (sameContract) this.options.store.switchSolution(current);
    else {
      this.options.store.setLevel(this.level, current);
      this.options.store.setSolution(current);
    }
    this.tip.hidden = current.nodes.length > 2;
    this.shown = 'live';
    this.palette.render();
    if (this.editor.overlapping()) await this.arrange();
    else if (fit) await fitView(this.editor);
    this.scoring.rescore(current, true);
  }

  private edited(solution: Solution, kind: 'structure' | 'layout'): void {
    this.options.store.setSolution(solution);
    this.tip.hidden = solution.nodes.length > 2;
    this.persist(solution);
    // A new structure is saved at once, so the score that comes back is filed against it.
    if (kind === 'structure') this.flush();
    if (kind === 'structure') {
      this.shown = 'live';
      this.palette.render();
      this.scoring.rescore(solution);
    }
  }

  /** Saves the wiring a moment after the last edit (not on every pixel of a drag). */
  private persist(solution: Solution): void {
    if (!this.options.saved || this.activeId === '') return;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    const id = this.activeId;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      this.options.progress.update((s) => updateWiring(s, this.level.id, id, solution));
    }, 250);
  }

  private flush(): void {
    if (!this.saveTimer) return;
    clearTimeout(this.saveTimer);
    this.saveTimer = null;
    if (this.options.saved && this.activeId !== '') {
      const wiring = this.options.store.solution ?? this.editor.solution();
      this.options.progress.update((s) => updateWiring(s, this.level.id, this.activeId, wiring));
    }
  }

  private liveResult(result: SimResult, of: Solution): void {
    // Moving nodes makes a new Solution with the same structure: its score still holds.
    const current = this.options.store.solution;
    if (!current || structureKey(of) !== structureKey(current)) return;
    this.options.store.setLive(result);
    this.editor.showIssues(result.ok ? [] : result.issues);
    if (this.shown === 'live') this.score.show({ result, source: 'live', solution: current });
    this.record(result, false);
  }

  /** Runs the current wiring with its trace; a run that meets every goal delivers the contract. */
  async run(): Promise<SimResult | null> {
    const solution = this.editor.solution();
    this.options.store.setSolution(solution);
    this.options.store.setRunning();
    this.runButton.disabled = true;
    this.runButton.classList.add('running');
    try {
      const result = await this.scoring.run(solution);
      if (!result) return null;
      this.options.store.setResult(result, solution);
      const now = this.options.store.solution;
      if (!now || structureKey(now) !== structureKey(solution)) return result;
      this.shown = 'run';
      this.editor.showIssues(result.ok ? [] : result.issues);
      this.score.show({ result, source: 'run', solution, ...this.undelivered() });
      this.layout.side.show('score');
      this.record(result, true);
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
  private undelivered(): { undelivered?: string } {
    if (!this.options.saved)
      return {
        undelivered:
          'A contract from outside the campaign is played for practice: nothing is paid or filed.',
      };
    if (this.activeId !== '') return {};
    return {
      undelivered:
        'Passed, but not delivered: this wiring came from a link. Save it to your solutions, then run it to deliver.',
    };
  }

  private record(result: SimResult, counts: boolean): void {
    this.flush();
    if (!this.options.saved || this.activeId === '') return;
    fileScore(
      { ...this.options, level: this.level, toInbox: (focus) => this.options.back(focus) },
      this.activeId,
      result,
      counts,
    );
  }

  select(nodes: readonly string[]): void {
    void this.editor.select(nodes);
    this.editor.highlight(nodes);
  }

  /** Adds a wiring to this contract's saved solutions and opens it (a shared link kept by the player). */
  keep(solution: Solution, name: string): void {
    if (!this.options.saved) {
      void this.load(solution, true);
      return;
    }
    const wiring: Solution = {
      ...solution,
      level: { id: this.level.id, revision: this.level.revision },
    };
    this.addAndOpen(() => addSolution(this.options.progress.save, this.level.id, wiring, name));
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
    const { progress } = this.options;
    progress.update((s) => setActive(s, this.level.id, id));
    const saved = recordOf(progress.save, this.level.id).solutions.find((s) => s.id === id);
    if (!saved) return;
    this.activeId = id;
    await this.load(saved.wiring, true);
    this.renderProgress();
  }

  private remove(id: string): void {
    const record = recordOf(this.options.progress.save, this.level.id);
    const doomed = record.solutions.find((s) => s.id === id);
    if (!doomed || record.solutions.length <= 1) return;
    if (!window.confirm(`Delete “${doomed.name}”? This cannot be undone.`)) return;
    this.flush();
    this.options.progress.update((s) => deleteSolution(s, this.level.id, id));
    if (id === this.activeId) {
      const next = activeSolution(this.options.progress.save, this.level.id);
      if (next) void this.open(next.id);
    }
  }

  private renderProgress(): void {
    const record = this.options.saved ? recordOf(this.options.progress.save, this.level.id) : null;
    const unsaved = record !== null && this.activeId === '';
    this.solutions.show(record, unsaved);
    this.hints.show(record?.hintsShown ?? this.hintsShownUnsaved);
    const own = (record?.solutions ?? []).map((s) =>
      h('option', { attrs: { value: s.id, selected: s.id === this.activeId } }, s.name),
    );
    // Only a link's wiring is on the board unsaved: say so, and set the player's own apart.
    replace(
      this.switcher,
      ...(unsaved
        ? [
            h(
              'option',
              { attrs: { value: '', selected: true, disabled: true } },
              'Shared, not saved',
            ),
            h('optgroup', { attrs: { label: 'Your solutions' } }, ...own),
          ]
        : own),
    );
    if (unsaved)
      this.switcher.title =
        'A wiring opened from a link: it is not one of your solutions until you save it';
    else this.switcher.removeAttribute('title');
    this.switcher.hidden = !record;
  }

  private hintsShownUnsaved = 0;

  private async arrange(): Promise<void> {
    const { arrange } = await import('../editor/arrange');
    await arrange(this.editor);
    await fitView(this.editor);
  }

  close(): void {
    this.flush();
    for (const cleanup of this.cleanups) cleanup();
    this.scoring.dispose();
    this.editor.destroy();
    this.layout.side.destroy();
    this.layout.bottom?.destroy();
  }
}
