/**
 * The interpreter of compiled wiring: a carrier is one flow of control working on a job
 * (or a chunk of jobs, or one part of a job) — an asyncio task, a pool thread, a worker
 * process. It walks the instructions, runs each step (stepRunner.ts), enters and leaves
 * wrappers (frames), and when it must wait it asks its context how (a task awaits on the
 * event loop; a thread blocks). Errors unwind the frames as Python's exceptions do
 * (handlers.ts): `async with` releases, a Retry catches errors but not cancellation, a
 * Timeout turns its own cancellation into TimeoutError.
 */
import { END, type Instr, type RetryInstr } from '../program';
import type { FailReason, WorkerState } from '../trace';
import type { PermitWaiter } from './sync';
import { DRIVERS, driverOf } from './constructs';
import type { Driver, WrapperInstr } from './constructs/driver';
import { Wait, type Frame, type Raised } from './flow';
import { StepRunner } from './stepRunner';
import { Unbatching } from './unbatching';

export abstract class Carrier extends StepRunner implements PermitWaiter {
  pc: Instr = END;
  frames: Frame[] = [];
  worker = -1;

  get traceJob(): number {
    return this.chunk !== null ? (this.chunk[0] ?? -1) : this.job;
  }

  get traceNode(): string | null {
    const pc = this.pc;
    return pc.op === 'end' ? null : pc.node;
  }

  // ——— what each kind of carrier does differently (and waitCpu, waitIo) ———

  /** Parks until `wakeUp` (a permit, a queue slot, a result). */
  abstract park(wait: Wait, state: WorkerState, detail: string): void;
  protected abstract wakeUp(): void;
  /** The job's work here is over (delivered, handed on, lost, failed): true to go on interpreting. */
  protected abstract finishedJob(): boolean;
  /** Reached the end of the outermost body: true to go on interpreting. */
  protected abstract bodyEnded(): boolean;
  /** An error reached the top: true to go on interpreting. */
  protected abstract unhandled(raised: Raised): boolean;

  /** The permit is held from the grant on: a cancellation landing before the wake-up gives it back. */
  permitGranted(): void {
    (this.frames[this.frames.length - 1] as Frame).held = true;
    this.wakeUp();
  }

  /** Interprets until the carrier must wait or has nothing left to do. */
  advance(): void {
    const rt = this.rt;
    const world = rt.world;
    for (;;) {
      if (!world.spend()) return;
      if (this.raised !== null) {
        if (!this.unwind()) return;
        continue;
      }
      const ins = this.pc;
      switch (ins.op) {
        case 'step':
          if (!this.runStep(ins)) return;
          // A job at the wrong step raised there: it unwinds from the step.
          if (this.raised === null) this.pc = ins.next;
          break;
        case 'semaphore':
        case 'lock':
        case 'retry':
        case 'timeout':
        case 'offload':
        case 'fanOut':
        case 'taskGroup':
        case 'cleanup':
          if (!(DRIVERS[ins.op] as Driver<WrapperInstr>).enter(this, ins)) return;
          break;
        case 'route': {
          const job = this.job;
          const branch = ins.branches[rt.jobs.kind[job] as number];
          if (branch === null || branch === undefined) {
            rt.loseJob(
              job,
              ins.node,
              `no wire for jobs of kind "${rt.spec.kinds[rt.jobs.kind[job] as number]}"`,
            );
            if (!this.finishedJob()) return;
          } else this.pc = branch;
          break;
        }
        case 'spawn': {
          if (!this.orphan && !rt.stages[ins.stage]!.accept(this.job, this, ins.node)) {
            this.park(Wait.Put, 'blocked', 'queue full: waiting to put');
            return;
          }
          if (!this.finishedJob()) return;
          break;
        }
        case 'deliver':
          if (!this.orphan) rt.deliverJob(this.job, ins.node);
          if (!this.finishedJob()) return;
          break;
        case 'unbatch':
          if (!this.unbatch(ins)) return;
          break;
        case 'end': {
          const frame = this.frames.pop();
          if (frame === undefined) {
            if (!this.bodyEnded()) return;
            break;
          }
          if (!driverOf(frame).exit(this, frame)) return;
          break;
        }
        default: {
          const unknown: never = ins;
          throw new Error(`no interpreter for ${JSON.stringify(unknown)}`);
        }
      }
    }
  }

