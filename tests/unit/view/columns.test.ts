import { describe, expect, it } from 'vitest';
import { buildReplay } from '../../../src/view/replay/replay';
import { buildOccupancy, groupWorkers } from '../../../src/view/replay/groups';
import {
  createRunBuffer,
  laneRuns,
  occupancyColumns,
  rateColumns,
  seriesMaxColumns,
} from '../../../src/view/replay/columns';
import { STATE_COUNT, stateCode, stateName } from '../../../src/view/replay/states';
import { threadPoolTrace, TraceWriter } from './fixtures';

const replay = buildReplay(threadPoolTrace());

function runs(worker: number, t0: number, t1: number, columns: number) {
  const out = laneRuns(replay.track(worker), { t0, t1, columns }, createRunBuffer(columns));
  return Array.from({ length: out.count }, (_, i) => [
    out.start[i],
    out.end[i],
    stateName(out.state[i]!),
    out.job[i],
  ]);
}

describe('timeline lanes', () => {
  it('shows each state over the columns it fills', () => {
    expect(runs(1, 0, 400, 4)).toEqual([
      [0, 1, 'cpu', 0],
      [1, 3, 'io', 0],
      [3, 4, 'idle', -1],
    ]);
  });

  it('gives a column too short for its changes the state that fills most of it', () => {
    // Thread 1 in [0, 300): cpu 100, io 200. Then [300, 600): idle only.
    expect(runs(1, 0, 600, 2)).toEqual([
      [0, 1, 'io', 0],
      [1, 2, 'idle', -1],
    ]);
    // Thread 2 in [200, 600): io 200 for job 1, then idle 200, which counts half.
    expect(runs(2, 200, 600, 1)).toEqual([[0, 1, 'io', -1]]);
  });

  it('leaves columns before a worker existed empty', () => {
    const late = buildReplay(new TraceWriter().worker(300, 0, 'thread', 0, 'p', 'late').end(400));
    const out = laneRuns(late.track(0), { t0: 0, t1: 400, columns: 4 }, createRunBuffer(4));
    expect(out.count).toBe(1);
    expect([out.start[0], out.end[0]]).toEqual([3, 4]);
  });

  it('costs work in proportion to the columns, not the run', () => {
    const w = new TraceWriter().worker(0, 0, 'thread', 0, 'p', 'busy');
    for (let i = 1; i <= 100_000; i++) w.state(i * 10, 0, i % 2 ? 'cpu' : 'io', i);
    const big = buildReplay(w.end(1_000_010));
    const out = laneRuns(
      big.track(0),
      { t0: 500_000, t1: 500_100, columns: 10 },
      createRunBuffer(10),
    );
    expect(out.count).toBe(10);
    expect(stateName(out.state[0]!)).toBe('io');
  });
});

describe('groups and occupancy', () => {
  it('groups workers by kind and node in creation order', () => {
    expect(groupWorkers(replay).map((g) => [g.key, g.workers])).toEqual([
      ['loop:', [0]],
      ['thread:n2', [1, 2]],
    ]);
  });

  it('counts how many workers of a group are in each state', () => {
    const occupancy = buildOccupancy(replay, [1, 2]);
    const cols = occupancyColumns(
      occupancy,
      { t0: 0, t1: 400, columns: 4 },
      new Int32Array(4 * STATE_COUNT),
    );
    const at = (col: number, state: string) => cols[col * STATE_COUNT + stateCode(state as never)];
    expect([at(0, 'cpu'), at(0, 'gil')]).toEqual([1, 1]);
    expect([at(1, 'cpu'), at(1, 'io')]).toEqual([1, 1]);
    expect(at(2, 'io')).toBe(2);
    expect([at(3, 'idle'), at(3, 'io')]).toEqual([1, 1]);
    expect(occupancy.peakAlive).toBe(2);
  });
});

describe('plots', () => {
  it('keeps the peak of a queue inside each column', () => {
    const q = buildReplay(
      new TraceWriter()
        .queue(0, 'q', 1)
        .queue(10, 'q', 5)
        .queue(11, 'q', 2)
        .queue(150, 'q', 0)
        .end(200),
    ).queues.get('q')!;
    expect(
      Array.from(seriesMaxColumns(q, { t0: 0, t1: 200, columns: 2 }, new Float64Array(2))),
    ).toEqual([5, 2]);
  });

  it('turns deliveries into a rate per second', () => {
    const times = Float64Array.from({ length: 100 }, (_, i) => 5_000 + i * 10_000); // one every 10 ms
    const rate = rateColumns(times, { t0: 0, t1: 1_000_000, columns: 10 }, 1, new Float64Array(10));
    for (const r of rate) expect(r).toBeCloseTo(100);
  });
});
