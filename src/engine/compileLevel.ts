/**
 * Level (as written) → RunSpec (as run). Resolves names to indexes, units to integers,
 * flattens repeats, and refuses what the schema cannot see: a recipe naming a step that
 * does not exist, a call to an unknown service, a step that would unroll to millions of ops.
 */
import { InputError, InputErrors, pointer } from '../model/errors';
import { MACHINE_DEFAULTS, type Arrival, type Level, type Op, type TimeSpec } from '../model/level';
import { parseDuration, parseSize } from '../model/units';
import { MAX_OPS_PER_STEP, MAX_WORK_OPS, sizeProblems } from '../model/workload';
import {
  OpCode,
  minOf,
  type ArrivalSpec,
  type FlatOp,
  type RunSpec,
  type ServiceSpec,
  type StepSpec,
  type StreamSpec,
  type TimeDist,
} from './spec';

/** A level may ask for at most this many jobs. */
export const MAX_JOBS = 5_000_000;
export { MAX_OPS_PER_STEP, MAX_WORK_OPS };

class Collector {
  readonly errors: InputError[] = [];
  add(path: string, detail: string): void {
    this.errors.push(new InputError(path, detail, 'level'));
  }
  /** Runs a unit conversion, recording its error at `path` and returning `fallback` on failure. */
  convert<T>(path: string, fallback: T, fn: () => T): T {
    try {
      return fn();
    } catch (error) {
      this.add(path, error instanceof Error ? error.message : String(error));
      return fallback;
    }
  }
}

function timeDist(c: Collector, path: string, spec: TimeSpec): TimeDist {
  if (typeof spec === 'string')
    return { kind: 'fixed', us: c.convert(path, 0, () => parseDuration(spec)) };
  if (spec !== null && typeof spec === 'object' && 'exponential' in spec) {
    return {
      kind: 'exponential',
      meanUs: c.convert(pointer(path, 'exponential'), 0, () => parseDuration(spec.exponential)),
    };
  }
  if (
    spec !== null &&
    typeof spec === 'object' &&
    'uniform' in spec &&
    Array.isArray(spec.uniform)
  ) {
    const minUs = c.convert(pointer(pointer(path, 'uniform'), 0), 0, () =>
      parseDuration(spec.uniform[0]),
    );
    const maxUs = c.convert(pointer(pointer(path, 'uniform'), 1), 0, () =>
      parseDuration(spec.uniform[1]),
    );
    if (maxUs < minUs) c.add(pointer(path, 'uniform'), 'the upper bound is below the lower bound');
    return { kind: 'uniform', minUs, maxUs: Math.max(minUs, maxUs) };
  }
  c.add(
    path,
    'expected a duration like "300ms", {"exponential": "1s"} or {"uniform": ["1s", "2s"]}',
  );
  return { kind: 'fixed', us: 0 };
}

interface FlattenContext {
  readonly c: Collector;
  readonly serviceIndex: ReadonlyMap<string, number>;
  readonly states: string[];
  readonly out: FlatOp[];
}

function flatten(ctx: FlattenContext, ops: readonly Op[], path: string): void {
  ops.forEach((op, i) => {
    const at = pointer(path, i);
    if (ctx.out.length > MAX_OPS_PER_STEP) return;
    if ('cpu' in op) {
      ctx.out.push({
        code: OpCode.Cpu,
        time: timeDist(ctx.c, pointer(at, 'cpu'), op.cpu),
        ref: -1,
        label: op.label ?? 'cpu',
      });
    } else if ('io' in op) {
      const code = op.mode === 'blocking' ? OpCode.IoBlocking : OpCode.IoAsync;
      ctx.out.push({
        code,
        time: timeDist(ctx.c, pointer(at, 'io'), op.io),
        ref: -1,
        label: op.label ?? 'io',
      });
    } else if ('call' in op) {
      const ref = ctx.serviceIndex.get(op.call);
      if (ref === undefined) ctx.c.add(pointer(at, 'call'), `no service "${op.call}" in /services`);
      const code = op.mode === 'blocking' ? OpCode.CallBlocking : OpCode.CallAsync;
      ctx.out.push({
        code,
        time: { kind: 'fixed', us: 0 },
        ref: ref ?? 0,
        label: op.label ?? op.call,
      });
    } else if ('repeat' in op) {
      if (!Number.isInteger(op.repeat) || op.repeat < 1)
        ctx.c.add(pointer(at, 'repeat'), 'expected a whole number ≥ 1');
      for (let r = 0; r < op.repeat && ctx.out.length <= MAX_OPS_PER_STEP; r++)
        flatten(ctx, op.ops, pointer(at, 'ops'));
    } else if ('update' in op) {
      let ref = ctx.states.indexOf(op.update);
      if (ref < 0) ref = ctx.states.push(op.update) - 1;
      const label = op.label ?? `update ${op.update}`;
      ctx.out.push({ code: OpCode.Read, time: { kind: 'fixed', us: 0 }, ref, label });
      flatten(ctx, op.ops, pointer(at, 'ops'));
      ctx.out.push({ code: OpCode.Write, time: { kind: 'fixed', us: 0 }, ref, label });
    } else {
      ctx.c.add(at, 'expected an op with one of cpu, io, call, repeat, update');
    }
  });
}

