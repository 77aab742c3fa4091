/**
 * The timeline's data, cut to the pixels on screen. A lane between two times becomes
 * runs of whole pixel columns: a state lasting several columns is one run found by a
 * jump; a column too short to show its changes takes the state that filled most of it.
 * Work is proportional to the columns on screen plus the changes inside them, never to
 * the whole run.
 */
import type { Micros } from '../../model/units';
import type { Occupancy } from './groups';
import type { WorkerTrack } from './workerChanges';
import { lastAtOrBefore, type StepSeries } from './series';
import { DONE, IDLE, STATE_COUNT } from './states';

/** Runs of columns of one lane, as columns; refilled by `laneRuns`. */
export interface RunBuffer {
  count: number;
  /** First column of the run and the column after its last. */
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly state: Uint8Array;
  /** The job of the run's state; -1 for none, or for a column of mixed jobs. */
  readonly job: Int32Array;
}

export function createRunBuffer(columns: number): RunBuffer {
  return {
    count: 0,
    start: new Int32Array(columns),
    end: new Int32Array(columns),
    state: new Uint8Array(columns),
    job: new Int32Array(columns),
  };
}

/** What the columns of a view show: `columns` columns from `t0`, each `span / columns` long. */
export interface ColumnWindow {
  readonly t0: Micros;
  readonly t1: Micros;
  readonly columns: number;
}

function emit(out: RunBuffer, start: number, end: number, state: number, job: number): void {
  const last = out.count - 1;
  if (last >= 0 && out.end[last] === start && out.state[last] === state && out.job[last] === job) {
    out.end[last] = end;
    return;
  }
  out.start[out.count] = start;
  out.end[out.count] = end;
  out.state[out.count] = state;
  out.job[out.count] = job;
  out.count++;
}

/**
 * A worker's lane as runs of columns. Idle and done count half in a mixed column, so a
 * short burst of work among long waits still shows.
 */
export function laneRuns(track: WorkerTrack, view: ColumnWindow, out: RunBuffer): RunBuffer {
  out.count = 0;
  const { t0, t1, columns } = view;
  const width = (t1 - t0) / columns;
  const n = track.times.length;
  if (n === 0 || width <= 0) return out;
  const share = new Float64Array(STATE_COUNT);
  let i = lastAtOrBefore(track.times, t0);
  // Columns before the worker existed stay empty.
  let col = i >= 0 ? 0 : Math.max(0, Math.floor((track.times[0]! - t0) / width));
  if (i < 0) i = 0;
  while (col < columns) {
    const a = t0 + col * width;
    const b = a + width;
    while (i + 1 < n && track.times[i + 1]! <= a) i++;
    const segEnd = i + 1 < n ? track.times[i + 1]! : Infinity;
    if (segEnd >= b) {
      // One state fills this column and maybe many more: jump to where it ends.
      const endCol =
        segEnd === Infinity ? columns : Math.min(columns, Math.floor((segEnd - t0) / width));
      emit(out, col, Math.max(endCol, col + 1), track.states[i]!, track.jobs[i]!);
      col = Math.max(endCol, col + 1);
      continue;
    }
    // Several states share this column: the one that fills most of it wins.
    share.fill(0);
    let job = track.jobs[i]!;
    let k = i;
    for (; k < n && track.times[k]! < b; k++) {
      const from = Math.max(a, track.times[k]!);
      const to = Math.min(b, k + 1 < n ? track.times[k + 1]! : Infinity);
      if (to <= from) continue; // overridden at the same instant, or before the column
      const state = track.states[k]!;
      share[state]! += (to - from) * (state === IDLE || state === DONE ? 0.5 : 1);
      if (track.jobs[k] !== job) job = -1;
    }
    let best = 0;
    for (let s = 1; s < STATE_COUNT; s++) if (share[s]! > share[best]!) best = s;
    emit(out, col, col + 1, best, job);
    i = k - 1;
    col++;
  }
  return out;
}

/** The index of the track entry in force at `t`, or -1 before the worker existed. */
export function segmentAt(track: WorkerTrack, t: Micros): number {
  return lastAtOrBefore(track.times, t);
}

/**
 * A group's occupancy sampled at the middle of each column: `columns` rows of
 * `STATE_COUNT` counts, written into `out`.
 */
export function occupancyColumns(
  occupancy: Occupancy,
  view: ColumnWindow,
  out: Int32Array,
): Int32Array {
  const width = (view.t1 - view.t0) / view.columns;
  for (let col = 0; col < view.columns; col++) {
    const i = lastAtOrBefore(occupancy.times, view.t0 + (col + 0.5) * width);
    for (let s = 0; s < STATE_COUNT; s++) {
      out[col * STATE_COUNT + s] = i < 0 ? 0 : occupancy.counts[i * STATE_COUNT + s]!;
    }
  }
  return out;
}

/** The largest value a step series takes within each column (so a brief spike still shows). */
export function seriesMaxColumns(
  series: StepSeries,
  view: ColumnWindow,
  out: Float64Array,
): Float64Array {
  const width = (view.t1 - view.t0) / view.columns;
  let i = lastAtOrBefore(series.times, view.t0);
  for (let col = 0; col < view.columns; col++) {
    const b = view.t0 + (col + 1) * width;
    let max = i >= 0 ? series.values[i]! : 0;
    while (i + 1 < series.times.length && series.times[i + 1]! < b) {
      i++;
      if (series.values[i]! > max) max = series.values[i]!;
    }
    out[col] = max;
  }
  return out;
}

/**
 * Events per second around each column, counted over a window `smoothing` columns wide:
 * the throughput curve, from the sorted times of deliveries.
 */
export function rateColumns(
  times: Float64Array,
  view: ColumnWindow,
  smoothing: number,
  out: Float64Array,
): Float64Array {
  const width = (view.t1 - view.t0) / view.columns;
  const half = (Math.max(1, smoothing) * width) / 2;
  for (let col = 0; col < view.columns; col++) {
    const mid = view.t0 + (col + 0.5) * width;
    const a = Math.max(0, mid - half);
    const b = mid + half;
    const count = lastAtOrBefore(times, b) - lastAtOrBefore(times, a);
    out[col] = b > a ? count / ((b - a) / 1e6) : 0;
  }
  return out;
}
