/**
 * What a schema cannot say: references between parts of a file (a recipe naming a
 * step, a call naming a service, a wire naming a node), unique ids, numbers too large for
 * the engine, par tiers that get tighter, and solutions that belong to their level.
 *
 * Runs only on inputs the schema accepted, so shapes can be trusted here.
 */
import { InputError, pointer } from '../errors';
import type { Level, Op, ParTier, TimeSpec } from '../level';
import type { Solution } from '../solution';
import { paramLimit, paramLimitProblem } from '../paramLimits';
import { formatDuration, parseDuration, parseSize } from '../units';
import { NODE_SPECS, kindOfRoutePort, type NodeType } from '../vocabulary';
import { sizeProblems } from '../workload';

export class Findings {
  readonly errors: InputError[] = [];
  constructor(readonly source: string) {}
  add(path: string, detail: string): void {
    this.errors.push(new InputError(path, detail, this.source));
  }
  /** Records a unit's RangeError (too long, too large) at `path`; the value, or undefined. */
  measure(path: string, parse: () => number): number | undefined {
    try {
      return parse();
    } catch (error) {
      this.add(path, (error as Error).message);
      return undefined;
    }
  }
}

function uniqueIds(
  f: Findings,
  items: readonly { id: string }[],
  base: string,
  what: string,
): void {
  const first = new Map<string, number>();
  items.forEach((item, i) => {
    const earlier = first.get(item.id);
    if (earlier !== undefined)
      f.add(
        pointer(pointer(base, i), 'id'),
        `${what} id "${item.id}" is already used at ${pointer(base, earlier)}`,
      );
    else first.set(item.id, i);
  });
}

function timeSpec(f: Findings, path: string, spec: TimeSpec): void {
  if (typeof spec === 'string') {
    f.measure(path, () => parseDuration(spec));
  } else if ('exponential' in spec) {
    f.measure(pointer(path, 'exponential'), () => parseDuration(spec.exponential));
  } else {
    const at = pointer(path, 'uniform');
    const low = f.measure(pointer(at, 0), () => parseDuration(spec.uniform[0]));
    const high = f.measure(pointer(at, 1), () => parseDuration(spec.uniform[1]));
    if (low !== undefined && high !== undefined && high < low)
      f.add(at, 'the upper bound is below the lower bound');
  }
}

function ops(f: Findings, services: ReadonlySet<string>, list: readonly Op[], path: string): void {
  list.forEach((op, i) => {
    const at = pointer(path, i);
    if ('cpu' in op) timeSpec(f, pointer(at, 'cpu'), op.cpu);
    else if ('io' in op) timeSpec(f, pointer(at, 'io'), op.io);
    else if ('call' in op) {
      if (!services.has(op.call))
        f.add(pointer(at, 'call'), `no service "${op.call}" in /services`);
    } else ops(f, services, op.ops, pointer(at, 'ops'));
  });
}

function optionalDuration(f: Findings, path: string, text: string | undefined): number | undefined {
  return text === undefined ? undefined : f.measure(path, () => parseDuration(text));
}

function optionalSize(f: Findings, path: string, text: string | undefined): number | undefined {
  return text === undefined ? undefined : f.measure(path, () => parseSize(text));
}

function machineAndWorkload(f: Findings, level: Level): void {
  const m = level.machine;
  optionalSize(f, '/machine/memory', m.memory);
  optionalDuration(f, '/machine/gilSwitchInterval', m.gilSwitchInterval);
  optionalSize(f, '/machine/baseMemory', m.baseMemory);
  optionalSize(f, '/machine/threadMemory', m.threadMemory);
  optionalSize(f, '/machine/taskMemory', m.taskMemory);
  optionalDuration(f, '/machine/process/startup', m.process?.startup);
  optionalSize(f, '/machine/process/memory', m.process?.memory);
  optionalDuration(f, '/machine/process/callOverhead', m.process?.callOverhead);
  optionalDuration(f, '/machine/process/picklePerMB', m.process?.picklePerMB);

  const stepIds = new Set(level.steps.map((s) => s.id));
  let jobs = 0;
  level.workload.streams.forEach((stream, i) => {
    const at = pointer('/workload/streams', i);
    jobs += stream.count;
    const seen = new Set<string>();
    stream.recipe.forEach((id, r) => {
      const where = pointer(pointer(at, 'recipe'), r);
      if (!stepIds.has(id)) f.add(where, `no step "${id}" in /steps`);
      else if (seen.has(id))
        f.add(where, `step "${id}" is already in this recipe: a recipe names each step once`);
      seen.add(id);
    });
    optionalSize(f, pointer(at, 'payload'), stream.payload);
    const a = stream.arrival;
    const arrivalAt = pointer(at, 'arrival');
    if (a.type === 'atOnce') optionalDuration(f, pointer(arrivalAt, 'at'), a.at);
    else {
      optionalDuration(f, pointer(arrivalAt, 'start'), a.start);
      if (a.type !== 'poisson') optionalDuration(f, pointer(arrivalAt, 'every'), a.every);
      if (a.type === 'bursts') optionalDuration(f, pointer(arrivalAt, 'spread'), a.spread);
    }
  });
  if (jobs > 5_000_000) f.add('/workload/streams', `${jobs} jobs in all: at most 5000000`);
  else for (const problem of sizeProblems(level)) f.add(problem.path, problem.detail);
}

