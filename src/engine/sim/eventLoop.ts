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
  /** The ready queue: a ring buffer (capacity a power of two) of callbacks and their arguments. */
  private readyCb: (LoopCallback | null)[] = new Array<LoopCallback | null>(1024).fill(null);
  private readyArg: number[] = new Array<number>(1024).fill(0);
  private head = 0;
  private tail = 0;
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
  /** Hears the loop fall asleep in select(), before it sets its alarm for the next timer. */
  onIdle: (() => void) | null = null;
  traceJob = -1;
  traceNode: string | null = null;

  constructor(private readonly world: World) {}

  get readyCount(): number {
    return this.tail - this.head;
  }

  /** Timers set and not yet due (a cancelled Timeout's deadline included until it is). */
  get timerCount(): number {
    return this.timers.size;
  }

  callSoon(cb: LoopCallback, arg: number): void {
    this.enqueue(cb, arg);
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
      this.enqueue(cb, arg);
    }
    this.batchLeft = this.readyCount;
  }

  private enqueue(cb: LoopCallback, arg: number): void {
    if (this.tail === this.head) this.readySince = this.world.now;
    if (this.tail - this.head === this.readyCb.length) this.grow();
    const mask = this.readyCb.length - 1;
    this.readyCb[this.tail & mask] = cb;
    this.readyArg[this.tail & mask] = arg;
    this.tail++;
  }

  private grow(): void {
    const size = this.readyCb.length;
    const mask = size - 1;
    const cbs = new Array<LoopCallback | null>(size * 2).fill(null);
    const args = new Array<number>(size * 2).fill(0);
    for (let i = this.head; i < this.tail; i++) {
      cbs[i - this.head] = this.readyCb[i & mask] as LoopCallback;
      args[i - this.head] = this.readyArg[i & mask] as number;
    }
    this.tail -= this.head;
    this.head = 0;
    this.readyCb = cbs;
    this.readyArg = args;
  }

  private runBatch(): void {
    for (;;) {
      while (this.batchLeft > 0) {
        this.batchLeft--;
        const slot = this.head & (this.readyCb.length - 1);
        const cb = this.readyCb[slot] as LoopCallback;
        const arg = this.readyArg[slot] as number;
        this.readyCb[slot] = null;
        this.head++;
        if (!this.world.count()) return;
        cb.onReady(arg);
        if (this.occupant !== null || this.world.stopped !== null) return;
      }
      if (this.readyCount > 0 || this.timers.peekTime() <= this.world.now) {
        // The next iteration, in this same call: zero-time chains never recurse.
        this.collectExpiredTimers();
        continue;
      }
      this.state = IDLE;
      this.thread.park('idle', 'select()');
      this.onIdle?.();
      const next = this.timers.peekTime();
      if (next !== Infinity) this.world.at(next, this, ++this.wakeGen);
      return;
    }
  }
}
