/**
 * The boards of the contracts the player recently left, kept alive so that going back to
 * the inbox and reopening a contract keeps its undo history: rete's history acts on the
 * live editor's nodes and cannot be carried over to a new editor. A few boards are kept;
 * the one left longest ago is let go.
 */
import type { Level } from '../model/level';
import type { Solution } from '../model/solution';
import type { LoopEditor } from '../editor/editor';

const KEPT = 4;

export class KeptBoards {
  private readonly boards = new Map<Level, LoopEditor>();

  /** The board left on this contract, now taken off the shelf; null when none is kept. */
  take(level: Level): LoopEditor | null {
    const board = this.boards.get(level) ?? null;
    this.boards.delete(level);
    return board;
  }

  keep(level: Level, board: LoopEditor): void {
    this.boards.delete(level);
    this.boards.set(level, board);
    for (const [oldest, left] of this.boards) {
      if (this.boards.size <= KEPT) break;
      this.boards.delete(oldest);
      left.destroy();
    }
  }
}

/** Does the board hold this wiring as it is (so reopening it needs no load, which would forget the history)? */
export function holds(board: LoopEditor, wiring: Solution): boolean {
  return canonical(board.solution()) === canonical(wiring);
}

/** JSON with the keys of every object in order, so two equal wirings read the same. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