function stepsAndServices(f: Findings, level: Level): void {
  uniqueIds(f, level.steps, '/steps', 'step');
  uniqueIds(f, level.services, '/services', 'service');
  const services = new Set(level.services.map((s) => s.id));
  level.steps.forEach((step, i) =>
    ops(f, services, step.ops, pointer(pointer('/steps', i), 'ops')),
  );
  level.services.forEach((service, i) => {
    const at = pointer('/services', i);
    timeSpec(f, pointer(at, 'latency'), service.latency);
    if (service.slow) timeSpec(f, pointer(pointer(at, 'slow'), 'latency'), service.slow.latency);
    optionalDuration(f, pointer(pointer(at, 'rateLimit'), 'per'), service.rateLimit?.per);
    optionalDuration(f, pointer(at, 'refuseAfter'), service.refuseAfter);
  });
}

function palette(f: Findings, level: Level): void {
  for (const [type, entry] of Object.entries(level.palette)) {
    const spec = NODE_SPECS[type as NodeType];
    for (const name of Object.keys(entry?.limits ?? {})) {
      const param = spec.params.find((p) => p.name === name);
      const machine = paramLimit(type, name);
      const asked = entry?.limits?.[name];
      if (machine?.kind === 'count' && asked !== undefined && asked > machine.max)
        f.add(
          pointer(pointer(pointer('/palette', type), 'limits'), name),
          `${spec.label} can have at most ${machine.max} ${name}: a contract may allow less, never more`,
        );
      if (param?.kind !== 'int') {
        const ints = spec.params.filter((p) => p.kind === 'int').map((p) => p.name);
        f.add(
          pointer(pointer(pointer('/palette', type), 'limits'), name),
          ints.length > 0
            ? `${spec.label} has no number "${name}": it has ${ints.join(', ')}`
            : `${spec.label} has no numbers to limit`,
        );
      }
    }
  }
}

const TIER_ORDER = ['bronze', 'silver', 'gold'] as const;

/** Each grade asks at least as much as the one below it, on every metric the lower one names. */
function par(f: Findings, level: Level): void {
  const measures = (tier: ParTier, at: string): Partial<Record<keyof ParTier, number>> => ({
    makespan: optionalDuration(f, pointer(at, 'makespan'), tier.makespan),
    p95: optionalDuration(f, pointer(at, 'p95'), tier.p95),
    cost: tier.cost,
    peakMemory: optionalSize(f, pointer(at, 'peakMemory'), tier.peakMemory),
  });
  const values = TIER_ORDER.map((name) => measures(level.par[name], pointer('/par', name)));
  for (let t = 1; t < TIER_ORDER.length; t++) {
    const lower = values[t - 1]!;
    const upper = values[t]!;
    for (const metric of ['makespan', 'p95', 'cost', 'peakMemory'] as const) {
      const below = lower[metric];
      if (below === undefined) continue;
      const here = upper[metric];
      const at = pointer(pointer('/par', TIER_ORDER[t]!), metric);
      if (here === undefined)
        f.add(at, `${TIER_ORDER[t - 1]} asks for ${metric}, so ${TIER_ORDER[t]} must too`);
      else if (here > below)
        f.add(
          at,
          `${TIER_ORDER[t]} must ask at least as much as ${TIER_ORDER[t - 1]} (${metric} ≤ ${String(level.par[TIER_ORDER[t - 1]!][metric])})`,
        );
    }
  }
  level.goals.forEach((goal, i) => {
    const at = pointer(pointer('/goals', i), 'max');
    if (
      goal.metric === 'makespan' ||
      goal.metric === 'p50' ||
      goal.metric === 'p95' ||
      goal.metric === 'maxLatency'
    )
      f.measure(at, () => parseDuration(goal.max));
    else if (goal.metric === 'peakMemory') f.measure(at, () => parseSize(goal.max));
  });
}

