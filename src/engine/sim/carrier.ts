/**
 * The interpreter of compiled wiring: a carrier is one flow of control working on a job
 * (or a chunk of jobs, or one part of a job) — an asyncio task, a pool thread, a worker
 * process. It walks the instructions, runs each step's ops, enters and leaves wrappers
 * (frames), and when an op must wait it asks its context how (a task awaits on the
 * event loop; a thread blocks). Errors unwind the frames as Python's exceptions do:
 * `async with` releases, a Retry catches errors but not cancellation, a Timeout turns its
 * own cancellation into TimeoutError.
 */
import { END, type Instr, type StepInstr } from '../program';
import { OpCode } from '../spec';
import type { FailReason, WorkerState } from '../trace';
import { Purpose } from '../random';
import { opKey, rerunKey } from './draws';
import type { Runtime } from './runtime';
import type { Service } from './services';
import type { PermitWaiter } from './sync';
import { Wait, type CarrierContext, type Failure, type Frame, type Raised } from './flow';
import { callService } from './ops';
import { wrongStep } from './recipe';

export abstract class Carrier implements PermitWaiter {
  pc: Instr = END;
  job = -1;
  /** The jobs of a Batch chunk, while the chunk is handled as one unit. */
  chunk: number[] | null = null;
  /** Which part of the job (inside a Fan-out); -1 for the whole job. */
  part = -1;
  /** Steps done by this part since the Fan-out began (parts share the job's progress). */
  partDone = 0;
  frames: Frame[] = [];
  raised: Raised | null = null;
  /** An error that lands when the current wait ends (a failed or refused service call). */
  protected afterWait: Failure | null = null;
  protected call: Service | null = null;
  wait: Wait = Wait.None;
  /** Orphaned work (its awaiter gave up): it runs on, but no longer moves its job. */
  orphan = false;
  worker = -1;
  private opIndex = 0;
  private chunkIndex = 0;
  /** Which part a per-part step is on when it runs for a whole job (outside a Fan-out). */
  private copyIndex = 0;
  private stepBegun = false;
  private rerun = 0;
  private readonly readVersion: number[] = [];

  constructor(
    protected readonly rt: Runtime,
    readonly context: CarrierContext,
  ) {}

  get traceJob(): number {
    return this.chunk !== null ? (this.chunk[0] ?? -1) : this.job;
  }

  get traceNode(): string | null {
    const pc = this.pc;
    return pc.op === 'end' ? null : pc.node;
  }

  // ——— what each kind of carrier does differently ———

  protected abstract waitCpu(us: number, detail: string): void;
  protected abstract waitIo(us: number, blocking: boolean, detail: string): void;
  /** Parks until `wakeUp` (a permit, a queue slot, a result). */
  protected abstract park(wait: Wait, state: WorkerState, detail: string): void;
  protected abstract wakeUp(): void;
  /** The job's work here is over (delivered, handed on, lost, failed): true to go on interpreting. */
  protected abstract finishedJob(): boolean;
  /** Reached the end of the outermost body: true to go on interpreting. */
  protected abstract bodyEnded(): boolean;
  /** An error reached the top: true to go on interpreting. */
  protected abstract unhandled(raised: Raised): boolean;
  /** Instructions only a coroutine runs (Timeout, pools, Fan-out): false when it now waits. */
  protected abstract special(instr: Instr): boolean;

  permitGranted(): void {
    this.wakeUp();
  }

