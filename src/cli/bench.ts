/**
 * npm run bench
 *
 * Prints the engine's speed and memory as JSON figures (never asserted):
 * - an M/M/4/24 queue expressed as an ordinary level (tests/bench/m-m-4-24.json):
 *   jobs/s and events/s, and its blocking probability and mean queue wait Wq next to the
 *   closed form (they must agree: a check of the engine's queueing, not of its speed);
 * - a bare-bones simulation of the same queue with the same draws and asyncio callbacks
 *   (src/cli/bareQueue.ts), the least this model costs here: the engine's speed is read
 *   as a share of it, measured in the same run;
 * - the time to score each shipped contract's reference, metrics only and with a trace
 *   (the median of three runs each).
 */
import { fileURLToPath } from 'node:url';
import { parseLevel } from '../model/load';
import { simulate } from '../engine/simulate';
import { loadCampaign } from '../../levels/campaign';
import { readJsonFile } from './io';
import { mmcKQueue } from './queueTheory';
import type { RunSpec } from '../engine/spec';
import { runBareQueue } from './bareQueue';
import { compileLevel } from '../engine/compileLevel';
import { isNodeOfType } from '../model/solution';

const BENCH_LEVEL = fileURLToPath(new URL('../../tests/bench/m-m-4-24.json', import.meta.url));

function time<T>(run: () => T): { value: T; seconds: number } {
  const start = performance.now();
  const value = run();
  return { value, seconds: (performance.now() - start) / 1000 };
}

/** What the bare-bones run needs of the engine's run of the bench queue. */
interface EngineQueueRun {
  readonly spec: RunSpec;
  readonly workers: number;
  readonly capacity: number;
  readonly served: number;
  readonly lost: number;
  readonly jobsPerSecond: number;
}

function queueBenchmark(): { figures: Record<string, unknown>; run: EngineQueueRun } {
  const level = parseLevel(readJsonFile(BENCH_LEVEL), BENCH_LEVEL);
  const stream = level.workload.streams[0]!;
  const arrival = stream.arrival as { perSecond: number };
  const run = time(() => simulate(level, level.reference, { trace: false }));
  const result = run.value;
  if (!result.ok)
    throw new Error(`the benchmark wiring does not compile: ${JSON.stringify(result.issues)}`);
  const { metrics } = result;
  const queue = Object.values(metrics.queues)[0]!;
  // The model's c and K, read off the wiring: c workers, and K = c in service + the queue's places.
  const queueNode = level.reference.nodes.find((n) => isNodeOfType(n, 'queue'));
  if (queueNode === undefined || !isNodeOfType(queueNode, 'queue'))
    throw new Error('the benchmark wiring has no Queue node');
  const { workers, capacity } = queueNode.params;
  const theory = mmcKQueue(arrival.perSecond, 1, workers, workers + capacity);
  const pBlock = metrics.lost / metrics.jobs;
  const wq = queue.meanWaitUs / 1_000_000;
  const jobsPerSecond = metrics.jobs / run.seconds;
  const figures = {
    model:
      'M/M/4/24: Poisson λ = 3.6/s, exponential service mean 1 s, 4 coroutine workers, queue of 20 that sheds',
    jobs: metrics.jobs,
    seconds: round(run.seconds, 3),
    jobsPerSecond: Math.round(jobsPerSecond),
    eventsPerSecond: Math.round(metrics.events / run.seconds),
    events: metrics.events,
    served: queue.served,
    lost: metrics.lost,
    blockingProbability: {
      simulated: round(pBlock, 6),
      closedForm: round(theory.pBlock, 6),
      deviation: pct(pBlock / theory.pBlock - 1),
      tolerance: '7%',
    },
    meanQueueWaitSeconds: {
      simulated: round(wq, 5),
      closedForm: round(theory.wq, 5),
      deviation: pct(wq / theory.wq - 1),
      tolerance: '2%',
    },
  };
  const spec = compileLevel(level);
  return {
    figures,
    run: { spec, workers, capacity, served: queue.served, lost: metrics.lost, jobsPerSecond },
  };
}

/** The same queue, bare-bones (src/cli/bareQueue.ts): the least this model costs on this machine. */
function bareLoopBenchmark(engine: EngineQueueRun): Record<string, unknown> {
  const service = engine.spec.steps[0]!.ops[0]!.time;
  const bare = time(() => runBareQueue(engine.spec, engine.workers, engine.capacity, service));
  const jobsPerSecond = engine.spec.totalJobs / bare.seconds;
  return {
    seconds: round(bare.seconds, 3),
    jobsPerSecond: Math.round(jobsPerSecond),
    sameServedAndLost: bare.value.served === engine.served && bare.value.lost === engine.lost,
    engineShareOfItsSpeed: pct(engine.jobsPerSecond / jobsPerSecond),
  };
}

/** The median of three runs, so one cold or disturbed run does not decide the figure. */
function medianTime<T>(run: () => T): { value: T; seconds: number } {
  const runs = [time(run), time(run), time(run)].sort((a, b) => a.seconds - b.seconds);
  return runs[1]!;
}

function campaignTimings(): Record<string, unknown>[] {
  return loadCampaign().map((level) => {
    const metricsOnly = medianTime(() => simulate(level, level.reference, { trace: false }));
    const traced = medianTime(() => simulate(level, level.reference, { trace: true }));
    const result = traced.value;
    return {
      level: level.id,
      jobs: result.ok ? result.metrics.jobs : null,
      metricsOnlyMs: round(metricsOnly.seconds * 1000, 1),
      withTraceMs: round(traced.seconds * 1000, 1),
      traceEvents: result.ok ? (result.trace?.length ?? 0) : null,
    };
  });
}

const round = (n: number, digits: number): number => Number(n.toFixed(digits));
const pct = (n: number): string => `${(n * 100).toFixed(2)}%`;

const queue = queueBenchmark();
// Peak resident memory of the process so far: the 2-million-job run, before any other run.
const queuePeakMemoryMB = round(process.resourceUsage().maxRSS / 1024, 1);
const bareLoop = bareLoopBenchmark(queue.run);
const levels = campaignTimings();
const usage = process.resourceUsage();
console.log(
  JSON.stringify(
    {
      node: process.version,
      queue: { ...queue.figures, peakMemoryMB: queuePeakMemoryMB, bareLoop },
      levels,
      peakMemoryWithTracedRunsMB: round(usage.maxRSS / 1024, 1),
      targets: { jobsPerSecond: '≥ 2,000,000', queuePeakMemoryMB: '< 200' },
    },
    null,
    2,
  ),
);
