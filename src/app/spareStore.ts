/**
 * The browser's second store, IndexedDB, as a few text entries (`SpareStore`): where the
 * save goes when localStorage is full, and where a save the game could not read is kept
 * aside when it is too big for localStorage. Its quota is far larger (a share of the disk,
 * not 5 MB).
 */
import { createStore, del, get, keys, set, type UseStore } from 'idb-keyval';
import type { SpareStore } from '../storage/saveShelf';

/** The game's IndexedDB store, or null where the browser has none (or blocks it). */
export function indexedDbSpare(): SpareStore | null {
  let store: UseStore;
  try {
    if (typeof indexedDB === 'undefined') return null;
    store = createStore('loopwork', 'kept');
  } catch {
    return null;
  }
  return {
    get: async (key) => {
      const value: unknown = await get(key, store);
      return typeof value === 'string' ? value : undefined;
    },
    set: (key, text) => set(key, text, store),
    delete: (key) => del(key, store),
    keys: async () => (await keys(store)).filter((k): k is string => typeof k === 'string'),
  };
}
