/**
 * Properties of every run, over random wirings (fast-check): the engine never throws on a
 * wiring, always terminates, accounts for every job exactly once, keeps its trace in time
 * order, and gives the same result for the same input. Then the adversary's inputs
 * (wiringArbitraries.ts), over 10,000 cases under a small step cap: every construct with
 * extreme parameters, random graphs, mutated shipped solutions and contracts. What they
 * shrank to is kept in repro.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCampaign } from '../../../levels/campaign';
import { simulate } from '../../../src/engine/simulate';
import { InputErrors } from '../../../src/model/errors';
import type { Level } from '../../../src/model/level';
import { parseLevel } from '../../../src/model/load';
import type { Solution } from '../../../src/model/solution';
import { cpu, io, jobs, makeLevel, step, wire, type Item } from './build';
import { chainOf, mutate, mutations, rawWiring } from './wiringArbitraries';

const level: Level = makeLevel({
  cores: 2,
  memory: '200MB',
  steps: [
    step('fetch', io('20ms')),
    { id: 'load', label: 'load', ops: [{ call: 'db', mode: 'blocking' }] },
    step('parse', cpu('5ms')),
    { id: 'count', label: 'count', ops: [{ update: 'total', ops: [io('2ms', 'blocking')] }] },
  ],
  services: [
    { id: 'db', label: 'DB', latency: { exponential: '10ms' }, maxConcurrent: 3, failRate: 0.1 },
  ],
  streams: [
    jobs(12, ['fetch', 'parse'], { arrival: { type: 'poisson', perSecond: 200 } }),
    jobs(8, ['load', 'count'], {
      kind: 'report',
      arrival: { type: 'bursts', size: 4, every: '30ms' },
    }),
  ],
});

const stepItem = fc.constantFrom<Item>('step:fetch', 'step:load', 'step:parse', 'step:count');

const body: fc.Memo<Item[]> = fc.memo((depth: number) => {
  const wrapped = (
    type: 'semaphore' | 'lock' | 'retry' | 'timeout' | 'threadPool' | 'processPool' | 'fanOut',
    params: fc.Arbitrary<Record<string, unknown>>,
  ) => fc.tuple(params, body(depth - 1)).map(([p, children]) => [type, p, children] as Item);
  const item: fc.Arbitrary<Item> =
    depth <= 0
      ? stepItem
      : fc.oneof(
          { weight: 4, arbitrary: stepItem },
          {
            weight: 1,
            arbitrary: wrapped('semaphore', fc.record({ permits: fc.integer({ min: 1, max: 4 }) })),
          },
          { weight: 1, arbitrary: wrapped('lock', fc.record({ name: fc.constantFrom('A', 'B') })) },
          {
            weight: 1,
            arbitrary: wrapped(
              'retry',
              fc.record({
                attempts: fc.integer({ min: 1, max: 3 }),
                backoff: fc.constantFrom('0ms', '5ms'),
              }),
            ),
          },
          {
            weight: 1,
            arbitrary: wrapped(
              'timeout',
              fc.record({ after: fc.constantFrom('1ms', '15ms', '1s') }),
            ),
          },
          {
            weight: 1,
            arbitrary: wrapped(
              'threadPool',
              fc.record({ workers: fc.integer({ min: 1, max: 4 }) }),
            ),
          },
          {
            weight: 1,
            arbitrary: wrapped(
              'processPool',
              fc.record({ workers: fc.integer({ min: 1, max: 3 }) }),
            ),
          },
        );
  return fc.array(item, { minLength: 0, maxLength: 3 });
});

const wiring: fc.Arbitrary<Item[]> = fc.oneof(
  body(2),
  body(2).map((children) => [['tasks', {}, children] as Item]),
  fc
    .tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 1, max: 4 }), fc.boolean(), body(2))
    .map(([capacity, workers, shed, children]) => [
      ['queue', { capacity, workers, whenFull: shed ? 'shed' : 'block' }, children] as Item,
    ]),
  fc
    .tuple(fc.integer({ min: 1, max: 5 }), body(1))
    .map(([size, children]) => [['batch', { size }, children] as Item]),
);

describe('every run', () => {
  it('terminates, accounts for every job once, and keeps time in order', () => {
    const outcomes = new Set<string>();
    fc.assert(
      fc.property(wiring, (chain) => {
        const result = simulate(level, wire(level, chain));
        if (!result.ok) {
          expect(result.issues.length).toBeGreaterThan(0);
          return;
        }
        const { metrics, verdict, trace } = result;
        outcomes.add(verdict.outcome);
        expect(['finished', 'deadlock', 'outOfMemory', 'budgetExhausted']).toContain(
          verdict.outcome,
        );
        const resolvedEvents = (trace ?? []).filter(
          (e) => e.type === 'jobDelivered' || e.type === 'jobFailed' || e.type === 'jobLost',
        );
        expect(resolvedEvents.length).toBe(metrics.done + metrics.failed + metrics.lost);
        expect(new Set(resolvedEvents.map((e) => (e as { job: number }).job)).size).toBe(
          resolvedEvents.length,
        );
        if (verdict.outcome === 'finished') expect(resolvedEvents.length).toBe(metrics.jobs);
        for (let i = 1; i < (trace ?? []).length; i++)
          expect(trace![i]!.t).toBeGreaterThanOrEqual(trace![i - 1]!.t);
        expect(metrics.makespanUs).toBeGreaterThanOrEqual(0);
        expect(metrics.peakMemoryBytes).toBeGreaterThan(0);
      }),
      { numRuns: 1000, seed: 4242 },
    );
    // The generator must reach runnable wirings, not only ones the compiler refuses.
    expect(outcomes.has('finished')).toBe(true);
  });

  it('gives the same trace and metrics for the same input, and in metrics-only mode the same metrics', () => {
    fc.assert(
      fc.property(wiring, (chain) => {
        const solution = wire(level, chain);
        const first = simulate(level, solution);
        const second = simulate(level, solution);
        const quiet = simulate(level, solution, { trace: false });
        expect(JSON.stringify(second)).toBe(JSON.stringify(first));
        if (first.ok && quiet.ok) {
          expect(quiet.trace).toBeNull();
          expect({ ...quiet.metrics, events: 0 }).toEqual({ ...first.metrics, events: 0 });
          expect(quiet.verdict).toEqual(first.verdict);
        }
      }),
      { numRuns: 300, seed: 99 },
    );
  });

  it('draws a different workload for a different seed, the same for the same seed', () => {
    const solution = wire(level, [
      [
        'tasks',
        {},
        [{ route: { job: ['step:fetch', 'step:parse'], report: ['step:load', 'step:count'] } }],
      ],
    ]);
    const a = simulate(level, solution, { seed: 1, trace: false });
    const b = simulate(level, solution, { seed: 2, trace: false });
    const c = simulate(level, solution, { seed: 1, trace: false });
    expect(a.ok && b.ok && c.ok).toBe(true);
    if (a.ok && b.ok && c.ok) {
      expect(a.metrics.makespanUs).not.toBe(b.metrics.makespanUs);
      expect(c.metrics).toEqual(a.metrics);
    }
  });
});

/**
 * The adversary's runs: each case is run twice with a small event budget (the step cap),
 * must not throw — a contract the engine cannot run is refused with InputErrors — and
 * must give the same answer both times.
 */
