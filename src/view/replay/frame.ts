/**
 * The state of the whole run at one moment: what every worker does, how deep each queue
 * is, who holds each GIL. A frame is a set of reusable buffers, refilled by `frameAt`
 * without allocating, so the run view can ask for one every animation frame.
 */
import type { Micros } from '../../model/units';
import { lastAtOrBefore, valueAt } from './series';
import type { LoopBlockEvent, Replay } from './replay';
import { ReplayCursor } from './cursor';

export interface Frame {
  t: Micros;
  /** Per worker (by index in `replay.workers`): its state, `NONE` before it is created. */
  readonly state: Uint8Array;
  readonly job: Int32Array;
  readonly node: Int32Array;
  readonly detail: Int32Array;
  /** Workers in each state, over the whole machine. */
  readonly stateCounts: Int32Array;
  /** Per job: how many workers run it on a core now. */
  readonly onCore: Uint16Array;
  /** Holder of each process's GIL (a worker id, -1 when free). */
  readonly gilHolder: Map<number, number>;
  readonly queueDepth: Map<string, number>;
  readonly serviceActive: Map<string, number>;
  delivered: number;
  /** Failed (timed out, refused, in error), as the score counts them. */
  failed: number;
  /** Lost (dropped by a full queue, never delivered). */
  lost: number;
  memoryBytes: number;
  /**
   * Threads, processes and event loops running on a core. A task runs on its event loop's
   * thread, which the trace reports as a worker of its own: counting both would count one
   * core twice.
   */
  running: number;
  /** The block of the event loop in progress, if any. */
  loopBlock: LoopBlockEvent | null;
}

/** A frame is a view of its cursor's buffers plus the run-wide values at the same moment. */
const cursors = new WeakMap<Frame, ReplayCursor>();

/** A frame of `replay`; `every` overrides the checkpoint spacing (for tests). */
export function createFrame(replay: Replay, every?: number): Frame {
  const cursor = new ReplayCursor(replay, every);
  const frame: Frame = {
    t: 0,
    state: cursor.state,
    job: cursor.job,
    node: cursor.node,
    detail: cursor.detail,
    stateCounts: cursor.stateCounts,
    onCore: cursor.onCore,
    gilHolder: new Map(),
    queueDepth: new Map(),
    serviceActive: new Map(),
    delivered: 0,
    failed: 0,
    lost: 0,
    memoryBytes: 0,
    running: 0,
    loopBlock: null,
  };
  cursors.set(frame, cursor);
  return frame;
}

/** Fills `frame` with the run's state at `t` and returns it. */
export function frameAt(replay: Replay, t: Micros, frame: Frame = createFrame(replay)): Frame {
  const cursor = cursors.get(frame)!;
  cursor.seek(t);
  frame.t = t;
  frame.running = cursor.running;
  for (const [process, series] of replay.gil) frame.gilHolder.set(process, valueAt(series, t, -1));
  for (const [node, series] of replay.queues) frame.queueDepth.set(node, valueAt(series, t, 0));
  for (const [id, series] of replay.services) frame.serviceActive.set(id, valueAt(series, t, 0));
  frame.delivered = lastAtOrBefore(replay.deliveredAt, t) + 1;
  frame.failed = lastAtOrBefore(replay.failedAt, t) + 1;
  frame.lost = lastAtOrBefore(replay.lostAt, t) + 1;
  frame.memoryBytes = valueAt(replay.memory, t, 0);
  frame.loopBlock = loopBlockAt(replay, t);
  return frame;
}

/**
 * The loop block in progress at `t`: the step that holds the event loop while other
 * work is ready. The engine reports a block when it ends, with how long it lasted, so
 * a block covers `[t - delay, t)`.
 */
export function loopBlockAt(replay: Replay, t: Micros): LoopBlockEvent | null {
  // One loop thread never has two blocks at once: the first block ending after t is the only candidate.
  const blocks = replay.loopBlocks;
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (blocks[mid]!.t <= t) lo = mid + 1;
    else hi = mid;
  }
  const block = blocks[lo];
  return block !== undefined && block.t - block.delay <= t ? block : null;
}

/** The first moment after `t` at which something happens; the run's end when nothing does. */
export function nextEventTime(replay: Replay, t: Micros): Micros {
  const i = lastAtOrBefore(replay.eventTimes, t) + 1;
  return i < replay.eventTimes.length ? replay.eventTimes[i]! : replay.end;
}

/** The last moment before `t` at which something happened; 0 at the start. */
export function previousEventTime(replay: Replay, t: Micros): Micros {
  const i = lastAtOrBefore(replay.eventTimes, t - 1);
  return i >= 0 ? replay.eventTimes[i]! : 0;
}
