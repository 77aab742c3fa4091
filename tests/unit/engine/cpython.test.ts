/**
 * The engine against real CPython: each scenario is a small Python program run with
 * python3 next to the same contract run by the engine; completion times (and counts)
 * must agree. Times are real, so they get a tolerance; orders and counts must match.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/engine/simulate';
import type { Level } from '../../../src/model/level';
import { cpu, io, jobs, makeLevel, step, wire, type Item } from './build';

const PRELUDE = `
import asyncio, json, threading, time
from concurrent.futures import ThreadPoolExecutor
T0 = time.perf_counter()
def now_ms(): return (time.perf_counter() - T0) * 1000
def busy(ms):
    end = time.perf_counter() + ms / 1000
    while time.perf_counter() < end: pass  # alone on the loop's thread, wall time is its CPU time
`;

function python(body: string): number[] {
  const out = execFileSync('python3', ['-c', PRELUDE + body], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  return JSON.parse(out.trim().split('\n').pop() as string) as number[];
}

/** Delivery times in ms, by job number. */
function engine(level: Level, chain: readonly Item[]): number[] {
  const result = simulate(level, wire(level, chain));
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  const times: number[] = [];
  for (const e of result.trace ?? []) if (e.type === 'jobDelivered') times[e.job] = e.t / 1000;
  return times;
}

/** Real runs on a busy two-core machine jitter by tens of ms; the contrasts tested are larger. */
const TOLERANCE_MS = 60;

