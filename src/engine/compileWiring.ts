/**
 * Wiring → Program: walks each chain from its first node, checking that every node may
 * run where it sits (an `async def` step cannot run in a thread; a process has no asyncio
 * lock; a timeout cannot cancel a thread) and building the instruction graph.
 *
 * The result is all or nothing: with any issue there is no program, so a half-valid
 * wiring is never simulated.
 */
import type { Level } from '../model/level';
import { isNodeOfType, type Solution, type SolutionNode } from '../model/solution';
import { poolSize } from '../model/poolSize';
import { parseDuration } from '../model/units';
import { NODE_SPECS, type ErrorType, type NodeParams } from '../model/vocabulary';
import {
  childrenOf,
  END,
  type GatherBranch,
  type Instr,
  type LockSpec,
  type PoolSpec,
  type Program,
  type RunContext,
  type SemaphoreSpec,
  type StageSpec,
  type TickerSpec,
  type TimeLimitSpec,
  type WiringIssue,
} from './program';
import type { RunSpec } from './spec';
import type { FailReason } from './trace';
import { buildWiringGraph, portKey, type WiringGraph } from './wiringGraph';

interface Where {
  readonly context: RunContext;
  /** Container whose body this chain is; "" at the top level. */
  readonly scope: string;
  /** On the top level after a spawner: only spawners, Route and the Sink may follow. */
  readonly afterSpawner: boolean;
  readonly inFanOut: boolean;
  readonly inBatch: boolean;
  /** In a branch of a Gather branches box: its steps are counted, so it may not fork. */
  readonly inBranch: boolean;
}

class WiringCompiler {
  readonly issues: WiringIssue[] = [];
  /** By node id, without a prototype: a node may be called "__proto__". */
  readonly contexts = Object.create(null) as Record<string, RunContext>;
  private readonly stages: { spec: StageSpec | null; downstream: Set<number> }[] = [];
  private readonly stageOf = new Map<string, number>();
  private readonly pools: PoolSpec[] = [];
  private readonly semaphores: SemaphoreSpec[] = [];
  private readonly locks = new Map<string, { context: RunContext; nodes: string[] }>();
  private readonly memo = new Map<string, Instr>();
  private readonly instrIds = new WeakMap<object, number>();
  private nextInstrId = 1;
  private readonly visiting = new Set<string>();
  /** A Ticker's body is being compiled: it works on no job. */
  private inTicker = false;
  /** Stage whose spawned code is being compiled, to record which stages it feeds. */
  private currentStage = -1;

  constructor(
    private readonly graph: WiringGraph,
    private readonly spec: RunSpec,
  ) {}

  issue(node: string | undefined, message: string): void {
    this.issues.push(node === undefined ? { message } : { node, message });
  }

  private idOf(instr: Instr): number {
    let id = this.instrIds.get(instr);
    if (id === undefined) {
      id = this.nextInstrId++;
      this.instrIds.set(instr, id);
    }
    return id;
  }

  private succ(node: string, port: string): string | null {
    return this.graph.next.get(portKey(node, port)) ?? null;
  }

  /** Compiles the chain that starts at `id` and continues with `tail` when it runs out. */
  chain(id: string | null, where: Where, tail: Instr, from?: string): Instr {
    if (id === null) {
      if (where.scope === '' && tail === END && from !== undefined) {
        this.issue(from, 'its output goes nowhere: wire it on, to the Sink in the end');
      }
      return tail;
    }
    const key = `${id}|${this.idOf(tail)}|${where.context}|${where.afterSpawner}|${where.inFanOut}|${where.inBatch}|${where.inBranch}|${this.currentStage}`;
    const known = this.memo.get(key);
    if (known) return known;
    if (this.visiting.has(id)) {
      this.issue(id, 'the wires loop back to this node: a job would go round forever');
      return tail;
    }
    this.visiting.add(id);
    const node = this.graph.nodes.get(id)!;
    this.contexts[id] = where.context;
    const instr = this.node(node, where, tail);
    this.visiting.delete(id);
    this.memo.set(key, instr);
    return instr;
  }

  private body(container: string, where: Where, tail: Instr): Instr {
    const entry = this.graph.bodyEntry.get(container);
    return entry === undefined
      ? tail
      : this.chain(entry, { ...where, scope: container, afterSpawner: false }, tail);
  }

