/**
 * The engine against real CPython on what does not depend on the machine's speed: the
 * order things happen in and the counts they end at. Each scenario is a small Python
 * program run with python3 beside the same contract run by the engine. No time is
 * compared: CPython's chunks are far apart enough that their order is the same on a busy
 * machine.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/engine/simulate';
import { cpu, io, jobs, makeLevel, step, wire } from './build';

const PRELUDE = `
import asyncio, json, selectors, threading, time
def busy(ms):
    end = time.perf_counter() + ms / 1000
    while time.perf_counter() < end: pass  # alone on the loop's thread, wall time is its CPU time

# A loop on a virtual clock: CPython's own _run_once (ready queue, timers, Task.__step),
# with select() moving the clock on by its timeout instead of sleeping. The order of what
# the timers wake is then exact, however busy the machine.
CLOCK = [0.0]
class VirtualSelector(selectors.SelectSelector):
    def select(self, timeout=None):
        if timeout: CLOCK[0] += timeout
        return super().select(0)
class VirtualLoop(asyncio.SelectorEventLoop):
    def __init__(self): super().__init__(VirtualSelector())
    def time(self): return CLOCK[0]
def run_virtual(main):
    with asyncio.Runner(loop_factory=VirtualLoop) as runner:
        return runner.run(main())
`;

function python(body: string): unknown {
  const out = execFileSync('python3', ['-c', PRELUDE + body], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return JSON.parse(out.trim().split('\n').pop() as string) as unknown;
}

describe('await asyncio.sleep(0) is a bare yield', () => {
  // CPython Lib/asyncio/tasks.py: `sleep(delay)` with `delay <= 0` awaits `__sleep0()`, a
  // bare `yield`; Task.__step answers a bare yield with `call_soon(self.__step)`, so the
  // task runs again in the next iteration, behind what was ready, with no timer. An
  // expired timer joins the ready queue behind it; the sleeping task it wakes is queued
  // by the timer's callback, one iteration later again: the hog runs two more chunks.
  it('lets a timer that expires during a CPU hog’s chunk in after two more chunks', () => {
    const measured = python(`
order = []
async def nap():
    await asyncio.sleep(0.5); order.append('nap')
async def hog():
    for i in range(6):
        busy(200); order.append(i)
        await asyncio.sleep(0)
async def main():
    await asyncio.gather(nap(), hog())
    print(json.dumps(order))
asyncio.run(main())`);
    const level = makeLevel({
      steps: [
        step('nap', io('500ms')),
        step('hog', { repeat: 6, ops: [cpu('200ms', 'chunk'), io('0s')] }),
      ],
      streams: [jobs(1, ['nap']), jobs(1, ['hog'], { kind: 'hog' })],
    });
    const result = simulate(
      level,
      wire(level, [['tasks', {}, [{ route: { job: ['step:nap'], hog: ['step:hog'] } }]]]),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    // The order of the hog's chunk ends (every 200 ms) and the nap's end, in simulated time:
    // a nap that ends as a chunk ends ran after it, as nothing else runs during a chunk.
    const napEnd = result.trace!.find((e) => e.type === 'jobDelivered' && e.job === 0)!.t;
    const simulated: unknown[] = [];
    for (let chunk = 0; chunk < 6; chunk++) {
      if (napEnd < (chunk + 1) * 200_000 && !simulated.includes('nap')) simulated.push('nap');
      simulated.push(chunk);
    }
    if (!simulated.includes('nap')) simulated.push('nap');
    expect(simulated).toEqual(measured);
    expect(measured).toEqual([0, 1, 2, 3, 4, 'nap', 5]);
  });
});

describe('a lost update is a lost increment', () => {
  // `n = balance; await …; balance = n + 1` in 4,000 tasks, one arriving every 1 ms, each
  // awaiting 3.5 ms between its read and its write: three later tasks read before each
  // write, so the counter gains one for every four updates. Counting every write that
  // follows another's as lost would say 3,999.
  it('counts 3,000 lost of 4,000 and ends at 1,000, as CPython does', () => {
    const measured = python(`
balance = 0
async def pay(i):
    global balance
    await asyncio.sleep(i)  # arrives at i ms: a virtual second stands for a millisecond
    n = balance
    await asyncio.sleep(3.5)
    balance = n + 1
async def main():
    await asyncio.gather(*(pay(i) for i in range(4000)))
    print(json.dumps({'value': balance, 'updates': 4000, 'lost': 4000 - balance}))
run_virtual(main)`);
    const level = makeLevel({
      steps: [step('pay', { update: 'balance', label: 'n = balance; …', ops: [io('3.5ms')] })],
      streams: [jobs(4000, ['pay'], { arrival: { type: 'interval', every: '1ms' } })],
    });
    const result = simulate(level, wire(level, [['tasks', {}, ['step:pay']]]), { trace: false });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.metrics.shared).toEqual({ balance: measured });
    expect(measured).toEqual({ value: 1000, updates: 4000, lost: 3000 });
    expect(result.verdict.problems).toEqual([
      'Race on "balance": 3000 updates were lost because two jobs read and wrote it at the same time. A Lock around the update fixes it.',
    ]);
  });
});
