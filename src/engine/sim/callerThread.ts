/**
 * A helper thread a ProcessPoolExecutor runs inside the calling (main) process — the
 * call queue's feeder, the executor's manager. It does its chores one after another in
 * the order they came, as the real thread works through a pipe or a buffer: each chore
 * is Python code (pickling or unpickling), a CPU burst that needs the main process's GIL
 * and so competes with the event loop and any thread pool. With nothing to do it waits
 * without the GIL.
 */
import type { OsThread, ThreadOwner } from './osThread';
import type { WorkItem } from './pools';
import type { Runtime } from './runtime';

interface Chore {
  readonly us: number;
  readonly item: WorkItem;
  readonly then: (item: WorkItem) => void;
}

export class CallerThread implements ThreadOwner {
  readonly worker: number;
  private readonly thread: OsThread;
  private readonly chores: Chore[] = [];
  /** In a chore's burst, or working through chores now. */
  private busy = false;
  traceJob = -1;

  constructor(
    rt: Runtime,
    readonly traceNode: string,
    label: string,
    private readonly doing: string,
    private readonly waiting: string,
  ) {
    this.worker = rt.newWorker('thread', 0, traceNode, label);
    this.thread = rt.newThread(rt.mainGil, this.worker, this);
  }

  /**
   * Runs `us` of Python for `item`, then `then(item)`, after the chores already here. A
   * chore of no time with none ahead of it is done at once: the free path of a call with
   * nothing to pickle.
   */
  push(us: number, item: WorkItem, then: (item: WorkItem) => void): void {
    this.chores.push({ us, item, then });
    if (!this.busy) this.serve();
  }

  threadResumed(): void {
    const chore = this.chores.shift() as Chore;
    chore.then(chore.item);
    this.serve();
  }

  private serve(): void {
    this.busy = true;
    let chore = this.chores[0];
    while (chore !== undefined && chore.us === 0) {
      this.chores.shift();
      chore.then(chore.item);
      chore = this.chores[0];
    }
    if (chore === undefined) {
      this.busy = false;
      this.traceJob = -1;
      this.thread.park('idle', this.waiting);
      return;
    }
    this.traceJob = chore.item.chunk?.[0] ?? chore.item.job;
    this.thread.runCpu(chore.us, this.doing);
  }
}
