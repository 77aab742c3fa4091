/** Numbers as a player reads them: "1 h 2 min", "850 ms", "64 MB", "$1,200". */
import type { Goal } from '../model/level';
import { parseDuration, parseSize } from '../model/units';

export function money(amount: number): string {
  return `$${Math.round(amount).toLocaleString('en-US')}`;
}

/** Microseconds and bytes read the same everywhere: the engine's own wording. */
export { humanTime as duration, humanBytes as bytes } from '../engine/describe';
import { humanBytes as bytes, humanTime as duration, trim as round } from '../engine/describe';

export function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

const METRIC_NAMES: Readonly<Record<Goal['metric'], string>> = {
  makespan: 'All jobs done within',
  p50: 'Median latency at most',
  p95: '95% of jobs done within',
  maxLatency: 'Every job done within',
  throughput: 'Throughput at least',
  peakMemory: 'Memory at most',
  cost: 'Cost at most',
  done: 'Jobs delivered',
  failed: 'Failed jobs at most',
  lost: 'Lost jobs at most',
  serviceErrors: 'Service errors at most',
  inOrder: 'Jobs delivered in arrival order',
  beatGap: 'A heartbeat at least every',
};

/** A contract's goal in words: "All jobs done within 1 h". */
export function goalText(goal: Goal): string {
  const name = METRIC_NAMES[goal.metric];
  switch (goal.metric) {
    case 'makespan':
    case 'p50':
    case 'p95':
    case 'maxLatency':
    case 'beatGap':
      return `${name} ${safe(() => duration(parseDuration(goal.max)), goal.max)}`;
    case 'throughput':
      return `${name} ${goal.min} jobs/s`;
    case 'peakMemory':
      return `${name} ${safe(() => bytes(parseSize(goal.max)), goal.max)}`;
    case 'cost':
      return `${name} ${money(goal.max)}`;
    case 'done':
      return goal.min === 'all' ? 'Every job delivered' : `${name}: at least ${goal.min}`;
    case 'failed':
    case 'lost':
    case 'serviceErrors':
      return `${name} ${goal.max}`;
    case 'inOrder':
      return name;
  }
}

function safe(fn: () => string, fallback: string): string {
  try {
    return fn();
  } catch {
    return fallback;
  }
}

/** The goal's value formatted in its own unit (µs, bytes, money, jobs/s, count). */
export function goalValue(metric: Goal['metric'], value: number): string {
  switch (metric) {
    case 'makespan':
    case 'p50':
    case 'p95':
    case 'maxLatency':
    case 'beatGap':
      return duration(value);
    case 'peakMemory':
      return bytes(value);
    case 'cost':
      return money(value);
    case 'throughput':
      return `${round(value)} jobs/s`;
    case 'inOrder':
      return value >= 1 ? 'in order' : 'out of order';
    default:
      return value.toLocaleString('en-US');
  }
}
