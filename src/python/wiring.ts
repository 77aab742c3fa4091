/**
 * The compiled wiring (src/engine/program.ts) as Python: main(), one handler per spawner,
 * one function per pool body and per Fan-out body. Each instruction becomes the construct
 * its node's vocabulary entry names, so nesting on screen is nesting in the code.
 *
 * Chains that branch (Route, a Timeout's "timed out" port, a Retry's "failed" port) meet
 * again where their instruction lists join; the branches are written up to that point and
 * the shared rest once after them, as a person would write it.
 */
import { childrenOf } from '../engine/program';
import { type Instr, type Program, type RunContext, type StageSpec } from '../engine/program';
import { OpCode, type RunSpec } from '../engine/spec';
import { pyString, seconds, type ProgramNames } from './names';
import { PythonWriter } from './writer';

type Subject = 'job' | 'part' | 'chunk';

interface Ctx {
  readonly context: RunContext;
  readonly subject: Subject;
  /** The outermost chain of a handler: running off its end means the job never reached the Sink. */
  readonly root: boolean;
  /** The function being written: does it need `loop = asyncio.get_running_loop()`? */
  readonly fn: { usesLoop: boolean };
}

export interface WiringNames {
  /** Step function name and whether it is `async def`, by step index. */
  readonly stepFunction: (step: number) => { name: string; isAsync: boolean; perPart: boolean };
  readonly semaphores: readonly string[];
  readonly locks: readonly string[];
  readonly pools: readonly string[];
}

/** Instructions reachable from `start`, bodies included (spawns end a chain). */
function reachable(start: Instr): Set<Instr> {
  const seen = new Set<Instr>();
  const stack = [start];
  while (stack.length > 0) {
    const instr = stack.pop() as Instr;
    if (seen.has(instr)) continue;
    seen.add(instr);
    stack.push(...childrenOf(instr));
  }
  return seen;
}

/** The instructions a chain runs through at its own level (not into bodies), in order. */
function levelSequence(start: Instr | null, memo: Map<Instr, Instr[]>): Instr[] {
  if (start === null) return [];
  const known = memo.get(start);
  if (known) return known;
  const rest = ((): Instr | null => {
    switch (start.op) {
      case 'step':
      case 'semaphore':
      case 'lock':
      case 'offload':
      case 'fanOut':
      case 'unbatch':
        return start.next;
      case 'timeout':
        return start.onTimeout ? joinOf([start.next, start.onTimeout], memo) : start.next;
      case 'retry':
        return start.onFail ? joinOf([start.next, start.onFail], memo) : start.next;
      case 'route':
        return joinOf(
          start.branches.filter((b): b is Instr => b !== null),
          memo,
        );
      default:
        return null;
    }
  })();
  const sequence = [start, ...levelSequence(rest, memo)];
  memo.set(start, sequence);
  return sequence;
}

/** Where branches meet again: the first instruction every branch runs through, or null. */
function joinOf(branches: readonly Instr[], memo: Map<Instr, Instr[]>): Instr | null {
  const [first, ...others] = branches;
  if (first === undefined) return null;
  const sets = others.map((b) => new Set(levelSequence(b, memo)));
  return levelSequence(first, memo).find((instr) => sets.every((s) => s.has(instr))) ?? null;
}

export class WiringWriter {
  /** Functions written on the way (pool bodies, Fan-out bodies), in order of first use. */
  private readonly extra: PythonWriter[] = [];
  private readonly memo = new Map<Instr, Instr[]>();
  private readonly offloadNames = new Map<Instr, string>();
  private readonly partNames = new Map<Instr, string>();
  /** Per stage: the name spawns use (task group, queue or batch), the handler, and its extra parameters. */
  readonly stageVar: string[] = [];
  readonly stageHandler: string[] = [];
  /** Queue: the list of worker tasks; Batch: the task group of its chunks. */
  readonly stageCrew: string[] = [];
  /** Queue: the task group its workers run in. */
  readonly stageGroup: string[] = [];
  /** Is `lose()` used (a shed queue, a path that ends before the Sink)? */
  usesLose = false;
  private readonly stageNeeds: string[][] = [];
  /** Can a job fail anywhere (a service call, a timeout)? */
  readonly canFail: boolean;
  readonly usesRetry: boolean;
  /** The exceptions a Retry catches and a handler turns into a failed job: those that can happen. */
  private readonly errors: string;

