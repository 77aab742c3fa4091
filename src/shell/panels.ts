/**
 * The plug-in points of the game's screen: panels other parts of the game mount into the
 * workbench, and start-up hooks that may open a contract before the inbox shows (a share
 * link does). See the comment at the top of main.ts for how a module registers itself.
 */
import type { MachineProfile } from '../model/profile';
import type { Level } from '../model/level';
import type { Solution } from '../model/solution';
import type { SimResult } from '../engine/result';

/** Where a panel shows on the workbench. */
export type PanelSlot =
  /** A tab in the right-hand dock, beside Score, Solutions and Hints. */
  | 'side'
  /** A tab in the dock under the editor (the run view, the timeline). */
  | 'bottom'
  /** A small control in the workbench's top bar (a "Copy link" button). */
  | 'toolbar'
  /** A small control in the inbox's header (e.g. "Open a contract file"). */
  | 'inbox';

/**
 * Where a contract was opened from, which decides whether its runs pay. `inbox` (the
 * default): the campaign, filed in the save. `link`: a link's wiring on a shipped contract,
 * filed only if the player has that contract unlocked. `outside`: a contract carried by a
 * file or a link, played for practice even when it is a shipped one, so a file can never
 * pay, grade or unlock the campaign.
 */
export type ContractOrigin = 'inbox' | 'link' | 'outside';

/** What changed, so a panel redraws only what it must. */
export type ContextChange =
  /** Another contract was opened (or the workbench closed: level is null). */
  | { readonly type: 'level' }
  /** The wiring changed: an edit, an undo, a switch to another saved solution. */
  | { readonly type: 'solution' }
  /** A run started (the full run with its trace, after the player pressed Run). */
  | { readonly type: 'running' }
  /** A full run finished: `context.result` holds it, trace included. */
  | { readonly type: 'result' }
  /** A metrics-only re-score of the current wiring finished: `context.live` holds it. */
  | { readonly type: 'live' }
  /** The nodes the player selected in the editor (or a panel asked to highlight). */
  | { readonly type: 'selection'; readonly nodes: readonly string[] };

/** A point in the board's own coordinates. */
export interface BoardPoint {
  readonly x: number;
  readonly y: number;
}

/** One node as the editor draws it: its box and where its wires meet it, in board coordinates. */
export interface BoardNode {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  /** Height of a container's header, above its children (the whole node for a step). */
  readonly header: number;
  readonly input: BoardPoint | null;
  readonly outputs: Readonly<Record<string, BoardPoint>>;
}

/**
 * The board as the editor lays it out now: every node's box and ports, the zoom and pan,
 * and where the board sits on the screen. The run view draws the same picture.
 */
export interface BoardPicture {
  readonly nodes: Readonly<Record<string, BoardNode>>;
  /** Screen = board × k + (x, y), from the board's top left corner. */
  readonly transform: { readonly k: number; readonly x: number; readonly y: number };
  /** The board's top left corner on the screen (client pixels). */
  readonly screen: { readonly left: number; readonly top: number };
}

/** What a panel reads and may do. The same object is handed to every panel. */
export interface PanelContext {
  /** The open contract, or null on the inbox. */
  readonly level: Level | null;
  /** The wiring in the editor now, in model form (stable model ids). */
  readonly solution: Solution | null;
  /** The last full run (with trace) of this contract, or null. May be older than `solution`. */
  readonly result: SimResult | null;
  /** True when `result` was computed from exactly the current `solution`. */
  readonly resultIsCurrent: boolean;
  /** The latest metrics-only score of the current wiring (no trace), or null. */
  readonly live: SimResult | null;
  /** Model ids of the nodes selected in the editor. */
  readonly selection: readonly string[];
  /** Subscribes to changes; returns the unsubscribe function. */
  onChange(listener: (change: ContextChange) => void): () => void;
  /** Runs the current wiring with its trace (as the Run button does). */
  run(): Promise<SimResult | null>;
  /**
   * The current wiring's metrics on a measured machine (a profile from `npm run
   * calibrate`): "simulate my machine". A prediction only: not a run, filed nowhere, so
   * it never touches progress. Resolves null when there is no wiring or a newer one came.
   */
  predictOn(profile: MachineProfile): Promise<SimResult | null>;
  /**
   * True from a full run's result until a view takes on playing it as the show: the verdict
   * (the score panel's run, the "Contract delivered" dialog) waits for the show to end. The
   * run is filed in the save at once; only its showing waits.
   */
  readonly showPending: boolean;
  /** A view plays the fresh run as the show; the verdict appears when `ended` settles. */
  presentRun(ended: Promise<void>): void;
  /** How the editor lays out the wiring now; null when no board is open. */
  board(): BoardPicture | null;
  /** Selects (and highlights) these nodes in the editor, e.g. from a line of the code view. */
  select(nodes: readonly string[]): void;
  /**
   * Opens a contract on the workbench, optionally with a wiring loaded into the editor.
   * A campaign contract opened from the inbox keeps the player's saved solutions; one
   * from a file or a link is played unsaved (see ContractOrigin).
   */
  openContract(level: Level, solution?: Solution, from?: ContractOrigin): void;
  /** Adds a wiring to the player's saved solutions of its contract, under a name, and opens it. */
  keepSolution(solution: Solution, name: string): void;
  /** Shows a short message to the player (plain text). */
  notify(message: string, tone?: 'info' | 'good' | 'bad'): void;
}

export interface PanelDef {
  /** Unique, stable: "run-view", "timeline", "code", "share". */
  readonly id: string;
  /** The tab's label, or the control's tooltip. */
  readonly title: string;
  readonly slot: PanelSlot;
  /** Lower comes first; the game's own tabs use 0–30. */
  readonly order?: number;
  /**
   * Builds the panel inside `host` (an empty element the panel owns). Called once, the first
   * time the panel is shown, so heavy code can be loaded here with `import()`. May return a
   * function that tears the panel down.
   */
  mount(
    host: HTMLElement,
    context: PanelContext,
  ): void | (() => void) | Promise<void | (() => void)>;
}

/** A hook run once at start-up, before the inbox shows. Return true if it opened a contract. */
export type StartupHook = (context: PanelContext) => boolean | Promise<boolean>;

const panels: PanelDef[] = [];
const startups: StartupHook[] = [];

/** Adds a panel; a second panel with the same id replaces the first. */
export function registerPanel(panel: PanelDef): void {
  const at = panels.findIndex((p) => p.id === panel.id);
  if (at >= 0) panels.splice(at, 1, panel);
  else panels.push(panel);
}

/** Adds a start-up hook (e.g. opening a shared link found in the URL). */
export function registerStartup(hook: StartupHook): void {
  startups.push(hook);
}

/** The registered panels of one slot, in display order. */
export function panelsIn(slot: PanelSlot): readonly PanelDef[] {
  return panels
    .filter((p) => p.slot === slot)
    .sort((a, b) => (a.order ?? 50) - (b.order ?? 50) || a.id.localeCompare(b.id));
}

export function startupHooks(): readonly StartupHook[] {
  return startups;
}
