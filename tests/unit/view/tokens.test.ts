import { describe, expect, it } from 'vitest';
import { buildReplay } from '../../../src/view/replay/replay';
import { jobPath, locateJob, TRAVEL_SHARE } from '../../../src/view/replay/tokens';
import { threadPoolTrace, TraceWriter } from './fixtures';

const replay = buildReplay(threadPoolTrace());
const nodeOf = (entry: number) => replay.nodes[replay.jobs.entryNode[entry]!];

describe('where is token N at time t', () => {
  it('sits in the last of the nodes it entered at the same instant', () => {
    const place = locateJob(replay, 0, 0, 0)!;
    expect(nodeOf(place.from)).toBe('n3');
    expect(place.to).toBe(-1);
  });

  it('has no token before it arrives or once it is delivered', () => {
    const late = buildReplay(
      new TraceWriter().arrive(10, 0).enter(10, 0, 'a').deliver(20, 0, 'z', 10).end(20),
    );
    expect(locateJob(late, 0, 9, 0)).toBeNull();
    expect(locateJob(late, 0, 19, 0)).not.toBeNull();
    expect(locateJob(late, 0, 20, 0)).toBeNull();
    expect(locateJob(late, 7, 15, 0)).toBeNull();
  });

  it('sets off early and arrives exactly when the job enters the next node', () => {
    // Job 0 stays in n3 from 0 to 300, then is delivered at n4: a 100 µs journey starts at 200.
    expect(locateJob(replay, 0, 199, 100)!.to).toBe(-1);
    const halfway = locateJob(replay, 0, 250, 100)!;
    expect(nodeOf(halfway.from)).toBe('n3');
    expect(nodeOf(halfway.to)).toBe('n4');
    expect(halfway.progress).toBeCloseTo(0.5);
  });

  it('never travels for more than its share of the stay', () => {
    // The stay in n3 is 300 µs long: however long a journey is asked for, it takes 120 µs.
    const travel = 300 * TRAVEL_SHARE;
    expect(locateJob(replay, 0, 300 - travel - 1, 1e9)!.to).toBe(-1);
    expect(locateJob(replay, 0, 300 - travel / 2, 1e9)!.progress).toBeCloseTo(0.5);
  });

  it('travels through every node entered at the same instant in one journey', () => {
    const hops = buildReplay(
      new TraceWriter()
        .arrive(0, 0)
        .enter(0, 0, 'src')
        .enter(100, 0, 'box')
        .enter(100, 0, 'step')
        .end(200),
    );
    const moving = locateJob(hops, 0, 90, 20)!;
    expect(hops.nodes[hops.jobs.entryNode[moving.from]!]).toBe('src');
    expect(hops.nodes[hops.jobs.entryNode[moving.to]!]).toBe('step');
    expect(moving.to - moving.from).toBe(2);
  });

  it('lists a job path through the wiring', () => {
    expect(jobPath(replay, 1)).toEqual([
      { node: 'n1', t: 0 },
      { node: 'n2', t: 0 },
      { node: 'n3', t: 0 },
      { node: 'n4', t: 400 },
    ]);
    expect(jobPath(replay, 99)).toEqual([]);
  });
});
