/**
 * One run: the simulated machine (cores, the main process's GIL and event loop, worker
 * processes), the program's primitives built from the compiled wiring, the workload, and
 * the trace. Carriers reach everything through it; it is the only place job outcomes
 * are recorded.
 */
import type { Instr, Program } from '../program';
import type { RunSpec } from '../spec';
import type { FailReason, TraceEvent, WorkerKind, WorkerState } from '../trace';
import { Cpu } from './cpu';
import { Durations } from './durations';
import { EventLoop } from './eventLoop';
import { Gil } from './gil';
import { Jobs } from './jobs';
import { MainDriver } from './main';
import { Memory } from './memory';
import { OsThread, type ThreadOwner } from './osThread';
import { Pool } from './pools';
import { Service } from './services';
import { BatchStage, QueueStage, TasksStage, type Stage } from './stages';
import { Permits } from './sync';
import { Task } from './task';
import { traceRoom, type TraceRoom } from './traceRoom';
import { World } from './world';

export interface LoopBlockTally {
  readonly node: string;
  readonly step: string;
  firstAt: number;
  worstUs: number;
  totalUs: number;
  count: number;
}

export interface RaceTally {
  state: string;
  node: string;
  count: number;
  acrossProcesses: boolean;
}

export class Runtime {
  readonly world: World;
  readonly trace: TraceEvent[] | null;
  readonly jobs: Jobs;
  readonly durations: Durations;
  readonly memory: Memory;
  readonly cpu: Cpu;
  readonly mainGil: Gil;
  readonly loop: EventLoop;
  readonly services: Service[];
  readonly stages: Stage[];
  readonly pools: Pool[];
  readonly semaphores: Permits[];
  readonly locks: Permits[];
  /** Each shared state's value in the main process, and the updates written to it anywhere. */
  readonly stateValue: number[];
  readonly stateUpdates: number[];
  readonly main: MainDriver;
  readonly loopBlocks = new Map<string, LoopBlockTally>();
  readonly races = new Map<string, RaceTally>();
  /** Set when the trace has a limit (see traceRoom.ts). */
  private readonly room: TraceRoom | null;
  /**
   * Does the program end once every job is resolved? Not when main() then awaits queue
   * workers that nothing stops: the run goes on until nothing is left to happen.
   */
  private readonly endsWithItsJobs: boolean;
  threadsStarted = 0;
  processesStarted = 0;
  queueWorkers = 0;
  /** Tickers sleeping until their next beat, each with its one timer on the loop. */
  tickersAsleep = 0;
  private lastBeat = 0;
  private longestGap = 0;
  private workers = 0;
  private processes = 1;
  private readonly lastState: (WorkerState | undefined)[] = [];
  private readonly lastDetail: string[] = [];

  constructor(
    readonly spec: RunSpec,
    readonly program: Program,
    options: { trace: boolean; budget: number; traceLimit?: number },
  ) {
    this.world = new World(options.budget);
    this.room =
      options.trace && options.traceLimit !== undefined ? traceRoom(options.traceLimit) : null;
    this.trace = this.room?.events ?? (options.trace ? [] : null);
    this.jobs = new Jobs(spec);
    this.durations = new Durations(spec.seed, spec.totalJobs);
    this.memory = new Memory(this.world, spec.memoryBytes);
    this.cpu = new Cpu(this.world, spec.cores);
    this.mainGil = this.newGil(0);
    this.loop = new EventLoop(this.world);
    this.services = spec.services.map((s) => new Service(this.world, s, spec.seed, this.durations));
    this.stateValue = spec.states.map(() => 0);
    this.stateUpdates = spec.states.map(() => 0);
    this.semaphores = program.semaphores.map(
      (s) => new Permits(`the semaphore ${s.node}`, s.node, s.permits),
    );
    this.locks = program.locks.map((l) => new Permits(`lock "${l.name}"`, l.nodes[0] ?? l.name, 1));
    this.pools = program.pools.map((p) => new Pool(this, p, 1));
    this.stages = program.stages.map((s) =>
      s.kind === 'tasks'
        ? new TasksStage(this, s)
        : s.kind === 'batch'
          ? new BatchStage(this, s)
          : new QueueStage(this, s),
    );
    this.main = new MainDriver(this);
    this.endsWithItsJobs = !program.stages.some((s) => s.stop === 'never');
    if (this.trace) this.traceWiring();
    this.loop.thread = this.newThread(
      this.mainGil,
      this.newWorker('loop', 0, null, 'event loop'),
      this.loop,
    );
    this.loop.onBlocked = (occupant, delayUs) => this.loopBlocked(occupant as Task, delayUs);
    if (program.tickers.length > 0) this.loop.onIdle = () => this.stopIfOnlyTickersLeft();
    this.memory.add('interpreter', spec.baseMemoryBytes + spec.threadMemoryBytes);
  }

