/**
 * Reading and writing the save in localStorage. A save that does not parse, or had to be
 * repaired, is never overwritten silently: its text is first copied aside under a backup
 * key, and the caller gets a message to show the player, with the backup's key so it can
 * be downloaded.
 */
import { InputErrors } from '../model/errors';
import { emptySave, parseSave, type SaveFile } from './save';

/**
 * The part of the browser's localStorage a save needs. The app hands in `localStorage`; tests
 * an in-memory one. Named here rather than taken from the DOM so that src/storage stays pure.
 */
export interface TextStore {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  /** Throws when the store refuses (full quota, storage blocked). */
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const SAVE_KEY = 'loopwork.save';
export const BACKUP_PREFIX = 'loopwork.save.broken.';

export interface LoadedSave {
  readonly save: SaveFile;
  /** Set when the stored save could not be read; the player must be told. */
  readonly problem: SaveProblem | null;
}

export interface SaveProblem {
  /** Plain words for the player. */
  readonly message: string;
  /** Details (JSON paths) for the curious. */
  readonly details: string;
  /** Where the unreadable text was kept, or null if even that failed. */
  readonly backupKey: string | null;
  /** The unreadable text itself, so it can be downloaded. */
  readonly text: string;
  /** How many values were reset (a repaired save); 0 when it could not be read at all. */
  readonly repaired: number;
}

/** Reads the save, keeping an unreadable one aside. `now` names the backup (ms since epoch). */
export function loadSave(storage: TextStore, now: number): LoadedSave {
  let text: string | null;
  try {
    text = storage.getItem(SAVE_KEY);
  } catch {
    return {
      save: emptySave(),
      problem: {
        message: 'This browser does not let Loopwork read its saved progress (storage is blocked).',
        details: '',
        backupKey: null,
        text: '',
        repaired: 0,
      },
    };
  }
  if (text === null) return { save: emptySave(), problem: null };
  const listed = (errors: readonly { message: string }[]): string =>
    errors.map((e) => e.message).join('\n');
  try {
    const { save, repairs } = parseSave(text);
    if (repairs.length === 0) return { save, problem: null };
    // The repaired save replaces the stored one at the next write: the original goes aside first.
    return {
      save,
      problem: unreadable(
        { repaired: repairs.length, details: listed(new InputErrors(repairs).errors), text },
        keepAside(storage, now, text),
      ),
    };
  } catch (error) {
    const details = error instanceof InputErrors ? listed(error.errors) : String(error);
    return {
      save: emptySave(),
      problem: unreadable({ repaired: 0, details, text }, keepAside(storage, now, text)),
    };
  }
}

/** What was wrong with a stored save, before it was kept aside. */
export interface Unreadable {
  /** How many values were reset; 0 when the save could not be read at all. */
  readonly repaired: number;
  readonly details: string;
  readonly text: string;
}

/**
 * The player's message about a save that was repaired or could not be read, kept aside
 * under `backupKey` (or nowhere, when null: then the player must download it).
 */
export function unreadable(what: Unreadable, backupKey: string | null): SaveProblem {
  const kept =
    backupKey !== null
      ? what.repaired > 0
        ? 'The save as it was is kept aside: you can download it.'
        : 'The old save was kept aside, untouched: you can download it.'
      : 'There was no room to keep it aside. Download it now: until you do, nothing you play is saved, so that it cannot overwrite the old save.';
  const message =
    what.repaired > 0
      ? `Part of your saved progress was damaged and has been repaired: ${what.repaired === 1 ? 'one value was' : `${what.repaired} values were`} reset, everything else is as you left it. ${kept}`
      : `Your saved progress could not be read, so the game started afresh. ${kept}`;
  return { ...what, message, backupKey };
}

/** Copies a save's text under a backup key; the key, or null when storage has no room. */
function keepAside(storage: TextStore, now: number, text: string): string | null {
  const key = `${BACKUP_PREFIX}${now}`;
  try {
    storage.setItem(key, text);
    return key;
  } catch {
    return null;
  }
}

/** Keys of the broken saves kept aside, oldest first. */
export function backupKeys(storage: TextStore): string[] {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(BACKUP_PREFIX)) keys.push(key);
  }
  return keys.sort();
}
