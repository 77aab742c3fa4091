/** Small contracts and wirings built in code, for engine tests that pin one behaviour each. */
import type { Level, StepDef, JobStream, ServiceDef, Goal } from '../../../src/model/level';
import type { Solution, SolutionNode, Connection } from '../../../src/model/solution';
import { defaultParams, type NodeType } from '../../../src/model/vocabulary';

export interface LevelParts {
  steps: StepDef[];
  streams: JobStream[];
  cores?: number;
  memory?: string;
  services?: ServiceDef[];
  goals?: Goal[];
  gilSwitchInterval?: string;
  process?: Level['machine']['process'];
  seed?: number;
}

export function makeLevel(parts: LevelParts): Level {
  const level = {
    kind: 'loopwork/level',
    version: 1,
    id: 'test-level',
    revision: 1,
    title: 'Test',
    chapter: 0,
    order: 0,
    requires: [],
    email: { from: 'Tests', subject: 'Test', body: 'Test' },
    pay: 0,
    machine: {
      cores: parts.cores ?? 4,
      memory: parts.memory ?? '1GB',
      ...(parts.gilSwitchInterval ? { gilSwitchInterval: parts.gilSwitchInterval } : {}),
      ...(parts.process ? { process: parts.process } : {}),
    },
    workload: { streams: parts.streams },
    steps: parts.steps,
    services: parts.services ?? [],
    palette: {
      tasks: {},
      queue: {},
      batch: {},
      semaphore: {},
      lock: {},
      timeout: {},
      retry: {},
      threadPool: {},
      processPool: {},
      fanOut: {},
      taskGroup: {},
      cleanup: {},
      ticker: {},
      route: {},
      gatherAll: {},
      gather: {},
      timeLimit: {},
    },
    costs: {},
    goals: parts.goals ?? [{ metric: 'done', min: 'all' }],
    par: { bronze: {}, silver: {}, gold: {} },
    hints: [],
    seed: parts.seed ?? 7,
    naive: [],
  } as Omit<Level, 'reference'>;
  return {
    ...level,
    reference: wire(level as Level, ['step:' + (parts.steps[0]?.id ?? '')]),
  } as Level;
}

/**
 * A wiring from a compact description: a top-level chain of items from Source to Sink.
 * An item is `step:<id>`, or `[type, params, children]` for a node with a body (children
 * are again a chain), `{route: {kind: chain}}`, or `{gather: params, branches: [chain, …]}`
 * for a Gather branches box holding one unconnected chain per branch.
 */
export type Item =
  | string
  | readonly [NodeType, Record<string, unknown>, readonly Item[]]
  | { readonly route: Readonly<Record<string, readonly Item[]>> }
  | { readonly gather: Record<string, unknown>; readonly branches: readonly (readonly Item[])[] };

export function wire(level: Level, chain: readonly Item[]): Solution {
  const nodes: SolutionNode[] = [
    { id: 'source', type: 'source', params: {}, position: { x: 0, y: 0 } },
  ];
  const connections: Connection[] = [];
  let count = 0;
  const add = (type: NodeType, params: Record<string, unknown>, parent?: string): string => {
    const id = `${type}${++count}`;
    const node = {
      id,
      type,
      params: { ...defaultParams(type, level.steps[0]?.id ?? ''), ...params },
      position: { x: count * 10, y: 0 },
    };
    nodes.push((parent ? { ...node, parent } : node) as SolutionNode);
    return id;
  };
  /** Builds a chain; returns its first and last node (null when empty). */
  const build = (
    items: readonly Item[],
    parent: string | undefined,
    after: string | null,
    port: string,
    tail: string | null,
  ): string | null => {
    let prev = after;
    let prevPort = port;
    let first: string | null = null;
    for (const item of items) {
      let id: string;
      if (typeof item === 'string') id = add('step', { step: item.slice(5) }, parent);
      else if (Array.isArray(item)) {
        const [type, params, children] = item as readonly [
          NodeType,
          Record<string, unknown>,
          readonly Item[],
        ];
        id = add(type, params, parent);
        build(children, id, null, 'out', null);
      } else if ('gather' in item) {
        id = add('gather', item.gather, parent);
        for (const branch of item.branches) build(branch, id, null, 'out', null);
      } else {
        const routes = (item as { route: Record<string, readonly Item[]> }).route;
        id = add('route', {}, parent);
        if (prev !== null) connections.push({ from: prev, fromPort: prevPort, to: id });
        first ??= id;
        for (const [kind, sub] of Object.entries(routes))
          build(sub, parent, id, `kind:${kind}`, tail);
        return first;
      }
      if (prev !== null) connections.push({ from: prev, fromPort: prevPort, to: id });
      first ??= id;
      prev = id;
      prevPort = 'out';
    }
    if (tail !== null && prev !== null)
      connections.push({ from: prev, fromPort: prevPort, to: tail });
    return first;
  };
  nodes.push({ id: 'sink', type: 'sink', params: {}, position: { x: 999, y: 0 } });
  build(chain, undefined, 'source', 'out', 'sink');
  return {
    kind: 'loopwork/solution',
    version: 1,
    level: { id: level.id, revision: level.revision },
    nodes,
    connections,
  };
}

export const cpu = (t: string, label = 'cpu'): StepDef['ops'][number] => ({ cpu: t, label });
export const io = (t: string, mode: 'async' | 'blocking' = 'async'): StepDef['ops'][number] => ({
  io: t,
  mode,
  label: 'io',
});
export const step = (id: string, ...ops: StepDef['ops']): StepDef => ({ id, label: id, ops });
export const jobs = (
  count: number,
  recipe: string[],
  extra: Partial<JobStream> = {},
): JobStream => ({
  kind: 'job',
  count,
  arrival: { type: 'atOnce' },
  recipe,
  ...extra,
});
