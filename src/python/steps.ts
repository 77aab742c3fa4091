/**
 * The contract's steps as Python functions. Each op becomes the stand-in a real program
 * would have in its place: async IO an `await asyncio.sleep`, blocking IO a `time.sleep`,
 * CPU work a busy loop, a service call a call on the service's stand-in, a shared-state
 * update a read-modify-write on a dict.
 *
 * A step that awaits is `async def` (it can only run on the event loop); any other is a
 * plain `def`, which a coroutine calls without `await` — and which then holds the loop.
 *
 * Random durations are drawn in the program exactly as the engine draws them, keyed by
 * (job, step, flat op index, part, reruns); fixed ones are written as numbers.
 */
import type { Level, Op, TimeSpec } from '../model/level';
import { parseDuration } from '../model/units';
import { commentText, pyString, seconds, type ProgramNames } from './names';
import type { PythonWriter } from './writer';

/** Where an op's flat index comes from: a number, or an expression inside a repeat loop. */
type IndexExpr = string;

interface OpContext {
  readonly w: PythonWriter;
  readonly level: Level;
  readonly names: ProgramNames;
  readonly stepIndex: number;
  readonly perPart: boolean;
  readonly node: string | null;
  /** Repeats around the op being written: the loop variable is `turn`, then `turn_2`… */
  depth: number;
  /** Updates around the op being written: the value read is `value`, then `value_2`… */
  updates: number;
  /** Did the step draw any time (so the program needs the draw functions)? */
  drawsUsed: boolean;
}

/** Ops a list unrolls to, as compileLevel flattens them (an update adds a read and a write). */
export function flatCount(ops: readonly Op[]): number {
  let count = 0;
  for (const op of ops) {
    if ('repeat' in op) count += op.repeat * flatCount(op.ops);
    else if ('update' in op) count += 2 + flatCount(op.ops);
    else count += 1;
  }
  return count;
}

/** Python for a duration of contract time, in seconds: a literal, or a draw. */
function timeExpr(ctx: OpContext, spec: TimeSpec, index: IndexExpr): string {
  const part = ctx.perPart ? ', part' : '';
  if (typeof spec === 'string') return seconds(parseDuration(spec));
  ctx.drawsUsed = true;
  const key = `${ctx.stepIndex}, ${index}`;
  if ('exponential' in spec)
    return `exponential(job, ${key}${part}, mean_us=${parseDuration(spec.exponential)})`;
  return `uniform(job, ${key}${part}, low_us=${parseDuration(spec.uniform[0])}, high_us=${parseDuration(spec.uniform[1])})`;
}

function comment(label: string | undefined): string {
  const text = label === undefined ? '' : commentText(label);
  return text === '' ? '' : `  # ${text}`;
}

/** Writes the ops starting at flat index `base` (a Python expression); returns how many flat ops they take. */
function writeOps(ctx: OpContext, ops: readonly Op[], base: IndexExpr): number {
  const { w, node } = ctx;
  let offset = 0;
  const at = (): IndexExpr =>
    base === '0' ? String(offset) : offset === 0 ? base : `${base} + ${offset}`;
  for (const op of ops) {
    if ('cpu' in op) {
      w.line(`burn_cpu(${timeExpr(ctx, op.cpu, at())} * SCALE)${comment(op.label)}`, node);
      offset++;
    } else if ('io' in op) {
      const time = timeExpr(ctx, op.io, at());
      const call =
        op.mode === 'blocking'
          ? `time.sleep(${time} * SCALE)`
          : `await asyncio.sleep(${time} * SCALE)`;
      w.line(`${call}${comment(op.label)}`, node);
      offset++;
    } else if ('call' in op) {
      const service = ctx.names.service(op.call);
      const part = ctx.perPart ? ', part' : '';
      const call =
        op.mode === 'blocking'
          ? `${service}.call_blocking(job, ${ctx.stepIndex}, ${at()}${part})`
          : `await ${service}.call(job, ${ctx.stepIndex}, ${at()}${part})`;
      w.line(`${call}${comment(op.label)}`, node);
      offset++;
    } else if ('repeat' in op) {
      const inner = flatCount(op.ops);
      ctx.depth++;
      const variable = ctx.depth === 1 ? 'turn' : `turn_${ctx.depth}`;
      const start = at();
      const innerBase =
        inner === 1 ? `${start} + ${variable}` : `${start} + ${inner} * ${variable}`;
      w.block(`for ${variable} in range(${op.repeat}):`, node, () => {
        writeOps(ctx, op.ops, innerBase.replace(/^0 \+ /, ''));
      });
      ctx.depth--;
      offset += op.repeat * inner;
    } else if ('update' in op) {
      const state = pyString(op.update);
      ctx.updates++;
      const value = ctx.updates === 1 ? 'value' : `value_${ctx.updates}`;
      const what = op.label === undefined ? '' : `: ${commentText(op.label)}`;
      w.line(`${value} = STATE[${state}]  # read the shared state${what}`, node);
      offset++;
      offset += writeOps(ctx, op.ops, at());
      w.line(`STATE[${state}] = ${value} + 1  # …and write it back`, node);
      w.line(`next(WRITES[${state}])`, node);
      ctx.updates--;
      offset++;
    }
  }
  return offset;
}

export interface StepFunctions {
  /** Python function name of each step, by step id. */
  readonly names: ReadonlyMap<string, string>;
  readonly drawsUsed: boolean;
}

/**
 * Writes one function per step the wiring uses.
 * @param nodesOf the Step nodes that call each step, so a function maps to its node when there is one.
 */
export function writeSteps(
  w: PythonWriter,
  level: Level,
  names: ProgramNames,
  used: ReadonlySet<string>,
  nodesOf: ReadonlyMap<string, readonly string[]>,
  asyncSteps: ReadonlySet<string>,
): StepFunctions {
  const functionNames = new Map<string, string>();
  let drawsUsed = false;
  level.steps.forEach((step, stepIndex) => {
    if (!used.has(step.id)) return;
    const name = names.step(step.id);
    functionNames.set(step.id, name);
    const nodes = nodesOf.get(step.id) ?? [];
    const node = nodes.length === 1 ? (nodes[0] as string) : null;
    const isAsync = asyncSteps.has(step.id);
    const params = step.perPart ? 'job, part=-1' : 'job';
    w.blank(2);
    w.block(
      `${isAsync ? 'async def' : 'def'} ${name}(${params}):${comment(step.label)}`,
      node,
      () => {
        const ctx: OpContext = {
          w,
          level,
          names,
          stepIndex,
          perPart: step.perPart === true,
          node,
          depth: 0,
          updates: 0,
          drawsUsed: false,
        };
        writeOps(ctx, step.ops, '0');
        drawsUsed ||= ctx.drawsUsed;
      },
    );
  });
  return { names: functionNames, drawsUsed };
}