  private node(node: SolutionNode, where: Where, tail: Instr): Instr {
    const spec = NODE_SPECS[node.type];
    const params = node.params as unknown as Record<string, unknown>;
    const onward = (port = 'out'): Instr =>
      this.chain(this.succ(node.id, port), where, tail, node.id);
    const optional = (port: string): Instr | null => {
      const target = this.succ(node.id, port);
      return target === null ? null : this.chain(target, where, tail);
    };
    const coroutineOnly = where.context === 'thread' || where.context === 'process';
    if (where.afterSpawner && !['spawner', 'router', 'given'].includes(spec.category)) {
      this.issue(
        node.id,
        `runs after a ${this.afterLabel()} box, where no code runs: put it inside that box`,
      );
    }
    switch (node.type) {
      case 'source':
        this.issue(node.id, 'nothing may wire into the Source');
        return tail;
      case 'sink':
        return { op: 'deliver', node: node.id };
      case 'step': {
        const index = this.spec.steps.findIndex((s) => s.id === (params.step as string));
        const step = this.spec.steps[index];
        if (step && step.isAsync && coroutineOnly) {
          this.issue(
            node.id,
            `"${step.label}" awaits (it is async def), so it cannot run in a ${where.context}: use a blocking version, or move it out of the pool`,
          );
        }
        if (step && where.inFanOut && !step.perPart)
          this.issue(
            node.id,
            `"${step.label}" works on whole jobs, not parts: move it out of the Fan-out`,
          );
        return { op: 'step', node: node.id, step: Math.max(0, index), next: onward() };
      }
      case 'semaphore':
      case 'lock': {
        if (where.context === 'process')
          this.issue(
            node.id,
            `a ${spec.label} cannot be shared with worker processes here: each process has its own memory`,
          );
        const body = this.body(node.id, where, END);
        if (node.type === 'semaphore') {
          this.semaphores.push({
            node: node.id,
            permits: params.permits as number,
            context: where.context,
          });
          return {
            op: 'semaphore',
            node: node.id,
            semaphore: this.semaphores.length - 1,
            body,
            next: onward(),
          };
        }
        return {
          op: 'lock',
          node: node.id,
          lock: this.lockIndex(node as SolutionNode<'lock'>, where.context),
          body,
          next: onward(),
        };
      }
      case 'timeout': {
        if (coroutineOnly)
          this.issue(
            node.id,
            `a Timeout cannot stop a running ${where.context}: put the Timeout around the pool instead`,
          );
        return {
          op: 'timeout',
          node: node.id,
          afterUs: safeDuration(params.after),
          body: this.body(node.id, where, END),
          next: onward(),
          onTimeout: optional('timedOut'),
        };
      }
      case 'retry':
        return {
          op: 'retry',
          node: node.id,
          attempts: params.attempts as number,
          backoffUs: safeDuration(params.backoff),
          body: this.body(node.id, where, END),
          next: onward(),
          onFail: optional('failed'),
        };
      case 'threadPool':
      case 'processPool': {
        if (coroutineOnly)
          this.issue(
            node.id,
            `a pool inside a ${where.context} would block it waiting: offload from a coroutine instead`,
          );
        const kind = node.type === 'threadPool' ? 'thread' : 'process';
        this.pools.push({
          kind,
          node: node.id,
          workers: poolSize(kind, params.workers as number, this.spec.cores),
          defaultSize: params.workers === 0,
        });
        const pool = this.pools.length - 1;
        const body = this.body(node.id, { ...where, context: kind }, END);
        return { op: 'offload', node: node.id, pool, body, next: onward() };
      }
      case 'fanOut':
      case 'gatherAll': {
        this.gathers(node, spec.label, where, 'parts');
        const collect = node.type === 'gatherAll';
        return {
          op: 'fanOut',
          node: node.id,
          body: this.body(node.id, { ...where, inFanOut: true }, END),
          next: onward(),
          branches: null,
          collect,
          onError: collect ? optional('failed') : null,
        };
      }
      case 'gather': {
        this.gathers(node, spec.label, where, 'branches');
        const branches = this.branches(node.id, where);
        const collect = params.exceptions === 'collect';
        return {
          op: 'fanOut',
          node: node.id,
          body: branches[0]?.entry ?? END,
          next: onward(),
          branches,
          collect,
          onError: collect ? optional('failed') : null,
        };
      }
      case 'taskGroup':
        this.gathers(node, spec.label, where, 'parts');
        return {
          op: 'taskGroup',
          node: node.id,
          body: this.body(node.id, { ...where, inFanOut: true }, END),
          next: onward(),
          catches: REASONS_CAUGHT[(params.catches as ErrorType | undefined) ?? 'Exception'],
          onError: optional('failed'),
        };
      case 'cleanup':
        if (coroutineOnly && params.on === 'cancel')
          this.issue(
            node.id,
            `nothing cancels a ${where.context}: a clean-up on cancel never runs there (make it run always, or put it around the pool)`,
          );
        return {
          op: 'cleanup',
          node: node.id,
          takesUs: safeDuration(params.takes),
          always: params.on === 'always',
          body: this.body(node.id, where, END),
          next: onward(),
        };
      case 'route': {
        if (this.inTicker)
          this.issue(node.id, 'a Ticker works on no job: there is no kind to route on');
        if (coroutineOnly)
          this.issue(node.id, `route jobs in a coroutine, before they reach the ${where.context}`);
        if (where.inBatch)
          this.issue(node.id, 'a chunk mixes jobs of every kind: route before batching');
        if (where.inBranch)
          this.issue(
            node.id,
            'a branch of a Gather runs the same steps for every job: route before the Gather',
          );
        const branches = this.spec.kinds.map((kind) => {
          const target = this.succ(node.id, `kind:${kind}`);
          if (target === null && where.scope === '' && tail === END) {
            // Named by the branch's port label on the node, so the player sees which one.
            this.issue(
              node.id,
              `its “${kind}” branch is not wired: jobs of kind “${kind}” have nowhere to go`,
            );
            return null;
          }
          return target === null ? tail : this.chain(target, where, tail);
        });
        return { op: 'route', node: node.id, branches };
      }
      case 'tasks':
      case 'queue':
      case 'batch':
        return this.spawner(node, where, tail);
      case 'ticker':
        this.issue(node.id, 'nothing may wire into a Ticker: it runs beside main() on its own');
        return tail;
      case 'timeLimit':
        this.issue(node.id, "nothing may wire into a Time limit: it bounds main()'s whole loop");
        return tail;
    }
  }

