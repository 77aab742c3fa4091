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
import asyncio, json, threading, time
def busy(ms):
    end = time.perf_counter() + ms / 1000
    while time.perf_counter() < end: pass  # alone on the loop's thread, wall time is its CPU time
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
