/**
 * Where the save is kept: localStorage first, IndexedDB (the spare store) when localStorage
 * is full. A spare copy names the localStorage text it is newer than (by a hash), so a
 * reload takes whichever of the two was written last, even if the game was closed before
 * a stale spare copy could be cleared.
 *
 * When localStorage refuses the save, room is made from what can live elsewhere (the
 * unreadable saves kept aside move to IndexedDB), the write is tried again, and only then
 * does the save go to the spare store.
 */
import {
  BACKUP_PREFIX,
  SAVE_KEY,
  backupKeys,
  loadSave,
  unreadable,
  type LoadedSave,
  type TextStore,
} from './localSave';
import { parseSave, type SaveFile } from './save';

/**
 * A second store of text entries (the app hands in IndexedDB's); every call may reject
 * (storage blocked, disk full).
 */
export interface SpareStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, text: string): Promise<void>;
  delete(key: string): Promise<void>;
  keys(): Promise<string[]>;
}

/** Where the latest save is: localStorage, the spare store, or only in the game's memory. */
export type Keeping = 'stored' | 'spare' | 'memory';

/** The spare store's key for the save itself; kept-aside saves use their localStorage keys. */
export const SPARE_SAVE = 'loopwork.save';

interface SpareRecord {
  readonly text: string;
  /** Hash of the localStorage save this copy is newer than. */
  readonly over: number;
}

/** FNV-1a over UTF-16 units: enough to tell one localStorage text from another. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

function readLocal(storage: TextStore): string | null {
  try {
    return storage.getItem(SAVE_KEY);
  } catch {
    return null;
  }
}

/** Writes text to localStorage; false when it refuses (full quota, blocked). */
function writeLocal(storage: TextStore, key: string, text: string): boolean {
  try {
    storage.setItem(key, text);
    return true;
  } catch {
    return false;
  }
}

export class SaveShelf {
  constructor(
    private readonly storage: TextStore,
    private readonly spare: SpareStore | null,
  ) {}

  /** Tries localStorage alone, at once; true when the save is there. */
  writeNow(save: SaveFile): boolean {
    return writeLocal(this.storage, SAVE_KEY, JSON.stringify(save));
  }

  /** After a write went to localStorage: a spare copy is now older, so it goes. */
  async clearSpare(): Promise<void> {
    await this.spare?.delete(SPARE_SAVE).catch(() => undefined);
  }

  /** After localStorage refused the save: makes room, tries again, else the spare store. */
  async keep(save: SaveFile): Promise<Keeping> {
    if (await this.makeRoom()) {
      if (this.writeNow(save)) {
        await this.clearSpare();
        return 'stored';
      }
    }
    if (!this.spare) return 'memory';
    const record: SpareRecord = {
      text: JSON.stringify(save),
      over: hash(readLocal(this.storage) ?? ''),
    };
    try {
      await this.spare.set(SPARE_SAVE, JSON.stringify(record));
      return 'spare';
    } catch {
      return 'memory';
    }
  }

  /** Moves the kept-aside saves to the spare store; true when any room was freed. */
  private async makeRoom(): Promise<boolean> {
    if (!this.spare) return false;
    let freed = false;
    for (const key of backupKeys(this.storage)) {
      const text = this.storage.getItem(key);
      if (text === null) continue;
      try {
        await this.spare.set(key, text);
      } catch {
        return freed;
      }
      this.storage.removeItem(key);
      freed = true;
    }
    return freed;
  }

  /**
   * Reads the save: the newer of localStorage's and the spare store's. A save that could not
   * be read and had no room in localStorage is kept aside in the spare store before this
   * returns, so nothing written later can overwrite the only copy.
   */
  async load(now: number): Promise<LoadedSave> {
    const local = loadSave(this.storage, now);
    if (!this.spare) return local;
    const spare = await this.readSpare();
    if (spare) return spare;
    const problem = local.problem;
    if (!problem || problem.backupKey !== null || problem.text === '') return local;
    const key = `${BACKUP_PREFIX}${now}`;
    try {
      await this.spare.set(key, problem.text);
      return { save: local.save, problem: unreadable(problem, key) };
    } catch {
      return local;
    }
  }

  /** The spare copy of the save when it is newer than localStorage's, else null. */
  private async readSpare(): Promise<LoadedSave | null> {
    let record: SpareRecord;
    try {
      const text = await this.spare?.get(SPARE_SAVE);
      if (text === undefined) return null;
      record = JSON.parse(text) as SpareRecord;
    } catch {
      return null;
    }
    if (record.over !== hash(readLocal(this.storage) ?? '')) {
      // localStorage was written after it: the spare copy is stale.
      await this.clearSpare();
      return null;
    }
    try {
      const { save } = parseSave(record.text);
      return { save, problem: null };
    } catch {
      return null;
    }
  }

  /** Every unreadable save kept aside, in either store, oldest first. */
  async keptAside(): Promise<{ key: string; text: string }[]> {
    const kept = new Map<string, string>();
    for (const key of backupKeys(this.storage)) kept.set(key, this.storage.getItem(key) ?? '');
    try {
      for (const key of (await this.spare?.keys()) ?? [])
        if (key.startsWith(BACKUP_PREFIX)) kept.set(key, (await this.spare?.get(key)) ?? '');
    } catch {
      // The spare store is blocked: what localStorage keeps is still listed.
    }
    return [...kept.keys()].sort().map((key) => ({ key, text: kept.get(key) ?? '' }));
  }
}
