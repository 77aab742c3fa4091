/**
 * gather() beyond the first error of one body per part, against CPython on a simulated
 * clock: `return_exceptions=True` over the parts (Gather all) waits for every part and
 * collects the errors, so no error reaches the awaiting task; and gather over different
 * branches (Gather branches), where the first error reaches the awaiting task at once
 * while the other branches run on — or, collecting, everything is awaited.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../../src/engine/simulate';
import type { Level } from '../../../../src/model/level';
import type { Solution } from '../../../../src/model/solution';
import { io, jobs, makeLevel, step, wire, type Item } from '../build';
import { cpython } from './virtualClock';

/** The outcome of each job and when each part or branch ended, from the engine's trace. */
function run(level: Level, solution: Solution): { outcomes: unknown[][]; children: unknown[][] } {
  const result = simulate(level, solution);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  const children = new Map<number, string>();
  const ended: unknown[][] = [];
  const outcomes: unknown[][] = [];
  for (const e of result.trace ?? []) {
    if (e.type === 'workerCreated' && /^(part|branch) /.test(e.label))
      children.set(e.worker, e.label);
    if (e.type === 'workerState' && e.state === 'done' && children.has(e.worker) && e.job === 0)
      ended.push([e.t / 1000, children.get(e.worker)]);
    if (e.type === 'workerState' && e.detail === 'cleaning up' && children.has(e.worker))
      ended.push([e.t / 1000, 'cleaning up', children.get(e.worker)]);
    if (e.type === 'jobFailed') outcomes.push([e.job, e.t / 1000, e.reason]);
    if (e.type === 'jobDelivered') outcomes.push([e.job, e.t / 1000, 'delivered']);
  }
  return { outcomes, children: ended };
}

/** A wiring with a box's "failed" port wired to the Sink. */
function failedToSink(solution: Solution, box: string): Solution {
  return {
    ...solution,
    connections: [...solution.connections, { from: box, fromPort: 'failed', to: 'sink' }],
  };
}

describe('Gather all, as CPython runs gather(..., return_exceptions=True)', () => {
  // Three parts call a service that takes two calls at a time: the third is refused 10 ms in.
  const level = makeLevel({
    steps: [{ id: 'call', label: 'call', perPart: true, ops: [{ call: 'api', mode: 'async' }] }],
    streams: [jobs(1, ['call'], { parts: 3 })],
    services: [
      { id: 'api', label: 'api', latency: '200ms', maxConcurrent: 2, refuseAfter: '10ms' },
    ],
  });
  const SERVICE = `
active = 0
async def call(part):
    global active
    if active >= 2:
        await asyncio.sleep(0.01)
        log('refused', part)
        raise ServiceError()
    active += 1
    try:
        await asyncio.sleep(0.2)
        log('answered', part)
    finally:
        active -= 1
async def handle_part(part):
    try:
        await call(part)
    except asyncio.CancelledError:
        log('cleaning up', part)
        await asyncio.sleep(0.05)
        raise
`;
  const chain: Item[] = [
    ['gatherAll', {}, [['cleanup', { takes: '50ms', on: 'cancel' }, ['step:call']]]],
  ];

  it('waits for every part, cancels nothing, and the awaiting task gets the errors as results', () => {
    const python = cpython(`${SERVICE}
async def main():
    results = await asyncio.gather(*(handle_part(part) for part in range(3)), return_exceptions=True)
    errors = [type(r).__name__ for r in results if isinstance(r, Exception)]
    log('gathered', errors)
    if errors:
        log('failed')
run(main)`);
    expect(python[0]).toEqual([10, 'refused', 2]);
    expect(python.slice(1, 3).sort()).toEqual([
      [200, 'answered', 0],
      [200, 'answered', 1],
    ]);
    expect(python.slice(3)).toEqual([
      [200, 'gathered', ['ServiceError']],
      [200, 'failed'],
    ]);
    // No "failed" wire: the first collected error fails the job, once every part is done.
    const engine = run(level, wire(level, chain));
    expect(engine.children).toEqual([
      [10, 'part 3'],
      [200, 'part 1'],
      [200, 'part 2'],
    ]);
    expect(engine.outcomes).toEqual([[0, 200, 'refused']]);
    // Wired: the job leaves by "failed" then (here to the Sink, which finds its parts unfinished).
    expect(run(level, failedToSink(wire(level, chain), 'gatherAll1')).outcomes).toEqual([
      [0, 200, 'unfinished'],
    ]);
  });

  it('goes on as a Fan-out does when no part fails', () => {
    const calm = makeLevel({
      steps: [{ id: 'call', label: 'call', perPart: true, ops: [{ io: '200ms', label: 'io' }] }],
      streams: [jobs(1, ['call'], { parts: 3 })],
    });
    const python = cpython(`
async def part(n):
    await asyncio.sleep(0.2)
async def main():
    results = await asyncio.gather(*(part(n) for n in range(3)), return_exceptions=True)
    log('gathered', results)
run(main)`);
    expect(python).toEqual([[200, 'gathered', [null, null, null]]]);
    expect(run(calm, wire(calm, chain)).outcomes).toEqual([[0, 200, 'delivered']]);
  });
});

