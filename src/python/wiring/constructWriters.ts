/**
 * Each construct's Python: one writer per instruction, in a table whose type holds it
 * complete — a mapped type over the instructions' ops, as the interpreter's drivers are
 * (src/engine/sim/constructs/index.ts) — so a new instruction does not compile until its
 * writer is here. The node types that compile to one instruction share its writer (a
 * Thread or Process pool is `offload`; Fan-out, Gather all and Gather branches are
 * `fanOut`; Tasks, Queue and Batch are `spawn`), and read their differences off it.
 *
 * A writer writes its instruction as the statements it stands for and says where the
 * chain goes on: its `next`, where its branches join again, or null where it ends.
 */
import type { Instr, StageSpec } from '../../engine/program';
import { pyString, seconds } from '../names';
import type { PythonWriter } from '../writer';
import type { ChainWriter, Ctx } from './chainWriter';

export type InstrWriter<I extends Instr> = (
  c: ChainWriter,
  w: PythonWriter,
  ins: I,
  ctx: Ctx,
) => Instr | null;

export type InstrWriters = {
  readonly [O in Instr['op']]: InstrWriter<Extract<Instr, { op: O }>>;
};

type Op<O extends Instr['op']> = Extract<Instr, { op: O }>;

const inCoroutine = (ctx: Ctx): boolean => ctx.context === 'main' || ctx.context === 'coroutine';

/** A wrapper's body: the same subject, no longer the outermost chain of its handler. */
const body = (c: ChainWriter, w: PythonWriter, start: Instr, ctx: Ctx): void =>
  c.chain(w, start, null, { ...ctx, root: false });

/**
 * A construct with a second way out (a Timeout's "timed out", a Retry's "failed", a
 * group's `except*`): `try:` the construct, the handler's chain up to where both ways
 * join, and `else:` the normal way up to there.
 */
function withHandler(
  c: ChainWriter,
  w: PythonWriter,
  ins: Instr & { readonly node: string; readonly next: Instr },
  handler: { readonly clause: string; readonly chain: Instr },
  construct: () => void,
  ctx: Ctx,
): Instr | null {
  const join = c.join([ins.next, handler.chain]);
  w.block('try:', ins.node, construct);
  w.block(handler.clause, ins.node, () => c.chain(w, handler.chain, join, ctx));
  if (ins.next !== join) w.block('else:', ins.node, () => c.chain(w, ins.next, join, ctx));
  return join;
}

const step: InstrWriter<Op<'step'>> = (c, w, ins, ctx) => {
  const fn = c.wiring.stepFunction(ins.step);
  const call = `${fn.isAsync && inCoroutine(ctx) ? 'await ' : ''}${fn.name}(${ctx.subject === 'part' ? 'job, part' : 'job'})`;
  if (ctx.subject === 'chunk') w.block('for job in chunk:', ins.node, () => w.line(call, ins.node));
  else w.line(call, ins.node);
  return ins.next;
};

/** `async with sem:` / `async with lock:` in a coroutine, `with …:` in a thread. */
function within(
  c: ChainWriter,
  w: PythonWriter,
  ins: Op<'semaphore'> | Op<'lock'>,
  name: string,
  ctx: Ctx,
): Instr {
  w.block(`${inCoroutine(ctx) ? 'async with' : 'with'} ${name}:`, ins.node, () =>
    body(c, w, ins.body, ctx),
  );
  return ins.next;
}

const timeout: InstrWriter<Op<'timeout'>> = (c, w, ins, ctx) => {
  const header = `async with asyncio.timeout(${seconds(ins.afterUs)} * SCALE):`;
  const construct = (): void => {
    w.block(header, ins.node, () => body(c, w, ins.body, ctx));
  };
  if (ins.onTimeout === null) {
    construct();
    return ins.next;
  }
  const handler = { clause: 'except TimeoutError:', chain: ins.onTimeout };
  return withHandler(c, w, ins, handler, construct, ctx);
};

const retry: InstrWriter<Op<'retry'>> = (c, w, ins, ctx) => {
  const errors = c.failures.errors;
  const loop = (): void => {
    w.block(`for attempt in range(1, ${ins.attempts + 1}):`, ins.node, () => {
      w.block('try:', ins.node, () => {
        body(c, w, ins.body, ctx);
        w.line('break', ins.node);
      });
      w.block(`except ${errors}:`, ins.node, () => {
        w.block(`if attempt == ${ins.attempts}:`, ins.node, () => w.line('raise', ins.node));
        if (c.countReruns) {
          if (ctx.subject === 'chunk')
            w.block('for job in chunk:', ins.node, () => w.line('job.reruns += 1', ins.node));
          else w.line('job.reruns += 1  # the next attempt draws its own times', ins.node);
        }
        if (ins.backoffUs > 0) {
          const wait = `${seconds(ins.backoffUs)} * SCALE`;
          w.line(
            inCoroutine(ctx) ? `await asyncio.sleep(${wait})` : `time.sleep(${wait})`,
            ins.node,
          );
        }
      });
    });
  };
  if (ins.onFail === null) {
    loop();
    return ins.next;
  }
  return withHandler(c, w, ins, { clause: `except ${errors}:`, chain: ins.onFail }, loop, ctx);
};

const offload: InstrWriter<Op<'offload'>> = (c, w, ins, ctx) => {
  const fn = c.offloadFunction(ins, ctx);
  ctx.fn.usesLoop = true;
  w.line(
    `await loop.run_in_executor(${c.wiring.pools[ins.pool]}, ${fn}, ${c.args(ctx)})`,
    ins.node,
  );
  return ins.next;
};

