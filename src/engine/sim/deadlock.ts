/**
 * Names a deadlock: who waits on what, held by whom. Edges go from a job waiting at a
 * Lock or Semaphore to the jobs holding it; a cycle among them is the deadlock. When no
 * cycle shows (a queue nobody will ever drain, say), every wait is listed.
 */
import type { WaitEdge } from '../result';
import type { Carrier } from './carrier';
import type { Runtime } from './runtime';
import { QueueStage } from './stages';
import type { Permits } from './sync';

export function waitForGraph(rt: Runtime): WaitEdge[] {
  const edges: { from: Carrier; to: Carrier; edge: WaitEdge }[] = [];
  const describe = (carrier: Carrier): string => {
    const job = carrier.traceJob;
    const node = carrier.traceNode;
    return `${job >= 0 ? `job ${job}` : 'main()'}${node ? ` at ${node}` : ''}`;
  };
  const all: Permits[] = [...rt.semaphores, ...rt.locks];
  for (const permits of all) {
    for (const waiter of permits.waiters as Iterable<Carrier>) {
      for (const holder of permits.holders as Set<Carrier>) {
        edges.push({
          from: waiter,
          to: holder,
          edge: { waiter: describe(waiter), resource: permits.name, holder: describe(holder) },
        });
      }
    }
  }
  const cycle = findCycle(edges);
  if (cycle.length > 0) return cycle;
  const listed = edges.map((e) => e.edge);
  for (const stage of rt.stages) {
    if (stage.inFlight > 0)
      listed.push({
        waiter: 'main()',
        resource: `${stage.spec.node} to finish`,
        holder: `${stage.inFlight} jobs still inside`,
      });
    else if (stage instanceof QueueStage && stage.spec.stop === 'never' && stage.running > 0)
      listed.push({
        waiter: 'main()',
        resource: `the workers of ${stage.spec.node} to return`,
        holder: `${stage.running} workers waiting in queue.get() for jobs that never come`,
      });
  }
  return listed.slice(0, 12);
}

function findCycle(edges: { from: Carrier; to: Carrier; edge: WaitEdge }[]): WaitEdge[] {
  const out = new Map<Carrier, { from: Carrier; to: Carrier; edge: WaitEdge }[]>();
  for (const e of edges) {
    const list = out.get(e.from) ?? [];
    list.push(e);
    out.set(e.from, list);
  }
  const state = new Map<Carrier, 1 | 2>();
  const path: { from: Carrier; to: Carrier; edge: WaitEdge }[] = [];
  const visit = (node: Carrier): WaitEdge[] | null => {
    state.set(node, 1);
    for (const e of out.get(node) ?? []) {
      path.push(e);
      if (state.get(e.to) === 1) {
        const start = path.findIndex((p) => p.from === e.to);
        return path.slice(Math.max(0, start)).map((p) => p.edge);
      }
      if (state.get(e.to) === undefined) {
        const found = visit(e.to);
        if (found) return found;
      }
      path.pop();
    }
    state.set(node, 2);
    return null;
  };
  for (const node of out.keys()) {
    if (state.get(node) === undefined) {
      const found = visit(node);
      if (found) return found;
    }
  }
  return [];
}
