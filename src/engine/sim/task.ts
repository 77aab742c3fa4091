/**
 * An asyncio Task: a carrier that runs on the event loop. It runs only when the loop
 * calls its step; every await parks it until a callback schedules its next step with
 * `call_soon`. A CPU op or a blocking call inside it holds the whole loop.
 *
 * Roles: `main` takes the jobs as they arrive; `task` is one per job (Tasks); `worker`
 * is a queue's consumer; `chunk` handles a Batch chunk; `part` is one part of a Fan-out.
 */
import { END, type Instr, type TickerSpec } from '../program';
import type { WorkerState } from '../trace';
import { Carrier } from './carrier';
import { driverOf } from './constructs';
import { partEnded } from './constructs/fanOut';
import {
  NO_JOB,
  SHUT_DOWN,
  Wait,
  type Frame,
  type GatherFrame,
  type OffloadFrame,
  type Raised,
} from './flow';
import type { LoopCallback, LoopOccupant } from './eventLoop';
import type { WorkItem } from './pools';
import type { Runtime } from './runtime';
import type { Stage } from './stages';

export type TaskRole = 'main' | 'task' | 'worker' | 'chunk' | 'part' | 'ticker';

/** Codes of the loop callbacks a task receives (the low 3 bits of the argument). */
const FIRE = 0;
const WAKE = 1;
const DEADLINE = 2;
const START = 3;

export class Task extends Carrier implements LoopCallback, LoopOccupant {
  private gen = 0;
  private wakePending = false;
  /** Set when a cancellation must land at the next step (undefined: none). */
  private cancelBy: Frame | null | undefined = undefined;
  private tokens = 0;
  /** For a part: the Fan-out frame of the parent waiting on it. */
  parentFrame: GatherFrame | null = null;
  parent: Task | null = null;
  /** For a part or a branch: its place among its siblings (gather's results are in this order). */
  childIndex = -1;
  /** For a ticker: what it repeats, and how often. */
  ticker: TickerSpec | null = null;
  private beats = 0;
  /** A queue worker between taking a job and being done with it. */
  private holdsJob = false;
  ended = false;

  constructor(
    rt: Runtime,
    readonly role: TaskRole,
    readonly stage: Stage | null,
    readonly label: string,
    node: string | null,
  ) {
    super(rt, 'coroutine');
    this.worker = rt.newWorker('task', 0, node, label);
    rt.memory.add('tasks', rt.spec.taskMemoryBytes);
  }

  /** create_task: the task's first step is scheduled; it runs once the creator yields. */
  start(pc: Instr): void {
    this.pc = pc;
    this.report('ready', 'created');
    this.rt.loop.callSoon(this, START + 8 * this.gen);
  }

  onReady(arg: number): void {
    const code = arg & 7;
    const gen = (arg - code) / 8;
    if (code === DEADLINE) return this.deadline(gen);
    if (gen !== this.gen || this.ended) return;
    switch (code) {
      case FIRE:
        // A timer or a future's callback: the awaited future is done; the task's step is scheduled next.
        if (this.wait === Wait.Op) this.endCall();
        this.scheduleWake();
        return;
      case START:
        this.report('cpu', '');
        if (this.role === 'main') return this.rt.main.begin(this);
        if (this.role === 'ticker') return this.nextBeat();
        if (this.role === 'worker') {
          if (this.takeFromQueue()) this.advance();
          return;
        }
        this.advance();
        return;
      case WAKE: {
        this.wakePending = false;
        this.gen++;
        if (this.cancelBy !== undefined) return this.landCancel();
        this.report('cpu', '');
        this.resumeTask();
        return;
      }
    }
  }

  loopFreed(): void {
    this.resumeWait();
  }

  // ——— waits ———

  protected waitCpu(us: number, detail: string): void {
    this.report('cpu', detail);
    this.rt.loop.occupyCpu(this, us, detail);
  }

  protected waitIo(us: number, blocking: boolean, detail: string): void {
    if (blocking) {
      this.report('io', detail);
      this.rt.loop.occupyBlocking(this, us, detail);
      return;
    }
    if (us === 0 && this.call === null) {
      // `await asyncio.sleep(0)` is a bare yield, not a timer (Lib/asyncio/tasks.py: a
      // delay <= 0 awaits `__sleep0()`; Task.__step requeues the task with call_soon), so
      // the task runs again next iteration, ahead of the timers that expire meanwhile.
      this.scheduleWake();
      return;
    }
    this.report('io', detail);
    this.rt.loop.callLater(us, this, FIRE + 8 * this.gen);
  }

