/**
 * A chain of instructions as Python statements. Each instruction becomes the construct its
 * node's vocabulary entry names, written by that construct's writer (constructWriters.ts),
 * so nesting on screen is nesting in the code; a pool body or a Fan-out body becomes a
 * function of its own, written once however often it is used.
 *
 * Chains that branch (Route, a Timeout's "timed out" port, a Retry's "failed" port) meet
 * again where their instruction lists join; the branches are written up to that point and
 * the shared rest once after them, as a person would write it.
 */
import { type Instr, type Program, type RunContext } from '../../engine/program';
import { type RunSpec } from '../../engine/spec';
import { type ProgramNames } from '../names';
import { PythonWriter } from '../writer';
import { INSTR_WRITERS, type InstrWriter } from './constructWriters';
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
    readonly program: Program,
    readonly spec: RunSpec,
    readonly names: ProgramNames,
    readonly wiring: WiringNames,
    readonly stages: StageNames,
    readonly failures: Failures,
    /** Do draws depend on reruns (random times and a Retry)? Then a retry counts on the job. */
    readonly countReruns: boolean,
  ) {}

  /** Writes the chain from `start` up to, not including, `stop` (null: to its end). */
  chain(w: PythonWriter, start: Instr | null, stop: Instr | null, ctx: Ctx): void {
    let at: Instr | null = start;
    while (at !== null && at !== stop) at = this.instr(w, at, ctx);
  }

  /** Writes one instruction by its construct's writer; returns where the chain goes on (null: it ends here). */
  private instr(w: PythonWriter, ins: Instr, ctx: Ctx): Instr | null {
    return (INSTR_WRITERS[ins.op] as InstrWriter<Instr>)(this, w, ins, ctx);
  }

  /** Where chains that branched here meet again (null: they never do). */
  join(branches: readonly Instr[]): Instr | null {
    return joinOf(branches, this.memo);
  }

  /** The arguments a body function takes for the chain's subject. */
  args(ctx: Ctx): string {
    return ctx.subject === 'job' ? 'job' : ctx.subject === 'part' ? 'job, part' : 'chunk';
  }

  // ——— functions a chain needs besides its own ———

  offloadFunction(ins: Instr & { op: 'offload' }, ctx: Ctx): string {
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
  branchFunction(ins: Instr & { op: 'fanOut' }, index: number, entry: Instr, ctx: Ctx): string {
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

  partFunction(ins: Instr & { op: 'fanOut' | 'taskGroup' }, ctx: Ctx): string {
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
