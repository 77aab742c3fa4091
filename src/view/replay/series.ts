/**
 * Step series: a value that changes at points in time. The value at `t` is the one set
 * by the last change at or before `t`, found by binary search. Every series is its own
 * list of checkpoints, so seeking anywhere in a run costs O(log n) per series and never
 * replays the trace from the start.
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

/** A growing list of numbers that freezes into a typed array once the trace is read. */
export class NumberList {
  private data: number[] = [];

  push(value: number): void {
    this.data.push(value);
  }

  get length(): number {
    return this.data.length;
  }

  last(): number | undefined {
    return this.data[this.data.length - 1];
  }

  /** Replaces the last value: a later change at the same instant wins. */
  setLast(value: number): void {
    this.data[this.data.length - 1] = value;
  }

  toFloat64(): Float64Array {
    return Float64Array.from(this.data);
  }

  toInt32(): Int32Array {
    return Int32Array.from(this.data);
  }

  toUint8(): Uint8Array {
    return Uint8Array.from(this.data);
  }
}

/** A step series of one number: queue depth, memory, the GIL's holder, a service's connections. */
export interface StepSeries {
  readonly times: Float64Array;
  readonly values: Float64Array;
}

/** Builds a step series; a second change at the same instant replaces the first. */
export class StepSeriesBuilder {
  private readonly times = new NumberList();
  private readonly values = new NumberList();

  set(t: number, value: number): void {
    if (this.times.last() === t) this.values.setLast(value);
    else {
      this.times.push(t);
      this.values.push(value);
    }
  }

  build(): StepSeries {
    return { times: this.times.toFloat64(), values: this.values.toFloat64() };
  }
}

/** The value of a step series at `t`, or `before` when nothing was set yet. */
export function valueAt(series: StepSeries, t: number, before: number): number {
  const i = lastAtOrBefore(series.times, t);
  return i < 0 ? before : (series.values[i] as number);
}

/** Largest value a step series takes. */
export function peakOf(series: StepSeries): number {
  let peak = 0;
  for (const v of series.values) if (v > peak) peak = v;
  return peak;
}