  constructor(
    private readonly program: Program,
    private readonly spec: RunSpec,
    private readonly names: ProgramNames,
    private readonly wiring: WiringNames,
    /** Do draws depend on reruns (random times and a Retry)? Then a retry counts on the job. */
    private readonly countReruns: boolean,
  ) {
    const all = new Set<Instr>();
    for (const instr of reachable(program.main)) all.add(instr);
    for (const stage of program.stages) for (const instr of reachable(stage.entry)) all.add(instr);
    this.canFail = [...all].some((i) => this.mayRaise(i));
    const kinds = [
      ...([...all].some((i) => i.op === 'step' && this.mayRaise(i)) ? ['ServiceError'] : []),
      ...([...all].some((i) => i.op === 'timeout') ? ['TimeoutError'] : []),
    ];
    this.errors = kinds.length === 2 ? `(${kinds.join(', ')})` : (kinds[0] ?? 'ServiceError');
    this.usesRetry = [...all].some((i) => i.op === 'retry');
    program.stages.forEach((stage, index) => this.nameStage(stage, index));
    program.stages.forEach(() => this.stageNeeds.push([]));
    // Stages are in drain order, downstream after upstream: fill their needs from the last.
    for (let index = program.stages.length - 1; index >= 0; index--) {
      this.stageNeeds[index] = this.needsOf((program.stages[index] as StageSpec).entry);
    }
  }

  private mayRaise(instr: Instr): boolean {
    if (instr.op === 'timeout') return true;
    if (instr.op !== 'step') return false;
    return (this.spec.steps[instr.step]?.ops ?? []).some(
      (op) => op.code === OpCode.CallAsync || op.code === OpCode.CallBlocking,
    );
  }

  private nameStage(stage: StageSpec, index: number): void {
    const n = this.names;
    switch (stage.kind) {
      case 'tasks':
        this.stageVar[index] = n.claim('tg');
        this.stageHandler[index] = n.claimFirst(['handle', 'handle_job']);
        this.stageCrew[index] = '';
        break;
      case 'queue':
        this.stageVar[index] = n.claim('queue');
        this.stageHandler[index] = n.claimFirst(['worker', 'queue_worker']);
        this.stageCrew[index] = n.claim('workers');
        this.stageGroup[index] = n.claim('worker_group');
        break;
      case 'batch':
        this.stageVar[index] = n.claim('batches');
        this.stageHandler[index] = n.claim('handle_chunk');
        this.stageCrew[index] = n.claim('chunk_tasks');
        break;
    }
  }

  /** The stage objects a chain spawns into, directly or through the handlers it starts. */
  private needsOf(start: Instr): string[] {
    const needs = new Set<string>();
    for (const instr of reachable(start)) {
      if (instr.op !== 'spawn') continue;
      const stage = this.program.stages[instr.stage] as StageSpec;
      needs.add(this.stageVar[instr.stage] as string);
      if (stage.kind === 'tasks') for (const n of this.stageNeeds[instr.stage] ?? []) needs.add(n);
    }
    return [...needs];
  }

  private withNeeds(first: string, needs: readonly string[]): string {
    return [first, ...needs].join(', ');
  }

  // ——— chains ———

  private chain(w: PythonWriter, start: Instr | null, stop: Instr | null, ctx: Ctx): void {
    let at: Instr | null = start;
    while (at !== null && at !== stop) at = this.instr(w, at, ctx);
  }

