/**
 * How to check a contract against CPython within a few seconds: at what time scale, and
 * on how many of its jobs.
 *
 * A program at scale s compresses the contract's times by s, but CPython's own costs do
 * not shrink: a timer wakes a fraction of a millisecond late, each task and each call
 * into a pool costs tens to hundreds of microseconds, and a thread can only be switched
 * out every switch interval. Measured in contract time those costs grow as 1/s. So the
 * plan takes the largest scale that keeps each of them to a few percent of what it
 * stands next to, and when that scale would run too long, it thins the workload: fewer
 * jobs, arriving the same way, through the same wiring — and the engine predicts the
 * thinned contract too. The figures below are CPython 3.11's costs on a small
 * two-core machine, with room to spare.
 */
import { cpus } from 'node:os';
import { compileLevel } from '../../engine/compileLevel';
import { compileWiring } from '../../engine/compileWiring';
import { childrenOf, type Instr, type Program } from '../../engine/program';
import { simulate } from '../../engine/simulate';
import { OpCode, minOf, meanOf, type RunSpec, type TimeDist } from '../../engine/spec';
import type { Level } from '../../model/level';
import { suggestScale } from '../../python/exportPython';

/** Real seconds a check may take, aimed at and at most. */
const TARGET_S = 2;
const MAX_S = 3;
/** ...unless CPython's fixed costs need a longer run and fewer jobs do not help. */
const LONG_MAX_S = 20;
/** A timer fires up to ~0.3 ms late: each wait should last at least this long for real. */
const SHORTEST_WAIT_S = 0.008;
/** A call into a worker process costs CPython ~0.7 ms of CPU: each should carry this much work. */
const SHORTEST_PROCESS_CALL_S = 0.04;
/** Shortest real switch interval: a GIL hand-over costs tens of microseconds. */
const SHORTEST_SWITCH_S = 0.001;
/** Starting a pool thread takes CPython ~0.25 ms; the engine counts it as free. */
const THREAD_START_S = 0.00025;
/** The event loop's own CPU for each step it takes (a task starting, waking, delivering) ... */
const LOOP_COST_PER_EVENT_S = 0.00002;
/** ... kept below this share of the run. */
const LOOP_SHARE = 0.02;

export interface CheckPlan {
  /** The contract as checked: the machine's cores at most, and perhaps fewer jobs. */
  readonly level: Level;
  readonly scale: number;
  readonly predictedUs: number;
  readonly jobs: number;
  readonly allJobs: number;
  readonly cores: number;
  /** Why the scale is what it is, for the test's name and its failure messages. */
  readonly why: string;
}

function reachable(program: Program): Instr[] {
  const seen = new Set<Instr>();
  const stack = [program.main, ...program.stages.map((s) => s.entry)];
  while (stack.length > 0) {
    const instr = stack.pop() as Instr;
    if (seen.has(instr)) continue;
    seen.add(instr);
    stack.push(...childrenOf(instr));
  }
  return [...seen];
}

/** Instructions from `body` on, not past the end of a body or of a Batch's chunk. */
function inside(body: Instr): Instr[] {
  const seen = new Set<Instr>();
  const stack = [body];
  while (stack.length > 0) {
    const instr = stack.pop() as Instr;
    if (seen.has(instr) || instr.op === 'end' || instr.op === 'unbatch') continue;
    seen.add(instr);
    stack.push(...childrenOf(instr));
  }
  return [...seen];
}

/** A wait's typical length: its least for fixed and uniform times, its mean for exponential ones. */
const typical = (time: TimeDist): number =>
  time.kind === 'exponential' ? meanOf(time) : minOf(time);