  park(wait: Wait, state: WorkerState, detail: string): void {
    this.wait = wait;
    this.report(state, detail);
  }

  protected wakeUp(): void {
    this.scheduleWake();
  }

  private scheduleWake(): void {
    if (this.wakePending) return;
    this.wakePending = true;
    this.report('ready', '');
    this.rt.loop.callSoon(this, WAKE + 8 * this.gen);
  }

  /** A thread finished offloaded work: call_soon_threadsafe of the future's callback. */
  offloadDone(item: WorkItem): void {
    const frame = this.frames[this.frames.length - 1] as OffloadFrame | undefined;
    if (this.wait !== Wait.Construct || frame === undefined || frame.item !== item) return;
    this.rt.loop.callSoon(this, FIRE + 8 * this.gen);
  }

  private resumeTask(): void {
    switch (this.wait) {
      case Wait.Put:
        this.wait = Wait.None;
        return this.advance();
      case Wait.NextJob:
      case Wait.Drain:
        this.wait = Wait.None;
        if (this.role === 'main') return this.rt.main.resume(this);
        if (this.role === 'ticker') {
          this.rt.tickersAsleep--;
          return this.nextBeat();
        }
        if (this.takeFromQueue()) this.advance();
        return;
      case Wait.None:
      case Wait.Op:
      case Wait.Construct:
        return this.resumeWait();
      default: {
        const unknown: never = this.wait;
        throw new Error(`no resume for wait ${String(unknown)}`);
      }
    }
  }

  /** A Timeout's deadline: `frame` is cancelled `afterUs` from now unless it is left first. */
  armDeadline(frame: Frame, afterUs: number): void {
    frame.token = ++this.tokens;
    this.rt.loop.callLater(afterUs, this, DEADLINE + 8 * frame.token);
  }

  /** A part finished (raised: null), failed or was cancelled: its Fan-out or group says whether this task wakes. */
  partFinished(part: Task, raised: Raised | null): void {
    const frame = part.parentFrame;
    if (
      frame === null ||
      this.wait !== Wait.Construct ||
      this.frames[this.frames.length - 1] !== frame
    )
      return;
    if (partEnded(frame, part, raised)) this.rt.loop.callSoon(this, FIRE + 8 * this.gen);
  }

  // ——— cancellation ———

  /** A Timeout's deadline: cancel the task (the CancelledError lands at its await). */
  private deadline(token: number): void {
    const frame = this.frames.find((f) => f.token === token && f.instr.op === 'timeout');
    if (frame === undefined || this.ended) return;
    this.cancel(frame);
  }

  /** task.cancel(): undo the current wait; the error is raised when the task next steps. */
  cancel(by: Frame | null): void {
    if (this.cancelBy !== undefined) return;
    this.cancelBy = by;
    if (this.wakePending) return;
    if (this.abortWait()) return;
    this.gen++;
    this.scheduleWake();
  }

  /** Undoes the current wait for a cancellation; true when the wait goes on first (see Driver.abort). */
  private abortWait(): boolean {
    if (this.wait === Wait.Op) this.endCall();
    else if (this.wait === Wait.Put && this.pc.op === 'spawn')
      this.rt.stages[this.pc.stage]!.withdrawPut(this);
    else if (this.wait === Wait.Construct) {
      const top = this.frames[this.frames.length - 1] as Frame;
      return driverOf(top).abort(this, top);
    }
    return false;
  }

  private landCancel(): void {
    const by = this.cancelBy as Frame | null;
    this.cancelBy = undefined;
    if (this.wait === Wait.Op) this.endCall();
    this.afterWait = null;
    this.wait = Wait.None;
    this.raised = { cancel: true, by };
    this.report('cpu', 'cancelled');
    this.advance();
  }

  // ——— the job's work here is over ———

  protected finishedJob(): boolean {
    if (this.nextOfChunk()) return true;
    switch (this.role) {
      case 'main':
        return this.rt.main.next(this);
      case 'worker':
        this.stage?.jobFinished(1);
        this.holdsJob = false;
        return this.takeFromQueue();
      case 'part':
        this.finish();
        return false;
      default:
        this.stage?.jobFinished(this.chunkSize);
        this.finish();
        return false;
    }
  }

