/**
 * Spawners: where main() hands each job to new concurrent code.
 * - Tasks: `tg.create_task(handle(job))`, one task per job.
 * - Queue: `await queue.put(job)` (or `put_nowait`, shedding when full) into an
 *   asyncio.Queue that n worker tasks drain with `await queue.get()`. As in asyncio, a
 *   put or get wakes the first waiter on the other side, which then checks again. After
 *   its last put main() stops the workers as the Queue says (QueueStop in vocabulary.ts).
 * - Batch: jobs gather into chunks of k; each full chunk gets a task (the last, partial
 *   chunk when main() runs out of jobs).
 */
import type { StageSpec } from '../program';
import type { Carrier } from './carrier';
import type { Runtime } from './runtime';
import { Fifo } from './fifo';
import { NO_JOB, SHUT_DOWN } from './flow';
import { Task } from './task';

export abstract class Stage {
  /** Jobs handed in and not yet finished here (asyncio's unfinished_tasks). */
  inFlight = 0;
  private drainWaiter: Task | null = null;

  constructor(
    protected readonly rt: Runtime,
    readonly spec: StageSpec,
  ) {}

  /** Takes a job in; false when the carrier must wait (a full queue that blocks). */
  abstract accept(job: number, from: Carrier, node: string): boolean;

  /** A producer waiting to put was cancelled: it no longer waits for a place. */
  withdrawPut(_producer: Task): void {}

  /** A queue worker takes the next job: NO_JOB (it then waits), or SHUT_DOWN (it returns). */
  take(_worker: Task): number {
    return NO_JOB;
  }

  /** Creates what must exist before the first job (queue workers). */
  open(): void {}

  /** main() has no more jobs: send what is still gathering (a Batch's last chunk). */
  flush(): void {}

  jobFinished(count: number): void {
    this.inFlight -= count;
    if (this.inFlight === 0 && this.drainWaiter !== null) {
      const waiter = this.drainWaiter;
      this.drainWaiter = null;
      waiter.wake();
    }
  }

  /**
   * main() has handed in its last job: it ends the stage, and says what it now waits for
   * (null: nothing, it goes on). Asked again each time main() wakes, until null.
   */
  close(main: Task): string | null {
    this.flush();
    return this.awaitDrained(main) ? `waiting for ${this.spec.node} to finish` : null;
  }

  /** Main waits until every job handed in here is finished; false when there is nothing to wait for. */
  protected awaitDrained(main: Task): boolean {
    if (this.inFlight === 0) return false;
    this.drainWaiter = main;
    return true;
  }

  /** A queue worker has returned (its queue shut down, or it was cancelled). */
  workerEnded(): void {}

  protected spawnTask(jobs: number[], label: string): void {
    const batch = this.spec.kind === 'batch';
    const task = new Task(this.rt, batch ? 'chunk' : 'task', this, label, this.spec.node);
    task.job = jobs[0] as number;
    if (batch) {
      task.chunk = jobs;
      task.chunkSize = jobs.length;
    }
    task.start(this.spec.entry);
  }
}

export class TasksStage extends Stage {
  accept(job: number): boolean {
    this.inFlight++;
    this.rt.traceEntered(job, this.spec.node);
    this.spawnTask([job], `task for job ${job}`);
    return true;
  }
}

export class BatchStage extends Stage {
  private gathering: number[] = [];
  private chunks = 0;

  accept(job: number): boolean {
    this.inFlight++;
    this.rt.traceEntered(job, this.spec.node);
    this.gathering.push(job);
    if (this.gathering.length >= this.spec.batchSize) this.flush();
    return true;
  }

  override flush(): void {
    if (this.gathering.length === 0) return;
    const chunk = this.gathering;
    this.gathering = [];
    this.spawnTask(chunk, `chunk ${++this.chunks}`);
  }
}

export class QueueStage extends Stage {
  /** The jobs waiting in the queue, and when each was put there (two lines that move together). */
  private readonly waiting = new Fifo<number>();
  private readonly putAt = new Fifo<number>();
  private readonly getters: Task[] = [];
  /** Producers waiting for a free place: always tasks, since spawners run only in coroutines. */
  private readonly putters = new Fifo<Task>();
  private readonly workers: Task[] = [];
  /** Workers that have not returned. */
  running = 0;
  /** main() has shut the queue down (or cancelled its workers): an empty queue ends a get(). */
  private shutDown = false;
  /** main(), waiting for the workers to return. */
  private stopWaiter: Task | null = null;
  served = 0;
  shed = 0;
  totalWaitUs = 0;
  peakDepth = 0;