  /** Interprets until the carrier must wait or has nothing left to do. */
  advance(): void {
    const rt = this.rt;
    for (;;) {
      if (this.raised !== null) {
        if (!this.unwind()) return;
        continue;
      }
      const ins = this.pc;
      switch (ins.op) {
        case 'step':
          if (!this.runStep(ins)) return;
          break;
        case 'semaphore':
        case 'lock': {
          const permits = this.rt.permitsOf(ins);
          const frame = this.pushFrame(ins);
          if (!permits.acquire(this)) {
            this.park(Wait.Permit, 'blocked', `waiting for ${permits.name}`);
            return;
          }
          frame.held = true;
          this.pc = ins.body;
          break;
        }
        case 'retry':
          this.pushFrame(ins).attempt = 1;
          this.pc = ins.body;
          break;
        case 'timeout':
        case 'offload':
        case 'fanOut':
          if (!this.special(ins)) return;
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
          this.leave(frame);
          this.pc = (frame.instr as { next: Instr }).next;
          break;
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
      case Wait.Permit: {
        const frame = this.frames[this.frames.length - 1] as Frame;
        frame.held = true;
        this.pc = (frame.instr as { body: Instr }).body;
        break;
      }
      case Wait.Backoff:
        this.pc = ((this.frames[this.frames.length - 1] as Frame).instr as { body: Instr }).body;
        break;
      default:
        break;
    }
    this.advance();
  }

  protected endCall(): void {
    if (this.call !== null) {
      this.call.hangUp();
      this.call = null;
    }
  }

  protected pushFrame(instr: Instr): Frame {
    const frame: Frame = { instr, pos: this.progress(), attempt: 0, token: 0, held: false };
    this.frames.push(frame);
    return frame;
  }

  /** Recipe progress this carrier moves: the part's own count inside a Fan-out, else the job's. */
  protected progress(): number {
    return this.part >= 0
      ? this.partDone
      : this.job >= 0
        ? (this.rt.jobs.pos[this.job] as number)
        : 0;
  }

  private setProgress(value: number): void {
    if (this.orphan) return;
    if (this.part >= 0) this.partDone = value;
    else if (this.job >= 0) this.rt.jobs.pos[this.job] = value;
  }

  /** Leaves a wrapper normally or while unwinding: what `async with` does on the way out. */
  protected leave(frame: Frame): void {
    const ins = frame.instr;
    if ((ins.op === 'semaphore' || ins.op === 'lock') && frame.held) {
      frame.held = false;
      this.rt.permitsOf(ins).release(this);
    }
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
    this.leave(frame);
    const ins = frame.instr;
    if (ins.op === 'timeout' && raised.cancel && raised.by === frame) {
      this.rt.traceTimedOut(this.traceJob, ins.node);
      if (ins.onTimeout !== null) {
        this.raised = null;
        this.pc = ins.onTimeout;
      } else {
        this.raised = {
          cancel: false,
          reason: 'timeout',
          node: ins.node,
          detail: `took longer than the Timeout allows`,
          fatal: false,
        };
      }
      return true;
    }
    if (ins.op === 'retry' && !raised.cancel && !raised.fatal) {
      if (frame.attempt < ins.attempts) {
        frame.attempt++;
        this.rerun++;
        this.frames.push(frame);
        this.raised = null;
        this.setProgress(frame.pos);
        this.rt.traceRetried(this.traceJob, ins.node, frame.attempt);
        if (ins.backoffUs > 0) {
          this.wait = Wait.Backoff;
          this.waitIo(ins.backoffUs, this.context !== 'coroutine', 'waiting to retry');
          return false;
        }
        this.pc = ins.body;
        return true;
      }
      if (ins.onFail !== null) {
        this.raised = null;
        this.pc = ins.onFail;
        return true;
      }
    }
    this.abandonFrame(frame);
    return true;
  }

  /** Undoes what a frame still has going while an error passes through it. */
  protected abandonFrame(_frame: Frame): void {}

  /** Runs a step's ops (for each job of a chunk); true when the step is done. */
  private runStep(ins: StepInstr): boolean {
    const rt = this.rt;
    const step = rt.spec.steps[ins.step]!;
    if (!this.stepBegun) {
      this.stepBegun = true;
      this.opIndex = 0;
      this.chunkIndex = 0;
      this.copyIndex = 0;
      if (!this.checkRecipe(ins)) {
        this.stepBegun = false;
        return true;
      }
    }
    const ops = step.ops;
    for (;;) {
      const job = this.chunk !== null ? (this.chunk[this.chunkIndex] as number) : this.job;
      // A per-part step called on a whole job runs once per part, one after another:
      // `for part in job.parts: step(part)`.
      const copies = step.perPart && this.part < 0 ? rt.jobs.partsOf(job) : 1;
      const rerun = rerunKey(
        this.part >= 0 ? this.part : step.perPart ? this.copyIndex : -1,
        this.rerun,
      );
      while (this.opIndex < ops.length) {
        const index = this.opIndex++;
        const op = ops[index]!;
        const key = opKey(ins.step, index);
        switch (op.code) {
          case OpCode.Cpu: {
            const us = rt.durations.of(op.time, Purpose.Duration, job, key, rerun);
            if (us > 0) {
              this.wait = Wait.Op;
              this.waitCpu(us, op.label);
              return false;
            }
            break;
          }
          case OpCode.IoAsync:
          case OpCode.IoBlocking: {
            const us = rt.durations.of(op.time, Purpose.Duration, job, key, rerun);
            this.wait = Wait.Op;
            this.waitIo(us, op.code === OpCode.IoBlocking, op.label);
            return false;
          }
          case OpCode.CallAsync:
          case OpCode.CallBlocking: {
            const call = callService(rt, op, ins.node, key, job, rerun);
            this.call = call.connected;
            this.afterWait = call.failure;
            this.wait = Wait.Op;
            this.waitIo(call.us, op.code === OpCode.CallBlocking, call.detail);
            return false;
          }
          case OpCode.Read:
            this.readVersion[op.ref] = rt.stateVersion[op.ref] as number;
            break;
          case OpCode.Write: {
            const lost =
              this.context === 'process' || rt.stateVersion[op.ref] !== this.readVersion[op.ref];
            rt.stateVersion[op.ref] = (rt.stateVersion[op.ref] as number) + 1;
            if (lost && !this.orphan)
              rt.raceLost(job, ins.node, op.ref, this.context === 'process');
            break;
          }
        }
      }
      if (this.copyIndex + 1 < copies) {
        this.copyIndex++;
        this.opIndex = 0;
        continue;
      }
      this.copyIndex = 0;
      if (this.chunk !== null && this.chunkIndex + 1 < this.chunk.length) {
        this.chunkIndex++;
        this.opIndex = 0;
        continue;
      }
      break;
    }
    this.stepBegun = false;
    if (this.chunk !== null) {
      if (!this.orphan)
        for (const job of this.chunk) rt.jobs.pos[job] = (rt.jobs.pos[job] as number) + 1;
    } else this.setProgress(this.progress() + 1);
    this.pc = ins.next;
    return true;
  }

  /** Is this the step the job needs next? A job sent to the wrong step fails there. */
  private checkRecipe(ins: StepInstr): boolean {
    const rt = this.rt;
    if (this.orphan) return true;
    if (this.chunk !== null) {
      const kept = this.chunk.filter((job) => {
        const failure = wrongStep(rt, job, rt.jobs.pos[job] as number, ins);
        if (failure !== null) rt.failJob(job, 'wrongStep', ins.node, failure.detail);
        return failure === null;
      });
      if (kept.length === this.chunk.length) return true;
      this.chunk = kept;
      if (kept.length > 0) return true;
      this.raised = {
        cancel: false,
        reason: 'wrongStep',
        node: ins.node,
        detail: 'no job left',
        fatal: true,
      };
      return false;
    }
    const pos = (rt.jobs.pos[this.job] as number) + (this.part >= 0 ? this.partDone : 0);
    this.raised = wrongStep(rt, this.job, pos, ins);
    return this.raised === null;
  }

  // ——— Batch: a chunk goes on job by job after its body ———

  private unbatchJobs: number[] | null = null;
  private unbatchIndex = 0;
  private unbatchNext: Instr = END;

  private unbatch(ins: Instr & { op: 'unbatch' }): boolean {
    const jobs = this.chunk ?? [];
    this.chunk = null;
    if (jobs.length === 0) return this.finishedJob();
    this.unbatchJobs = jobs;
    this.unbatchIndex = 0;
    this.unbatchNext = ins.next;
    this.job = jobs[0] as number;
    this.pc = ins.next;
    return true;
  }

  /** After one job of an unbatched chunk is handed on: the next one, if any (true). */
  protected nextOfChunk(): boolean {
    const jobs = this.unbatchJobs;
    if (jobs === null || ++this.unbatchIndex >= jobs.length) {
      this.unbatchJobs = null;
      return false;
    }
    this.job = jobs[this.unbatchIndex] as number;
    this.pc = this.unbatchNext;
    return true;
  }

  protected dropUnbatched(): void {
    this.unbatchJobs = null;
  }

  /** Every job this carrier answers for now (a chunk's, or one). */
  protected jobsHere(): number[] {
    if (this.chunk !== null) return this.chunk;
    if (this.unbatchJobs !== null) return this.unbatchJobs.slice(this.unbatchIndex);
    return this.job >= 0 ? [this.job] : [];
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

  /** Retry counts so far, for keying draws of a piece of work run again. */
  get reruns(): number {
    return this.rerun;
  }

  set reruns(value: number) {
    this.rerun = value;
  }
}
