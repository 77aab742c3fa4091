/**
 * A step run for the job (or chunk of jobs, or part of a job) a carrier works on: its
 * ops one after another — CPU, IO, service calls, reads and writes of shared state —
 * each drawn for this job, part and attempt. When an op must wait, the carrier waits in
 * its own way (a task on the event loop, a thread in a system call) and comes back here
 * to run the rest. A job that reaches a step its recipe does not need next fails there.
 */
import type { StepInstr } from '../program';
import { Purpose } from '../random';
import { OpCode } from '../spec';
import { opKey, rerunKey } from './draws';
import { Wait, type CarrierContext, type Failure, type Raised } from './flow';
import { callService } from './ops';
import { keepJobsAtStep, wrongStep } from './recipe';
import type { Runtime } from './runtime';
import type { Service } from './services';

export abstract class StepRunner {
  job = -1;
  /** The jobs of a Batch chunk, while the chunk is handled as one unit. */
  chunk: number[] | null = null;
  /** Which part of the job (inside a Fan-out); -1 for the whole job. */
  part = -1;
  /** Steps done by this part since the Fan-out began (parts share the job's progress). */
  partDone = 0;
  /**
   * A branch of a Gather: where its steps begin in the job's recipe, past the job's
   * position when the Gather began; -1 for anything else. Its `partDone` counts its steps.
   */
  branchAt = -1;
  raised: Raised | null = null;
  /** An error that lands when the current wait ends (a failed or refused service call). */
  protected afterWait: Failure | null = null;
  protected call: Service | null = null;
  wait: Wait = Wait.None;
  /** Orphaned work (its awaiter gave up): it runs on, but no longer moves its job. */
  orphan = false;
  /** A step's ops are under way; an error, or a new job, starts the next step afresh. */
  protected stepBegun = false;
  /** Retries so far, for keying the draws of work run again. */
  protected rerun = 0;
  private opIndex = 0;
  private chunkIndex = 0;
  /** Which part a per-part step is on when it runs for a whole job (outside a Fan-out). */
  private copyIndex = 0;
  /** The value this carrier last read of each shared state. */
  private readonly readValue: number[] = [];

  constructor(
    /** The run: its machine, primitives and job outcomes (constructs' drivers reach it too). */
    readonly rt: Runtime,
    readonly context: CarrierContext,
  ) {}

  protected abstract waitCpu(us: number, detail: string): void;
  protected abstract waitIo(us: number, blocking: boolean, detail: string): void;

  /** Runs a step's ops (for each job of a chunk); true when it is done, or the job failed there. */
  protected runStep(ins: StepInstr): boolean {
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
        if (!rt.world.spend()) return false;
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
            this.readValue[op.ref] = rt.stateValue[op.ref] as number;
            break;
          case OpCode.Write:
            // Orphaned work writes all the same, but its job is no longer its to spoil.
            rt.writeState(
              this.orphan ? -1 : job,
              ins.node,
              op.ref,
              this.readValue[op.ref] ?? 0,
              this.context === 'process',
            );
            break;
          default: {
            const unknown: never = op.code;
            throw new Error(`no interpreter for op code ${String(unknown)}`);
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
    return true;
  }

  /** Is this the step the job needs next? A job sent to the wrong step fails there. */
  private checkRecipe(ins: StepInstr): boolean {
    const rt = this.rt;
    if (this.orphan) return true;
    if (this.chunk !== null) {
      const kept = keepJobsAtStep(rt, this.chunk, ins);
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
    const pos = (rt.jobs.pos[this.job] as number) + this.ownProgressBase();
    this.raised = wrongStep(rt, this.job, pos, ins);
    return this.raised === null;
  }

  protected endCall(): void {
    if (this.call !== null) {
      this.call.hangUp();
      this.call = null;
    }
  }

  /** Does this carrier count its own progress (a part, a branch) apart from the job's? */
  private get countsOwn(): boolean {
    return this.part >= 0 || this.branchAt >= 0;
  }

  /** Where this carrier is in the recipe, past the job's own position. */
  private ownProgressBase(): number {
    if (this.part >= 0) return this.partDone;
    return this.branchAt >= 0 ? this.branchAt + this.partDone : 0;
  }

  /** Recipe progress this carrier moves: a part's or branch's own count, else the job's. */
  protected progress(): number {
    return this.countsOwn
      ? this.partDone
      : this.job >= 0
        ? (this.rt.jobs.pos[this.job] as number)
        : 0;
  }

  protected setProgress(value: number): void {
    if (this.orphan) return;
    if (this.countsOwn) this.partDone = value;
    else if (this.job >= 0) this.rt.jobs.pos[this.job] = value;
  }

  /** Retry counts so far, for keying draws of a piece of work run again. */
  get reruns(): number {
    return this.rerun;
  }

  set reruns(value: number) {
    this.rerun = value;
  }
}
