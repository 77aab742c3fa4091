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
  private readonly times: number[] = [];
  private readonly seqs: number[] = [];
  private readonly items: T[] = [];
  private readonly args: number[] = [];
  private nextSeq = 0;

  get size(): number {
    return this.items.length;
  }

  /** Time of the earliest entry; Infinity when empty. */
  peekTime(): number {
    return this.items.length > 0 ? (this.times[0] as number) : Infinity;
  }

  peekItem(): T | undefined {
    return this.items[0];
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
    const times = this.times;
    const seqs = this.seqs;
    const items = this.items;
    const args = this.args;
    const seq = priority * SEQ_SPAN + this.nextSeq++;
    let i = items.length;
    times.push(time);
    seqs.push(seq);
    items.push(item);
    args.push(arg);
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
    const times = this.times;
    const seqs = this.seqs;
    const items = this.items;
    const args = this.args;
    const last = items.length - 1;
    if (last < 0) return;
    const time = times[last] as number;
    const seq = seqs[last] as number;
    const item = items[last] as T;
    const arg = args[last] as number;
    times.pop();
    seqs.pop();
    items.pop();
    args.pop();
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
}
