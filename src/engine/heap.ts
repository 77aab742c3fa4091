/**
 * A binary min-heap keyed by (time, priority, sequence), with a payload object and number
 * per entry.
 *
 * The sequence number is assigned at push, so entries due at the same time come out in
 * the order they went in: the property that makes a discrete-event simulation
 * deterministic (and the one a heap keyed on string ids gets wrong: "e-10" < "e-9").
 * Entries live in parallel arrays so a push allocates nothing.
 */
export const Priority = { Urgent: 0, Normal: 1 } as const;
export type Priority = (typeof Priority)[keyof typeof Priority];

/** More pushes than any run makes (the event budget stops far sooner). */
const SEQ_SPAN = 2 ** 44;

export class TimedHeap<T> {
  // Typed arrays, grown by doubling: a push or pop then never reallocates or changes an
  // array's element kind, which keeps the hot loop of a run monomorphic.
  private times = new Float64Array(16);
  private seqs = new Float64Array(16);
  private args = new Float64Array(16);
  private items: (T | null)[] = new Array<T | null>(16).fill(null);
  private count = 0;
  private nextSeq = 0;

  get size(): number {
    return this.count;
  }

  /** Time of the earliest entry; Infinity when empty. */
  peekTime(): number {
    return this.count > 0 ? (this.times[0] as number) : Infinity;
  }

  peekItem(): T | undefined {
    return this.count > 0 ? (this.items[0] as T) : undefined;
  }

  peekArg(): number {
    return this.args[0] as number;
  }

  /**
   * Adds an entry. Among entries due at the same time, an `Urgent` one comes first; then
   * the order of pushing. Priority and sequence share one number (priority × 2^44 + seq),
   * so the heap compares two keys, not three.
   */
  push(time: number, item: T, arg = 0, priority: Priority = Priority.Normal): void {
    if (this.count === this.items.length) this.grow();
    const times = this.times;
    const seqs = this.seqs;
    const items = this.items;
    const args = this.args;
    const seq = priority * SEQ_SPAN + this.nextSeq++;
    let i = this.count++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent] as number;
      if (pt < time || (pt === time && (seqs[parent] as number) < seq)) break;
      times[i] = pt;
      seqs[i] = seqs[parent] as number;
      items[i] = items[parent] as T;
      args[i] = args[parent] as number;
      i = parent;
    }
    times[i] = time;
    seqs[i] = seq;
    items[i] = item;
    args[i] = arg;
  }

  /** Removes the earliest entry; read it first with peekTime / peekItem / peekArg. */
  pop(): void {
    if (this.count === 0) return;
    const times = this.times;
    const seqs = this.seqs;
    const items = this.items;
    const args = this.args;
    const last = --this.count;
    const time = times[last] as number;
    const seq = seqs[last] as number;
    const item = items[last] as T;
    const arg = args[last] as number;
    items[last] = null;
    if (last === 0) return;
    let i = 0;
    const half = last >> 1;
    while (i < half) {
      let child = 2 * i + 1;
      const right = child + 1;
      if (
        right < last &&
        ((times[right] as number) < (times[child] as number) ||
          ((times[right] as number) === (times[child] as number) &&
            (seqs[right] as number) < (seqs[child] as number)))
      ) {
        child = right;
      }
      const ct = times[child] as number;
      if (time < ct || (time === ct && seq < (seqs[child] as number))) break;
      times[i] = ct;
      seqs[i] = seqs[child] as number;
      items[i] = items[child] as T;
      args[i] = args[child] as number;
      i = child;
    }
    times[i] = time;
    seqs[i] = seq;
    items[i] = item;
    args[i] = arg;
  }

  private grow(): void {
    const size = this.items.length * 2;
    const times = new Float64Array(size);
    const seqs = new Float64Array(size);
    const args = new Float64Array(size);
    times.set(this.times);
    seqs.set(this.seqs);
    args.set(this.args);
    this.times = times;
    this.seqs = seqs;
    this.args = args;
    this.items.length = size;
    this.items.fill(null, this.count);
  }
}