  /** Where a box that gathers coroutines (over parts or branches) may not run. */
  private gathers(
    node: SolutionNode,
    label: string,
    where: Where,
    over: 'parts' | 'branches',
  ): void {
    const coroutineOnly = where.context === 'thread' || where.context === 'process';
    if (coroutineOnly)
      this.issue(node.id, `a ${label} gathers coroutines: it cannot run in a ${where.context}`);
    if (where.inFanOut)
      this.issue(
        node.id,
        `a ${label} inside a box over parts: a part has no ${over}, gather before splitting`,
      );
    if (where.inBranch)
      this.issue(node.id, `a ${label} inside a Gather branch: put it before or after the Gather`);
    if (where.inBatch) this.issue(node.id, `a ${label} inside a Batch: gather before batching`);
  }

  /** Each branch of a Gather branches box: its chain, and the steps it runs along it. */
  private branches(container: string, where: Where): GatherBranch[] {
    const inner: Where = { ...where, scope: container, afterSpawner: false, inBranch: true };
    return (this.graph.branchEntries.get(container) ?? []).map((start) => {
      const entry = this.chain(start, inner, END);
      const steps = stepsAlong(entry);
      return { entry, firstStep: steps[0] ?? -1, steps: steps.length };
    });
  }

  private afterLabel(): string {
    return 'Tasks, Queue or Batch';
  }