function arrivalSpec(c: Collector, path: string, arrival: Arrival): ArrivalSpec {
  const start = (text: string | undefined, key: string): number =>
    text === undefined ? 0 : c.convert(pointer(path, key), 0, () => parseDuration(text));
  switch (arrival.type) {
    case 'atOnce':
      return { type: 'atOnce', atUs: start(arrival.at, 'at') };
    case 'interval':
      return {
        type: 'interval',
        everyUs: c.convert(pointer(path, 'every'), 0, () => parseDuration(arrival.every)),
        startUs: start(arrival.start, 'start'),
      };
    case 'poisson':
      if (!(arrival.perSecond > 0) || !Number.isFinite(arrival.perSecond))
        c.add(pointer(path, 'perSecond'), 'expected a rate above 0');
      return {
        type: 'poisson',
        meanGapUs: 1_000_000 / Math.max(arrival.perSecond, 1e-9),
        startUs: start(arrival.start, 'start'),
      };
    case 'bursts':
      if (!Number.isInteger(arrival.size) || arrival.size < 1)
        c.add(pointer(path, 'size'), 'expected a whole number ≥ 1');
      return {
        type: 'bursts',
        size: Math.max(1, Math.floor(arrival.size)),
        everyUs: c.convert(pointer(path, 'every'), 0, () => parseDuration(arrival.every)),
        spreadUs:
          arrival.spread === undefined
            ? 0
            : c.convert(pointer(path, 'spread'), 0, () => parseDuration(arrival.spread as string)),
        startUs: start(arrival.start, 'start'),
      };
    default:
      c.add(pointer(path, 'type'), 'expected one of atOnce, interval, poisson, bursts');
      return { type: 'atOnce', atUs: 0 };
  }
}

function stepSpecs(
  c: Collector,
  level: Level,
  serviceIndex: ReadonlyMap<string, number>,
  states: string[],
): StepSpec[] {
  const seen = new Set<string>();
  return level.steps.map((step, i) => {
    const at = pointer('/steps', i);
    if (seen.has(step.id)) c.add(pointer(at, 'id'), `step id "${step.id}" is used twice`);
    seen.add(step.id);
    const ops: FlatOp[] = [];
    flatten({ c, serviceIndex, states, out: ops }, step.ops, pointer(at, 'ops'));
    if (ops.length === 0) c.add(pointer(at, 'ops'), 'a step needs at least one op');
    const isAsync = ops.some((op) => op.code === OpCode.IoAsync || op.code === OpCode.CallAsync);
    const minCpuUs = ops.reduce(
      (sum, op) => sum + (op.code === OpCode.Cpu ? minOf(op.time) : 0),
      0,
    );
    return {
      id: step.id,
      label: step.label,
      perPart: step.perPart === true,
      ops,
      isAsync,
      minCpuUs,
    };
  });
}

function serviceSpecs(c: Collector, level: Level): ServiceSpec[] {
  return level.services.map((service, i) => {
    const at = pointer('/services', i);
    const fraction = (value: number | undefined, key: string): number => {
      if (value === undefined) return 0;
      if (!(value >= 0 && value <= 1)) c.add(pointer(at, key), 'expected a chance between 0 and 1');
      return Math.min(1, Math.max(0, value || 0));
    };
    return {
      id: service.id,
      label: service.label,
      latency: timeDist(c, pointer(at, 'latency'), service.latency),
      maxConcurrent: service.maxConcurrent ?? Infinity,
      rateRequests: service.rateLimit?.requests ?? Infinity,
      rateWindowUs: service.rateLimit
        ? c.convert(pointer(pointer(at, 'rateLimit'), 'per'), 1, () =>
            parseDuration(service.rateLimit!.per),
          )
        : 0,
      failRate: fraction(service.failRate, 'failRate'),
      slowChance: fraction(service.slow?.chance, 'slow'),
      slowLatency: service.slow
        ? timeDist(c, pointer(pointer(at, 'slow'), 'latency'), service.slow.latency)
        : { kind: 'fixed', us: 0 },
      refuseAfterUs:
        service.refuseAfter === undefined
          ? 10_000
          : c.convert(pointer(at, 'refuseAfter'), 10_000, () =>
              parseDuration(service.refuseAfter!),
            ),
    };
  });
}

