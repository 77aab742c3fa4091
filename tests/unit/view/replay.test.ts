import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { TraceEvent } from '../../../src/engine/trace';
import { buildReplay } from '../../../src/view/replay/replay';
import { FATE_DELIVERED, FATE_PENDING } from '../../../src/view/replay/jobTable';
import {
  frameAt,
  createFrame,
  nextEventTime,
  previousEventTime,
} from '../../../src/view/replay/frame';
import { createTokenBuffer, locateTokens } from '../../../src/view/replay/tokens';
import { NONE, stateCode, stateName } from '../../../src/view/replay/states';
import { threadPoolTrace, TraceWriter } from './fixtures';

describe('buildReplay', () => {
  const replay = buildReplay(threadPoolTrace(), { nodeIds: ['n1', 'n2', 'n3', 'n4'] });

  it('indexes workers, processes and the end of the run', () => {
    expect(replay.workers.map((w) => w.label)).toEqual(['event loop', 'thread 1', 'thread 2']);
    expect(replay.processes).toEqual([0]);
    expect(replay.end).toBe(400);
    expect(replay.outcome).toBe('finished');
    expect(Array.from(replay.eventTimes)).toEqual([0, 100, 200, 300, 400]);
  });

  it("lists each job's visits in order, counting a delivery at an unentered Sink as a visit", () => {
    const { jobs } = replay;
    const visits = (job: number) =>
      Array.from(jobs.entryNode.subarray(jobs.entryStart[job], jobs.entryStart[job + 1])).map(
        (n) => replay.nodes[n],
      );
    expect(visits(0)).toEqual(['n1', 'n2', 'n3', 'n4']);
    expect(visits(1)).toEqual(['n1', 'n2', 'n3', 'n4']);
    expect(Array.from(jobs.resolvedAt)).toEqual([300, 400]);
    expect(Array.from(jobs.fate)).toEqual([FATE_DELIVERED, FATE_DELIVERED]);
  });

  it('counts failed and lost jobs apart, as the score does', () => {
    const w = new TraceWriter().arrive(0, 0).arrive(0, 1).arrive(0, 2);
    w.events.push(
      { type: 'jobFailed', t: 100, job: 0, node: 'n2', reason: 'timeout', detail: '' },
      { type: 'jobLost', t: 200, job: 1, node: 'n2', detail: 'shed' },
      { type: 'jobLost', t: 300, job: 2, node: 'n2', detail: 'shed' },
    );
    const r = buildReplay(w.end(300), { nodeIds: ['n1', 'n2'] });
    const frame = frameAt(r, 300);
    expect([frame.failed, frame.lost]).toEqual([1, 2]);
    expect([frameAt(r, 150).failed, frameAt(r, 150).lost]).toEqual([1, 0]);
  });

  it('reads a visit from the worker that works for a job at a step the trace does not enter', () => {
    const r = buildReplay(
      new TraceWriter()
        .worker(0, 0, 'task', 0, null, 'main()')
        .arrive(0, 0)
        .arrive(0, 1)
        .enter(0, 0, 'src')
        .state(0, 0, 'io', 0, 'count')
        .deliver(10, 0, 'sink', 10)
        .state(10, 0, 'cpu', -1, 'count')
        .state(10, 0, 'io', 1, 'count')
        .end(20),
      { source: 'src' },
    );
    const visits = (job: number) =>
      Array.from(r.jobs.entryNode.subarray(r.jobs.entryStart[job], r.jobs.entryStart[job + 1])).map(
        (n) => r.nodes[n],
      );
    expect(visits(0)).toEqual(['src', 'count', 'sink']);
    // Job 1 waits in the Source from its arrival until main() takes it at 10.
    expect(visits(1)).toEqual(['src', 'count']);
    expect(
      Array.from(r.jobs.entryTime.subarray(r.jobs.entryStart[1], r.jobs.entryStart[2])),
    ).toEqual([0, 10]);
  });

  it('keeps a job pending when the run ends before it is delivered', () => {
    const stuck = buildReplay(new TraceWriter().arrive(0, 0).enter(0, 0, 'n1').end(50, 'deadlock'));
    expect(stuck.jobs.fate[0]).toBe(FATE_PENDING);
    expect(stuck.jobs.resolvedAt[0]).toBe(Infinity);
    expect(stuck.outcome).toBe('deadlock');
  });
});

