/**
 * A chain of instructions as Python statements. Each instruction becomes the construct its
 * node's vocabulary entry names, so nesting on screen is nesting in the code; a pool body
 * or a Fan-out body becomes a function of its own, written once however often it is used.
 *
 * Chains that branch (Route, a Timeout's "timed out" port, a Retry's "failed" port) meet
 * again where their instruction lists join; the branches are written up to that point and
 * the shared rest once after them, as a person would write it.
 */
import { type Instr, type Program, type RunContext, type StageSpec } from '../../engine/program';
import { type RunSpec } from '../../engine/spec';
import { pyString, seconds, type ProgramNames } from '../names';
import { PythonWriter } from '../writer';
import { type Failures } from './failures';
import { joinOf } from './instrGraph';
import { type StageNames } from './stageNames';

export type Subject = 'job' | 'part' | 'chunk';

/** Where a chain is written. */
export interface Ctx {
  readonly context: RunContext;
  readonly subject: Subject;
  /** The outermost chain of a handler: running off its end means the job never reached the Sink. */
  readonly root: boolean;
  /** The function being written: does it need `loop = asyncio.get_running_loop()`? */
  readonly fn: { usesLoop: boolean };
}

/** Names of the program's shared objects and step functions, as exportPython claimed them. */
export interface WiringNames {
  /** Step function name and whether it is `async def`, by step index. */
  readonly stepFunction: (step: number) => { name: string; isAsync: boolean; perPart: boolean };
  readonly semaphores: readonly string[];
  readonly locks: readonly string[];
  readonly pools: readonly string[];
}

