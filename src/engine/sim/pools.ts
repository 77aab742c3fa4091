/**
 * concurrent.futures executors behind `loop.run_in_executor`.
 *
 * ThreadPoolExecutor: a submit hands the work to an idle thread, or starts a new thread
 * while there are fewer than max_workers, or else waits in the work queue. Threads live
 * in the main process and share its GIL.
 *
 * ProcessPoolExecutor: the first submit starts every worker process; each starts up
 * (CPU time), then takes calls whose arguments the main process has pickled (see
 * callQueue.ts: the feeder and manager threads there pickle the arguments and unpickle
 * the results, holding the main GIL). The worker pays a fixed overhead per call,
 * unpickles the arguments, runs the body and pickles the result; each process has its
 * own GIL and memory, so its CPU work runs in parallel with everything else.
 */
import type { Instr } from '../program';
import type { PoolSpec } from '../program';
import type { WorkerState } from '../trace';
import { CallQueue, dumpsUs, loadsUs, transferUs } from './callQueue';
import { Carrier } from './carrier';
import { Fifo } from './fifo';
import { Wait, type Raised } from './flow';
import type { OsThread } from './osThread';
import { type ThreadOwner } from './osThread';
import type { Runtime } from './runtime';
import type { Task } from './task';

export interface WorkItem {
  readonly task: Task;
  readonly body: Instr;
  readonly job: number;
  readonly chunk: number[] | null;
  readonly part: number;
  /** The branch of a Gather it works for: where its steps begin in the recipe (-1: none). */
  readonly branchAt: number;
  partDone: number;
  readonly reruns: number;
  raised: Raised | null;
  /** Its awaiter was cancelled while it ran: it finishes for nobody. */
  orphan: boolean;
  /** For a process: pickling and unpickling the arguments, and the result. */
  callUs: number;
  resultUs: number;
}

export class Pool {
  readonly label: string;
  private readonly members: PoolWorker[] = [];
  private readonly idle: PoolWorker[] = [];
  /** Work no worker has taken yet; for processes, calls whose arguments are pickled. */
  private readonly queue = new Fifo<WorkItem>();
  /** A process pool's plumbing in the main process, from the first submit on. */
  private calls: CallQueue | null = null;
  nextProcess = 1;

  constructor(
    private readonly rt: Runtime,
    readonly spec: PoolSpec,
    firstProcess: number,
  ) {
    this.label = spec.kind === 'thread' ? 'the thread pool' : 'the process pool';
    this.nextProcess = firstProcess;
  }

  get size(): number {
    return this.members.length;
  }

  submit(task: Task, body: Instr): WorkItem {
    const item: WorkItem = {
      task,
      body,
      job: task.job,
      chunk: task.chunk === null ? null : task.chunk.slice(),
      part: task.part,
      branchAt: task.branchAt,
      partDone: task.partDone,
      reruns: task.reruns,
      raised: null,
      orphan: false,
      callUs: 0,
      resultUs: 0,
    };
    if (this.spec.kind === 'process') {
      // Each process takes its memory as it starts; once the machine's memory is gone the
      // run has ended, so a pool of 100,000 costs only the processes that fit.
      while (this.members.length < this.spec.workers && this.rt.world.stopped === null)
        this.members.push(new PoolWorker(this.rt, this, 'process'));
      this.calls ??= new CallQueue(this.rt, this);
      this.calls.submit(item);
      return item;
    }
    this.queue.push(item);
    if (this.idle.length === 0 && this.members.length < this.spec.workers) {
      const worker = new PoolWorker(this.rt, this, 'thread');
      this.members.push(worker);
      this.idle.push(worker);
    }
    this.dispatch();
    return item;
  }

  /**
   * future.cancel(): work still waiting never runs; running work runs on, unawaited. A
   * process pool's call counts as running once it is in the call queue.
   */
  cancel(item: WorkItem): void {
    if (this.calls !== null) {
      if (!this.calls.withdraw(item)) item.orphan = true;
      return;
    }
    if (!this.queue.remove(item)) item.orphan = true;
  }

  /** The feeder has pickled a call and written it to the pipe: a free worker may read it. */
  callReady(item: WorkItem): void {
    this.queue.push(item);
    this.dispatch();
  }

  /** A worker process sent a result back, to the main process's manager thread. */
  returned(item: WorkItem): void {
    (this.calls as CallQueue).returned(item);
  }

  workerFree(worker: PoolWorker): void {
    this.idle.push(worker);
    this.dispatch();
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.shift() as PoolWorker;
      worker.take(this.queue.shift() as WorkItem);
      this.calls?.taken();
    }
    for (const worker of this.idle) worker.goIdle();
  }
}

