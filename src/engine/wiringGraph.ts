/**
 * The structural half of compiling a wiring: are the nodes, parameters, nesting and wires
 * well formed? Produces an indexed graph for compileWiring.ts and the issues it found,
 * each pinned to a node so the editor can show it where the player will look.
 */
import type { Level } from '../model/level';
import { paramLimitProblem } from '../model/paramLimits';
import type { Connection, Solution, SolutionNode } from '../model/solution';
import { defaultPoolSize } from '../model/poolSize';
import { parseDuration } from '../model/units';
import {
  NODE_SPECS,
  isNodeType,
  kindOfRoutePort,
  type NodeType,
  type ParamSpec,
} from '../model/vocabulary';
import type { WiringIssue } from './program';

export interface WiringGraph {
  readonly nodes: ReadonlyMap<string, SolutionNode>;
  /** Successor of (node, port). */
  readonly next: ReadonlyMap<string, string>;
  /** Children of each container, and of the top level under the key "". */
  readonly children: ReadonlyMap<string, readonly string[]>;
  /** First node of each container's body. */
  readonly bodyEntry: ReadonlyMap<string, string>;
  /** First node of each branch of a Gather branches box, one per unconnected chain inside it. */
  readonly branchEntries: ReadonlyMap<string, readonly string[]>;
  readonly source: string | null;
  readonly sink: string | null;
}

export const portKey = (node: string, port: string): string => `${node}\u0000${port}`;

const ID_PATTERN = /^[A-Za-z0-9_-]{1,24}$/;
const LOCK_NAME_PATTERN = /^[A-Za-z0-9_]{1,16}$/;

