/**
 * The workload: when each job arrives, what it is, how far through its recipe it got,
 * and how it ended. Jobs are numbered 0.. in arrival order. Column arrays rather than one
 * object per job, so two million jobs cost a few dozen megabytes.
 */
import { draw, exponentialUs, Purpose } from '../random';
import type { ArrivalSpec, RunSpec } from '../spec';
import type { FailReason } from '../trace';

export const PENDING = 0;
export const DONE = 1;
export const FAILED = 2;
export const LOST = 3;

export class Jobs {
  readonly count: number;
  readonly arrival: Float64Array;
  readonly stream: Int32Array;
  /** Index in the level's kinds. */
  readonly kind: Int32Array;
  /** Steps of its recipe done so far. */
  readonly pos: Int32Array;
  readonly state: Uint8Array;
  readonly corrupted: Uint8Array;
  /** Has main() taken it in (so its payload is in memory)? */
  readonly taken: Uint8Array;
  readonly latency: Float64Array;
  done = 0;
  failed = 0;
  lost = 0;
  corruptedDone = 0;
  resolved = 0;
  lastResolvedAt = 0;
  inOrder = true;
  private lastDelivered = -1;
  readonly failures: Partial<Record<FailReason, number>> = {};

  constructor(readonly spec: RunSpec) {
    const count = spec.totalJobs;
    this.count = count;
    this.arrival = new Float64Array(count);
    this.stream = new Int32Array(count);
    this.kind = new Int32Array(count);
    this.pos = new Int32Array(count);
    this.state = new Uint8Array(count);
    this.corrupted = new Uint8Array(count);
    this.taken = new Uint8Array(count);
    this.latency = new Float64Array(count);
    this.placeArrivals();
  }

  recipeOf(job: number): readonly number[] {
    return (this.spec.streams[this.stream[job] as number] as { recipe: readonly number[] }).recipe;
  }

  payloadOf(job: number): number {
    return this.spec.streams[this.stream[job] as number]?.payloadBytes ?? 0;
  }

  partsOf(job: number): number {
    return this.spec.streams[this.stream[job] as number]?.parts ?? 1;
  }

  /** Records a delivery; false when the job was already resolved. */
  deliver(job: number, now: number): boolean {
    if (this.state[job] !== PENDING) return false;
    this.state[job] = DONE;
    this.latency[this.done] = now - (this.arrival[job] as number);
    this.done++;
    if (this.corrupted[job]) this.corruptedDone++;
    if (job < this.lastDelivered) this.inOrder = false;
    this.lastDelivered = job;
    this.resolve(now);
    return true;
  }

  fail(job: number, reason: FailReason, now: number): boolean {
    if (this.state[job] !== PENDING) return false;
    this.state[job] = FAILED;
    this.failed++;
    this.failures[reason] = (this.failures[reason] ?? 0) + 1;
    this.resolve(now);
    return true;
  }

  lose(job: number, now: number): boolean {
    if (this.state[job] !== PENDING) return false;
    this.state[job] = LOST;
    this.lost++;
    this.resolve(now);
    return true;
  }

  get allResolved(): boolean {
    return this.resolved === this.count;
  }

  private resolve(now: number): void {
    this.resolved++;
    this.lastResolvedAt = now;
  }

  /** Arrival times of every stream, merged by time (ties: stream order, then job order). */
  private placeArrivals(): void {
    const { spec } = this;
    if (spec.streams.length === 1) {
      const stream = spec.streams[0]!;
      arrivalTimes(stream.arrival, spec.seed, 0, this.arrival);
      this.kind.fill(stream.kind);
      return;
    }
    const perStream = spec.streams.map((stream, s) =>
      arrivalTimes(stream.arrival, spec.seed, s, new Float64Array(stream.count)),
    );
    const owner: number[] = [];
    perStream.forEach((times, s) => times.forEach(() => owner.push(s)));
    const starts = perStream.map((_, s) => perStream.slice(0, s).reduce((n, t) => n + t.length, 0));
    const timeOf = (i: number): number => {
      const s = owner[i] as number;
      return (perStream[s] as Float64Array)[i - (starts[s] as number)] as number;
    };
    // Index order breaks ties by stream, then by job: the indexes are laid out that way.
    const order = owner.map((_, i) => i).sort((a, b) => timeOf(a) - timeOf(b) || a - b);
    order.forEach((i, job) => {
      const s = owner[i] as number;
      this.arrival[job] = timeOf(i);
      this.stream[job] = s;
      this.kind[job] = spec.streams[s]?.kind ?? 0;
    });
  }
}

/** Fills `times` (one cell per job of the stream) and returns it. */
function arrivalTimes(
  arrival: ArrivalSpec,
  seed: number,
  stream: number,
  times: Float64Array,
): Float64Array {
  const count = times.length;
  switch (arrival.type) {
    case 'atOnce':
      times.fill(arrival.atUs);
      break;
    case 'interval':
      for (let j = 0; j < count; j++) times[j] = arrival.startUs + j * arrival.everyUs;
      break;
    case 'poisson': {
      let t = arrival.startUs;
      for (let j = 0; j < count; j++) {
        if (j > 0) t += exponentialUs(arrival.meanGapUs, draw(seed, Purpose.Arrival, stream, j));
        times[j] = t;
      }
      break;
    }
    case 'bursts':
      for (let j = 0; j < count; j++) {
        const burst = Math.floor(j / arrival.size);
        const within = j % arrival.size;
        times[j] =
          arrival.startUs +
          burst * arrival.everyUs +
          Math.floor((within * arrival.spreadUs) / arrival.size);
      }
      break;
  }
  return times;
}