  /** Writes one instruction; returns where the chain goes on (null: it ends here). */
  private instr(w: PythonWriter, ins: Instr, ctx: Ctx): Instr | null {
    const inCoroutine = ctx.context === 'main' || ctx.context === 'coroutine';
    switch (ins.op) {
      case 'step':
        this.step(w, ins.node, ins.step, ctx);
        return ins.next;
      case 'semaphore':
      case 'lock': {
        const name =
          ins.op === 'semaphore'
            ? this.wiring.semaphores[ins.semaphore]
            : this.wiring.locks[ins.lock];
        w.block(`${inCoroutine ? 'async with' : 'with'} ${name}:`, ins.node, () =>
          this.chain(w, ins.body, null, { ...ctx, root: false }),
        );
        return ins.next;
      }
      case 'timeout': {
        const header = `async with asyncio.timeout(${seconds(ins.afterUs)} * SCALE):`;
        const body = (): void => {
          w.block(header, ins.node, () => this.chain(w, ins.body, null, { ...ctx, root: false }));
        };
        if (ins.onTimeout === null) {
          body();
          return ins.next;
        }
        const join = joinOf([ins.next, ins.onTimeout], this.memo);
        w.block('try:', ins.node, body);
        w.block('except TimeoutError:', ins.node, () => this.chain(w, ins.onTimeout, join, ctx));
        if (ins.next !== join) w.block('else:', ins.node, () => this.chain(w, ins.next, join, ctx));
        return join;
      }
      case 'retry':
        return this.retry(w, ins, ctx);
      case 'offload': {
        const fn = this.offloadFunction(ins, ctx);
        ctx.fn.usesLoop = true;
        w.line(
          `await loop.run_in_executor(${this.wiring.pools[ins.pool]}, ${fn}, ${this.args(ctx)})`,
          ins.node,
        );
        return ins.next;
      }
      case 'fanOut': {
        const fn = this.partFunction(ins, ctx);
        w.line(`await asyncio.gather(*(${fn}(job, part) for part in range(job.parts)))`, ins.node);
        return ins.next;
      }
      case 'route':
        return this.route(w, ins, ctx);
      case 'spawn':
        this.spawn(w, ins.node, ins.stage);
        return null;
      case 'deliver':
        w.line('deliver(job)', ins.node);
        return null;
      case 'unbatch':
        w.block('for job in chunk:', ins.node, () =>
          this.chain(w, ins.next, null, { ...ctx, subject: 'job' }),
        );
        return null;
      case 'end':
        if (ctx.root) {
          this.usesLose = true;
          w.line('lose(job)  # its path ends without reaching the Sink');
        }
        return null;
    }
  }

  private args(ctx: Ctx): string {
    return ctx.subject === 'job' ? 'job' : ctx.subject === 'part' ? 'job, part' : 'chunk';
  }

  private step(w: PythonWriter, node: string, step: number, ctx: Ctx): void {
    const fn = this.wiring.stepFunction(step);
    const inCoroutine = ctx.context === 'main' || ctx.context === 'coroutine';
    const call = `${fn.isAsync && inCoroutine ? 'await ' : ''}${fn.name}(${ctx.subject === 'part' ? 'job, part' : 'job'})`;
    if (ctx.subject === 'chunk') w.block('for job in chunk:', node, () => w.line(call, node));
    else w.line(call, node);
  }

  private retry(w: PythonWriter, ins: Instr & { op: 'retry' }, ctx: Ctx): Instr | null {
    const inCoroutine = ctx.context === 'main' || ctx.context === 'coroutine';
    const loop = (): void => {
      w.block(`for attempt in range(1, ${ins.attempts + 1}):`, ins.node, () => {
        w.block('try:', ins.node, () => {
          this.chain(w, ins.body, null, { ...ctx, root: false });
          w.line('break', ins.node);
        });
        w.block(`except ${this.errors}:`, ins.node, () => {
          w.block(`if attempt == ${ins.attempts}:`, ins.node, () => w.line('raise', ins.node));
          if (this.countReruns) {
            if (ctx.subject === 'chunk')
              w.block('for job in chunk:', ins.node, () => w.line('job.reruns += 1', ins.node));
            else w.line('job.reruns += 1  # the next attempt draws its own times', ins.node);
          }
          if (ins.backoffUs > 0) {
            const wait = `${seconds(ins.backoffUs)} * SCALE`;
            w.line(inCoroutine ? `await asyncio.sleep(${wait})` : `time.sleep(${wait})`, ins.node);
          }
        });
      });
    };
    if (ins.onFail === null) {
      loop();
      return ins.next;
    }
    const join = joinOf([ins.next, ins.onFail], this.memo);
    w.block('try:', ins.node, loop);
    w.block(`except ${this.errors}:`, ins.node, () => this.chain(w, ins.onFail, join, ctx));
    if (ins.next !== join) w.block('else:', ins.node, () => this.chain(w, ins.next, join, ctx));
    return join;
  }

