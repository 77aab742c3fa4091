/**
 * One contract open on the workbench: the layout, the editor, the palette and the board's
 * tools and shortcuts, and the hints. Its saved solutions (savedSolutions.ts) and where its
 * scores and runs go (scoreFlow.ts) are collaborators; it keeps the store (what panels
 * read) and the save in step with the board.
 */
import type { Level } from '../model/level';
import type { Solution } from '../model/solution';
import type { SimResult } from '../engine/result';
import { LoopEditor } from '../editor/editor';
import { Palette } from '../editor/palette';
import { bindBoard, centreOn, fitView, placeAtCentre, zoomBy } from '../editor/board';
import { bindShortcuts } from '../editor/shortcuts';
import { boardPicture } from '../editor/picture';
import type { BoardPicture } from '../shell/panels';
import { h, replace } from '../shell/dom';
import { panelTabs } from '../ui/dock';
import { NARROW_SCREEN, workbenchLayout, type WorkbenchLayout } from '../ui/workbench/layout';
import { editorHelp, editorTools } from '../ui/workbench/editorTools';
import { keysHelp } from '../ui/workbench/keysHelp';
import { workbenchTopbar } from '../ui/workbench/topbar';
import { RunStatus } from '../ui/workbench/runStatus';
import type { Toasts } from '../ui/toasts';
import { sideTabs } from '../ui/workbench/sideTabs';
import { ScorePanel } from '../ui/score/scorePanel';
import { HintsPanel } from '../ui/solutions/hintsPanel';
import { recordOf, showNextHint } from '../storage/progress';
import type { ProgressKeeper } from './progressKeeper';
import type { GameStore } from './store';
import { panelsIn } from '../shell/panels';
import { SavedSolutions } from './savedSolutions';
import { ScoreFlow } from './scoreFlow';
import { holds, type KeptBoards } from './keptBoards';

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
  /** Boards of contracts left for the inbox: this one's is reopened from here, and put back on close. */
  readonly boards: KeptBoards;
  /** Back to the inbox, with this contract's e-mail open (the current one by default). */
  back(focus?: string): void;
}

export class ContractSession {
  readonly element: HTMLElement;
  private readonly layout: WorkbenchLayout;
  private readonly level: Level;
  private readonly editor: LoopEditor;
  /** The board was kept from the player's last visit (with its undo history), not made anew. */
  private readonly reopened: boolean;
  private readonly palette: Palette;
  private readonly status = new RunStatus();
  private readonly score: ScorePanel;
  private readonly solutions: SavedSolutions;
  private readonly scoreFlow: ScoreFlow;
  private readonly hints: HintsPanel;
  /** Shown on a board that holds only the Source and the Sink: where to begin. */
  private readonly tip = h(
    'div',
    { class: 'board-tip', attrs: { hidden: true }, data: { testid: 'board-tip' } },
    h('strong', null, 'Start here: '),
    h(
      'span',
      { class: 'help-mouse' },
      'drag a Step from the palette onto the board, then drag wires from the Source’s port to the Step and on to the Sink.',
    ),
    h(
      'span',
      { class: 'help-touch' },
      'tap Nodes and place a Step, then tap the Source’s port and the Step’s input to wire them, and on to the Sink.',
    ),
  );
  private readonly cleanups: (() => void)[] = [];
  private hintsShownUnsaved = 0;

