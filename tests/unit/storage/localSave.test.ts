import { describe, expect, it } from 'vitest';
import { BACKUP_PREFIX, SAVE_KEY, backupKeys, loadSave } from '../../../src/storage/localSave';
import { emptySave } from '../../../src/storage/save';
import { SaveShelf } from '../../../src/storage/saveShelf';
import { MemoryStorage } from './memoryStorage';

describe('localSave', () => {
  it('starts afresh without a problem when nothing is saved', () => {
    const loaded = loadSave(new MemoryStorage(), 1);
    expect(loaded).toEqual({ save: emptySave(), problem: null });
  });

  it('reads back what it wrote', () => {
    const storage = new MemoryStorage();
    const save = { ...emptySave(), balance: 42 };
    expect(new SaveShelf(storage, null).writeNow(save)).toBe(true);
    expect(loadSave(storage, 1).save).toEqual(save);
  });

  it('keeps an unreadable save aside, untouched, and says so', () => {
    const storage = new MemoryStorage();
    storage.setItem(SAVE_KEY, 'not json at all');
    const loaded = loadSave(storage, 1234);
    expect(loaded.save).toEqual(emptySave());
    expect(loaded.problem?.backupKey).toBe(`${BACKUP_PREFIX}1234`);
    expect(storage.getItem(`${BACKUP_PREFIX}1234`)).toBe('not json at all');
    expect(loaded.problem?.text).toBe('not json at all');
    expect(backupKeys(storage)).toEqual([`${BACKUP_PREFIX}1234`]);
  });

  it('when no copy can be kept, the message says to download it now', () => {
    const storage = new MemoryStorage();
    storage.setItem(SAVE_KEY, '{"kind":"loopwork/save","version":1}');
    storage.full = true;
    const loaded = loadSave(storage, 1);
    expect(loaded.problem?.backupKey).toBeNull();
    expect(loaded.problem?.message).toMatch(/Download it now/);
    expect(loaded.problem?.details).toMatch(/\/contracts/);
  });

  it('repairs a save with one bad field, keeps the original aside and says what was reset', () => {
    const storage = new MemoryStorage();
    const text = JSON.stringify({ ...emptySave(), balance: -1 });
    storage.setItem(SAVE_KEY, text);
    const loaded = loadSave(storage, 7);
    expect(loaded.save).toEqual(emptySave());
    expect(loaded.problem?.message).toMatch(/repaired: one value was reset/);
    expect(loaded.problem?.details).toBe('save /balance: expected a number ≥ 0');
    expect(storage.getItem(`${BACKUP_PREFIX}7`)).toBe(text);
    expect(loaded.problem?.text).toBe(text);
  });
});
