/**
 * Holds the player's save while the game runs: every change goes through `update`, is
 * written to localStorage at once, and is announced to whoever draws progress (the
 * balance, the inbox, the solutions list).
 */
import { writeSave } from '../storage/localSave';
import type { SaveFile } from '../storage/save';

export class ProgressKeeper {
  private listeners = new Set<(save: SaveFile) => void>();

  constructor(
    private current: SaveFile,
    private readonly storage: Storage | null,
    private readonly onWriteError: (message: string) => void,
  ) {}

  get save(): SaveFile {
    return this.current;
  }

  update(change: (save: SaveFile) => SaveFile): void {
    const next = change(this.current);
    if (next === this.current) return;
    this.current = next;
    if (this.storage) {
      const problem = writeSave(this.storage, next);
      if (problem) this.onWriteError(problem);
    }
    for (const listener of [...this.listeners]) listener(next);
  }

  /** Replaces the whole save (an imported file). */
  replace(save: SaveFile): void {
    this.update(() => save);
  }

  onChange(listener: (save: SaveFile) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