  constructor(private readonly options: SessionOptions) {
    this.level = options.level;
    // A problem clicked in the score shows its node: selected, marked and in the middle of the board.
    this.score = new ScorePanel(this.level, (id) => {
      this.layout.reveal('board');
      this.select([id]);
      void centreOn(this.editor, [id]);
    });
    this.solutions = new SavedSolutions({
      ...options,
      board: () => this.editor.solution(),
      load: (wiring) => this.load(wiring),
      refresh: () => this.renderProgress(),
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
      solutions: this.solutions.panel.element,
      hints: this.hints.element,
      level: this.level,
      progress: () => {
        const record = recordOf(options.progress.save, this.level.id);
        return { best: record.bestGrade, finished: record.paid };
      },
    });
    const kept = options.boards.take(this.level);
    this.reopened = kept !== null;
    this.layout = workbenchLayout(
      [...own, ...panelTabs(panelsIn('side'), options.store)],
      panelTabs(panelsIn('bottom'), options.store),
      kept?.host,
    );
    this.element = this.layout.element;
    const listener = {
      onChange: (solution: Solution, kind: 'structure' | 'layout') => this.edited(solution, kind),
      onSelect: (nodes: readonly string[]) => options.store.setSelection(nodes),
      onMessage: (text: string) => options.toasts.show(text, 'info'),
    };
    kept?.listenWith(listener);
    this.editor = kept ?? new LoopEditor(this.layout.editor, this.level, listener);
    this.palette = new Palette(
      this.level,
      (type) => this.editor.remaining(type),
      (type, byKey) => void placeAtCentre(this.editor, type, byKey),
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
      keysHelp(),
      this.tip,
      this.status.element,
    );
    this.scoreFlow = new ScoreFlow(
      { ...options, toInbox: (focus) => options.back(focus) },
      {
        editor: this.editor,
        score: this.score,
        status: this.status,
        solutions: this.solutions,
        revealScore: () => {
          this.layout.side.show('score');
          this.layout.reveal('score');
        },
        revealStage: () => {
          const bottom = this.layout.bottom;
          if (!bottom?.has('run-view')) return false;
          bottom.show('run-view');
          this.layout.reveal('run');
          return true;
        },
      },
    );
    replace(
      options.topbar,
      ...workbenchTopbar({
        level: this.level,
        switcher: this.solutions.switcher.element,
        runButton: this.scoreFlow.runButton,
        context: options.store,
        back: () => options.back(),
      }),
    );
    this.cleanups.push(bindBoard(this.editor));
    // On a short or narrow screen the minimap would cover much of the board: it starts hidden there.
    if ((window.innerHeight < 800 || window.matchMedia(NARROW_SCREEN).matches) && !this.reopened)
      this.layout.editor.classList.add('no-minimap');
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
    const wiring = this.solutions.first(solution);
    // A kept board that still holds this wiring is shown as the player left it: loading it
    // again would forget what Ctrl+Z can undo.
    if (this.reopened && holds(this.editor, wiring)) void this.show(false);
    else void this.load(wiring);
    this.renderProgress();
  }

  private async load(wiring: Solution): Promise<void> {
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
    await this.show(true);
  }

  /** Tells the store and the panels about the wiring the editor now holds; `fresh`: just loaded, so lay it out. */
  private async show(fresh: boolean): Promise<void> {
    const sameContract = this.options.store.level === this.level;
    // Announced once the editor holds it, so a panel that runs on 'solution' runs this wiring.
    const current = this.editor.solution();
    if (sameContract) this.options.store.switchSolution(current);
    else {
      this.options.store.setLevel(this.level, current);
      this.options.store.setSolution(current);
    }
    this.tip.hidden = current.nodes.length > 2;
    this.scoreFlow.followLive();
    this.palette.render();
    if (fresh && this.editor.overlapping()) await this.arrange();
    else if (fresh) await fitView(this.editor);
    this.scoreFlow.rescore(current, true);
  }

  private edited(solution: Solution, kind: 'structure' | 'layout'): void {
    this.options.store.setSolution(solution);
    this.tip.hidden = solution.nodes.length > 2;
    this.solutions.persist(solution);
    // A new structure is saved at once, so the score that comes back is filed against it.
    if (kind === 'structure') this.solutions.flush();
    if (kind === 'structure') {
      this.scoreFlow.followLive();
      this.palette.render();
      this.scoreFlow.rescore(solution);
    }
  }

  /** Runs the current wiring with its trace; a run that meets every goal delivers the contract. */
  run(): Promise<SimResult | null> {
    return this.scoreFlow.run();
  }

  /** The board as the editor lays it out now, for the run view to draw the same. */
  board(): BoardPicture | null {
    return boardPicture(this.editor);
  }

  select(nodes: readonly string[]): void {
    void this.editor.select(nodes);
    this.editor.highlight(nodes);
  }

  /** Adds a wiring to this contract's saved solutions and opens it (a shared link kept by the player). */
  keep(solution: Solution, name: string): void {
    this.solutions.keep(solution, name);
  }

  private renderProgress(): void {
    const record = this.options.saved ? recordOf(this.options.progress.save, this.level.id) : null;
    this.solutions.show(record);
    this.hints.show(record?.hintsShown ?? this.hintsShownUnsaved);
  }

  private async arrange(): Promise<void> {
    const { arrange } = await import('../editor/arrange');
    await arrange(this.editor);
    await fitView(this.editor);
  }

  close(): void {
    this.solutions.flush();
    for (const cleanup of this.cleanups) cleanup();
    this.scoreFlow.dispose();
    this.options.boards.keep(this.level, this.editor);
    this.layout.side.destroy();
    this.layout.bottom?.destroy();
  }
}