describe('Gather branches, as CPython runs gather(branch_1(job), branch_2(job), …)', () => {
  // A trip: the flight and the hotel each call a booking service that takes one call at a
  // time (the second is refused 10 ms in), the car takes 100 ms; then the trip is confirmed.
  const level = makeLevel({
    steps: [
      { id: 'flight', label: 'flight', ops: [{ call: 'booking', mode: 'async' }] },
      { id: 'hotel', label: 'hotel', ops: [{ call: 'booking', mode: 'async' }] },
      step('car', io('100ms')),
      step('confirm', io('50ms')),
    ],
    streams: [
      jobs(2, ['flight', 'hotel', 'car', 'confirm'], {
        arrival: { type: 'interval', every: '500ms' },
      }),
    ],
    services: [
      { id: 'booking', label: 'booking', latency: '200ms', maxConcurrent: 1, refuseAfter: '10ms' },
    ],
  });
  const BRANCHES = `
active = 0
async def call(name):
    global active
    if active >= 1:
        await asyncio.sleep(0.01)
        log('refused', name)
        raise ServiceError()
    active += 1
    try:
        await asyncio.sleep(0.2)
        log('answered', name)
    finally:
        active -= 1
async def flight():
    await call('flight')
async def hotel():
    await call('hotel')
async def car():
    await asyncio.sleep(0.1)
    log('car done')
`;
  const gathered = (exceptions: string): Item[] => [
    { gather: { exceptions }, branches: [['step:flight'], ['step:hotel'], ['step:car']] },
    'step:confirm',
  ];

  it('passes the first error to the awaiting task at once, while the other branches run on', () => {
    const python = cpython(`${BRANCHES}
async def main():
    try:
        await asyncio.gather(flight(), hotel(), car())
        log('confirmed')
    except ServiceError:
        log('gather raised')
    await asyncio.sleep(1)
run(main)`);
    expect(python).toEqual([
      [10, 'refused', 'hotel'],
      [10, 'gather raised'],
      [100, 'car done'],
      [200, 'answered', 'flight'],
    ]);
    const engine = run(level, wire(level, gathered('raise')));
    // The first job fails at 10 ms; its flight and car branches run on, for nobody.
    expect(engine.outcomes[0]).toEqual([0, 10, 'refused']);
    expect(engine.children).toEqual([
      [10, 'branch 2'],
      [100, 'branch 3'],
      [200, 'branch 1'],
    ]);
  });

  it('collects with return_exceptions: waits for every branch, then the job leaves by "failed"', () => {
    const python = cpython(`${BRANCHES}
async def main():
    results = await asyncio.gather(flight(), hotel(), car(), return_exceptions=True)
    log('gathered', [type(r).__name__ for r in results])
run(main)`);
    expect(python).toEqual([
      [10, 'refused', 'hotel'],
      [100, 'car done'],
      [200, 'answered', 'flight'],
      [200, 'gathered', ['NoneType', 'ServiceError', 'NoneType']],
    ]);
    const engine = run(level, wire(level, gathered('collect')));
    expect(engine.outcomes[0]).toEqual([0, 200, 'refused']);
    const caught = run(level, failedToSink(wire(level, gathered('collect')), 'gather1'));
    expect(caught.outcomes[0]).toEqual([0, 200, 'unfinished']);
  });

  it('does each branch its own share of the recipe, in whatever order the branches sit', () => {
    const calm = makeLevel({
      steps: [
        step('flight', io('300ms')),
        step('hotel', io('200ms')),
        step('car', io('100ms')),
        step('confirm', io('50ms')),
      ],
      streams: [jobs(1, ['flight', 'hotel', 'car', 'confirm'])],
    });
    const python = cpython(`
async def leg(name, ms):
    await asyncio.sleep(ms / 1000)
    log(name)
async def main():
    await asyncio.gather(leg('car', 100), leg('flight', 300), leg('hotel', 200))
    await asyncio.sleep(0.05)
    log('confirmed')
run(main)`);
    expect(python).toEqual([
      [100, 'car'],
      [200, 'hotel'],
      [300, 'flight'],
      [350, 'confirmed'],
    ]);
    const chain: Item[] = [
      {
        gather: { exceptions: 'raise' },
        branches: [['step:car'], ['step:flight'], ['step:hotel']],
      },
      'step:confirm',
    ];
    expect(run(calm, wire(calm, chain)).outcomes).toEqual([[0, 350, 'delivered']]);
  });

  it('is refused where a branch could not count its steps, or inside a box over parts', () => {
    const calm = makeLevel({
      steps: [step('a', io('10ms'))],
      streams: [jobs(1, ['a'])],
    });
    const routed = simulate(
      calm,
      wire(calm, [
        { gather: { exceptions: 'raise' }, branches: [[{ route: { job: ['step:a'] } }]] },
      ]),
    );
    expect(routed.ok).toBe(false);
    if (!routed.ok) expect(routed.issues[0]?.message).toContain('route before the Gather');
    const nested = simulate(
      calm,
      wire(calm, [['fanOut', {}, [{ gather: { exceptions: 'raise' }, branches: [['step:a']] }]]]),
    );
    expect(nested.ok).toBe(false);
    if (!nested.ok) expect(nested.issues[0]?.message).toContain('a part has no branches');
  });
});