  /** Jobs this task was created for (a chunk's count; 1 otherwise). */
  chunkSize = 1;

  protected bodyEnded(): boolean {
    if (this.role === 'ticker') {
      this.rt.beat();
      return this.sleepUntilNextBeat();
    }
    if (this.role === 'part') {
      this.parent?.partFinished(this, null);
      this.finish();
      return false;
    }
    if (!this.orphan)
      for (const job of this.jobsHere())
        this.rt.loseJob(job, null, 'its path ends without reaching the Sink');
    return this.finishedJobs();
  }

  protected unhandled(raised: Raised): boolean {
    if (this.role === 'part') {
      this.parent?.partFinished(this, raised);
      this.finish();
      return false;
    }
    if (raised.cancel && raised.by === null && this.role === 'worker')
      return this.cancelledWorker();
    this.failHere(raised);
    return this.finishedJobs();
  }

  /**
   * main() cancelled this queue worker (a Queue that stops by `cancel`): the CancelledError
   * ends the worker, and the job it had is dropped unfinished (no `except` catches a
   * CancelledError; the `finally` still calls task_done()).
   */
  private cancelledWorker(): boolean {
    const stage = this.stage as Stage;
    if (this.holdsJob) {
      if (!this.orphan)
        for (const job of this.jobsHere())
          this.rt.loseJob(job, stage.spec.node, 'its worker was cancelled before it finished');
      this.dropUnbatched();
      this.holdsJob = false;
      stage.jobFinished(1);
    }
    this.endWorker();
    return false;
  }

  /** The worker returns: its queue is shut down and empty, or it was cancelled. */
  private endWorker(): void {
    this.finish();
    (this.stage as Stage).workerEnded();
  }

  /** Every job here was resolved at once (a failed chunk): nothing of an unbatch is left to hand on. */
  private finishedJobs(): boolean {
    this.dropUnbatched();
    return this.finishedJob();
  }

  /**
   * `await asyncio.sleep(every)` between beats; the loop ends once every job is done (the
   * run stops there) or its time is up. A ticker works on no job: it runs for nobody
   * (orphan), and each beat draws its own times.
   */
  private sleepUntilNextBeat(): boolean {
    const spec = this.ticker as TickerSpec;
    if (spec.forUs > 0 && this.rt.world.now + spec.everyUs > spec.forUs) {
      this.finish();
      return false;
    }
    this.parkMain(Wait.NextJob, 'idle', 'sleeping until the next beat', spec.everyUs);
    this.rt.tickersAsleep++;
    return false;
  }

  private nextBeat(): void {
    this.prepareFor(-1, (this.ticker as TickerSpec).body);
    this.orphan = true;
    // Draws keyed as reruns of no job: the first beat is rerun 1, never a job's first attempt.
    this.reruns = ++this.beats;
    this.advance();
  }

  /** Main takes a new job: a clean slate, from the top-level chain. */
  prepareFor(job: number, pc: Instr): void {
    this.resetForJob();
    this.job = job;
    this.pc = pc;
  }

  private takeFromQueue(): boolean {
    const stage = this.stage as Stage;
    const job = stage.take(this);
    if (job === SHUT_DOWN) {
      this.endWorker();
      return false;
    }
    if (job === NO_JOB) {
      this.park(Wait.NextJob, 'idle', 'await queue.get()');
      return false;
    }
    this.prepareFor(job, stage.spec.entry);
    this.holdsJob = true;
    this.report('cpu', '');
    return true;
  }

  finish(): void {
    if (this.ended) return;
    this.ended = true;
    this.pc = END;
    this.report('done', '');
    this.rt.memory.add('tasks', -this.rt.spec.taskMemoryBytes);
  }

  /** Parks main (waiting for an arrival or a stage to drain); `wakeAfter` schedules its wake-up. */
  parkMain(wait: Wait, state: WorkerState, detail: string, wakeAfterUs: number | null): void {
    this.park(wait, state, detail);
    if (wakeAfterUs !== null) this.rt.loop.callLater(wakeAfterUs, this, FIRE + 8 * this.gen);
  }

  wake(): void {
    this.scheduleWake();
  }

  report(state: WorkerState, detail: string): void {
    // Checked here so the hot path pays no getters when nothing is traced.
    if (this.rt.trace === null) return;
    this.rt.reportState(this.worker, state, this.traceJob, this.traceNode, detail);
  }
}
