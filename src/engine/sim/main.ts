/**
 * main(): starts the queue workers, then takes each job as it arrives
 * (`async for job in arrivals()`: it sleeps until the next arrival, or takes the next job
 * at once when it has already arrived) and runs the top-level chain for it. After the
 * last job it closes the spawners upstream first: a Batch sends its last chunk, main
 * awaits every task, and ends each queue's workers as the Queue says (stages.ts).
 *
 * A Time limit is `async with asyncio.timeout(t):` around the loop over the arrivals
 * alone (inside the task groups and queues main opened): when it expires main is
 * cancelled where it awaits — the job it works on unwinds, its clean-up runs, and it
 * fails — and the loop ends, so every job not yet taken is lost. What was handed to
 * tasks and queues is outside the timeout: main drains it as it would have
 * (asyncio/timeouts.py: the timeout cancels the task that entered it, and `__aexit__`
 * turns that cancellation into TimeoutError at the `async with`).
 */
import type { LoopCallback } from './eventLoop';
import { Wait } from './flow';
import type { Runtime } from './runtime';
import type { Task } from './task';

export class MainDriver implements LoopCallback {
  private nextJob = 0;
  private draining = -1;
  private main: Task | null = null;
  /** The Time limit expired: main takes no more jobs. */
  private timeUp = false;

  constructor(private readonly rt: Runtime) {}

  begin(main: Task): void {
    this.main = main;
    for (const stage of this.rt.stages) stage.open();
    const limit = this.rt.program.timeLimit;
    if (limit !== null) this.rt.loop.callLater(limit.afterUs, this, 0);
    if (this.next(main)) main.advance();
  }

  /** The Time limit's timer: main is cancelled, unless its loop is already over. */
  onReady(): void {
    if (this.draining >= 0 || this.main === null || this.main.ended) return;
    this.timeUp = true;
    this.main.cancel(null);
  }

  /** The current job is handed on: take the next one (true) or wait. */
  next(main: Task): boolean {
    const rt = this.rt;
    main.job = -1;
    if (this.timeUp) this.loseUntaken();
    if (this.nextJob >= rt.jobs.count) return this.drain(main);
    const arrival = rt.jobs.arrival[this.nextJob] as number;
    const now = rt.world.now;
    if (arrival > now) {
      main.parkMain(Wait.NextJob, 'idle', 'waiting for the next job', arrival - now);
      return false;
    }
    const job = this.nextJob++;
    rt.takeJob(job);
    main.prepareFor(job, rt.program.main);
    return true;
  }

  resume(main: Task): void {
    const goOn = this.draining < 0 ? this.next(main) : this.drain(main);
    if (goOn) main.advance();
  }

  /** main()'s loop ended at its Time limit: no job after it is ever taken. */
  private loseUntaken(): void {
    const rt = this.rt;
    const node = rt.program.timeLimit?.node ?? null;
    for (; this.nextJob < rt.jobs.count; this.nextJob++)
      rt.loseJob(this.nextJob, node, 'main() stopped taking jobs: its Time limit was up');
  }

  private drain(main: Task): boolean {
    const stages = this.rt.stages;
    if (this.draining < 0) this.draining = 0;
    for (; this.draining < stages.length; this.draining++) {
      const stage = stages[this.draining]!;
      const waitingFor = stage.close(main);
      if (waitingFor !== null) {
        main.parkMain(Wait.Drain, 'blocked', waitingFor, null);
        return false;
      }
    }
    main.finish();
    return false;
  }
}
