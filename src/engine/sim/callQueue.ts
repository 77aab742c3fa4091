/**
 * How a ProcessPoolExecutor moves calls and results between the main process and its
 * workers, as CPython 3.11's concurrent/futures/process.py does:
 *
 * - `submit` files the work item as pending and wakes the executor's manager thread,
 *   which moves pending items into the call queue: a multiprocessing.Queue of
 *   max_workers + 1 calls (EXTRA_QUEUED_CALLS). It moves them when it wakes — after a
 *   submit, and after each result it has handled — never because a worker took a call:
 *   a slot freed then waits for the next result.
 * - The queue's feeder thread pickles each call's arguments in turn, holding the main
 *   process's GIL, ahead of the workers, and writes them to the pipe; the next free
 *   worker reads the next call and unpickles it there.
 * - The manager thread reads each result, unpickles it (the main GIL again) and sets the
 *   future, whose callback reaches the event loop by call_soon_threadsafe.
 *
 * So the main process pays half of a payload's pickling each way, overlapping the
 * workers' work but competing with the event loop for the GIL; the worker pays the other
 * halves. A call in the call queue is already running for its future: cancelling it
 * fails, and it runs on for nobody.
 */
import { CallerThread } from './callerThread';
import { Fifo } from './fifo';
import type { Pool, WorkItem } from './pools';
import type { Runtime } from './runtime';
import type { Actor } from './world';

const MB = 1024 * 1024;

/** Pickling and unpickling the payloads of `jobs` once, as the contract prices it per MB. */
export function transferUs(rt: Runtime, jobs: readonly number[]): number {
  let us = 0;
  for (const job of jobs) us += Math.round((rt.jobs.payloadOf(job) / MB) * rt.spec.picklePerMBUs);
  return us;
}

/** The sender's half of a transfer: pickle.dumps. */
export function dumpsUs(transfer: number): number {
  return Math.ceil(transfer / 2);
}

/** The receiver's half of a transfer: pickle.loads. */
export function loadsUs(transfer: number): number {
  return transfer - dumpsUs(transfer);
}

export class CallQueue implements Actor {
  /** Submitted, not yet moved to the call queue: the only calls a cancel still stops. */
  private readonly pending = new Fifo<WorkItem>();
  /** Calls in the call queue that no worker has taken yet. */
  private queued = 0;
  private readonly capacity: number;
  private readonly manager: CallerThread;
  private readonly feeder: CallerThread;

  constructor(
    private readonly rt: Runtime,
    private readonly pool: Pool,
  ) {
    const node = pool.spec.node;
    this.capacity = pool.spec.workers + 1;
    this.manager = new CallerThread(
      rt,
      node,
      'manager (unpickles results)',
      'unpickling a result',
      'waiting for results',
    );
    this.feeder = new CallerThread(
      rt,
      node,
      'feeder (pickles calls)',
      'pickling a call',
      'waiting for calls',
    );
  }

  submit(item: WorkItem): void {
    this.pending.push(item);
    this.fill();
  }

  /** future.cancel(): true when the call was still pending and now never runs. */
  withdraw(item: WorkItem): boolean {
    return this.pending.remove(item);
  }

  /** A worker read a call from the pipe: its slot is free, for the manager to fill later. */
  taken(): void {
    this.queued--;
  }

  /** A worker sent a result back: the manager unpickles it, sets the future, then fills the queue. */
  returned(item: WorkItem): void {
    this.manager.push(loadsUs(item.resultUs), item, (done) => {
      if (!done.orphan) done.task.offloadDone(done);
      // Setting the future wrote to the event loop's self-pipe before the manager put the
      // next calls in the queue: the loop's thread is first in line for the GIL, then the
      // feeder's, so the feeder starts in an event after the loop's wake-up.
      this.rt.world.after(0, this);
    });
  }

  fire(): void {
    this.fill();
  }

  /** The manager's add_call_item_to_queue: pending calls into the free slots, for the feeder. */
  private fill(): void {
    while (this.queued < this.capacity && this.pending.length > 0) {
      const item = this.pending.shift() as WorkItem;
      this.queued++;
      item.callUs = transferUs(this.rt, item.chunk ?? [item.job]);
      this.feeder.push(dumpsUs(item.callUs), item, (call) => this.pool.callReady(call));
    }
  }
}