  private spawner(node: SolutionNode, where: Where, tail: Instr): Instr {
    if (where.scope !== '') {
      this.issue(
        node.id,
        `${NODE_SPECS[node.type].label} hands jobs to new tasks: it belongs on the top level, not inside another box`,
      );
      return tail;
    }
    let stage = this.stageOf.get(node.id);
    if (stage === undefined) {
      stage = this.stages.push({ spec: null, downstream: new Set() }) - 1;
      this.stageOf.set(node.id, stage);
      const outer = this.currentStage;
      this.currentStage = stage;
      const after: Where = { ...where, afterSpawner: true, context: 'coroutine' };
      const continuation = this.chain(this.succ(node.id, 'out'), after, tail, node.id);
      const afterBody: Instr =
        node.type === 'batch' ? { op: 'unbatch', node: node.id, next: continuation } : continuation;
      const entry = this.body(
        node.id,
        { ...after, afterSpawner: false, inBatch: node.type === 'batch' },
        afterBody,
      );
      this.currentStage = outer;
      const params = node.params as unknown as Record<string, unknown>;
      const queue = node.params as NodeParams['queue'];
      this.stages[stage]!.spec = {
        kind: node.type as StageSpec['kind'],
        node: node.id,
        entry,
        capacity:
          node.type === 'queue' ? (queue.capacity === 0 ? Infinity : queue.capacity) : Infinity,
        workers: node.type === 'queue' ? queue.workers : 0,
        shed: node.type === 'queue' && queue.whenFull === 'shed',
        stop: node.type === 'queue' ? queue.stop : 'join+cancel',
        batchSize: node.type === 'batch' ? (params.size as number) : 1,
      };
    }
    if (this.currentStage >= 0) this.stages[this.currentStage]!.downstream.add(stage);
    return { op: 'spawn', node: node.id, stage };
  }

  private lockIndex(node: SolutionNode<'lock'>, context: RunContext): number {
    const name = node.params.name;
    const flavour = (c: RunContext): string => (c === 'thread' ? 'threading.Lock' : 'asyncio.Lock');
    const known = this.locks.get(name);
    if (known) {
      if (flavour(known.context) !== flavour(context)) {
        this.issue(
          node.id,
          `lock "${name}" is taken by coroutines and by threads: asyncio.Lock and threading.Lock are different locks, use two names`,
        );
      }
      known.nodes.push(node.id);
    } else {
      this.locks.set(name, { context, nodes: [node.id] });
    }
    return [...this.locks.keys()].indexOf(name);
  }

  /** Stage specs in the order main drains them: every stage after the stages that feed it. */
  drainOrder(): { stages: StageSpec[]; remap: number[] } {
    const count = this.stages.length;
    const indegree = new Array<number>(count).fill(0);
    for (const s of this.stages) for (const d of s.downstream) indegree[d]!++;
    const order: number[] = [];
    const ready = indegree.flatMap((d, i) => (d === 0 ? [i] : []));
    while (ready.length > 0) {
      ready.sort((a, b) => a - b);
      const i = ready.shift()!;
      order.push(i);
      for (const d of this.stages[i]!.downstream) if (--indegree[d]! === 0) ready.push(d);
    }
    const remap = new Array<number>(count).fill(0);
    order.forEach((old, position) => (remap[old] = position));
    return { stages: order.map((i) => this.stages[i]!.spec!), remap };
  }

  /** A Ticker's body, run by a task of its own from the start: on the top level only. */
  ticker(node: SolutionNode<'ticker'>): TickerSpec | null {
    this.contexts[node.id] = 'coroutine';
    if (node.parent !== undefined) {
      this.issue(node.id, 'a Ticker runs beside main(): put it on the top level, not in a box');
      return null;
    }
    const where: Where = {
      context: 'coroutine',
      scope: node.id,
      afterSpawner: false,
      inFanOut: false,
      inBatch: false,
      inBranch: false,
    };
    this.inTicker = true;
    const body = this.body(node.id, where, END);
    this.inTicker = false;
    return {
      node: node.id,
      body,
      everyUs: safeDuration(node.params.every),
      forUs: safeDuration(node.params.for),
    };
  }

  /** A Time limit around main()'s loop: on the top level, and one is all main() can have. */
  timeLimit(node: SolutionNode<'timeLimit'>, known: TimeLimitSpec | null): TimeLimitSpec | null {
    this.contexts[node.id] = 'main';
    if (node.parent !== undefined) {
      this.issue(
        node.id,
        "a Time limit bounds main()'s loop: put it on the top level, not in a box",
      );
      return known;
    }
    if (known !== null) {
      this.issue(node.id, 'main() has one loop: one Time limit bounds it, remove this one');
      return known;
    }
    return { node: node.id, afterUs: safeDuration(node.params.after) };
  }