  private route(w: PythonWriter, ins: Instr & { op: 'route' }, ctx: Ctx): Instr | null {
    const branches = ins.branches.filter((b): b is Instr => b !== null);
    const join = joinOf(branches, this.memo);
    w.block(`match job.kind:`, ins.node, () => {
      const done = new Set<Instr | null>();
      ins.branches.forEach((branch) => {
        if (done.has(branch)) return;
        done.add(branch);
        const kinds = this.spec.kinds
          .filter((_, k) => ins.branches[k] === branch)
          .map((kind) => pyString(kind));
        w.block(`case ${kinds.join(' | ')}:`, ins.node, () => {
          if (branch === null) {
            this.usesLose = true;
            w.line('lose(job)  # no wire for this kind', ins.node);
          } else this.chain(w, branch, join, ctx);
        });
      });
    });
    return join;
  }

  private spawn(w: PythonWriter, node: string, stage: number): void {
    const spec = this.program.stages[stage] as StageSpec;
    const target = this.stageVar[stage] as string;
    switch (spec.kind) {
      case 'tasks': {
        const args = this.withNeeds('job', this.stageNeeds[stage] ?? []);
        w.line(`${target}.create_task(${this.stageHandler[stage]}(${args}))`, node);
        return;
      }
      case 'queue':
        if (!spec.shed) {
          w.line(`await ${target}.put(job)`, node);
          return;
        }
        this.usesLose = true;
        w.block('try:', node, () => w.line(`${target}.put_nowait(job)`, node));
        w.block('except asyncio.QueueFull:', node, () =>
          w.line('lose(job)  # shed: the queue was full', node),
        );
        return;
      case 'batch':
        w.line(`${target}.add(job)`, node);
        return;
    }
  }

  // ——— functions the wiring needs besides main ———

  private offloadFunction(ins: Instr & { op: 'offload' }, ctx: Ctx): string {
    const known = this.offloadNames.get(ins);
    if (known) return known;
    const kind = this.program.pools[ins.pool]?.kind ?? 'thread';
    const name = this.names.claim(kind === 'process' ? 'in_process' : 'in_thread');
    this.offloadNames.set(ins, name);
    const w = new PythonWriter();
    const inner: Ctx = {
      context: kind,
      subject: ctx.subject,
      root: false,
      fn: { usesLoop: false },
    };
    const args = this.args(ctx);
    w.block(`def ${name}(${args}):`, ins.node, () => {
      if (kind === 'thread') return this.chain(w, ins.body, null, inner);
      w.line(
        'call_overhead()  # pickling the job and its result costs what its Payload says',
        ins.node,
      );
      this.chain(w, ins.body, null, inner);
      const result = ctx.subject === 'chunk' ? '[job.payload for job in chunk]' : 'job.payload';
      w.line(`return ${result}  # the result: as big as the job's data`, ins.node);
    });
    this.extra.push(w);
    return name;
  }

  private partFunction(ins: Instr & { op: 'fanOut' }, ctx: Ctx): string {
    const known = this.partNames.get(ins);
    if (known) return known;
    const name = this.names.claim('handle_part');
    this.partNames.set(ins, name);
    this.extra.push(
      this.asyncFunction(`async def ${name}(job, part):`, ins.node, (w, fn) =>
        this.chain(w, ins.body, null, {
          context: ctx.context === 'main' ? 'coroutine' : ctx.context,
          subject: 'part',
          root: false,
          fn,
        }),
      ),
    );
    return name;
  }

  /** An `async def` whose body may need the running loop (to offload): the line is added when it does. */
  private asyncFunction(
    header: string,
    node: string | null,
    body: (w: PythonWriter, fn: { usesLoop: boolean }) => void,
  ): PythonWriter {
    const inner = new PythonWriter();
    const fn = { usesLoop: false };
    body(inner, fn);
    const w = new PythonWriter();
    w.block(header, node, () => {
      if (fn.usesLoop) w.line('loop = asyncio.get_running_loop()');
      w.append(inner);
    });
    return w;
  }

  private chainCanFail(start: Instr): boolean {
    return reachableAny(start, (i) => this.mayRaise(i));
  }

  /** `try: … except (…) as error: fail(…)` around a job's handling, when it can fail. */
  private guarded(w: PythonWriter, subject: Subject, start: Instr, body: () => void): void {
    if (!this.chainCanFail(start)) return body();
    w.block('try:', null, body);
    w.block(`except ${this.errors} as error:`, null, () => {
      if (subject === 'chunk') w.block('for job in chunk:', null, () => w.line('fail(job, error)'));
      else w.line('fail(job, error)');
    });
  }

