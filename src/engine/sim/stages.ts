/**
 * Spawners: where main() hands each job to new concurrent code.
 * - Tasks: `tg.create_task(handle(job))`, one task per job.
 * - Queue: `await queue.put(job)` (or `put_nowait`, shedding when full) into an
 *   asyncio.Queue that n worker tasks drain with `await queue.get()`. As in asyncio, a
 *   put or get wakes the first waiter on the other side, which then checks again.
 * - Batch: jobs gather into chunks of k; each full chunk gets a task (the last, partial
 *   chunk when main() runs out of jobs).
 */
import type { StageSpec } from '../program';
import type { Carrier } from './carrier';
import type { Runtime } from './runtime';
import { Fifo } from './fifo';
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

  /** A queue worker takes the next job: -1 when there is none (it then waits). */
  take(_worker: Task): number {
    return -1;
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

  /** Main waits until every job handed in here is finished; false when there is nothing to wait for. */
  awaitDrained(main: Task): boolean {
    if (this.inFlight === 0) return false;
    this.drainWaiter = main;
    return true;
  }

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
      worker.start(this.spec.entry);
    }
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
      if (!this.getters.includes(worker)) this.getters.push(worker);
      return -1;
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
