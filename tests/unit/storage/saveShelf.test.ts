/** The save survives a full localStorage: room is made, then IndexedDB keeps it; reloads take the newer copy. */
import { describe, expect, it } from 'vitest';
import { BACKUP_PREFIX, SAVE_KEY } from '../../../src/storage/localSave';
import { SPARE_SAVE, SaveShelf } from '../../../src/storage/saveShelf';
import { emptySave, type SaveFile } from '../../../src/storage/save';
import { ProgressKeeper } from '../../../src/app/progressKeeper';
import { MemorySpare, MemoryStorage } from './memoryStorage';

const rich = (balance: number): SaveFile => ({ ...emptySave(), balance });

describe('SaveShelf', () => {
  it('keeps a save localStorage refuses in the spare store, and a reload finds it', async () => {
    const storage = new MemoryStorage();
    const spare = new MemorySpare();
    const shelf = new SaveShelf(storage, spare);
    expect(shelf.writeNow(rich(10))).toBe(true);
    storage.full = true;
    expect(shelf.writeNow(rich(60))).toBe(false);
    expect(await shelf.keep(rich(60))).toBe('spare');
    const again = await new SaveShelf(storage, spare).load(1);
    expect(again.save.balance).toBe(60);
    expect(again.problem).toBeNull();
  });

  it('takes localStorage once it was written after the spare copy', async () => {
    const storage = new MemoryStorage();
    const spare = new MemorySpare();
    const shelf = new SaveShelf(storage, spare);
    storage.full = true;
    await shelf.keep(rich(60));
    storage.full = false;
    // Written again before the stale spare copy could be cleared (the tab closed).
    expect(shelf.writeNow(rich(110))).toBe(true);
    const again = await new SaveShelf(storage, spare).load(1);
    expect(again.save.balance).toBe(110);
    expect(spare.map.has(SPARE_SAVE)).toBe(false);
  });

  it('makes room by moving kept-aside saves to the spare store, then writes localStorage', async () => {
    const storage = new MemoryStorage();
    const spare = new MemorySpare();
    storage.setItem(`${BACKUP_PREFIX}5`, 'old broken save');
    // Full until the kept-aside save has moved out.
    const setItem = storage.setItem.bind(storage);
    storage.setItem = (key, value) => {
      if (key === SAVE_KEY && storage.getItem(`${BACKUP_PREFIX}5`) !== null)
        throw new DOMException('full', 'QuotaExceededError');
      setItem(key, value);
    };
    const shelf = new SaveShelf(storage, spare);
    expect(await shelf.keep(rich(60))).toBe('stored');
    expect(JSON.parse(storage.getItem(SAVE_KEY) ?? '{}')).toMatchObject({ balance: 60 });
    expect(await shelf.keptAside()).toEqual([
      { key: `${BACKUP_PREFIX}5`, text: 'old broken save' },
    ]);
  });

  it('says the save is only in memory when both stores refuse it', async () => {
    const storage = new MemoryStorage();
    const spare = new MemorySpare();
    storage.full = true;
    spare.broken = true;
    expect(await new SaveShelf(storage, spare).keep(rich(60))).toBe('memory');
  });

  it('keeps an unreadable save too big for localStorage aside in the spare store', async () => {
    const storage = new MemoryStorage();
    const spare = new MemorySpare();
    const big = `{"kind":"loopwork/save",${'x'.repeat(1000)}`;
    storage.setItem(SAVE_KEY, big);
    storage.full = true;
    const loaded = await new SaveShelf(storage, spare).load(77);
    expect(loaded.problem?.backupKey).toBe(`${BACKUP_PREFIX}77`);
    expect(loaded.problem?.message).toMatch(/kept aside/);
    expect(spare.map.get(`${BACKUP_PREFIX}77`)).toBe(big);
  });
});

describe('ProgressKeeper', () => {
  it('reports where each change is kept, and retries localStorage at the next change', async () => {
    const storage = new MemoryStorage();
    const spare = new MemorySpare();
    const seen: string[] = [];
    const keeper = new ProgressKeeper(emptySave(), new SaveShelf(storage, spare), (where) =>
      seen.push(where),
    );
    storage.full = true;
    keeper.replace(rich(50));
    expect(await keeper.kept()).toBe('spare');
    storage.full = false;
    keeper.replace(rich(100));
    expect(await keeper.kept()).toBe('stored');
    expect(seen).toEqual(['spare', 'stored']);
    expect(spare.map.has(SPARE_SAVE)).toBe(false);
    expect(JSON.parse(storage.getItem(SAVE_KEY) ?? '{}')).toMatchObject({ balance: 100 });
  });

  it('writes nothing over an unreadable save held for download until it is released', async () => {
    const storage = new MemoryStorage();
    storage.setItem(SAVE_KEY, 'not json');
    const keeper = new ProgressKeeper(emptySave(), new SaveShelf(storage, null), () => {}, true);
    keeper.replace(rich(50));
    expect(await keeper.kept()).toBe('memory');
    expect(storage.getItem(SAVE_KEY)).toBe('not json');
    keeper.release();
    expect(await keeper.kept()).toBe('stored');
    expect(JSON.parse(storage.getItem(SAVE_KEY) ?? '{}')).toMatchObject({ balance: 50 });
  });
});
