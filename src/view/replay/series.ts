/**
 * Step series and the typed columns a replay is made of. A step series is a value that
 * changes at points in time: the value at `t` is the one set by the last change at or
 * before `t`, found by binary search, so reading it anywhere costs O(log n).
 */

/**
 * Index of the last entry of `times` (sorted ascending) that is ≤ `t`, searching
 * `[lo, hi)`; `lo - 1` when every entry there is later than `t`.
 */
export function lastAtOrBefore(
  times: ArrayLike<number>,
  t: number,
  lo = 0,
  hi: number = times.length,
): number {
  let a = lo;
  let b = hi;
  while (a < b) {
    const mid = (a + b) >>> 1;
    if ((times[mid] as number) <= t) a = mid + 1;
    else b = mid;
  }
  return a - 1;
}

/** Index of the first entry of `times` (sorted ascending) that is > `t`; `times.length` when none is. */
export function firstAfter(times: ArrayLike<number>, t: number): number {
  return lastAtOrBefore(times, t) + 1;
}

type TypedArray = Float64Array | Int32Array | Uint8Array;

/**
 * A typed array that grows by doubling: reading a trace of a million events into plain
 * arrays of objects would spend most of its time collecting garbage.
 */
class Column<T extends TypedArray> {
  private data: T;
  length = 0;

  constructor(private readonly make: (n: number) => T) {
    this.data = make(64);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = this.make(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  last(): number | undefined {
    return this.length > 0 ? (this.data[this.length - 1] as number) : undefined;
  }

  /** Replaces the last value: a later change at the same instant wins. */
  setLast(value: number): void {
    this.data[this.length - 1] = value;
  }

  setAt(i: number, value: number): void {
    this.data[i] = value;
  }

  /** The values, trimmed to their length (a copy: the column may keep growing). */
  done(): T {
    return this.data.slice(0, this.length) as T;
  }
}

export const float64Column = () => new Column((n) => new Float64Array(n));
export const int32Column = () => new Column((n) => new Int32Array(n));
export const uint8Column = () => new Column((n) => new Uint8Array(n));

/** A step series of one number: queue depth, memory, the GIL's holder, a service's connections. */
export interface StepSeries {
  readonly times: Float64Array;
  readonly values: Float64Array;
}

/** Builds a step series; a second change at the same instant replaces the first. */
export class StepSeriesBuilder {
  private readonly times = float64Column();
  private readonly values = float64Column();

  set(t: number, value: number): void {
    if (this.times.last() === t) this.values.setLast(value);
    else {
      this.times.push(t);
      this.values.push(value);
    }
  }

  build(): StepSeries {
    return { times: this.times.done(), values: this.values.done() };
  }
}

/** The value of a step series at `t`, or `before` when nothing was set yet. */
export function valueAt(series: StepSeries, t: number, before: number): number {
  const i = lastAtOrBefore(series.times, t);
  return i < 0 ? before : (series.values[i] as number);
}

/**
 * Stable counting sort of `n` items into `groups` buckets: returns where each bucket
 * starts (`groups + 1` entries) and the items' order, bucket by bucket, each bucket in
 * the items' original order.
 */
export function bucketOrder(
  n: number,
  groups: number,
  bucketOf: (item: number) => number,
): { start: Int32Array; order: Int32Array } {
  const start = new Int32Array(groups + 1);
  for (let i = 0; i < n; i++) start[bucketOf(i) + 1]!++;
  for (let g = 0; g < groups; g++) start[g + 1]! += start[g]!;
  const fill = start.slice(0, groups);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[fill[bucketOf(i)]!++] = i;
  return { start, order };
}