const STARTING = 0;
const IDLE = 1;
const SENDING = 2;
const RUNNING = 3;
const RETURNING = 4;

/** A pool's thread, or a worker process's main thread: runs offloaded bodies one at a time. */
export class PoolWorker extends Carrier implements ThreadOwner {
  private readonly thread: OsThread;
  private phase = IDLE;
  private parked = false;
  private item: WorkItem | null = null;
  private readonly process: number;

  constructor(
    rt: Runtime,
    private readonly pool: Pool,
    kind: 'thread' | 'process',
  ) {
    super(rt, kind);
    const isProcess = kind === 'process';
    this.process = isProcess ? rt.newProcessId() : 0;
    const gil = isProcess ? rt.newGil(this.process) : rt.mainGil;
    const index = pool.size + 1;
    this.worker = rt.newWorker(
      kind,
      this.process,
      pool.spec.node,
      isProcess ? `process ${index}` : `thread ${index}`,
    );
    this.thread = rt.newThread(gil, this.worker, this);
    if (isProcess) {
      rt.memory.add('processes', rt.spec.processMemoryBytes);
      rt.processesStarted++;
      this.phase = STARTING;
      rt.reportState(this.worker, 'starting', -1, pool.spec.node, 'starting up');
      this.thread.runCpu(rt.spec.processStartupUs, 'starting up');
    } else {
      rt.memory.add('threads', rt.spec.threadMemoryBytes);
      rt.threadsStarted++;
    }
  }

  goIdle(): void {
    if (this.phase !== IDLE || this.parked) return;
    this.parked = true;
    this.thread.park('idle', 'waiting for work');
  }

  take(item: WorkItem): void {
    this.item = item;
    this.parked = false;
    this.resetForJob();
    this.orphan = false;
    this.job = item.job;
    this.chunk = item.chunk;
    this.part = item.part;
    this.branchAt = item.branchAt;
    this.partDone = item.partDone;
    this.reruns = item.reruns;
    this.pc = item.body;
    if (this.context === 'process') {
      this.phase = SENDING;
      this.thread.runCpu(this.rt.spec.callOverheadUs + loadsUs(item.callUs), 'unpickling the job');
    } else {
      this.phase = RUNNING;
      this.thread.wake();
    }
  }

  override get traceJob(): number {
    return this.item === null ? -1 : super.traceJob;
  }

  threadResumed(): void {
    if (this.item !== null && this.item.orphan) this.orphan = true;
    switch (this.phase) {
      case STARTING:
        this.phase = IDLE;
        this.pool.workerFree(this);
        return;
      case SENDING:
        this.phase = RUNNING;
        this.advance();
        return;
      case RETURNING:
        this.complete();
        return;
      case RUNNING:
        if (this.wait === Wait.None) this.advance();
        else this.resumeWait();
        return;
      default:
        return;
    }
  }

  protected waitCpu(us: number, detail: string): void {
    this.thread.runCpu(us, detail);
  }

  protected waitIo(us: number, _blocking: boolean, detail: string): void {
    this.thread.block(us, detail);
  }

  park(wait: Wait, state: WorkerState, detail: string): void {
    this.wait = wait;
    this.thread.park(state, detail);
  }

  protected wakeUp(): void {
    this.thread.unpark();
  }

  protected finishedJob(): boolean {
    return this.bodyEnded();
  }

  protected bodyEnded(): boolean {
    const item = this.item as WorkItem;
    if (this.context === 'process') {
      // The result is the jobs' data, or an exception, which costs nothing to pickle.
      item.resultUs = item.raised === null ? transferUs(this.rt, this.chunk ?? [this.job]) : 0;
      this.phase = RETURNING;
      this.thread.runCpu(dumpsUs(item.resultUs), 'pickling the result');
    } else this.complete();
    return false;
  }

  protected unhandled(raised: Raised): boolean {
    if (this.item !== null) this.item.raised = raised;
    return this.bodyEnded();
  }

  private complete(): void {
    const item = this.item as WorkItem;
    item.partDone = this.partDone;
    this.item = null;
    this.phase = IDLE;
    if (this.context === 'process') {
      // The worker reads its next call as soon as it has sent the result; the main
      // process handles the result meanwhile.
      this.pool.workerFree(this);
      this.pool.returned(item);
      return;
    }
    if (!item.orphan) item.task.offloadDone(item);
    this.pool.workerFree(this);
  }
}