  private handler(stage: StageSpec, index: number): PythonWriter {
    const name = this.stageHandler[index] as string;
    const needs = this.stageNeeds[index] ?? [];
    const node = stage.node;
    switch (stage.kind) {
      case 'tasks':
        return this.asyncFunction(
          `async def ${name}(${this.withNeeds('job', needs)}):`,
          node,
          (w, fn) =>
            this.guarded(w, 'job', stage.entry, () =>
              this.chain(w, stage.entry, null, {
                context: 'coroutine',
                subject: 'job',
                root: true,
                fn,
              }),
            ),
        );
      case 'batch':
        return this.asyncFunction(
          `async def ${name}(${this.withNeeds('chunk', needs)}):`,
          node,
          (w, fn) =>
            this.guarded(w, 'chunk', stage.entry, () =>
              this.chain(w, stage.entry, null, {
                context: 'coroutine',
                subject: 'chunk',
                root: true,
                fn,
              }),
            ),
        );
      case 'queue': {
        const queue = this.stageVar[index] as string;
        return this.asyncFunction(
          `async def ${name}(${this.withNeeds(queue, needs)}):`,
          node,
          (w, fn) =>
            w.block('while True:', node, () => {
              w.line(`job = await ${queue}.get()`, node);
              w.block('try:', node, () =>
                this.chain(w, stage.entry, null, {
                  context: 'coroutine',
                  subject: 'job',
                  root: true,
                  fn,
                }),
              );
              if (this.chainCanFail(stage.entry))
                w.block(`except ${this.errors} as error:`, null, () => w.line('fail(job, error)'));
              w.block('finally:', node, () => w.line(`${queue}.task_done()`, node));
            }),
        );
      }
    }
  }

  /** main(): opens the spawners (downstream outermost), takes each job as it arrives, then drains. */
  private main(sourceNode: string): PythonWriter {
    const stages = this.program.stages;
    return this.asyncFunction('async def main():', null, (w, fn) => {
      const open = (index: number): void => {
        if (index < 0) {
          w.block('async for job in arrivals():', sourceNode, () =>
            this.guarded(w, 'job', this.program.main, () =>
              this.chain(w, this.program.main, null, {
                context: 'main',
                subject: 'job',
                root: true,
                fn,
              }),
            ),
          );
          return;
        }
        const stage = stages[index] as StageSpec;
        const node = stage.node;
        const target = this.stageVar[index] as string;
        const needs = this.stageNeeds[index] ?? [];
        switch (stage.kind) {
          case 'tasks':
            w.block(`async with asyncio.TaskGroup() as ${target}:`, node, () => open(index - 1));
            return;
          case 'queue': {
            const capacity = stage.capacity === Infinity ? '' : `maxsize=${stage.capacity}`;
            const crew = this.stageCrew[index] as string;
            const group = this.stageGroup[index] as string;
            w.line(`${target} = asyncio.Queue(${capacity})`, node);
            w.block(`async with asyncio.TaskGroup() as ${group}:`, node, () => {
              const worker = `${this.stageHandler[index]}(${this.withNeeds(target, needs)})`;
              w.line(
                `${crew} = [${group}.create_task(${worker}) for _ in range(${stage.workers})]`,
                node,
              );
              open(index - 1);
              w.line(`await ${target}.join()`, node);
              w.block(`for task in ${crew}:`, node, () => w.line('task.cancel()', node));
            });
            return;
          }
          case 'batch': {
            const group = this.stageCrew[index] as string;
            w.block(`async with asyncio.TaskGroup() as ${group}:`, node, () => {
              const args = [
                String(stage.batchSize),
                group,
                this.stageHandler[index] as string,
                ...needs,
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
    });
  }

  /** Every function of the wiring: the handlers, the bodies they use, then main(). */
  write(sourceNode: string): PythonWriter {
    const handlers = this.program.stages.map((stage, index) => this.handler(stage, index));
    const main = this.main(sourceNode);
    const w = new PythonWriter();
    for (const fn of [...this.extra, ...handlers, main]) w.blank(2).append(fn);
    return w;
  }
}

function reachableAny(start: Instr, test: (instr: Instr) => boolean): boolean {
  return [...reachable(start)].some(test);
}