  get depth(): number {
    return this.waiting.length;
  }

  override open(): void {
    for (let w = 0; w < this.spec.workers; w++) {
      const worker = new Task(this.rt, 'worker', this, `worker ${w + 1}`, this.spec.node);
      this.rt.queueWorkers++;
      this.workers.push(worker);
      this.running++;
      worker.start(this.spec.entry);
    }
  }

  /**
   * How main() ends the workers after its last put. main() closes a queue only once
   * every stage upstream has drained, so no put ever meets a queue it has shut down (in
   * CPython that put would raise QueueShutDown).
   */
  override close(main: Task): string | null {
    const stop = this.spec.stop;
    // `await queue.join()`, then each worker is cancelled where it waits in get(): that
    // ends nothing the run can see, since every job is done by then.
    if (stop === 'join+cancel') return super.close(main);
    if (!this.shutDown) {
      if (stop === 'shutdown') this.shutdown();
      if (stop === 'cancel') this.cancelWorkers();
    }
    if (this.running === 0) return null;
    this.stopWaiter = main;
    return stop === 'never'
      ? `awaiting ${this.spec.node}'s workers, which nothing stops`
      : `awaiting ${this.spec.node}'s workers`;
  }

  /**
   * `queue.shutdown()` (Python 3.13, Lib/asyncio/queues.py): from now on a get() on the
   * empty queue raises QueueShutDown — the workers take what is left first — and every
   * worker blocked in get() is woken to check again.
   */
  private shutdown(): void {
    this.shutDown = true;
    for (const getter of this.getters.splice(0)) getter.wake();
  }

  /**
   * `worker.cancel()` for each, without `join()`: the jobs still queued are never taken,
   * and each worker's CancelledError lands where it waits, its job's clean-up included.
   */
  private cancelWorkers(): void {
    this.shutDown = true;
    this.getters.length = 0;
    while (this.depth > 0) {
      const job = this.waiting.shift() as number;
      this.putAt.shift();
      this.inFlight--;
      this.rt.loseJob(job, this.spec.node, 'still in the queue when main() cancelled its workers');
    }
    this.changed();
    for (const worker of this.workers) if (!worker.ended) worker.cancel(null);
  }

  override workerEnded(): void {
    this.running--;
    if (this.running > 0 || this.stopWaiter === null) return;
    const main = this.stopWaiter;
    this.stopWaiter = null;
    main.wake();
  }

  accept(job: number, from: Carrier, node: string): boolean {
    if (this.depth >= this.spec.capacity) {
      if (this.spec.shed) {
        this.shed++;
        this.rt.loseJob(job, node, 'the queue was full: put_nowait() raised QueueFull');
        return true;
      }
      const producer = from as Task;
      if (!this.putters.includes(producer)) this.putters.push(producer);
      return false;
    }
    this.waiting.push(job);
    this.putAt.push(this.rt.world.now);
    this.inFlight++;
    this.rt.traceEntered(job, this.spec.node);
    this.changed();
    const getter = this.getters.shift();
    if (getter !== undefined) getter.wake();
    return true;
  }

  override withdrawPut(producer: Task): void {
    this.putters.remove(producer);
  }

  override take(worker: Task): number {
    if (this.depth === 0) {
      if (this.shutDown) return SHUT_DOWN;
      if (!this.getters.includes(worker)) this.getters.push(worker);
      return NO_JOB;
    }
    const job = this.waiting.shift() as number;
    this.totalWaitUs += this.rt.world.now - (this.putAt.shift() as number);
    this.served++;
    this.changed();
    const putter = this.putters.shift();
    if (putter !== undefined) putter.wake();
    return job;
  }

  private changed(): void {
    const depth = this.depth;
    if (depth > this.peakDepth) this.peakDepth = depth;
    this.rt.traceQueue(this.spec.node, depth);
  }
}