/** The least scale at which CPython's fixed costs stay small beside the contract's times. */
function floors(spec: RunSpec, program: Program, makespanUs: number): [number, string][] {
  const found: [number, string][] = [];
  const instrs = reachable(program);
  const steps = new Set(instrs.flatMap((i) => (i.op === 'step' ? [i.step] : [])));
  let shortestWait = Infinity;
  for (const s of steps)
    for (const op of spec.steps[s]!.ops) {
      if (op.code === OpCode.IoAsync || op.code === OpCode.IoBlocking)
        shortestWait = Math.min(shortestWait, typical(op.time));
      if (op.code === OpCode.CallAsync || op.code === OpCode.CallBlocking)
        shortestWait = Math.min(shortestWait, typical(spec.services[op.ref]!.latency));
    }
  for (const i of instrs)
    if (i.op === 'retry' && i.backoffUs > 0) shortestWait = Math.min(shortestWait, i.backoffUs);
  if (shortestWait > 0 && shortestWait !== Infinity)
    found.push([(SHORTEST_WAIT_S * 1e6) / shortestWait, 'short waits']);

  const payload = Math.max(...spec.streams.map((s) => s.payloadBytes));
  // A call made for a Batch's chunk carries all of the chunk's jobs.
  const perCall = new Map<Instr, number>();
  for (const stage of program.stages)
    if (stage.kind === 'batch')
      for (const i of inside(stage.entry)) if (i.op === 'offload') perCall.set(i, stage.batchSize);
  for (const i of instrs) {
    if (i.op !== 'offload') continue;
    const pool = program.pools[i.pool]!;
    const body = inside(i.body).flatMap((b) => (b.op === 'step' ? [spec.steps[b.step]!] : []));
    const jobsPerCall = perCall.get(i) ?? 1;
    const cpu = jobsPerCall * body.reduce((sum, s) => sum + s.minCpuUs, 0);
    if (pool.kind === 'process') {
      const pickle = 2 * jobsPerCall * (payload / 1048576) * spec.picklePerMBUs;
      const work = cpu + spec.callOverheadUs + pickle;
      if (work > 0) found.push([(SHORTEST_PROCESS_CALL_S * 1e6) / work, 'calls into processes']);
    } else {
      if (cpu > 0)
        found.push([(SHORTEST_SWITCH_S * 1e6) / spec.gilSwitchUs, 'threads sharing the GIL']);
      const started = Math.min(pool.workers, spec.totalJobs);
      if (makespanUs > 0)
        found.push([
          (started * THREAD_START_S * 1e6) / (LOOP_SHARE * makespanUs),
          'threads to start',
        ]);
    }
  }
  if (makespanUs > 0) {
    // Each op of a job's recipe is one more wake-up of its task; starting and delivering, two.
    const events = spec.streams.reduce(
      (sum, s) => sum + s.count * (2 + s.recipe.reduce((n, r) => n + spec.steps[r]!.ops.length, 0)),
      0,
    );
    found.push([
      (events * LOOP_COST_PER_EVENT_S * 1e6) / (LOOP_SHARE * makespanUs),
      'many wake-ups',
    ]);
  }
  return found;
}

function withJobs(level: Level, share: number): Level {
  if (share >= 1) return level;
  return {
    ...level,
    workload: {
      streams: level.workload.streams.map((s) => ({
        ...s,
        count: Math.max(1, Math.round(s.count * share)),
      })),
    },
  };
}

/** A scale and a workload that check this contract's reference wiring in a few real seconds. */
export function planCheck(original: Level): CheckPlan {
  const cores = Math.min(original.machine.cores, cpus().length);
  const machine: Level =
    cores === original.machine.cores
      ? original
      : { ...original, machine: { ...original.machine, cores } };
  const allJobs = compileLevel(original).totalJobs;
  let share = 1;
  let best: CheckPlan | null = null;
  for (let round = 0; round < 8; round++) {
    const level = withJobs(machine, share);
    const spec = compileLevel(level);
    const { program } = compileWiring(level.reference, level, spec);
    const result = simulate(level, level.reference, { trace: false });
    if (program === null || !result.ok)
      throw new Error(`${original.id}: the reference does not run`);
    const makespanUs = result.metrics.makespanUs;
    let scale = suggestScale(makespanUs, TARGET_S);
    let why = `about ${TARGET_S} s`;
    for (const [least, reason] of floors(spec, program, makespanUs)) {
      if (least > scale) {
        scale = niceAbove(least);
        why = reason;
      }
    }
    const plan = {
      level,
      scale,
      predictedUs: makespanUs,
      jobs: spec.totalJobs,
      allJobs,
      cores,
      why,
    };
    if ((makespanUs / 1e6) * scale <= MAX_S) return plan;
    // Fewer jobs help only where their number makes the run long (not one long job).
    const seconds = (makespanUs / 1e6) * scale;
    if (best !== null && seconds > 0.8 * (best.predictedUs / 1e6) * best.scale) break;
    best = plan;
    if (!level.workload.streams.some((s) => s.count > 1)) break;
    share *= Math.max(0.1, Math.min(0.7, (TARGET_S / seconds) * 0.9));
  }
  // Out of budget at the floors' scale: a longer run if that suffices, else the fullest
  // workload tried, as slow as the budget allows.
  const fallback = best as CheckPlan;
  if ((fallback.predictedUs / 1e6) * fallback.scale <= LONG_MAX_S) return fallback;
  return { ...fallback, scale: suggestScale(fallback.predictedUs, MAX_S), why: 'the time budget' };
}

/** The least of 1, 2 or 5 times a power of ten that is at least `x`. */
function niceAbove(x: number): number {
  const power = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 5, 10])
    if (m * power >= x * (1 - 1e-9)) return Number((m * power).toPrecision(1));
  return 10 * power;
}