/** An `async def` whose body may need the running loop (to offload): the line is added when it does. */
export function asyncFunction(
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

export class ChainWriter {
  /** Functions written on the way (pool bodies, Fan-out bodies), in order of first use. */
  readonly extra: PythonWriter[] = [];
  private readonly memo = new Map<Instr, Instr[]>();
  private readonly offloadNames = new Map<Instr, string>();
  private readonly partNames = new Map<Instr, string>();
  private readonly branchNames = new Map<Instr, string>();
  /** Is `lose()` used (a shed queue, a path that ends before the Sink)? */
  usesLose = false;

  constructor(
    private readonly program: Program,
    private readonly spec: RunSpec,
    private readonly names: ProgramNames,
    private readonly wiring: WiringNames,
    private readonly stages: StageNames,
    private readonly failures: Failures,
    /** Do draws depend on reruns (random times and a Retry)? Then a retry counts on the job. */
    private readonly countReruns: boolean,
  ) {}

  /** Writes the chain from `start` up to, not including, `stop` (null: to its end). */
  chain(w: PythonWriter, start: Instr | null, stop: Instr | null, ctx: Ctx): void {
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
      case 'fanOut':
        return this.gather(w, ins, ctx);
      case 'taskGroup':
        return this.taskGroup(w, ins, ctx);
      case 'cleanup': {
        const wait = `${seconds(ins.takesUs)} * SCALE`;
        const undo = inCoroutine ? `await asyncio.sleep(${wait})` : `time.sleep(${wait})`;
        w.block('try:', ins.node, () => this.chain(w, ins.body, null, { ...ctx, root: false }));
        if (ins.always)
          w.block('finally:', ins.node, () => w.line(`${undo}  # clean-up`, ins.node));
        else
          w.block('except asyncio.CancelledError:', ins.node, () => {
            w.line(`${undo}  # clean-up, before the cancellation goes on`, ins.node);
            w.line('raise', ins.node);
          });
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
    const errors = this.failures.errors;
    const loop = (): void => {
      w.block(`for attempt in range(1, ${ins.attempts + 1}):`, ins.node, () => {
        w.block('try:', ins.node, () => {
          this.chain(w, ins.body, null, { ...ctx, root: false });
          w.line('break', ins.node);
        });
        w.block(`except ${errors}:`, ins.node, () => {
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
    w.block(`except ${errors}:`, ins.node, () => this.chain(w, ins.onFail, join, ctx));
    if (ins.next !== join) w.block('else:', ins.node, () => this.chain(w, ins.next, join, ctx));
    return join;
  }

  /**
   * `asyncio.gather` over the job's parts or over its branches. Collecting
   * (`return_exceptions=True`), the errors come back among the results: a failed child
   * sends the job by "failed", or the first error in the order gathered is raised.
   */
  private gather(w: PythonWriter, ins: Instr & { op: 'fanOut' }, ctx: Ctx): Instr | null {
    const children =
      ins.branches === null
        ? `*(${this.partFunction(ins, ctx)}(job, part) for part in range(job.parts))`
        : ins.branches
            .map((b, i) => `${this.branchFunction(ins, i, b.entry, ctx)}(job)`)
            .join(', ');
    if (!ins.collect) {
      w.line(`await asyncio.gather(${children})`, ins.node);
      return ins.next;
    }
    const results = this.names.claim('results');
    const errors = this.names.claim('errors');
    w.line(`${results} = await asyncio.gather(${children}, return_exceptions=True)`, ins.node);
    w.line(`${errors} = [r for r in ${results} if isinstance(r, Exception)]`, ins.node);
    if (ins.onError === null) {
      w.block(`if ${errors}:`, ins.node, () =>
        w.line(`raise ${errors}[0]  # the first failed child, in the order gathered`, ins.node),
      );
      return ins.next;
    }
    const join = joinOf([ins.next, ins.onError], this.memo);
    w.block(`if ${errors}:`, ins.node, () => this.chain(w, ins.onError, join, ctx));
    if (ins.next !== join) w.block('else:', ins.node, () => this.chain(w, ins.next, join, ctx));
    return join;
  }

  /** A task per part in an `asyncio.TaskGroup`; its "failed" port is an `except*` clause. */
  private taskGroup(w: PythonWriter, ins: Instr & { op: 'taskGroup' }, ctx: Ctx): Instr | null {
    const fn = this.partFunction(ins, ctx);
    const group = (): void => {
      w.block('async with asyncio.TaskGroup() as group:', ins.node, () =>
        w.block('for part in range(job.parts):', ins.node, () =>
          w.line(`group.create_task(${fn}(job, part))`, ins.node),
        ),
      );
    };
    if (ins.onError === null) {
      group();
      return ins.next;
    }
    const join = joinOf([ins.next, ins.onError], this.memo);
    const caught = this.catchesOf(ins);
    w.block('try:', ins.node, group);
    w.block(`except* ${caught}:`, ins.node, () => this.chain(w, ins.onError, join, ctx));
    if (ins.next !== join) w.block('else:', ins.node, () => this.chain(w, ins.next, join, ctx));
    return join;
  }

  /** The exception an `except*` port names, from the reasons it catches. */
  private catchesOf(ins: Instr & { op: 'taskGroup' }): string {
    const service = ins.catches.includes('serviceError');
    const timeout = ins.catches.includes('timeout');
    return service && timeout ? 'Exception' : timeout ? 'TimeoutError' : 'ServiceError';
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
    const target = this.stages.variable[stage] as string;
    switch (spec.kind) {
      case 'tasks': {
        const args = this.stages.withNeeds(stage, 'job');
        w.line(`${target}.create_task(${this.stages.handler[stage]}(${args}))`, node);
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

  // ——— functions a chain needs besides its own ———

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

  /** A Gather's branch as a coroutine of its own: `async def branch_1(job):`. */
  private branchFunction(
    ins: Instr & { op: 'fanOut' },
    index: number,
    entry: Instr,
    ctx: Ctx,
  ): string {
    const known = this.branchNames.get(entry);
    if (known) return known;
    const name = this.names.claim(`branch_${index + 1}`);
    this.branchNames.set(entry, name);
    this.extra.push(
      asyncFunction(`async def ${name}(job):`, ins.node, (w, fn) =>
        this.chain(w, entry, null, {
          context: ctx.context === 'main' ? 'coroutine' : ctx.context,
          subject: 'job',
          root: false,
          fn,
        }),
      ),
    );
    return name;
  }

  private partFunction(ins: Instr & { op: 'fanOut' | 'taskGroup' }, ctx: Ctx): string {
    const known = this.partNames.get(ins);
    if (known) return known;
    const name = this.names.claim('handle_part');
    this.partNames.set(ins, name);
    this.extra.push(
      asyncFunction(`async def ${name}(job, part):`, ins.node, (w, fn) =>
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
}
