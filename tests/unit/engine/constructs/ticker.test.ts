/**
 * A Ticker beside a CPU hog, against CPython on a simulated clock: the heartbeat is a
 * task of its own that beats, sleeps and beats again, and a CPU step on the loop holds
 * its next beat back until the step is over.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../../src/engine/simulate';
import type { Solution } from '../../../../src/model/solution';
import { cpu, io, jobs, makeLevel, step, wire, type Item } from '../build';
import { cpython } from './virtualClock';

const level = makeLevel({
  steps: [step('burn', cpu('200ms')), step('beat', io('10ms'))],
  streams: [jobs(3, ['burn'], { arrival: { type: 'interval', every: '300ms' } })],
  goals: [{ metric: 'beatGap', max: '100ms' }],
});

/** main() burns each job on the loop; a Ticker beats every 50 ms beside it. */
function withTicker(): Solution {
  const solution = wire(level, ['step:burn']);
  return {
    ...solution,
    nodes: [
      ...solution.nodes,
      {
        id: 'ticker',
        type: 'ticker',
        params: { every: '50ms', for: '0s' },
        position: { x: 0, y: 200 },
      },
      {
        id: 'beat',
        type: 'step',
        params: { step: 'beat' },
        parent: 'ticker',
        position: { x: 20, y: 240 },
      },
    ],
  };
}

describe('a Ticker, as CPython runs a heartbeat task', () => {
  it('beats late by what a CPU step on the loop holds it back', () => {
    const python = cpython(`
async def heartbeat():
    while True:
        await asyncio.sleep(0.01)
        log('beat')
        await asyncio.sleep(0.05)
async def main():
    beats = asyncio.create_task(heartbeat())
    for arrival in (0, 0.3, 0.6):
        wait = arrival - asyncio.get_running_loop().time()
        if wait > 0:
            await asyncio.sleep(wait)
        busy(200)
        log('job done')
    beats.cancel()
run(main)`);
    expect(python).toEqual([
      [200, 'job done'],
      [210, 'beat'],
      [270, 'beat'],
      [500, 'job done'],
      [510, 'beat'],
      [570, 'beat'],
      [800, 'job done'],
    ]);
    const result = simulate(level, withTicker());
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const events: unknown[][] = [];
    let ticker = -1;
    for (const e of result.trace ?? []) {
      if (e.type === 'workerCreated' && e.label === 'ticker') ticker = e.worker;
      if (
        e.type === 'workerState' &&
        e.worker === ticker &&
        e.detail === 'sleeping until the next beat'
      )
        events.push([e.t / 1000, 'beat']);
      if (e.type === 'jobDelivered') events.push([e.t / 1000, 'job done']);
    }
    expect(events).toEqual(python);
    // The longest gap: 270 ms to 510 ms, while the second job burned the loop.
    expect(result.metrics.beatGapUs).toBe(240_000);
    expect(result.verdict.goals[0]?.met).toBe(false);
  });

  it('counts the whole run as one gap when nothing beats', () => {
    const result = simulate(level, wire(level, ['step:burn']));
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.metrics.beatGapUs).toBeUndefined();
    expect(result.verdict.goals[0]?.actual).toBe(800_000);
  });

  it('stops after its time when told to', () => {
    const solution = withTicker();
    const short: Solution = {
      ...solution,
      nodes: solution.nodes.map((n) =>
        n.type === 'ticker' ? { ...n, params: { every: '50ms', for: '250ms' } } : n,
      ),
    };
    const result = simulate(level, short);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    // Beats at 210 ms (and the next would start after 250 ms): then nothing until the end.
    expect(result.metrics.beatGapUs).toBe(800_000 - 210_000);
  });
});

describe('a Ticker beside a wiring that can never finish', () => {
  // Two jobs take two locks in opposite orders: each holds one and waits for the other.
  const crossed = makeLevel({
    steps: [step('first', io('10ms')), step('second', io('10ms')), step('beat', io('1ms'))],
    streams: [
      jobs(1, ['first', 'second'], { kind: 'a' }),
      jobs(1, ['first', 'second'], { kind: 'b' }),
    ],
  });
  const locked = (outer: string, inner: string): Item[] => [
    ['lock', { name: outer }, ['step:first', ['lock', { name: inner }, ['step:second']]]],
  ];
  const withBeat = (solution: Solution): Solution => ({
    ...solution,
    nodes: [
      ...solution.nodes,
      {
        id: 'ticker',
        type: 'ticker',
        params: { every: '50ms', for: '0s' },
        position: { x: 0, y: 200 },
      },
      {
        id: 'beat',
        type: 'step',
        params: { step: 'beat' },
        parent: 'ticker',
        position: { x: 20, y: 240 },
      },
    ],
  });
  // A small budget, so a run that beats on until it is spent ends quickly.
  const options = { eventBudget: 200_000 };

  it('is a deadlock as soon as only the Ticker has anything left to do', () => {
    const solution = withBeat(
      wire(crossed, [['tasks', {}, [{ route: { a: locked('A', 'B'), b: locked('B', 'A') } }]]]),
    );
    const bare = simulate(crossed, { ...solution, nodes: solution.nodes.slice(0, -2) }, options);
    const beating = simulate(crossed, solution, options);
    if (!bare.ok || !beating.ok) throw new Error('did not compile');
    expect(bare.verdict.outcome).toBe('deadlock');
    expect(beating.verdict.outcome).toBe('deadlock');
    // Both jobs blocked at 10 ms; the Ticker had beaten once and slept: nothing else was due.
    expect(beating.trace?.at(-1)).toEqual({ type: 'runEnded', t: 10_000, outcome: 'deadlock' });
    expect(beating.verdict.deadlock).toEqual(bare.verdict.deadlock);
    expect(beating.verdict.deadlock).toHaveLength(2);
  });

  it('is a deadlock when main() awaits queue workers that nothing stops', () => {
    const level = makeLevel({
      steps: [step('work', io('10ms')), step('beat', io('1ms'))],
      streams: [jobs(3, ['work'])],
    });
    const result = simulate(
      level,
      withBeat(wire(level, [['queue', { workers: 2, stop: 'never' }, ['step:work']]])),
      options,
    );
    if (!result.ok) throw new Error('did not compile');
    expect(result.metrics.done).toBe(3);
    expect(result.verdict.outcome).toBe('deadlock');
    expect(result.verdict.deadlock?.[0]?.resource).toBe('the workers of queue1 to return');
  });

  it('is no deadlock while a Timeout may still cancel a blocked job', () => {
    // The job waits for a lock its own task holds; the Timeout around the wait frees it.
    const level = makeLevel({
      steps: [step('work', io('10ms')), step('beat', io('1ms'))],
      streams: [jobs(1, ['work'])],
    });
    const result = simulate(
      level,
      withBeat(
        wire(level, [
          [
            'lock',
            { name: 'A' },
            [['timeout', { after: '200ms' }, [['lock', { name: 'A' }, ['step:work']]]]],
          ],
        ]),
      ),
      options,
    );
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.verdict.outcome).toBe('finished');
    expect(result.metrics.failed).toBe(1);
  });
});
