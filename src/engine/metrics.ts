/** The run's figures, read off the runtime once it stopped. */
import type { LowerBound, Metrics, QueueFigures } from './result';
import type { Runtime } from './sim/runtime';
import { QueueStage } from './sim/stages';

export function measure(rt: Runtime, bound: LowerBound): Metrics {
  const jobs = rt.jobs;
  const makespanUs = rt.endTime;
  const latencies = jobs.latency.slice(0, jobs.done).sort();
  const rank = (p: number): number =>
    latencies.length === 0
      ? 0
      : (latencies[Math.max(0, Math.ceil(p * latencies.length) - 1)] as number);
  const peakConcurrency: Record<string, number> = {};
  let serviceErrors = 0;
  for (const service of rt.services) {
    peakConcurrency[service.spec.id] = service.peak;
    serviceErrors += service.errors;
  }
  const queues: Record<string, QueueFigures> = {};
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
    maxLatencyUs: latencies.length === 0 ? 0 : (latencies[latencies.length - 1] as number),
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
  };
}