describe('frameAt', () => {
  const replay = buildReplay(threadPoolTrace());

  it('shows who runs and who waits for the GIL', () => {
    const f = frameAt(replay, 50);
    expect(stateName(f.state[1]!)).toBe('cpu');
    expect(f.job[1]).toBe(0);
    expect(stateName(f.state[2]!)).toBe('gil');
    expect(f.gilHolder.get(0)).toBe(1);
    expect(f.running).toBe(1);
    const g = frameAt(replay, 150, f);
    expect(stateName(g.state[1]!)).toBe('io');
    expect(stateName(g.state[2]!)).toBe('cpu');
    expect(g.gilHolder.get(0)).toBe(2);
    expect(frameAt(replay, 250).gilHolder.get(0)).toBe(-1);
  });

  it('counts deliveries up to the moment', () => {
    expect(frameAt(replay, 299).delivered).toBe(0);
    expect(frameAt(replay, 300).delivered).toBe(1);
    expect(frameAt(replay, 10_000).delivered).toBe(2);
  });

  it('steps from event to event', () => {
    expect(nextEventTime(replay, 0)).toBe(100);
    expect(nextEventTime(replay, 150)).toBe(200);
    expect(nextEventTime(replay, 400)).toBe(400);
    expect(previousEventTime(replay, 150)).toBe(100);
    expect(previousEventTime(replay, 100)).toBe(0);
  });
});

