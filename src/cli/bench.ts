/**
 * npm run bench
 *
 * Prints the engine's speed and memory as JSON figures (never asserted):
 * - an M/M/4/24 queue expressed as an ordinary level (tests/bench/m-m-4-24.json):
 *   jobs/s and events/s, and its blocking probability and mean queue wait Wq next to the
 *   closed form (they must agree: a check of the engine's queueing, not of its speed);
 * - the time to score each shipped contract's reference, metrics only and with a trace
 *   (the median of three runs each).
 */
import { fileURLToPath } from 'node:url';
import { parseLevel } from '../model/load';
import { simulate } from '../engine/simulate';
import { loadCampaign } from '../../levels/campaign';
import { readJsonFile } from './io';
import { mmcKQueue } from './queueTheory';

const BENCH_LEVEL = fileURLToPath(new URL('../../tests/bench/m-m-4-24.json', import.meta.url));

function time<T>(run: () => T): { value: T; seconds: number } {
  const start = performance.now();
  const value = run();
  return { value, seconds: (performance.now() - start) / 1000 };
}

function queueBenchmark(): Record<string, unknown> {
  const level = parseLevel(readJsonFile(BENCH_LEVEL), BENCH_LEVEL);
  const stream = level.workload.streams[0]!;
  const arrival = stream.arrival as { perSecond: number };
  const run = time(() => simulate(level, level.reference, { trace: false }));
  const result = run.value;
  if (!result.ok)
    throw new Error(`the benchmark wiring does not compile: ${JSON.stringify(result.issues)}`);
  const { metrics } = result;
  const queue = Object.values(metrics.queues)[0]!;
  const theory = mmcKQueue(arrival.perSecond, 1, 4, 24);
  const pBlock = metrics.lost / metrics.jobs;
  const wq = queue.meanWaitUs / 1_000_000;
  return {
    model:
      'M/M/4/24: Poisson λ = 3.6/s, exponential service mean 1 s, 4 coroutine workers, queue of 20 that sheds',
    jobs: metrics.jobs,
    seconds: round(run.seconds, 3),
    jobsPerSecond: Math.round(metrics.jobs / run.seconds),
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
// Peak resident memory of the process so far: the 2-million-job run, before any traced run.
const queuePeakMemoryMB = round(process.resourceUsage().maxRSS / 1024, 1);
const levels = campaignTimings();
const usage = process.resourceUsage();
console.log(
  JSON.stringify(
    {
      node: process.version,
      queue: { ...queue, peakMemoryMB: queuePeakMemoryMB },
      levels,
      peakMemoryWithTracedRunsMB: round(usage.maxRSS / 1024, 1),
      targets: { jobsPerSecond: '≥ 2,000,000', queuePeakMemoryMB: '< 200' },
    },
    null,
    2,
  ),
);