  /** Continues after a wait ended; `wait` says which. */
  protected resumeWait(): void {
    const wait = this.wait;
    this.wait = Wait.None;
    switch (wait) {
      case Wait.Op:
        this.endCall();
        if (this.afterWait !== null) {
          this.raised = this.afterWait;
          this.afterWait = null;
        }
        break;
      case Wait.Construct: {
        const frame = this.frames[this.frames.length - 1] as Frame;
        driverOf(frame).resume(this, frame);
        break;
      }
      // Nothing to finish: the carrier's own resume took what it waited for.
      case Wait.None:
      case Wait.Put:
      case Wait.NextJob:
      case Wait.Drain:
        break;
      default: {
        const unknown: never = wait;
        throw new Error(`no resume for wait ${String(unknown)}`);
      }
    }
    this.advance();
  }

  /** Enters a wrapper: its frame, with the recipe progress to restore on a retry. */
  pushFrame(instr: Instr): Frame {
    const frame: Frame = { instr, pos: this.progress(), attempt: 0, token: 0, held: false };
    this.frames.push(frame);
    return frame;
  }

  /** Pops frames until something catches the error; true when the carrier runs on. */
  private unwind(): boolean {
    const raised = this.raised as Raised;
    // The error leaves the step it interrupted: whatever catches it starts afresh.
    this.stepBegun = false;
    this.afterWait = null;
    const frame = this.frames.pop();
    if (frame === undefined) {
      this.raised = null;
      return this.unhandled(raised);
    }
    const construct = driverOf(frame);
    construct.leave(this, frame);
    const handling = construct.handle(frame, raised);
    switch (handling.then) {
      case 'pass':
        construct.abandon(this, frame);
        return true;
      case 'goTo':
      case 'raise':
        if (handling.timedOut !== null) this.rt.traceTimedOut(this.traceJob, handling.timedOut);
        this.raised = handling.then === 'raise' ? handling.raised : null;
        if (handling.then === 'goTo') this.pc = handling.pc;
        return true;
      case 'retry':
        return this.retry(frame, frame.instr as RetryInstr);
      case 'cleanUp':
        frame.pending = raised;
        this.frames.push(frame);
        this.raised = null;
        this.cleanUp(handling.us);
        return false;
    }
  }

  /** Runs a clean-up block of its own duration (an `await asyncio.sleep`, in a thread `time.sleep`). */
  cleanUp(us: number): void {
    this.wait = Wait.Construct;
    this.waitIo(us, this.context !== 'coroutine', 'cleaning up');
  }

  /** A Retry caught the error with attempts left: its body runs again, after its backoff. */
  private retry(frame: Frame, ins: RetryInstr): boolean {
    frame.attempt++;
    this.rerun++;
    this.frames.push(frame);
    this.raised = null;
    this.setProgress(frame.pos);
    this.rt.traceRetried(this.traceJob, ins.node, frame.attempt);
    if (ins.backoffUs > 0) {
      this.wait = Wait.Construct;
      this.waitIo(ins.backoffUs, this.context !== 'coroutine', 'waiting to retry');
      return false;
    }
    this.pc = ins.body;
    return true;
  }

  // ——— Batch: a chunk goes on job by job after its body ———

  private readonly unbatching = new Unbatching();

  private unbatch(ins: Instr & { op: 'unbatch' }): boolean {
    const jobs = this.chunk ?? [];
    this.chunk = null;
    if (jobs.length === 0) return this.finishedJob();
    this.unbatching.start(jobs, ins.next);
    this.job = jobs[0] as number;
    this.pc = ins.next;
    return true;
  }

  /** After one job of an unbatched chunk is handed on: the next one, if any (true). */
  protected nextOfChunk(): boolean {
    const job = this.unbatching.next();
    if (job < 0) return false;
    this.job = job;
    this.pc = this.unbatching.resumeAt;
    return true;
  }

  protected dropUnbatched(): void {
    this.unbatching.drop();
  }

  /** Every job this carrier answers for now (a chunk's, or one). */
  protected jobsHere(): number[] {
    if (this.chunk !== null) return this.chunk;
    return this.unbatching.remaining() ?? (this.job >= 0 ? [this.job] : []);
  }

  /** Fails every job here for an error that reached the top. */
  protected failHere(raised: Raised): void {
    if (this.orphan) return;
    const reason: FailReason = raised.cancel ? 'timeout' : raised.reason;
    const node = raised.cancel ? null : raised.node;
    const detail = raised.cancel ? 'cancelled' : raised.detail;
    for (const job of this.jobsHere()) this.rt.failJob(job, reason, node, detail);
  }

  protected resetForJob(): void {
    if (this.frames.length !== 0) this.frames.length = 0;
    this.raised = null;
    this.afterWait = null;
    this.stepBegun = false;
    this.rerun = 0;
    this.partDone = 0;
  }
}