/** A random but well-formed trace: workers change state, jobs arrive in order and visit nodes. */
const traceArb = fc
  .record({
    workers: fc.array(
      fc.record({
        process: fc.integer({ min: 0, max: 2 }),
        created: fc.integer({ min: 0, max: 50 }),
        changes: fc.array(
          fc.record({
            t: fc.integer({ min: 0, max: 1000 }),
            state: fc.constantFrom('cpu', 'io', 'gil', 'blocked', 'ready', 'idle', 'done' as const),
            job: fc.integer({ min: -1, max: 5 }),
          }),
          { maxLength: 12 },
        ),
      }),
      { minLength: 1, maxLength: 5 },
    ),
    jobs: fc.array(
      fc.record({
        arrival: fc.integer({ min: 0, max: 500 }),
        visits: fc.array(
          fc.record({
            gap: fc.integer({ min: 0, max: 200 }),
            node: fc.constantFrom('a', 'b', 'c', 'q'),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        delivered: fc.boolean(),
      }),
      { maxLength: 8 },
    ),
    gil: fc.array(
      fc.record({ t: fc.integer({ min: 0, max: 1000 }), holder: fc.integer({ min: -1, max: 4 }) }),
      {
        maxLength: 8,
      },
    ),
  })
  .map(({ workers, jobs, gil }) => {
    // Events carry their generation order, so the sort below is stable and creation precedes use.
    const events: { e: TraceEvent; order: number }[] = [];
    const push = (e: TraceEvent) => events.push({ e, order: events.length });
    workers.forEach((w, id) => {
      push({
        type: 'workerCreated',
        t: w.created,
        worker: id,
        kind: 'thread',
        process: w.process,
        node: 'p',
        label: `w${id}`,
      });
      for (const c of [...w.changes].sort((x, y) => x.t - y.t)) {
        push({
          type: 'workerState',
          t: Math.max(c.t, w.created),
          worker: id,
          state: c.state,
          job: c.job,
          node: null,
          detail: '',
        });
      }
    });
    [...jobs]
      .sort((x, y) => x.arrival - y.arrival)
      .forEach((j, id) => {
        push({ type: 'jobArrived', t: j.arrival, job: id, kind: 'k', arrival: j.arrival });
        let t = j.arrival;
        for (const v of j.visits) {
          t += v.gap;
          push({ type: 'jobEntered', t, job: id, node: v.node });
        }
        if (j.delivered)
          push({
            type: 'jobDelivered',
            t: t + 1,
            job: id,
            node: 'sink',
            latency: t + 1 - j.arrival,
            corrupted: false,
          });
      });
    for (const g of gil) push({ type: 'gilChanged', t: g.t, process: 0, holder: g.holder });
    events.sort((x, y) => x.e.t - y.e.t || x.order - y.order);
    return events.map((x) => x.e);
  });

/** The state at t by folding every event up to t: slow, obviously right, the oracle. */
function naiveAt(trace: readonly TraceEvent[], t: number) {
  const state = new Map<number, { state: string; job: number }>();
  const place = new Map<number, string>();
  const resolved = new Set<number>();
  let gil = -1;
  let delivered = 0;
  for (const e of trace) {
    if (e.t > t) break;
    if (e.type === 'workerCreated') state.set(e.worker, { state: 'idle', job: -1 });
    if (e.type === 'workerState') state.set(e.worker, { state: e.state, job: e.job });
    if (e.type === 'gilChanged') gil = e.holder;
    if (e.type === 'jobEntered') place.set(e.job, e.node);
    if (e.type === 'jobDelivered') {
      resolved.add(e.job);
      delivered++;
    }
  }
  const tokens = [...place].filter(([job]) => !resolved.has(job)).sort((a, b) => a[0] - b[0]);
  return { state, gil, delivered, tokens };
}

describe('seeking agrees with replaying the trace from the start', () => {
  it('at any moment, in any order of seeks', () => {
    fc.assert(
      fc.property(
        traceArb,
        fc.array(fc.integer({ min: -10, max: 1300 }), { minLength: 1, maxLength: 10 }),
        (trace, seeks) => {
          const replay = buildReplay(trace);
          // A checkpoint every 3 changes: seeks back and forth cross many of them.
          const frame = createFrame(replay, 3);
          const tokens = createTokenBuffer(replay);
          for (const t of seeks) {
            const want = naiveAt(trace, t);
            frameAt(replay, t, frame);
            replay.workers.forEach((w, i) => {
              const expected = want.state.get(w.id);
              expect(frame.state[i] !== NONE).toBe(expected !== undefined);
              if (expected) {
                expect(frame.state[i]).toBe(stateCode(expected.state as never));
                expect(frame.job[i]).toBe(expected.job);
              }
            });
            if (replay.gil.size > 0) expect(frame.gilHolder.get(0)).toBe(want.gil);
            const onCpu = [...want.state.values()].filter((s) => s.state === 'cpu');
            expect(frame.running).toBe(onCpu.length);
            for (let job = 0; job < replay.jobs.count; job++) {
              expect(frame.onCore[job]).toBe(onCpu.filter((s) => s.job === job).length);
            }
            expect(frame.delivered).toBe(want.delivered);
            locateTokens(replay, t, 0, tokens);
            const got = Array.from({ length: tokens.count }, (_, k) => [
              tokens.job[k],
              replay.nodes[replay.jobs.entryNode[tokens.from[k]!]!],
            ]);
            expect(got).toEqual(want.tokens);
            for (let k = 0; k < tokens.count; k++) expect(tokens.to[k]).toBe(-1);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('loop blocks', () => {
  it('covers the time a step held the loop, reported when it ended', () => {
    const w = new TraceWriter();
    w.events.push({ type: 'loopBlocked', t: 500, node: 'n3', step: 'resize', delay: 200 });
    w.events.push({ type: 'loopBlocked', t: 900, node: 'n3', step: 'resize', delay: 100 });
    const replay = buildReplay(w.end(1000));
    expect(frameAt(replay, 299).loopBlock).toBeNull();
    expect(frameAt(replay, 300).loopBlock?.t).toBe(500);
    expect(frameAt(replay, 499).loopBlock?.step).toBe('resize');
    expect(frameAt(replay, 500).loopBlock).toBeNull();
    expect(frameAt(replay, 850).loopBlock?.t).toBe(900);
  });
});
