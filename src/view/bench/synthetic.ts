/**
 * A made-up run for measuring the run view: `moving` tokens always on their way between
 * the steps of a long chain. Each job stays `STAY_US` in each step; a token travels for
 * the last TRAVEL_SHARE of its stay, so keeping `moving` of them on the move takes
 * `moving / TRAVEL_SHARE` jobs in flight, their entries spread evenly over a stay.
 */
import type { SimResult } from '../../engine/result';
import type { TraceEvent } from '../../engine/trace';
import type { Solution, SolutionNode } from '../../model/solution';
import { TRAVEL_SHARE } from '../replay/tokens';

export const STAY_US = 1_000_000;
const STEPS = 8;

export interface SyntheticRun {
  readonly solution: Solution;
  readonly result: SimResult;
  /** A moment when the chain is full: every job is in flight. */
  readonly busyFrom: number;
  readonly busyUntil: number;
}

export function syntheticRun(moving: number): SyntheticRun {
  const jobs = Math.ceil(moving / TRAVEL_SHARE);
  const nodes: SolutionNode[] = [
    { id: 'source', type: 'source', params: {}, position: { x: 0, y: 0 } },
  ];
  const steps: string[] = [];
  for (let i = 0; i < STEPS; i++) {
    const id = `s${i}`;
    steps.push(id);
    nodes.push({
      id,
      type: 'step',
      params: { step: 'work' },
      position: { x: 200 + (i % 4) * 200, y: Math.floor(i / 4) * 140 },
    });
  }
  nodes.push({ id: 'sink', type: 'sink', params: {}, position: { x: 1000, y: 140 } });
  const chain = ['source', ...steps, 'sink'];
  const connections = chain.slice(1).map((to, i) => ({ from: chain[i]!, fromPort: 'out', to }));
  const events: { t: number; e: TraceEvent }[] = [];
  for (let job = 0; job < jobs; job++) {
    const start = Math.floor((job * STAY_US) / jobs);
    events.push({
      t: start,
      e: { type: 'jobArrived', t: start, job, kind: job % 3 === 0 ? 'b' : 'a', arrival: start },
    });
    chain.forEach((node, i) => {
      const t = start + i * STAY_US;
      if (node === 'sink') {
        events.push({
          t,
          e: { type: 'jobDelivered', t, job, node, latency: t - start, corrupted: false },
        });
      } else {
        events.push({ t, e: { type: 'jobEntered', t, job, node } });
      }
    });
  }
  events.sort((a, b) => a.t - b.t);
  const end = (chain.length + 1) * STAY_US;
  const trace = events.map((x) => x.e);
  trace.push({ type: 'runEnded', t: end, outcome: 'finished' });
  const solution: Solution = {
    kind: 'loopwork/solution',
    version: 1,
    level: { id: 'bench', revision: 1 },
    nodes,
    connections,
  };
  const result = {
    ok: true,
    metrics: {} as never,
    verdict: {
      outcome: 'finished',
      passed: true,
      goals: [],
      grade: 'none',
      problems: [],
      loopBlocks: [],
      races: [],
      deadlock: null,
      memoryBreakdown: null,
    },
    trace,
  } as SimResult;
  return { solution, result, busyFrom: STAY_US, busyUntil: (chain.length - 1) * STAY_US };
}
