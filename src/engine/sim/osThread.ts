/**
 * An OS thread of a simulated process: it runs Python (a CPU burst, which needs the
 * process's GIL and a core), blocks in a system call (IO: the GIL is released), or parks
 * waiting on something (a lock, a queue, an idle select). Whatever it runs for is its
 * owner: an event loop, a pool worker, a worker process.
 */
import type { Burst, Cpu } from './cpu';
import type { Gil } from './gil';
import type { WorkerState } from '../trace';
import type { Actor, World } from './world';

export interface ThreadOwner {
  /** The thread may run Python again: a burst ended, or a block or park ended and the GIL is back. */
  threadResumed(): void;
  /** For the trace: which job and node the thread is working on. */
  readonly traceJob: number;
  readonly traceNode: string | null;
}

const BLOCK_DONE = 0;
const UNPARK = 1;
const GRANTED = 2;

export class OsThread implements Actor {
  holdsGil = false;
  /** In a CPU burst now. */
  bursting = false;
  waitingSince = 0;
  private readonly burst: Burst;
  /** CPU time still owed when the thread waits for the GIL to (re)start a burst. */
  private pendingCpu = -1;
  private blockGen = 0;

  constructor(
    private readonly world: World,
    private readonly cpu: Cpu,
    readonly gil: Gil,
    readonly worker: number,
    public owner: ThreadOwner,
    /** Reports state changes to the trace; null when not tracing. */
    private readonly report:
      ((thread: OsThread, state: WorkerState, detail: string) => void) | null,
  ) {
    this.burst = cpu.burstFor(this);
  }

  /** Runs Python for `us`; the owner hears `threadResumed` when it is done. */
  runCpu(us: number, detail: string): void {
    this.report?.(this, 'cpu', detail);
    if (this.holdsGil) this.startBurst(us);
    else {
      this.pendingCpu = us;
      this.needGil();
    }
  }

  /** A blocking system call of `us`: the GIL is let go meanwhile. */
  block(us: number, detail: string): void {
    this.releaseGil();
    this.report?.(this, 'io', detail);
    this.world.after(us, this, BLOCK_DONE + 4 * ++this.blockGen);
  }

  /** Waits, without the GIL, until `unpark`. */
  park(state: WorkerState, detail: string): void {
    this.releaseGil();
    this.report?.(this, state, detail);
  }

  /** Ends a park: the thread takes the GIL back (in an event of its own) and resumes. */
  unpark(): void {
    this.world.urgent(this, UNPARK);
  }

  /** Ends a park from inside an event: asks for the GIL right away. */
  wake(): void {
    this.needGil();
  }

  fire(arg: number): void {
    const code = arg & 3;
    if (code === GRANTED) return this.onGil();
    if (code === BLOCK_DONE && arg >> 2 !== this.blockGen) return;
    this.needGil();
  }

  /** Called by the GIL when it hands itself to this thread. */
  gilGranted(): void {
    this.world.urgent(this, GRANTED);
  }

  /** The GIL asked for a switch: the burst stops and waits to get the GIL back. */
  preempt(): void {
    this.pendingCpu = this.cpu.pause(this.burst);
    this.bursting = false;
    this.holdsGil = false;
    this.report?.(this, 'gil', 'preempted by the switch interval');
  }

  burstDone(): void {
    this.bursting = false;
    this.owner.threadResumed();
  }

  releaseGil(): void {
    if (!this.holdsGil) return;
    this.holdsGil = false;
    this.gil.release(this);
  }

  private needGil(): void {
    if (this.holdsGil) return this.onGil();
    if (this.gil.request(this)) this.onGil();
    else this.report?.(this, 'gil', 'waiting for the GIL');
  }

  private onGil(): void {
    this.holdsGil = true;
    if (this.pendingCpu >= 0) {
      const us = this.pendingCpu;
      this.pendingCpu = -1;
      this.report?.(this, 'cpu', '');
      this.startBurst(us);
    } else {
      this.owner.threadResumed();
    }
  }

  private startBurst(us: number): void {
    this.bursting = true;
    this.cpu.start(this.burst, us);
    this.gil.armSwitch();
  }
}