function expectClose(actual: number[], expected: number[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((a, i) =>
    expect(Math.abs(a - (expected[i] as number))).toBeLessThan(TOLERANCE_MS),
  );
}

describe('engine and CPython agree', () => {
  it("on a timer that expires during another task's CPU step", () => {
    const measured = python(`
async def nap():
    await asyncio.sleep(0.02); return now_ms()
async def burn():
    busy(200); return now_ms()
async def main():
    print(json.dumps(await asyncio.gather(nap(), burn())))
asyncio.run(main())`);
    const level = makeLevel({
      steps: [step('nap', io('20ms')), step('burn', cpu('200ms'))],
      streams: [jobs(1, ['nap']), jobs(1, ['burn'], { kind: 'burner' })],
    });
    const simulated = engine(level, [
      ['tasks', {}, [{ route: { job: ['step:nap'], burner: ['step:burn'] } }]],
    ]);
    expectClose(measured, simulated);
    expect(simulated).toEqual([200, 200]);
  });

  it('on a semaphore serving waiters first come, first served', () => {
    const measured = python(`
async def get(sem):
    async with sem:
        await asyncio.sleep(0.1)
    return now_ms()
async def main():
    sem = asyncio.Semaphore(2)
    print(json.dumps(await asyncio.gather(*(get(sem) for _ in range(5)))))
asyncio.run(main())`);
    const level = makeLevel({ steps: [step('get', io('100ms'))], streams: [jobs(5, ['get'])] });
    const simulated = engine(level, [['tasks', {}, [['semaphore', { permits: 2 }, ['step:get']]]]]);
    expectClose(measured, simulated);
  });

  it('on threads overlapping blocking IO', () => {
    const measured = python(`
def fetch(): time.sleep(0.1); return now_ms()
async def main():
    loop = asyncio.get_running_loop()
    with ThreadPoolExecutor(4) as pool:
        print(json.dumps(await asyncio.gather(*(loop.run_in_executor(pool, fetch) for _ in range(4)))))
asyncio.run(main())`);
    const level = makeLevel({
      steps: [step('get', io('100ms', 'blocking'))],
      streams: [jobs(4, ['get'])],
    });
    expectClose(
      measured,
      engine(level, [['tasks', {}, [['threadPool', { workers: 4 }, ['step:get']]]]]),
    );
  });

  // Real CPU timings on a shared machine can be disturbed by other work: one more try is allowed.
  it('on threads giving CPU work no speed-up (the GIL)', { retry: 2 }, () => {
    // Wall-clock CPU timings are noisy on a shared machine, so compare the ratio of four
    // jobs in four threads to one job alone: the GIL makes it about 4, not 1.
    const [ratio] = python(`
def work(n):
    x = 0
    for i in range(n): x += i
    return x
n = 200_000
while True:
    t = time.perf_counter(); work(n); single = time.perf_counter() - t
    if single > 0.03: break
    n *= 2
t = time.perf_counter()
with ThreadPoolExecutor(4) as pool: list(pool.map(work, [n] * 4))
print(json.dumps([(time.perf_counter() - t) / single]))`);
    const one = makeLevel({ steps: [step('burn', cpu('50ms'))], streams: [jobs(1, ['burn'])] });
    const four = makeLevel({ steps: [step('burn', cpu('50ms'))], streams: [jobs(4, ['burn'])] });
    const chain: Item[] = [['tasks', {}, [['threadPool', { workers: 4 }, ['step:burn']]]]];
    const simulated = Math.max(...engine(four, chain)) / Math.max(...engine(one, chain));
    expect(simulated).toBeCloseTo(4, 1);
    expect(ratio).toBeGreaterThan(2.5);
    expect(ratio).toBeLessThan(6);
  });

  // Real CPU timings on a shared machine can be disturbed by other work: one more try is allowed.
  it(
    'on a process pool pickling in the main process while its worker computes',
    { retry: 2 },
    () => {
      // A payload whose pickling and unpickling each take 50 ms of CPU, as a 10 MB one does
      // at 10 ms per MB each way. Every pickle on the worker would deliver at 301, 602 and
      // 903 ms; the call queue's feeder pickles the next call while the worker computes.
      const measured = python(`
import concurrent.futures
def burn(ms):
    end = time.thread_time() + ms / 1000
    while time.thread_time() < end: pass
class Payload:
    def __reduce__(self):
        burn(50); return (unpickled, ())
def unpickled():
    burn(50); return Payload()
def work(payload):
    burn(1 + 100); return payload
async def main():
    global T0
    loop = asyncio.get_running_loop()
    with concurrent.futures.ProcessPoolExecutor(1) as pool:
        await loop.run_in_executor(pool, burn, 0)
        T0 = time.perf_counter()
        async def call():
            await loop.run_in_executor(pool, work, Payload()); return now_ms()
        print(json.dumps(await asyncio.gather(*(call() for _ in range(3)))))
asyncio.run(main())`);
      const level = makeLevel({
        cores: 2,
        process: { startup: '0ms', callOverhead: '1ms', picklePerMB: '10ms', memory: '40MB' },
        steps: [step('work', cpu('100ms'))],
        streams: [jobs(3, ['work'], { payload: '10MB' })],
      });
      const simulated = engine(level, [
        ['tasks', {}, [['processPool', { workers: 1 }, ['step:work']]]],
      ]);
      expect(simulated).toEqual([301, 502, 703]);
      expectClose(measured, simulated);
    },
  );

  it('on how many jobs a full queue sheds when main() never yields', () => {
    const measured = python(`
async def worker(q):
    while True:
        await q.get(); await asyncio.sleep(0.01); q.task_done()
async def main():
    q = asyncio.Queue(maxsize=3)
    w = asyncio.create_task(worker(q))
    shed = 0
    for job in range(10):
        try: q.put_nowait(job)
        except asyncio.QueueFull: shed += 1
    await q.join(); w.cancel()
    print(json.dumps([shed]))
asyncio.run(main())`);
    const level = makeLevel({ steps: [step('get', io('10ms'))], streams: [jobs(10, ['get'])] });
    const result = simulate(
      level,
      wire(level, [['queue', { capacity: 3, workers: 1, whenFull: 'shed' }, ['step:get']]]),
    );
    expect(result.ok && [result.metrics.lost]).toEqual(measured);
  });
});
