/**
 * Holds the player's save while the game runs: every change goes through `update`, is
 * written to localStorage at once, and is announced to whoever draws progress (the
 * balance, the inbox, the solutions list).
 *
 * The save in memory is the truth. When localStorage refuses it (a full quota), the shelf
 * makes room, retries, and falls back to IndexedDB; while even that fails the game keeps
 * the progress in memory, tries again every little while and at every change, and says so
 * (`onKeeping`) so the player can download it. `kept()` tells where the latest change is,
 * so nothing announces a delivery as kept when it is not.
 */
import type { Keeping, SaveShelf } from '../storage/saveShelf';
import type { SaveFile } from '../storage/save';

/** How often a save held only in memory is offered to storage again. */
const RETRY_MS = 20_000;

export class ProgressKeeper {
  private listeners = new Set<(save: SaveFile) => void>();
  private writes: Promise<Keeping> = Promise.resolve('stored');
  private where: Keeping = 'stored';
  private retry: ReturnType<typeof setTimeout> | null = null;
  private held: boolean;

  /**
   * @param hold - true while an unreadable save has no copy but the one in localStorage:
   *   nothing is written until `release()` (the player downloaded it).
   */
  constructor(
    private current: SaveFile,
    private readonly shelf: SaveShelf | null,
    private readonly onKeeping: (where: Keeping) => void,
    hold = false,
  ) {
    this.held = hold;
  }

  get save(): SaveFile {
    return this.current;
  }

  update(change: (save: SaveFile) => SaveFile): void {
    const next = change(this.current);
    if (next === this.current) return;
    this.current = next;
    this.write();
    for (const listener of [...this.listeners]) listener(next);
  }

  /** Replaces the whole save (an imported file). */
  replace(save: SaveFile): void {
    this.update(() => save);
  }

  /** Where the latest change is kept, once its writes have settled. */
  kept(): Promise<Keeping> {
    if (this.held) return Promise.resolve('memory');
    return this.writes;
  }

  /** Lifts the hold of an unreadable save (it was downloaded) and writes what was played since. */
  release(): void {
    if (!this.held) return;
    this.held = false;
    this.write();
  }

  onChange(listener: (save: SaveFile) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private write(): void {
    const shelf = this.shelf;
    if (!shelf || this.held) return;
    if (this.retry !== null) clearTimeout(this.retry);
    this.retry = null;
    // Writes run one after another; each writes the save as it is when its turn comes.
    if (shelf.writeNow(this.current))
      this.writes = this.writes.then(() => shelf.clearSpare()).then(() => 'stored' as const);
    else
      this.writes = this.writes.then(() => shelf.keep(this.current)).catch(() => 'memory' as const);
    const writes = this.writes;
    void writes.then((where) => {
      if (writes !== this.writes) return;
      if (where !== this.where) {
        this.where = where;
        this.onKeeping(where);
      }
      if (where === 'memory') this.retry = setTimeout(() => this.write(), RETRY_MS);
    });
  }
}