  finish(main: Instr, tickers: readonly TickerSpec[], timeLimit: TimeLimitSpec | null): Program {
    const { stages, remap } = this.drainOrder();
    const renumber = (instr: Instr, seen: Set<Instr>): void => {
      if (seen.has(instr)) return;
      seen.add(instr);
      const mutable = instr as { stage?: number };
      if (instr.op === 'spawn') mutable.stage = remap[instr.stage]!;
      for (const child of childrenOf(instr)) renumber(child, seen);
    };
    const seen = new Set<Instr>();
    renumber(main, seen);
    for (const stage of stages) renumber(stage.entry, seen);
    for (const ticker of tickers) renumber(ticker.body, seen);
    return {
      main,
      timeLimit,
      tickers,
      stages,
      pools: this.pools,
      semaphores: this.semaphores,
      locks: [...this.locks].map(([name, l]): LockSpec => ({
        name,
        context: l.context,
        nodes: l.nodes,
      })),
      contexts: this.contexts,
    };
  }
}

/**
 * What each `except*` choice catches, by the engine's failure reasons: a service's error
 * or refusal is a ServiceError, a Timeout's expiry a TimeoutError. A job wired to the
 * wrong step is a mistake in the wiring, never caught.
 */
/**
 * The steps a branch runs, in order: along its chain and into the bodies of the boxes on
 * it (a Timeout's or a Retry's other way out is where the branch gave up, not more work).
 */
function stepsAlong(start: Instr): number[] {
  const steps: number[] = [];
  const walk = (at: Instr): void => {
    for (let ins: Instr | null = at; ins !== null;) {
      switch (ins.op) {
        case 'step':
          steps.push(ins.step);
          ins = ins.next;
          break;
        case 'semaphore':
        case 'lock':
        case 'timeout':
        case 'retry':
        case 'offload':
        case 'cleanup':
          walk(ins.body);
          ins = ins.next;
          break;
        // Refused inside a branch; the compiler says so where it finds them.
        case 'fanOut':
        case 'taskGroup':
        case 'unbatch':
          ins = ins.next;
          break;
        case 'route':
        case 'spawn':
        case 'deliver':
        case 'end':
          ins = null;
          break;
      }
    }
  };
  walk(start);
  return steps;
}

const REASONS_CAUGHT: Readonly<Record<ErrorType, readonly FailReason[]>> = {
  Exception: ['serviceError', 'refused', 'timeout'],
  ServiceError: ['serviceError', 'refused'],
  TimeoutError: ['timeout'],
};

function safeDuration(value: unknown): number {
  try {
    return typeof value === 'string' ? parseDuration(value) : 0;
  } catch {
    return 0;
  }
}

export interface CompiledWiring {
  readonly program: Program | null;
  readonly issues: readonly WiringIssue[];
}

/** Compiles a wiring for a level; `program` is null whenever `issues` is not empty. */
export function compileWiring(solution: Solution, level: Level, spec: RunSpec): CompiledWiring {
  const issues: WiringIssue[] = [];
  const graph = buildWiringGraph(solution, level, spec.kinds, issues);
  if (graph.source === null || graph.sink === null) return { program: null, issues };
  const compiler = new WiringCompiler(graph, spec);
  const main = compiler.chain(
    graph.next.get(portKey(graph.source, 'out')) ?? null,
    {
      context: 'main',
      scope: '',
      afterSpawner: false,
      inFanOut: false,
      inBatch: false,
      inBranch: false,
    },
    END,
    graph.source,
  );
  compiler.contexts[graph.source] = 'main';
  const tickers: TickerSpec[] = [];
  for (const node of graph.nodes.values()) {
    const ticker = isNodeOfType(node, 'ticker') ? compiler.ticker(node) : null;
    if (ticker !== null) tickers.push(ticker);
  }
  let timeLimit: TimeLimitSpec | null = null;
  for (const node of graph.nodes.values())
    if (isNodeOfType(node, 'timeLimit')) timeLimit = compiler.timeLimit(node, timeLimit);
  for (const node of graph.nodes.values()) {
    if (compiler.contexts[node.id] === undefined && node.type !== 'sink') {
      compiler.issue(node.id, 'never runs: no wire leads here');
    }
  }
  const program = compiler.finish(main, tickers, timeLimit);
  issues.push(...compiler.issues);
  return issues.length > 0 ? { program: null, issues } : { program, issues };
}
