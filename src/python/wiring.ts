/**
 * The compiled wiring (src/engine/program.ts) as Python: main(), one handler per spawner,
 * and the functions their chains need (one per pool body and per Fan-out body).
 *
 * main() and the handlers are the frame; what runs inside them is written by the
 * ChainWriter (wiring/chainWriter.ts).
 */
import { type Instr, type Program, type StageSpec, type TickerSpec } from '../engine/program';
import { type RunSpec } from '../engine/spec';
import { seconds, type ProgramNames } from './names';
import { asyncFunction, ChainWriter, type Subject, type WiringNames } from './wiring/chainWriter';
import { Failures } from './wiring/failures';
import { allInstrs } from './wiring/instrGraph';
import { StageNames } from './wiring/stageNames';
import { PythonWriter } from './writer';

export class WiringWriter {
  private readonly stages: StageNames;
  private readonly failures: Failures;
  private readonly chains: ChainWriter;
  /** The function each Ticker runs, and the task main() keeps it in. */
  private readonly tickerNames: readonly { fn: string; task: string; count: string }[];
  /** Can a job fail anywhere (a service call, a timeout)? */
  readonly canFail: boolean;
  readonly usesRetry: boolean;

  constructor(
    private readonly program: Program,
    spec: RunSpec,
    names: ProgramNames,
    wiring: WiringNames,
    /** Do draws depend on reruns (random times and a Retry)? Then a retry counts on the job. */
    countReruns: boolean,
  ) {
    const all = allInstrs(program);
    this.failures = new Failures(spec, all);
    // A Time limit fails the job main() works on when it expires.
    this.canFail = this.failures.canFail || program.timeLimit !== null;
    this.usesRetry = [...all].some((i) => i.op === 'retry');
    this.stages = new StageNames(program, names);
    this.tickerNames = program.tickers.map(() => ({
      fn: names.claim('heartbeat'),
      task: names.claim('beats'),
      count: names.claim('beat_number'),
    }));
    this.chains = new ChainWriter(
      program,
      spec,
      names,
      wiring,
      this.stages,
      this.failures,
      countReruns,
    );
  }

  /** Is `lose()` used (a shed queue, a path that ends before the Sink)? Known after write(). */
  get usesLose(): boolean {
    return this.chains.usesLose;
  }

  /** `try: … except (…) as error: fail(…)` around a job's handling, when it can fail. */
  private guarded(w: PythonWriter, subject: Subject, start: Instr, body: () => void): void {
    if (!this.failures.chainCanFail(start)) return body();
    w.block('try:', null, body);
    w.block(`except ${this.failures.errors} as error:`, null, () => {
      if (subject === 'chunk') w.block('for job in chunk:', null, () => w.line('fail(job, error)'));
      else w.line('fail(job, error)');
    });
  }

  private handler(stage: StageSpec, index: number): PythonWriter {
    const name = this.stages.handler[index] as string;
    const node = stage.node;
    switch (stage.kind) {
      case 'tasks':
        return asyncFunction(
          `async def ${name}(${this.stages.withNeeds(index, 'job')}):`,
          node,
          (w, fn) =>
            this.guarded(w, 'job', stage.entry, () =>
              this.chains.chain(w, stage.entry, null, {
                context: 'coroutine',
                subject: 'job',
                root: true,
                fn,
              }),
            ),
        );
      case 'batch':
        return asyncFunction(
          `async def ${name}(${this.stages.withNeeds(index, 'chunk')}):`,
          node,
          (w, fn) =>
            this.guarded(w, 'chunk', stage.entry, () =>
              this.chains.chain(w, stage.entry, null, {
                context: 'coroutine',
                subject: 'chunk',
                root: true,
                fn,
              }),
            ),
        );
      case 'queue': {
        const queue = this.stages.variable[index] as string;
        return asyncFunction(
          `async def ${name}(${this.stages.withNeeds(index, queue)}):`,
          node,
          (w, fn) =>
            w.block('while True:', node, () => {
              if (stage.stop === 'shutdown') {
                w.block('try:', node, () => w.line(`job = await ${queue}.get()`, node));
                w.block('except asyncio.QueueShutDown:', node, () =>
                  w.line('return  # shut down, and nothing left in it', node),
                );
              } else w.line(`job = await ${queue}.get()`, node);
              w.block('try:', node, () =>
                this.chains.chain(w, stage.entry, null, {
                  context: 'coroutine',
                  subject: 'job',
                  root: true,
                  fn,
                }),
              );
              if (this.failures.chainCanFail(stage.entry))
                w.block(`except ${this.failures.errors} as error:`, null, () =>
                  w.line('fail(job, error)'),
                );
              w.block('finally:', node, () => w.line(`${queue}.task_done()`, node));
            }),
        );
      }
    }
  }

  /**
   * A Ticker: a loop of its own that runs its body, then sleeps. A beat works on no job
   * (job -1), and each beat draws its own times, as a rerun of none.
   */
  private ticker(spec: TickerSpec, index: number): PythonWriter {
    const { fn: name, count } = this.tickerNames[index]!;
    return asyncFunction(`async def ${name}():`, spec.node, (w, fn) => {
      w.line(`${count} = 0`, spec.node);
      w.block('while True:', spec.node, () => {
        w.line(`${count} += 1`, spec.node);
        w.line(`job = Job(-1, "beat", 0.0, JOBS[0].payload, reruns=${count})`, spec.node);
        this.chains.chain(w, spec.body, null, {
          context: 'coroutine',
          subject: 'job',
          root: false,
          fn,
        });
        const every = `${seconds(spec.everyUs)}`;
        if (spec.forUs > 0)
          w.block(`if now() + ${every} > ${seconds(spec.forUs)}:`, spec.node, () =>
            w.line('return  # its time is up', spec.node),
          );
        w.line(`await asyncio.sleep(${every} * SCALE)`, spec.node);
      });
    });
  }

