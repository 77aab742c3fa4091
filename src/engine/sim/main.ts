/**
 * main(): starts the queue workers, then takes each job as it arrives
 * (`async for job in arrivals()`: it sleeps until the next arrival, or takes the next job
 * at once when it has already arrived) and runs the top-level chain for it. After the
 * last job it closes the spawners upstream first: a Batch sends its last chunk, main
 * awaits every task, and ends each queue's workers as the Queue says (stages.ts).
 */
import { Wait } from './flow';
import type { Runtime } from './runtime';
import type { Task } from './task';

export class MainDriver {
  private nextJob = 0;
  private draining = -1;

  constructor(private readonly rt: Runtime) {}

  begin(main: Task): void {
    for (const stage of this.rt.stages) stage.open();
    if (this.next(main)) main.advance();
  }

  /** The current job is handed on: take the next one (true) or wait. */
  next(main: Task): boolean {
    const rt = this.rt;
    main.job = -1;
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
