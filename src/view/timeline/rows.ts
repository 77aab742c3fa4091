/**
 * The timeline's rows, top to bottom: for each process that shares its GIL, a band of
 * who holds it; a lane per worker, grouped as wired (the event loop and main(), each
 * box's coroutines, each pool's threads or processes) — or, for a group too large to
 * read lane by lane, one row of how many of its workers do what; then a plot of each
 * queue's depth and one of the throughput. Pure: no canvas.
 */
import { NODE_SPECS } from '../../model/vocabulary';
import type { Solution } from '../../model/solution';
import type { Level } from '../../model/level';
import { groupWorkers, sharedGils, type WorkerGroup } from '../replay/groups';
import type { Replay } from '../replay/replay';

/** Above this many workers, a group shows as one occupancy row. */
export const MAX_LANES_PER_GROUP = 12;

export const ROW_HEIGHT = { lane: 16, summary: 30, gil: 10, plot: 34, heading: 18 } as const;

export type Row =
  | { readonly kind: 'heading'; readonly label: string }
  | { readonly kind: 'gil'; readonly label: string; readonly process: number }
  | { readonly kind: 'lane'; readonly label: string; readonly worker: number }
  | { readonly kind: 'summary'; readonly label: string; readonly group: WorkerGroup }
  | {
      readonly kind: 'queue';
      readonly label: string;
      readonly node: string;
      readonly capacity: number;
    }
  | { readonly kind: 'throughput'; readonly label: string };

export function rowHeight(row: Row): number {
  switch (row.kind) {
    case 'heading':
      return ROW_HEIGHT.heading;
    case 'gil':
      return ROW_HEIGHT.gil;
    case 'lane':
      return ROW_HEIGHT.lane;
    case 'summary':
      return ROW_HEIGHT.summary;
    case 'queue':
    case 'throughput':
      return ROW_HEIGHT.plot;
  }
}

/** A group's heading in the player's words: "Thread pool (pool) · 4 threads". */
function groupTitle(group: WorkerGroup, solution: Solution | null, level: Level | null): string {
  const node = group.node === null ? undefined : solution?.nodes.find((n) => n.id === group.node);
  const count = group.workers.length;
  const plural = (one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
  const what =
    group.kind === 'loop'
      ? 'event loop'
      : group.kind === 'thread'
        ? plural('thread')
        : group.kind === 'process'
          ? plural('process', 'processes')
          : plural('coroutine');
  if (group.kind === 'loop') return 'Event loop';
  if (!node) return group.kind === 'task' ? `main() and its coroutines · ${what}` : what;
  let title: string = NODE_SPECS[node.type].label;
  if (node.type === 'step') {
    const stepId = (node.params as { step: string }).step;
    title = level?.steps.find((s) => s.id === stepId)?.label ?? stepId;
  }
  // A process pool's own threads (its feeder and manager) live in the main process.
  const where =
    group.kind === 'thread' && node.type === 'processPool' ? ' in the main process' : '';
  return `${title} (${node.id}) · ${what}${where}`;
}

export function buildRows(replay: Replay, solution: Solution | null, level: Level | null): Row[] {
  const rows: Row[] = [];
  const gils = new Set(sharedGils(replay));
  const shownGil = new Set<number>();
  for (const group of groupWorkers(replay)) {
    if (gils.has(group.process) && !shownGil.has(group.process)) {
      shownGil.add(group.process);
      rows.push({
        kind: 'gil',
        label: group.process === 0 ? 'GIL · main process' : `GIL · process ${group.process}`,
        process: group.process,
      });
    }
    rows.push({ kind: 'heading', label: groupTitle(group, solution, level) });
    if (group.workers.length > MAX_LANES_PER_GROUP) {
      rows.push({ kind: 'summary', label: `${group.workers.length} workers`, group });
      continue;
    }
    for (const w of group.workers)
      rows.push({ kind: 'lane', label: replay.workers[w]!.label, worker: w });
  }
  for (const node of solution?.nodes ?? []) {
    if (node.type !== 'queue' || !replay.queues.has(node.id)) continue;
    const capacity = (node.params as { capacity: number }).capacity;
    rows.push({
      kind: 'queue',
      label: `Queue (${node.id}): jobs waiting`,
      node: node.id,
      capacity,
    });
  }
  rows.push({ kind: 'throughput', label: 'Jobs done per second' });
  return rows;
}
