/**
 * Reading and writing the save in localStorage. A save that does not parse is never
 * overwritten silently: its text is first copied aside under a backup key, and the caller
 * gets a message to show the player, with the backup's key so it can be downloaded.
 */
import { InputErrors } from '../model/errors';
import { emptySave, parseSave, type SaveFile } from './save';

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
}

/** Reads the save, keeping an unreadable one aside. `now` names the backup (ms since epoch). */
export function loadSave(storage: Storage, now: number): LoadedSave {
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
      },
    };
  }
  if (text === null) return { save: emptySave(), problem: null };
  try {
    return { save: parseSave(text), problem: null };
  } catch (error) {
    const details =
      error instanceof InputErrors ? error.errors.map((e) => e.message).join('\n') : String(error);
    let backupKey: string | null = `${BACKUP_PREFIX}${now}`;
    try {
      storage.setItem(backupKey, text);
    } catch {
      backupKey = null;
    }
    return {
      save: emptySave(),
      problem: {
        message:
          backupKey !== null
            ? 'Your saved progress could not be read, so the game started afresh. The old save was kept aside, untouched: you can download it.'
            : 'Your saved progress could not be read, and there was no room to keep a copy aside. Download it now, before you play on.',
        details,
        backupKey,
        text,
      },
    };
  }
}

/** Writes the save; returns an error message for the player when storage refuses it. */
export function writeSave(storage: Storage, save: SaveFile): string | null {
  try {
    storage.setItem(SAVE_KEY, JSON.stringify(save));
    return null;
  } catch {
    return 'Your progress could not be saved: the browser storage is full or blocked. Export your save to keep it.';
  }
}

/** Keys of the broken saves kept aside, oldest first. */
export function backupKeys(storage: Storage): string[] {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(BACKUP_PREFIX)) keys.push(key);
  }
  return keys.sort();
}
