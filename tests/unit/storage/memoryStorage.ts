/** Storage stand-ins for tests: localStorage over a Map, IndexedDB's spare store over a Map. */
import type { SpareStore } from '../../../src/storage/saveShelf';

/** The Storage interface over a Map; `full` makes every write fail like a full quota. */
export class MemoryStorage implements Storage {
  private readonly map = new Map<string, string>();
  full = false;
  get length(): number {
    return this.map.size;
  }
  clear(): void {
    this.map.clear();
  }
  getItem(key: string): string | null {
    return this.map.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.map.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.map.delete(key);
  }
  setItem(key: string, value: string): void {
    if (this.full) throw new DOMException('full', 'QuotaExceededError');
    this.map.set(key, value);
  }
}

/** The spare store over a Map; `broken` makes every call reject like a blocked IndexedDB. */
export class MemorySpare implements SpareStore {
  readonly map = new Map<string, string>();
  broken = false;
  private check(): void {
    if (this.broken) throw new DOMException('blocked', 'UnknownError');
  }
  get(key: string): Promise<string | undefined> {
    return Promise.resolve().then(() => (this.check(), this.map.get(key)));
  }
  set(key: string, text: string): Promise<void> {
    return Promise.resolve().then(() => {
      this.check();
      this.map.set(key, text);
    });
  }
  delete(key: string): Promise<void> {
    return Promise.resolve().then(() => {
      this.check();
      this.map.delete(key);
    });
  }
  keys(): Promise<string[]> {
    return Promise.resolve().then(() => (this.check(), [...this.map.keys()]));
  }
}
