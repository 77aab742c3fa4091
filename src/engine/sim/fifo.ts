/**
 * A first-in, first-out line whose `shift` costs the same however long the line grows.
 * Array.prototype.shift copies the whole array once it is large (thousands of tasks
 * waiting on one semaphore, or of calls submitted to one pool), which made such runs
 * quadratic.
 */
export class Fifo<T> {
  private items: (T | undefined)[] = [];
  private head = 0;

  get length(): number {
    return this.items.length - this.head;
  }

  push(item: T): void {
    this.items.push(item);
  }

  /** The first in line, taken out; undefined when the line is empty. */
  shift(): T | undefined {
    if (this.head === this.items.length) return undefined;
    const item = this.items[this.head];
    this.items[this.head++] = undefined;
    if (this.head === this.items.length) {
      this.items.length = 0;
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > this.items.length) {
      // Drop the taken half now and then, so a long run does not keep it all.
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }

  includes(item: T): boolean {
    return this.items.indexOf(item, this.head) >= 0;
  }

  /** Takes `item` out of the line wherever it stands; false when it is not in it. */
  remove(item: T): boolean {
    const i = this.items.indexOf(item, this.head);
    if (i < 0) return false;
    this.items.splice(i, 1);
    return true;
  }

  *[Symbol.iterator](): Iterator<T> {
    for (let i = this.head; i < this.items.length; i++) yield this.items[i] as T;
  }
}