  run(): void {
    const main = new Task(this, 'main', null, 'main()', null);
    main.start(this.program.main);
    for (const ticker of this.program.tickers) {
      const task = new Task(this, 'ticker', null, 'ticker', ticker.node);
      task.ticker = ticker;
      task.start(ticker.body);
    }
    this.world.run();
    // Nothing is left to happen: the program has ended, or it waits for what never comes
    // (jobs stuck, or main() awaiting workers that nothing stops).
    if (this.world.stopped === null)
      this.world.stop(this.jobs.allResolved && main.ended ? 'finished' : 'deadlock');
    const trace = this.trace;
    if (trace) {
      // Arrivals were recorded up front; a stable sort puts every fact in time order, and
      // arrivals after a run that stopped short (a deadlock) never happened in it.
      trace.sort((a, b) => a.t - b.t);
      const end = this.endTime;
      // A trace that ran out of room keeps only what came before: the run's beginning, whole.
      const cut = this.traceCutAt;
      let keep = trace.length;
      while (
        keep > 0 &&
        ((trace[keep - 1] as TraceEvent).t > end || (trace[keep - 1] as TraceEvent).t >= cut)
      )
        keep--;
      trace.length = keep;
      const ended: TraceEvent = {
        type: 'runEnded',
        t: end,
        outcome: this.world.stopped ?? 'finished',
      };
      if (cut === Infinity) Array.prototype.push.call(trace, ended);
    }
  }

  /**
   * The loop fell asleep with nothing else on the machine to happen but Tickers' next
   * beats: every other task waits for what nothing will ever do (a deadlock, or workers
   * that nothing stops). A Ticker asleep between beats holds nothing anyone waits for, and
   * its beats wake no one, so the run would only beat on until the event budget: it is a
   * deadlock now. (Any other timer, such as a Timeout's deadline, may still wake someone.)
   */
  private stopIfOnlyTickersLeft(): void {
    if (this.world.pending === 0 && this.loop.timerCount === this.tickersAsleep)
      this.world.stop('deadlock');
  }

  /** A Ticker's body ran to its end: a beat. */
  beat(): void {
    const now = this.world.now;
    if (now - this.lastBeat > this.longestGap) this.longestGap = now - this.lastBeat;
    this.lastBeat = now;
  }

  /** The longest stretch without a beat, the one since the last beat to the end included. */
  beatGapUs(): number {
    return Math.max(this.longestGap, this.endTime - this.lastBeat);
  }

  /** The first time the trace did not record in full (its limit was reached); Infinity when whole. */
  get traceCutAt(): number {
    return this.room?.cutAt() ?? Infinity;
  }

  /** When the run ended: the last job's resolution, or when it stopped short. */
  get endTime(): number {
    return this.world.stopped === 'finished' ? this.jobs.lastResolvedAt : this.world.now;
  }

  newWorker(kind: WorkerKind, process: number, node: string | null, label: string): number {
    const worker = this.workers++;
    this.trace?.push({
      type: 'workerCreated',
      t: this.world.now,
      worker,
      kind,
      process,
      node,
      label,
    });
    return worker;
  }

  newGil(process: number): Gil {
    const gil = new Gil(this.world, process, this.spec.gilSwitchUs);
    const trace = this.trace;
    if (trace)
      gil.onChange = (holder) =>
        trace.push({
          type: 'gilChanged',
          t: this.world.now,
          process,
          holder: holder?.worker ?? -1,
        });
    return gil;
  }

  newProcessId(): number {
    return this.processes++;
  }

  newThread(gil: Gil, worker: number, owner: ThreadOwner): OsThread {
    return new OsThread(
      this.world,
      this.cpu,
      gil,
      worker,
      owner,
      this.trace
        ? (thread, state, detail) =>
            this.reportState(
              thread.worker,
              state,
              thread.owner.traceJob,
              thread.owner.traceNode,
              detail,
            )
        : null,
    );
  }

  reportState(
    worker: number,
    state: WorkerState,
    job: number,
    node: string | null,
    detail: string,
  ): void {
    const trace = this.trace;
    if (trace === null || worker < 0) return;
    if (this.lastState[worker] === state && this.lastDetail[worker] === detail) return;
    this.lastState[worker] = state;
    this.lastDetail[worker] = detail;
    trace.push({ type: 'workerState', t: this.world.now, worker, state, job, node, detail });
  }

  /** A task of its own for one part of a job (a Fan-out's): created, not yet started. */
  newTask(role: 'part', label: string, node: string): Task {
    return new Task(this, role, null, label, node);
  }

  /** The semaphore or lock a Semaphore or Lock instruction takes. */
  permitsOf(ins: Instr): Permits {
    if (ins.op === 'semaphore') return this.semaphores[ins.semaphore] as Permits;
    if (ins.op === 'lock') return this.locks[ins.lock] as Permits;
    throw new Error(`no permits for ${ins.op}`);
  }

  // ——— job outcomes ———

  takeJob(job: number): void {
    const jobs = this.jobs;
    jobs.taken[job] = 1;
    const payload = jobs.payloadOf(job);
    if (payload > 0) this.memory.add('jobs', payload);
    this.trace?.push({ type: 'jobEntered', t: this.world.now, job, node: 'source' });
  }

