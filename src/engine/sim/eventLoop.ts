/**
 * asyncio's event loop, as `BaseEventLoop._run_once` runs it: one thread; a FIFO queue of
 * ready callbacks; each iteration first moves the timers that have expired to the end of
 * the queue, then runs exactly the callbacks that were ready when it began — what they
 * make ready waits for the next iteration. When nothing is ready it sleeps in select()
 * (without the GIL) until the next timer or until another thread calls in.
 *
 * A callback that runs Python for a while, or makes a blocking call, holds the loop's
 * thread: nothing else on the loop runs meanwhile, not even expired timers.
 */
import { TimedHeap } from '../heap';
import type { OsThread, ThreadOwner } from './osThread';
import type { Actor, World } from './world';

/** Anything the loop can call back: a task's step, a timer, a future's done-callback. */
export interface LoopCallback {
  onReady(arg: number): void;
}

/** Something that occupies the loop's thread (a task in a CPU step or a blocking call). */
export interface LoopOccupant {
  loopFreed(): void;
}

const IDLE = 0;
const WAKING = 1;
const RUNNING = 2;

export class EventLoop implements Actor, ThreadOwner {
  thread!: OsThread;
  private readyCb: LoopCallback[] = [];
  private readyArg: number[] = [];
  private head = 0;
  private readySince = 0;
  private readonly timers = new TimedHeap<LoopCallback>();
  private state = IDLE;
  private wakeGen = 0;
  private batchLeft = 0;
  private occupant: LoopOccupant | null = null;
  private occupiedSince = 0;
  private readyAtStart = false;
  /** Reports how long other ready work waited for a CPU step or blocking call on the loop. */
  onBlocked: ((occupant: LoopOccupant, delayUs: number) => void) | null = null;
  traceJob = -1;
  traceNode: string | null = null;

  constructor(private readonly world: World) {}

  get readyCount(): number {
    return this.readyCb.length - this.head;
  }

  /** Timers still pending (some may be for waits that were cancelled). */
  get timerCount(): number {
    return this.timers.size;
  }

  callSoon(cb: LoopCallback, arg: number): void {
    if (this.readyCb.length === this.head) this.readySince = this.world.now;
    this.readyCb.push(cb);
    this.readyArg.push(arg);
    if (this.state === IDLE) {
      this.state = WAKING;
      this.world.after(0, this, ++this.wakeGen);
    }
  }

  callLater(delayUs: number, cb: LoopCallback, arg: number): void {
    const due = this.world.now + delayUs;
    const earliest = this.timers.peekTime();
    this.timers.push(due, cb, arg);
    if (this.state === IDLE && due < earliest) this.world.at(due, this, ++this.wakeGen);
  }

  /** The current callback runs Python for `us` on the loop's thread. */
  occupyCpu(occupant: LoopOccupant, us: number, detail: string): void {
    this.occupy(occupant);
    this.thread.runCpu(us, detail);
  }

  /** The current callback makes a blocking call of `us` on the loop's thread. */
  occupyBlocking(occupant: LoopOccupant, us: number, detail: string): void {
    this.occupy(occupant);
    this.thread.block(us, detail);
  }

  /** Woken from select(): take the GIL back, then run an iteration. */
  fire(gen: number): void {
    if (gen !== this.wakeGen || this.state === RUNNING) return;
    this.state = RUNNING;
    this.thread.wake();
  }

  threadResumed(): void {
    const occupant = this.occupant;
    if (occupant === null) return this.iterate();
    this.occupant = null;
    this.reportBlocked(occupant);
    occupant.loopFreed();
    if (this.occupant === null) this.runBatch();
  }

  private occupy(occupant: LoopOccupant): void {
    this.occupant = occupant;
    this.occupiedSince = this.world.now;
    this.readyAtStart = this.readyCount > 0;
  }

  private reportBlocked(occupant: LoopOccupant): void {
    if (this.onBlocked === null) return;
    const now = this.world.now;
    let waitingSince = Infinity;
    if (this.readyAtStart) waitingSince = this.occupiedSince;
    else if (this.readyCount > 0) waitingSince = Math.max(this.occupiedSince, this.readySince);
    const timer = this.timers.peekTime();
    if (timer < now) waitingSince = Math.min(waitingSince, Math.max(this.occupiedSince, timer));
    if (waitingSince < now) this.onBlocked(occupant, now - waitingSince);
  }

  private iterate(): void {
    this.collectExpiredTimers();
    this.runBatch();
  }

  /** Starts an iteration: expired timers join the end of the ready queue, then the batch is fixed. */
  private collectExpiredTimers(): void {
    const timers = this.timers;
    const now = this.world.now;
    while (timers.peekTime() <= now) {
      const cb = timers.peekItem() as LoopCallback;
      const arg = timers.peekArg();
      timers.pop();
      if (this.readyCb.length === this.head) this.readySince = now;
      this.readyCb.push(cb);
      this.readyArg.push(arg);
    }
    this.batchLeft = this.readyCount;
  }

  private runBatch(): void {
    for (;;) {
      while (this.batchLeft > 0) {
        this.batchLeft--;
        const cb = this.readyCb[this.head] as LoopCallback;
        const arg = this.readyArg[this.head] as number;
        this.head++;
        if (!this.world.count()) return;
        cb.onReady(arg);
        if (this.occupant !== null || this.world.stopped !== null) return;
      }
      this.compact();
      if (this.readyCount > 0 || this.timers.peekTime() <= this.world.now) {
        // The next iteration, in this same call: zero-time chains never recurse.
        this.collectExpiredTimers();
        continue;
      }
      this.state = IDLE;
      this.thread.park('idle', 'select()');
      const next = this.timers.peekTime();
      if (next !== Infinity) this.world.at(next, this, ++this.wakeGen);
      return;
    }
  }

  private compact(): void {
    if (this.head === this.readyCb.length) {
      this.readyCb.length = 0;
      this.readyArg.length = 0;
      this.head = 0;
    } else if (this.head > 4096 && this.head * 2 > this.readyCb.length) {
      this.readyCb = this.readyCb.slice(this.head);
      this.readyArg = this.readyArg.slice(this.head);
      this.head = 0;
    }
  }
}