/** Checks a schema-valid level: references, ids, ranges, par. Solutions are checked apart. */
export function checkLevel(f: Findings, level: Level): void {
  stepsAndServices(f, level);
  machineAndWorkload(f, level);
  palette(f, level);
  par(f, level);
  level.requires.forEach((id, i) => {
    if (id === level.id) f.add(pointer('/requires', i), 'a contract cannot require itself');
  });
}

/** The parts of a level a solution is checked against. */
export interface SolutionContext {
  readonly id: string;
  readonly revision: number;
  readonly stepIds: ReadonlySet<string>;
  readonly kinds: ReadonlySet<string>;
}

export function solutionContext(level: Level): SolutionContext {
  return {
    id: level.id,
    revision: level.revision,
    stepIds: new Set(level.steps.map((s) => s.id)),
    kinds: new Set(level.workload.streams.map((s) => s.kind)),
  };
}

/**
 * Checks a schema-valid solution: unique node ids, containers and wires that name real
 * nodes, durations in range, numbers within what the machine can run (`paramLimits.ts`), and — given its level — that it is for that level and names
 * only its steps and job kinds. An unfinished wiring (no Sink yet) is still valid:
 * the engine reports those issues on the nodes themselves.
 */
export function checkSolution(
  f: Findings,
  solution: Solution,
  level?: SolutionContext,
  base = '',
): void {
  const at = (...segments: (string | number)[]): string => segments.reduce<string>(pointer, base);
  uniqueIds(f, solution.nodes, at('nodes'), 'node');
  const ids = new Set(solution.nodes.map((n) => n.id));
  solution.nodes.forEach((node, i) => {
    if (node.parent !== undefined && (node.parent === node.id || !ids.has(node.parent)))
      f.add(
        at('nodes', i, 'parent'),
        node.parent === node.id
          ? 'a node cannot sit inside itself'
          : `no node "${node.parent}" to sit in`,
      );
    for (const spec of NODE_SPECS[node.type].params) {
      const value = (node.params as unknown as Record<string, unknown>)[spec.name];
      const beyond = paramLimitProblem(node.type, spec.name, value);
      if (beyond !== null)
        f.add(
          at('nodes', i, 'params', spec.name),
          `${NODE_SPECS[node.type].label} "${node.id}": ${beyond}`,
        );
      if (spec.kind === 'duration' && typeof value === 'string') {
        const us = f.measure(at('nodes', i, 'params', spec.name), () => parseDuration(value));
        if (us !== undefined && (us < spec.minUs || us > spec.maxUs))
          f.add(
            at('nodes', i, 'params', spec.name),
            `${spec.label} must be from ${formatDuration(spec.minUs)} to ${formatDuration(spec.maxUs)}`,
          );
      }
      if (
        spec.kind === 'stepRef' &&
        level &&
        typeof value === 'string' &&
        !level.stepIds.has(value)
      )
        f.add(at('nodes', i, 'params', spec.name), `no step "${value}" in contract "${level.id}"`);
    }
  });
  solution.connections.forEach((wire, i) => {
    if (!ids.has(wire.from)) f.add(at('connections', i, 'from'), `no node "${wire.from}"`);
    if (!ids.has(wire.to)) f.add(at('connections', i, 'to'), `no node "${wire.to}"`);
    const kind = kindOfRoutePort(wire.fromPort);
    if (kind !== undefined && level && !level.kinds.has(kind))
      f.add(at('connections', i, 'fromPort'), `no job kind "${kind}" in contract "${level.id}"`);
  });
  if (level) {
    if (solution.level.id !== level.id)
      f.add(at('level', 'id'), `this solution is for "${solution.level.id}", not "${level.id}"`);
    else if (solution.level.revision !== level.revision)
      f.add(
        at('level', 'revision'),
        `made for revision ${solution.level.revision} of "${level.id}", which is now at revision ${level.revision}`,
      );
  }
}
