/** The run's figures, read off the runtime once it stopped. */
import type { LowerBound, Metrics, QueueFigures } from './result';
import type { Runtime } from './sim/runtime';
import { QueueStage } from './sim/stages';

export function measure(rt: Runtime, bound: LowerBound): Metrics {
  const jobs = rt.jobs;
  const makespanUs = rt.endTime;
  // A copy, which select() reorders; two selections cost far less than sorting millions.
  const latencies = jobs.latency.slice(0, jobs.done);
  const rank = (p: number): number =>
    latencies.length === 0
      ? 0
      : select(latencies, Math.max(0, Math.ceil(p * latencies.length) - 1));
  // Keyed by ids a contract or a player chose: without a prototype, so "__proto__" is a key like any other.
  const peakConcurrency = Object.create(null) as Record<string, number>;
  let serviceErrors = 0;
  for (const service of rt.services) {
    peakConcurrency[service.spec.id] = service.peak;
    serviceErrors += service.errors;
  }
  const queues = Object.create(null) as Record<string, QueueFigures>;
  for (const stage of rt.stages) {
    if (stage instanceof QueueStage)
      queues[stage.spec.node] = {
        served: stage.served,
        shed: stage.shed,
        meanWaitUs: stage.served === 0 ? 0 : stage.totalWaitUs / stage.served,
        peakDepth: stage.peakDepth,
      };
  }
  const costs = rt.spec.costs;
  let threads = 0;
  let processes = 0;
  for (const pool of rt.program.pools) {
    if (pool.kind === 'thread') threads += pool.workers;
    else processes += pool.workers;
  }
  const cost =
    threads * costs.perThread +
    processes * costs.perProcess +
    rt.queueWorkers * costs.perQueueWorker +
    (costs.perHour * makespanUs) / 3_600_000_000;
  return {
    jobs: jobs.count,
    done: jobs.done,
    failed: jobs.failed,
    lost: jobs.lost,
    corrupted: jobs.corruptedDone,
    makespanUs,
    throughput: makespanUs > 0 ? jobs.done / (makespanUs / 1_000_000) : 0,
    p50Us: rank(0.5),
    p95Us: rank(0.95),
    maxLatencyUs: latencies.reduce((max, latency) => (latency > max ? latency : max), 0),
    ...(rt.program.tickers.length > 0 ? { beatGapUs: rt.beatGapUs() } : {}),
    peakMemoryBytes: rt.memory.peak,
    cost: Math.round(cost * 100) / 100,
    serviceErrors,
    peakConcurrency,
    queues,
    threads: rt.threadsStarted,
    processes: rt.processesStarted,
    inOrder: jobs.inOrder,
    lowerBound: bound,
    ratioToBound: bound.boundUs > 0 ? makespanUs / bound.boundUs : 0,
    events: rt.world.events,
    shared: Object.fromEntries(
      rt.spec.states.map((name, i) => {
        const value = rt.stateValue[i] as number;
        const updates = rt.stateUpdates[i] as number;
        return [name, { value, updates, lost: updates - value }];
      }),
    ),
  };
}

/** The k-th smallest value (0-based); reorders `values` (Hoare's quickselect, median-of-three pivots). */
export function select(values: Float64Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (hi > lo) {
    const mid = (lo + hi) >> 1;
    const a = values[lo] as number;
    const b = values[mid] as number;
    const c = values[hi] as number;
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((values[i] as number) < pivot) i++;
      while ((values[j] as number) > pivot) j--;
      if (i <= j) {
        const t = values[i] as number;
        values[i] = values[j] as number;
        values[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return values[k] as number;
  }
  return values[lo] as number;
}
