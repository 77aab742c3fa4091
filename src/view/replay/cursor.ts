/**
 * Every worker's state at a moment, kept by walking the run's state changes: forward
 * from where the cursor is when playing, or from the nearest checkpoint (a copy of every
 * worker's state taken every `every` changes) when seeking back or far ahead. A frame of
 * playback costs the changes since the last frame; a seek costs at most `every` changes.
 */
import type { Micros } from '../../model/units';
import type { Replay } from './replay';
import type { WorkerChanges } from './workerChanges';
import { lastAtOrBefore } from './series';
import { CPU, NONE, STATE_COUNT } from './states';

/** Checkpoints of one replay, kept within a memory budget however many workers it has. */
interface Checkpoints {
  /** Checkpoint s holds the state after the first `s * every` changes. */
  readonly every: number;
  readonly state: Uint8Array[];
  readonly job: Int32Array[];
  readonly node: Int32Array[];
  readonly detail: Int32Array[];
}

/** Bytes all checkpoints of a replay may take together. */
const CHECKPOINT_BUDGET = 16_000_000;
const BYTES_PER_WORKER = 13;
const MIN_EVERY = 2048;

const cache = new WeakMap<Replay, Checkpoints>();

function checkpointsOf(replay: Replay, every?: number): Checkpoints {
  const cached = cache.get(replay);
  if (cached && (every === undefined || cached.every === every)) return cached;
  const n = replay.workers.length;
  const changes = replay.changes;
  const affordable = Math.max(1, Math.floor(CHECKPOINT_BUDGET / Math.max(1, n * BYTES_PER_WORKER)));
  const step = every ?? Math.max(MIN_EVERY, Math.ceil(changes.count / affordable));
  const state = new Uint8Array(n).fill(NONE);
  const job = new Int32Array(n).fill(-1);
  const node = new Int32Array(n).fill(-1);
  const detail = new Int32Array(n);
  const cp: Checkpoints = {
    every: step,
    state: [state.slice()],
    job: [job.slice()],
    node: [node.slice()],
    detail: [detail.slice()],
  };
  for (let i = 0; i < changes.count; i++) {
    const w = changes.worker[i]!;
    state[w] = changes.state[i]!;
    job[w] = changes.job[i]!;
    node[w] = changes.node[i]!;
    detail[w] = changes.detail[i]!;
    if ((i + 1) % step === 0) {
      cp.state.push(state.slice());
      cp.job.push(job.slice());
      cp.node.push(node.slice());
      cp.detail.push(detail.slice());
    }
  }
  cache.set(replay, cp);
  return cp;
}

export class ReplayCursor {
  /** Per worker (by index in `replay.workers`); `NONE` before it is created. */
  readonly state: Uint8Array;
  readonly job: Int32Array;
  readonly node: Int32Array;
  readonly detail: Int32Array;
  /** Workers in each state, over the whole machine. */
  readonly stateCounts = new Int32Array(STATE_COUNT);
  /** Per job: how many workers run it on a core now. */
  readonly onCore: Uint16Array;
  /** Threads, processes and event loops on a core (a task runs on its loop's thread, counted there). */
  running = 0;
  private applied = 0;
  private readonly changes: WorkerChanges;
  private readonly checkpoints: Checkpoints;
  private readonly holdsCore: Uint8Array;

  /** `every` overrides the checkpoint spacing (tests use it to cross many checkpoints). */
  constructor(
    private readonly replay: Replay,
    every?: number,
  ) {
    const n = replay.workers.length;
    this.state = new Uint8Array(n).fill(NONE);
    this.job = new Int32Array(n).fill(-1);
    this.node = new Int32Array(n).fill(-1);
    this.detail = new Int32Array(n);
    this.onCore = new Uint16Array(replay.jobs.count);
    this.changes = replay.changes;
    this.checkpoints = checkpointsOf(replay, every);
    this.holdsCore = Uint8Array.from(replay.workers, (w) => (w.kind === 'task' ? 0 : 1));
  }

  /** Moves to the state after every change at or before `t`. */
  seek(t: Micros): void {
    const target = lastAtOrBefore(this.changes.time, t) + 1;
    const every = this.checkpoints.every;
    if (target < this.applied || target - this.applied > every)
      this.restore(Math.floor(target / every));
    while (this.applied < target) this.apply(this.applied++);
  }

  private apply(i: number): void {
    const c = this.changes;
    const w = c.worker[i]!;
    this.leave(w);
    this.state[w] = c.state[i]!;
    this.job[w] = c.job[i]!;
    this.node[w] = c.node[i]!;
    this.detail[w] = c.detail[i]!;
    this.enter(w);
  }

  private leave(w: number): void {
    const state = this.state[w]!;
    if (state === NONE) return;
    this.stateCounts[state]!--;
    if (state !== CPU) return;
    this.running -= this.holdsCore[w]!;
    const job = this.job[w]!;
    if (job >= 0) this.onCore[job]!--;
  }

  private enter(w: number): void {
    const state = this.state[w]!;
    if (state === NONE) return;
    this.stateCounts[state]!++;
    if (state !== CPU) return;
    this.running += this.holdsCore[w]!;
    const job = this.job[w]!;
    if (job >= 0) this.onCore[job]!++;
  }

  private restore(s: number): void {
    const cp = this.checkpoints;
    const at = Math.min(s, cp.state.length - 1);
    this.state.set(cp.state[at]!);
    this.job.set(cp.job[at]!);
    this.node.set(cp.node[at]!);
    this.detail.set(cp.detail[at]!);
    this.applied = at * cp.every;
    this.stateCounts.fill(0);
    this.onCore.fill(0);
    this.running = 0;
    for (let w = 0; w < this.state.length; w++) this.enter(w);
  }
}