/**
 * Compiles a validated level into the engine's numeric form.
 * @throws InputErrors listing every problem found, each with its JSON path.
 */
export function compileLevel(level: Level): RunSpec {
  const c = new Collector();
  const machine = level.machine;
  const proc = { ...MACHINE_DEFAULTS.process, ...(machine.process ?? {}) };
  const serviceIndex = new Map(level.services.map((s, i) => [s.id, i] as const));
  const states: string[] = [];
  const steps = stepSpecs(c, level, serviceIndex, states);
  const stepIndex = new Map(level.steps.map((s, i) => [s.id, i] as const));
  const kinds: string[] = [];
  let totalJobs = 0;

  const streams: StreamSpec[] = level.workload.streams.map((stream, i) => {
    const at = pointer('/workload/streams', i);
    if (!Number.isInteger(stream.count) || stream.count < 1)
      c.add(pointer(at, 'count'), 'expected a whole number of jobs ≥ 1');
    totalJobs += Math.max(0, Math.floor(stream.count) || 0);
    let kind = kinds.indexOf(stream.kind);
    if (kind < 0) kind = kinds.push(stream.kind) - 1;
    const recipe = stream.recipe.map((id, r) => {
      const index = stepIndex.get(id);
      if (index === undefined)
        c.add(pointer(pointer(at, 'recipe'), r), `no step "${id}" in /steps`);
      return index ?? 0;
    });
    if (new Set(recipe).size !== recipe.length)
      c.add(pointer(at, 'recipe'), 'a recipe names each step at most once');
    const parts = stream.parts ?? 1;
    if (!Number.isInteger(parts) || parts < 1 || parts > 10_000)
      c.add(pointer(at, 'parts'), 'expected a whole number of parts from 1 to 10000');
    return {
      kind,
      count: Math.max(0, Math.floor(stream.count) || 0),
      arrival: arrivalSpec(c, pointer(at, 'arrival'), stream.arrival),
      payloadBytes:
        stream.payload === undefined
          ? 1024
          : c.convert(pointer(at, 'payload'), 0, () => parseSize(stream.payload!)),
      parts: Math.max(1, Math.floor(parts) || 1),
      recipe,
    };
  });
  if (totalJobs > MAX_JOBS) c.add('/workload/streams', `more than ${MAX_JOBS} jobs in all`);
  else for (const problem of sizeProblems(level)) c.add(problem.path, problem.detail);
  if (!Number.isInteger(machine.cores) || machine.cores < 1 || machine.cores > 1024)
    c.add('/machine/cores', 'expected a whole number of cores from 1 to 1024');

  const size = (path: string, text: string): number => c.convert(path, 0, () => parseSize(text));
  const duration = (path: string, text: string): number =>
    c.convert(path, 0, () => parseDuration(text));
  const spec: RunSpec = {
    levelId: level.id,
    seed: level.seed,
    cores: Math.max(1, Math.floor(machine.cores) || 1),
    memoryBytes: size('/machine/memory', machine.memory),
    gilSwitchUs: Math.max(
      1,
      duration(
        '/machine/gilSwitchInterval',
        machine.gilSwitchInterval ?? MACHINE_DEFAULTS.gilSwitchInterval,
      ),
    ),
    baseMemoryBytes: size('/machine/baseMemory', machine.baseMemory ?? MACHINE_DEFAULTS.baseMemory),
    threadMemoryBytes: size(
      '/machine/threadMemory',
      machine.threadMemory ?? MACHINE_DEFAULTS.threadMemory,
    ),
    taskMemoryBytes: size('/machine/taskMemory', machine.taskMemory ?? MACHINE_DEFAULTS.taskMemory),
    processStartupUs: duration('/machine/process/startup', proc.startup),
    processMemoryBytes: size('/machine/process/memory', proc.memory),
    callOverheadUs: duration('/machine/process/callOverhead', proc.callOverhead),
    picklePerMBUs: duration('/machine/process/picklePerMB', proc.picklePerMB),
    kinds,
    streams,
    steps,
    services: serviceSpecs(c, level),
    states,
    costs: {
      perThread: level.costs.perThread ?? 0,
      perProcess: level.costs.perProcess ?? 0,
      perQueueWorker: level.costs.perQueueWorker ?? 0,
      perHour: level.costs.perHour ?? 0,
    },
    totalJobs,
  };
  if (c.errors.length > 0) throw new InputErrors(c.errors);
  return spec;
}