function checkParam(
  spec: ParamSpec,
  value: unknown,
  level: Level,
  limit: number | undefined,
): string | null {
  switch (spec.kind) {
    case 'int': {
      const max = Math.min(spec.max, limit ?? Infinity);
      if (typeof value !== 'number' || !Number.isInteger(value))
        return `${spec.label} must be a whole number`;
      if (value < spec.min) return `${spec.label} must be at least ${spec.min}`;
      if (value > max)
        return limit !== undefined && limit < spec.max
          ? `this contract allows at most ${limit} for ${spec.label}`
          : `${spec.label} must be at most ${spec.max}`;
      return null;
    }
    case 'duration': {
      if (typeof value !== 'string') return `${spec.label} must be a duration like "2s"`;
      let us: number;
      try {
        us = parseDuration(value);
      } catch (error) {
        return (error as Error).message;
      }
      if (us < spec.minUs || us > spec.maxUs) return `${spec.label} is out of range`;
      return null;
    }
    case 'choice':
      return typeof value === 'string' && spec.options.includes(value)
        ? null
        : `${spec.label} must be one of ${spec.options.join(', ')}`;
    case 'name':
      return typeof value === 'string' && LOCK_NAME_PATTERN.test(value)
        ? null
        : `${spec.label} must be 1–16 letters, digits or _`;
    case 'stepRef':
      if (typeof value !== 'string') return `${spec.label} must name one of this contract's steps`;
      return level.steps.some((s) => s.id === value) ? null : `no step "${value}" in this contract`;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The nodes and wires of a wiring of any shape, keeping those that are objects. */
interface WiringParts {
  readonly nodes: readonly SolutionNode[];
  readonly connections: readonly Connection[];
}

/**
 * A wiring reaches the engine typed, but a save, a link or a test can hand it anything:
 * `nodes` and `connections` must be lists, each node an object whose params are an object,
 * each wire three strings. A node or wire that is not is reported and left out, so no
 * later check reads a field of null.
 */
function readParts(solution: unknown, issues: WiringIssue[]): WiringParts {
  const whole = isRecord(solution) ? solution : {};
  const list = (field: string): readonly unknown[] => {
    const value = whole[field];
    if (Array.isArray(value)) return value;
    issues.push({ message: `the wiring's ${field} must be a list` });
    return [];
  };
  const nodes: SolutionNode[] = [];
  list('nodes').forEach((node, i) => {
    // Params that are not an object read as none given: each parameter's check names it.
    if (!isRecord(node)) issues.push({ message: `node ${i + 1} of the wiring is not a node` });
    else
      nodes.push({
        ...node,
        params: isRecord(node.params) ? node.params : {},
      } as unknown as SolutionNode);
  });
  const connections: Connection[] = [];
  list('connections').forEach((wire, i) => {
    if (
      isRecord(wire) &&
      typeof wire.from === 'string' &&
      typeof wire.to === 'string' &&
      typeof wire.fromPort === 'string'
    )
      connections.push(wire as unknown as Connection);
    else issues.push({ message: `wire ${i + 1} of the wiring does not name two nodes and a port` });
  });
  return { nodes, connections };
}

function checkNodes(
  solution: WiringParts,
  level: Level,
  issues: WiringIssue[],
): Map<string, SolutionNode> {
  const nodes = new Map<string, SolutionNode>();
  const counts = new Map<NodeType, number>();
  for (const node of solution.nodes) {
    if (typeof node.id !== 'string' || !ID_PATTERN.test(node.id)) {
      issues.push({ message: `a node has an invalid id ${JSON.stringify(node.id)}` });
      continue;
    }
    if (nodes.has(node.id)) {
      issues.push({ node: node.id, message: `two nodes share the id "${node.id}"` });
      continue;
    }
    if (!isNodeType(node.type)) {
      issues.push({ node: node.id, message: `unknown node type ${JSON.stringify(node.type)}` });
      continue;
    }
    nodes.set(node.id, node);
    counts.set(node.type, (counts.get(node.type) ?? 0) + 1);
    const spec = NODE_SPECS[node.type];
    const entry = level.palette[node.type];
    const given = spec.category === 'given' || spec.category === 'step';
    if (!given && entry === undefined)
      issues.push({ node: node.id, message: `this contract does not allow ${spec.label} nodes` });
    const params = node.params as unknown as Record<string, unknown>;
    for (const param of spec.params) {
      const problem =
        checkParam(param, params[param.name], level, entry?.limits?.[param.name]) ??
        paramLimitProblem(node.type, param.name, params[param.name]);
      if (problem) issues.push({ node: node.id, message: problem });
    }
    const sizeProblem = defaultSizeProblem(node, level, entry?.limits?.workers);
    if (sizeProblem) issues.push({ node: node.id, message: sizeProblem });
  }
  for (const [type, count] of counts) {
    const max = NODE_SPECS[type].category === 'given' ? 1 : level.palette[type]?.max;
    if (max !== undefined && count > max) {
      issues.push({
        message: `at most ${max} ${NODE_SPECS[type].label} node${max === 1 ? '' : 's'} allowed, found ${count}`,
      });
    }
  }
  return nodes;
}

/** A pool left at its default size must keep to the contract's limit on workers too. */
function defaultSizeProblem(
  node: SolutionNode,
  level: Level,
  limit: number | undefined,
): string | null {
  if (node.type !== 'threadPool' && node.type !== 'processPool') return null;
  if (limit === undefined || (node.params as { workers?: unknown }).workers !== 0) return null;
  const kind = node.type === 'threadPool' ? 'thread' : 'process';
  const cores = level.machine.cores;
  const size = defaultPoolSize(kind, cores);
  if (size <= limit) return null;
  const [workers, rule] =
    kind === 'thread' ? ['threads', 'min(32, cores + 4)'] : ['processes', 'one per core'];
  return `left at its default size, this pool has ${size} ${workers} on ${cores} cores (${rule}); this contract allows at most ${limit}`;
}

function checkNesting(
  nodes: Map<string, SolutionNode>,
  issues: WiringIssue[],
): Map<string, string[]> {
  const children = new Map<string, string[]>([['', []]]);
  for (const node of nodes.values()) {
    let scope = '';
    if (node.parent !== undefined) {
      const parent = nodes.get(node.parent);
      if (!parent)
        issues.push({
          node: node.id,
          message: `sits in a container "${node.parent}" that does not exist`,
        });
      else if (!NODE_SPECS[parent.type].container)
        issues.push({
          node: node.id,
          message: `sits in ${NODE_SPECS[parent.type].label}, which is not a container`,
        });
      else if (NODE_SPECS[node.type].category === 'given')
        issues.push({
          node: node.id,
          message: `${NODE_SPECS[node.type].label} must stay at the top level`,
        });
      else scope = node.parent;
    }
    // A container nested in itself, through any chain of parents, is refused.
    const seen = new Set<string>([node.id]);
    for (let up = node.parent; up !== undefined; up = nodes.get(up)?.parent) {
      if (seen.has(up)) {
        issues.push({ node: node.id, message: 'is nested inside itself' });
        scope = '';
        break;
      }
      seen.add(up);
    }
    if (!children.has(scope)) children.set(scope, []);
    children.get(scope)!.push(node.id);
  }
  return children;
}

function validPorts(node: SolutionNode, kinds: readonly string[]): readonly string[] {
  if (node.type === 'route') return kinds.map((k) => `kind:${k}`);
  return NODE_SPECS[node.type].outputs;
}

function checkConnections(
  solution: WiringParts,
  nodes: Map<string, SolutionNode>,
  kinds: readonly string[],
  issues: WiringIssue[],
): Map<string, string> {
  const next = new Map<string, string>();
  for (const wire of solution.connections) {
    const from = nodes.get(wire.from);
    const to = nodes.get(wire.to);
    if (!from || !to) {
      issues.push({
        node: from?.id ?? to?.id,
        message: `a wire joins a node that does not exist ("${!from ? wire.from : wire.to}")`,
      });
      continue;
    }
    if (!validPorts(from, kinds).includes(wire.fromPort)) {
      const kind = kindOfRoutePort(wire.fromPort);
      issues.push({
        node: from.id,
        message:
          kind !== undefined
            ? `no job of kind "${kind}" in this contract`
            : `has no output "${wire.fromPort}"`,
      });
      continue;
    }
    if (!NODE_SPECS[to.type].hasInput) {
      issues.push({ node: to.id, message: `${NODE_SPECS[to.type].label} takes no input` });
      continue;
    }
    if ((from.parent ?? '') !== (to.parent ?? '')) {
      issues.push({
        node: from.id,
        message: 'a wire leaves its container: wires join nodes in the same box',
      });
      continue;
    }
    if (from.id === to.id) {
      issues.push({ node: from.id, message: 'a wire loops back to its own node' });
      continue;
    }
    const key = portKey(from.id, wire.fromPort);
    if (next.has(key)) {
      issues.push({
        node: from.id,
        message: `output "${wire.fromPort}" has two wires: a job can only go one way`,
      });
      continue;
    }
    next.set(key, to.id);
  }
  return next;
}

function findBodyEntries(
  nodes: Map<string, SolutionNode>,
  children: Map<string, string[]>,
  next: Map<string, string>,
  issues: WiringIssue[],
): { entries: Map<string, string>; branches: Map<string, string[]> } {
  const entries = new Map<string, string>();
  const branches = new Map<string, string[]>();
  const targets = new Set(next.values());
  for (const [scope, members] of children) {
    if (scope === '') continue;
    const starts = members.filter((id) => !targets.has(id));
    const label = NODE_SPECS[nodes.get(scope)!.type].label;
    // Each unconnected chain in a Gather branches box is one of the coroutines it gathers.
    if (nodes.get(scope)!.type === 'gather' && starts.length > 0) branches.set(scope, starts);
    else if (starts.length === 1) entries.set(scope, starts[0]!);
    else if (starts.length === 0)
      issues.push({
        node: scope,
        message: `the wires in this ${label} go round in a loop: its body needs a first node`,
      });
    else
      issues.push({
        node: scope,
        message: `this ${label} has ${starts.length} unconnected chains: wire its body into one chain`,
      });
  }
  for (const node of nodes.values()) {
    if (NODE_SPECS[node.type].container && !children.has(node.id)) {
      issues.push({
        node: node.id,
        message: `this ${NODE_SPECS[node.type].label} is empty: put the work it should run inside it`,
      });
    }
  }
  return { entries, branches };
}

/** Checks a wiring's structure and indexes it; `issues` receives every problem found. */
export function buildWiringGraph(
  solution: Solution,
  level: Level,
  kinds: readonly string[],
  issues: WiringIssue[],
): WiringGraph {
  const parts = readParts(solution, issues);
  const nodes = checkNodes(parts, level, issues);
  const children = checkNesting(nodes, issues);
  const next = checkConnections(parts, nodes, kinds, issues);
  const { entries: bodyEntry, branches: branchEntries } = findBodyEntries(
    nodes,
    children,
    next,
    issues,
  );
  const top = children.get('') ?? [];
  const sources = top.filter((id) => nodes.get(id)!.type === 'source');
  const sinks = top.filter((id) => nodes.get(id)!.type === 'sink');
  if (sources.length !== 1) issues.push({ message: 'the wiring needs its Source' });
  if (sinks.length !== 1) issues.push({ message: 'the wiring needs its Sink' });
  return {
    nodes,
    next,
    children,
    bodyEntry,
    branchEntries,
    source: sources[0] ?? null,
    sink: sinks[0] ?? null,
  };
}