  deliverJob(job: number, node: string): void {
    const jobs = this.jobs;
    if (jobs.pos[job] !== jobs.recipeOf(job).length) {
      const missing = jobs
        .recipeOf(job)
        .slice(jobs.pos[job] as number)
        .map((s) => `"${this.spec.steps[s]?.label}"`);
      this.failJob(job, 'unfinished', node, `reached the Sink without ${missing.join(', ')}`);
      return;
    }
    if (!jobs.deliver(job, this.world.now)) return;
    this.trace?.push({
      type: 'jobDelivered',
      t: this.world.now,
      job,
      node,
      latency: this.world.now - (jobs.arrival[job] as number),
      corrupted: jobs.corrupted[job] === 1,
    });
    this.resolved(job);
  }

  failJob(job: number, reason: FailReason, node: string | null, detail: string): void {
    if (!this.jobs.fail(job, reason, this.world.now)) return;
    this.trace?.push({ type: 'jobFailed', t: this.world.now, job, node, reason, detail });
    this.resolved(job);
  }

  loseJob(job: number, node: string | null, detail: string): void {
    if (!this.jobs.lose(job, this.world.now)) return;
    this.trace?.push({ type: 'jobLost', t: this.world.now, job, node, detail });
    this.resolved(job);
  }

  private resolved(job: number): void {
    const jobs = this.jobs;
    if (jobs.taken[job] === 1) {
      jobs.taken[job] = 0;
      const payload = jobs.payloadOf(job);
      if (payload > 0) this.memory.add('jobs', -payload);
    }
    if (jobs.allResolved && this.endsWithItsJobs) this.world.stop('finished');
  }

  /**
   * A write of `value + 1` over a state read as `value`: `x = state; …; state = x + 1`.
   * In a worker process it changes the process's copy only, so its increment is lost to
   * the main program. Elsewhere it loses the increments written since the read (the state
   * now minus the value read): a stale write that overwrites another stale write loses
   * nothing more, so the lost increments add up to the updates made minus the final value,
   * as CPython's counter ends. Negative when it writes back over a staler write.
   */
  writeState(job: number, node: string, state: number, read: number, inProcess: boolean): void {
    this.stateUpdates[state]!++;
    const now = this.stateValue[state] as number;
    const lost = inProcess ? 1 : now - read;
    if (!inProcess) this.stateValue[state] = read + 1;
    if (lost === 0) return;
    const name = this.spec.states[state] ?? '?';
    const key = `${node}|${name}`;
    const tally = this.races.get(key) ?? {
      state: name,
      node,
      count: 0,
      acrossProcesses: inProcess,
    };
    tally.count += lost;
    this.races.set(key, tally);
    if (lost < 0 || job < 0) return;
    if (this.jobs.corrupted[job] === 0) this.jobs.corrupted[job] = 1;
    this.trace?.push({ type: 'raceLost', t: this.world.now, job, node, state: name });
  }

  private loopBlocked(task: Task, delayUs: number): void {
    const pc = task.pc;
    if (pc.op !== 'step' && this.trace === null) return;
    const node = pc.op === 'end' ? 'main' : pc.node;
    const step = pc.op === 'step' ? (this.spec.steps[pc.step]?.label ?? '') : pc.op;
    const key = `${node}|${step}`;
    const tally = this.loopBlocks.get(key) ?? {
      node,
      step,
      firstAt: this.world.now,
      worstUs: 0,
      totalUs: 0,
      count: 0,
    };
    tally.worstUs = Math.max(tally.worstUs, delayUs);
    tally.totalUs += delayUs;
    tally.count++;
    this.loopBlocks.set(key, tally);
    this.trace?.push({ type: 'loopBlocked', t: this.world.now, node, step, delay: delayUs });
  }

  // ——— trace helpers ———

  traceEntered(job: number, node: string): void {
    this.trace?.push({ type: 'jobEntered', t: this.world.now, job, node });
  }

  traceQueue(node: string, depth: number): void {
    this.trace?.push({ type: 'queueChanged', t: this.world.now, node, depth });
  }

  traceTimedOut(job: number, node: string): void {
    this.trace?.push({ type: 'timedOut', t: this.world.now, job, node });
  }

  traceRetried(job: number, node: string, attempt: number): void {
    this.trace?.push({ type: 'retried', t: this.world.now, job, node, attempt });
  }

  traceRefused(service: Service, job: number, why: 'connections' | 'rate'): void {
    this.trace?.push({
      type: 'serviceRefused',
      t: this.world.now,
      service: service.spec.id,
      job,
      why,
    });
  }

  private traceWiring(): void {
    const trace = this.trace as TraceEvent[];
    const jobs = this.jobs;
    for (let job = 0; job < jobs.count; job++) {
      trace.push({
        type: 'jobArrived',
        t: jobs.arrival[job] as number,
        job,
        kind: this.spec.kinds[jobs.kind[job] as number] ?? '',
        arrival: jobs.arrival[job] as number,
      });
    }
    this.memory.onChange = (bytes) =>
      trace.push({ type: 'memoryChanged', t: this.world.now, bytes });
    for (const service of this.services)
      service.onChange = (active) =>
        trace.push({ type: 'serviceChanged', t: this.world.now, service: service.spec.id, active });
  }
}