const STEP_CAP = 3_000;

/** How the adversary's cases ended, to check that the generators reach every ending. */
const endings = new Map<string, number>();
const tally = (ending: string): void => void endings.set(ending, (endings.get(ending) ?? 0) + 1);

function answer(contract: Level, solution: Solution): string {
  try {
    const result = simulate(contract, solution, { trace: false, eventBudget: STEP_CAP });
    if (!result.ok) {
      expect(result.issues.length).toBeGreaterThan(0);
      tally('refused');
      return JSON.stringify(result.issues);
    }
    const { metrics, verdict } = result;
    tally(verdict.outcome);
    expect(metrics.done + metrics.failed + metrics.lost).toBeLessThanOrEqual(metrics.jobs);
    return JSON.stringify({ metrics, verdict });
  } catch (error) {
    if (error instanceof InputErrors) {
      tally('contract refused');
      return error.message;
    }
    throw error;
  }
}

function sameAnswerTwice(contract: Level, solution: Solution): void {
  expect(answer(contract, solution)).toBe(answer(contract, solution));
}

const extreme: Level = makeLevel({
  cores: 2,
  memory: '128MB',
  steps: [
    step('fetch', io('20ms')),
    { id: 'load', label: 'load', ops: [{ call: 'db', mode: 'async' }] },
    { id: 'render', label: 'render', ops: [cpu('3ms'), io('0s')], perPart: true },
    { id: 'count', label: 'count', ops: [{ update: 'total', ops: [io('1ms', 'blocking')] }] },
  ],
  services: [
    { id: 'db', label: 'DB', latency: { exponential: '10ms' }, maxConcurrent: 2, failRate: 0.3 },
  ],
  streams: [
    jobs(5, ['fetch', 'render', 'count'], { parts: 3 }),
    jobs(4, ['load', 'count'], { kind: 'report', arrival: { type: 'interval', every: '5ms' } }),
  ],
});

const campaign = loadCampaign();
/** The parts of a contract the engine runs (its story and hints it only shows). */
const RUN_PARTS = [
  'machine',
  'workload',
  'steps',
  'services',
  'palette',
  'costs',
  'goals',
] as const;

describe('every run of an adversary’s input', () => {
  it('wirings of every construct with extreme parameters: no throw, the same answer twice', () => {
    fc.assert(
      fc.property(chainOf(extreme, 3), (chain) => sameAnswerTwice(extreme, wire(extreme, chain))),
      { numRuns: 4_000, seed: 1201 },
    );
  });

  it('nodes and wires joined at random: no throw, the same answer twice', () => {
    fc.assert(
      fc.property(rawWiring(extreme), (solution) => sameAnswerTwice(extreme, solution)),
      { numRuns: 2_000, seed: 1202 },
    );
  });

  it('shipped solutions mutated: no throw, the same answer twice', () => {
    const pick = fc.constantFrom(
      ...campaign.flatMap((level) =>
        [level.reference, ...level.naive].map((s) => [level, s] as const),
      ),
    );
    fc.assert(
      fc.property(pick, mutations, ([level, solution], edits) =>
        sameAnswerTwice(level, mutate(solution, edits)),
      ),
      { numRuns: 3_000, seed: 1203 },
    );
  });

  it('shipped contracts mutated, read by the loader as a link would be: no throw, the same answer twice', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...campaign),
        fc.constantFrom(...RUN_PARTS),
        mutations,
        (level, part, edits) => {
          let contract: Level;
          try {
            contract = parseLevel({ ...level, [part]: mutate(level[part], edits) }, 'link');
          } catch (error) {
            expect(error).toBeInstanceOf(InputErrors);
            return;
          }
          sameAnswerTwice(contract, contract.reference);
        },
      ),
      { numRuns: 1_000, seed: 1204 },
    );
  });

  it('reached refusals and the runs that end by finishing, by memory and by the step cap', () => {
    for (const ending of ['refused', 'finished', 'outOfMemory', 'budgetExhausted'])
      expect(endings.get(ending) ?? 0, ending).toBeGreaterThan(10);
  });
});