/**
 * `asyncio.gather` over the job's parts or over its branches. Collecting
 * (`return_exceptions=True`), the errors come back among the results: a failed child
 * sends the job by "failed", or the first error in the order gathered is raised.
 */
const fanOut: InstrWriter<Op<'fanOut'>> = (c, w, ins, ctx) => {
  const children =
    ins.branches === null
      ? `*(${c.partFunction(ins, ctx)}(job, part) for part in range(job.parts))`
      : ins.branches.map((b, i) => `${c.branchFunction(ins, i, b.entry, ctx)}(job)`).join(', ');
  if (!ins.collect) {
    w.line(`await asyncio.gather(${children})`, ins.node);
    return ins.next;
  }
  const results = c.names.claim('results');
  const errors = c.names.claim('errors');
  w.line(`${results} = await asyncio.gather(${children}, return_exceptions=True)`, ins.node);
  w.line(`${errors} = [r for r in ${results} if isinstance(r, Exception)]`, ins.node);
  if (ins.onError === null) {
    w.block(`if ${errors}:`, ins.node, () =>
      w.line(`raise ${errors}[0]  # the first failed child, in the order gathered`, ins.node),
    );
    return ins.next;
  }
  const join = c.join([ins.next, ins.onError]);
  w.block(`if ${errors}:`, ins.node, () => c.chain(w, ins.onError, join, ctx));
  if (ins.next !== join) w.block('else:', ins.node, () => c.chain(w, ins.next, join, ctx));
  return join;
};

/** A task per part in an `asyncio.TaskGroup`; its "failed" port is an `except*` clause. */
const taskGroup: InstrWriter<Op<'taskGroup'>> = (c, w, ins, ctx) => {
  const fn = c.partFunction(ins, ctx);
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
  const service = ins.catches.includes('serviceError');
  const timedOut = ins.catches.includes('timeout');
  const caught = service && timedOut ? 'Exception' : timedOut ? 'TimeoutError' : 'ServiceError';
  return withHandler(c, w, ins, { clause: `except* ${caught}:`, chain: ins.onError }, group, ctx);
};

/** `except asyncio.CancelledError:` (or `finally:`) with a clean-up of its own duration. */
const cleanup: InstrWriter<Op<'cleanup'>> = (c, w, ins, ctx) => {
  const wait = `${seconds(ins.takesUs)} * SCALE`;
  const undo = inCoroutine(ctx) ? `await asyncio.sleep(${wait})` : `time.sleep(${wait})`;
  w.block('try:', ins.node, () => body(c, w, ins.body, ctx));
  if (ins.always) w.block('finally:', ins.node, () => w.line(`${undo}  # clean-up`, ins.node));
  else
    w.block('except asyncio.CancelledError:', ins.node, () => {
      w.line(`${undo}  # clean-up, before the cancellation goes on`, ins.node);
      w.line('raise', ins.node);
    });
  return ins.next;
};

const route: InstrWriter<Op<'route'>> = (c, w, ins, ctx) => {
  const join = c.join(ins.branches.filter((b): b is Instr => b !== null));
  w.block(`match job.kind:`, ins.node, () => {
    const done = new Set<Instr | null>();
    ins.branches.forEach((branch) => {
      if (done.has(branch)) return;
      done.add(branch);
      const kinds = c.spec.kinds
        .filter((_, k) => ins.branches[k] === branch)
        .map((kind) => pyString(kind));
      w.block(`case ${kinds.join(' | ')}:`, ins.node, () => {
        if (branch === null) {
          c.usesLose = true;
          w.line('lose(job)  # no wire for this kind', ins.node);
        } else c.chain(w, branch, join, ctx);
      });
    });
  });
  return join;
};

/** Hands the job to a spawner: a task of its own, a put into the queue, a place in a chunk. */
const spawn: InstrWriter<Op<'spawn'>> = (c, w, ins) => {
  const stage = c.program.stages[ins.stage] as StageSpec;
  const target = c.stages.variable[ins.stage] as string;
  switch (stage.kind) {
    case 'tasks': {
      const args = c.stages.withNeeds(ins.stage, 'job');
      w.line(`${target}.create_task(${c.stages.handler[ins.stage]}(${args}))`, ins.node);
      break;
    }
    case 'queue':
      if (!stage.shed) {
        w.line(`await ${target}.put(job)`, ins.node);
        break;
      }
      c.usesLose = true;
      w.block('try:', ins.node, () => w.line(`${target}.put_nowait(job)`, ins.node));
      w.block('except asyncio.QueueFull:', ins.node, () =>
        w.line('lose(job)  # shed: the queue was full', ins.node),
      );
      break;
    case 'batch':
      w.line(`${target}.add(job)`, ins.node);
      break;
  }
  return null;
};

export const INSTR_WRITERS: InstrWriters = {
  step,
  semaphore: (c, w, ins, ctx) =>
    within(c, w, ins, c.wiring.semaphores[ins.semaphore] as string, ctx),
  lock: (c, w, ins, ctx) => within(c, w, ins, c.wiring.locks[ins.lock] as string, ctx),
  timeout,
  retry,
  offload,
  fanOut,
  taskGroup,
  cleanup,
  route,
  spawn,
  deliver: (_c, w, ins) => {
    w.line('deliver(job)', ins.node);
    return null;
  },
  unbatch: (c, w, ins, ctx) => {
    w.block('for job in chunk:', ins.node, () =>
      c.chain(w, ins.next, null, { ...ctx, subject: 'job' }),
    );
    return null;
  },
  end: (c, w, _ins, ctx) => {
    if (ctx.root) {
      c.usesLose = true;
      w.line('lose(job)  # its path ends without reaching the Sink');
    }
    return null;
  },
};