  /** main(): opens the spawners (downstream outermost), takes each job as it arrives, then drains. */
  private main(sourceNode: string): PythonWriter {
    const stages = this.program.stages;
    return asyncFunction('async def main():', null, (w, fn) => {
      for (const { fn: ticker, task } of this.tickerNames)
        w.line(
          `${task} = asyncio.create_task(${ticker}())  # beside main(), until the jobs are done`,
        );
      const open = (index: number): void => {
        if (index < 0) return this.producerLoop(w, sourceNode, fn);
        const stage = stages[index] as StageSpec;
        const node = stage.node;
        const target = this.stages.variable[index] as string;
        switch (stage.kind) {
          case 'tasks':
            w.block(`async with asyncio.TaskGroup() as ${target}:`, node, () => open(index - 1));
            return;
          case 'queue': {
            const capacity = stage.capacity === Infinity ? '' : `maxsize=${stage.capacity}`;
            const crew = this.stages.crew[index] as string;
            const group = this.stages.group[index] as string;
            w.line(`${target} = asyncio.Queue(${capacity})`, node);
            w.block(`async with asyncio.TaskGroup() as ${group}:`, node, () => {
              const worker = `${this.stages.handler[index]}(${this.stages.withNeeds(index, target)})`;
              w.line(
                `${crew} = [${group}.create_task(${worker}) for _ in range(${stage.workers})]`,
                node,
              );
              open(index - 1);
              this.stopWorkers(w, stage, target, crew);
            });
            return;
          }
          case 'batch': {
            const group = this.stages.crew[index] as string;
            w.block(`async with asyncio.TaskGroup() as ${group}:`, node, () => {
              const args = [
                String(stage.batchSize),
                group,
                this.stages.handler[index] as string,
                ...this.stages.needsOf(index),
              ];
              w.line(`${target} = Batch(${args.join(', ')})`, node);
              open(index - 1);
              w.line(`${target}.flush()  # the last, partial chunk`, node);
            });
            return;
          }
        }
      };
      open(stages.length - 1);
      for (const { task } of this.tickerNames) w.line(`${task}.cancel()`);
    });
  }

  /**
   * main()'s loop over the arrivals; with a Time limit, inside `asyncio.timeout`: the job
   * main works on when it expires fails, and every job not yet taken is lost.
   */
  private producerLoop(w: PythonWriter, sourceNode: string, fn: { usesLoop: boolean }): void {
    const loop = (): void => {
      w.block('async for job in arrivals():', sourceNode, () => {
        const handle = (): void =>
          this.guarded(w, 'job', this.program.main, () =>
            this.chains.chain(w, this.program.main, null, {
              context: 'main',
              subject: 'job',
              root: true,
              fn,
            }),
          );
        if (limit === null) return handle();
        w.block('try:', limit.node, handle);
        w.block('except asyncio.CancelledError:', limit.node, () => {
          w.line('fail(job, TimeoutError())  # main() was on it when its time ran out', limit.node);
          w.line('raise', limit.node);
        });
      });
    };
    const limit = this.program.timeLimit;
    if (limit === null) return loop();
    this.chains.usesLose = true;
    w.line('job = None', limit.node);
    w.block('try:', limit.node, () =>
      w.block(`async with asyncio.timeout(${seconds(limit.afterUs)} * SCALE):`, limit.node, loop),
    );
    w.block('except TimeoutError:', limit.node, () =>
      w.block('for later in JOBS[0 if job is None else job.id + 1 :]:', limit.node, () =>
        w.line('lose(later)  # never taken: the Time limit was up', limit.node),
      ),
    );
  }

  /** After main()'s last put: how it stops a queue's workers (the task group then awaits them). */
  private stopWorkers(w: PythonWriter, stage: StageSpec, queue: string, crew: string): void {
    const node = stage.node;
    const cancel = (why: string): void => {
      w.block(`for task in ${crew}:`, node, () => w.line(`task.cancel()${why}`, node));
    };
    switch (stage.stop) {
      case 'join+cancel':
        w.line(`await ${queue}.join()`, node);
        cancel('');
        return;
      case 'shutdown':
        w.line(
          `${queue}.shutdown()  # Python 3.13: get() raises QueueShutDown once the queue is empty`,
          node,
        );
        return;
      case 'cancel':
        cancel('  # without join(): the jobs still queued are dropped');
        return;
      case 'never':
        w.line('# nothing stops the workers: the task group waits for them for ever', node);
        return;
    }
  }

  /** Every function of the wiring: the handlers, the bodies they use, then main(). */
  write(sourceNode: string): PythonWriter {
    const handlers = this.program.stages.map((stage, index) => this.handler(stage, index));
    const tickers = this.program.tickers.map((spec, index) => this.ticker(spec, index));
    const main = this.main(sourceNode);
    const w = new PythonWriter();
    for (const fn of [...this.chains.extra, ...tickers, ...handlers, main]) w.blank(2).append(fn);
    return w;
  }
}
