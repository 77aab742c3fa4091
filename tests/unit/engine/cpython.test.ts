/**
 * The engine against real CPython: each scenario is a small Python program run with
 * python3 next to the same contract run by the engine. They are compared on what does
 * not depend on the machine's speed — which job finishes first, how many are in flight
 * at once, which process does what before what, how many jobs are shed — so the test
 * holds on a slow or busy machine. How long CPython takes next to the engine's
 * prediction is `npm run fidelity`'s question, asked with the machine's own costs.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/engine/simulate';
import type { TraceEvent, WorkerState } from '../../../src/engine/trace';
import type { Level } from '../../../src/model/level';
import { cpu, io, jobs, makeLevel, step, wire, type Item } from './build';
import { cpython } from './constructs/virtualClock';

const PRELUDE = `
import asyncio, json, os, threading, time
from concurrent.futures import ThreadPoolExecutor
def busy(ms):
    end = time.perf_counter() + ms / 1000
    while time.perf_counter() < end: pass  # alone on the loop's thread, wall time is its CPU time
`;

function python<T>(body: string): T {
  const out = execFileSync('python3', ['-c', PRELUDE + body], {
    encoding: 'utf8',
    // A busy machine makes these programs slower, never different: the budget is generous.
    timeout: 120_000,
  });
  return JSON.parse(out.trim().split('\n').pop() as string) as T;
}

function run(level: Level, chain: readonly Item[]): readonly TraceEvent[] {
  const result = simulate(level, wire(level, chain));
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.trace ?? [];
}

/** Delivery times in ms, by job number. */
function deliveries(trace: readonly TraceEvent[]): number[] {
  const times: number[] = [];
  for (const e of trace) if (e.type === 'jobDelivered') times[e.job] = e.t / 1000;
  return times;
}

/** The most workers in `state` at one moment (states that change at one instant settle first). */
function peak(trace: readonly TraceEvent[], state: WorkerState): number {
  const current = new Map<number, WorkerState>();
  let most = 0;
  for (let i = 0; i < trace.length; i++) {
    const e = trace[i] as TraceEvent;
    if (e.type !== 'workerState') continue;
    current.set(e.worker, e.state);
    if (trace[i + 1]?.t === e.t) continue;
    most = Math.max(most, [...current.values()].filter((s) => s === state).length);
  }
  return most;
}

describe('engine and CPython agree', () => {
  it("on a timer that expires during another task's CPU step: it waits for the step", () => {
    // The loop runs nothing else while a task computes, so the nap's timer is seen late.
    const order = python<string[]>(`
done = []
async def nap():
    await asyncio.sleep(0.02); done.append("nap")
async def burn():
    busy(200); done.append("burn")
async def main():
    await asyncio.gather(nap(), burn()); print(json.dumps(done))
asyncio.run(main())`);
    const level = makeLevel({
      steps: [step('nap', io('20ms')), step('burn', cpu('200ms'))],
      streams: [jobs(1, ['nap']), jobs(1, ['burn'], { kind: 'burner' })],
    });
    const trace = run(level, [
      ['tasks', {}, [{ route: { job: ['step:nap'], burner: ['step:burn'] } }]],
    ]);
    expect(deliveries(trace)).toEqual([200, 200]);
    const delivered = trace.flatMap((e) => (e.type === 'jobDelivered' ? [e.job] : []));
    expect(delivered.map((job) => (job === 0 ? 'nap' : 'burn'))).toEqual(order);
    expect(order).toEqual(['burn', 'nap']);
  });

  it('on a semaphore serving waiters first come, first served', () => {
    // For each job, how many had finished when it got a permit: two at a time, in order.
    // On the simulated clock: with real time, the two sleeps that end together can end
    // in different loop iterations on a busy machine, and the count then differs.
    const [row] = cpython(`
finished = 0
seen = [None] * 5
async def get(sem, job):
    global finished
    async with sem:
        seen[job] = finished
        await asyncio.sleep(0.1)
        finished += 1
async def main():
    sem = asyncio.Semaphore(2)
    await asyncio.gather(*(get(sem, job) for job in range(5)))
    log(*seen)
run(main)`);
    const finishedBefore = (row as unknown[]).slice(1);
    const level = makeLevel({ steps: [step('get', io('100ms'))], streams: [jobs(5, ['get'])] });
    const times = deliveries(
      run(level, [['tasks', {}, [['semaphore', { permits: 2 }, ['step:get']]]]]),
    );
    const started = times.map((t) => t - 100);
    expect(started.map((s) => times.filter((t) => t <= s).length)).toEqual(finishedBefore);
    expect(finishedBefore).toEqual([0, 0, 2, 2, 4]);
  });

  it('on threads overlapping blocking IO: all four are blocked at once', () => {
    const [most] = python<number[]>(`
lock = threading.Lock(); in_flight = 0; most = 0
def fetch():
    global in_flight, most
    with lock: in_flight += 1; most = max(most, in_flight)
    time.sleep(0.5)
    with lock: in_flight -= 1
async def main():
    loop = asyncio.get_running_loop()
    with ThreadPoolExecutor(4) as pool:
        await asyncio.gather(*(loop.run_in_executor(pool, fetch) for _ in range(4)))
    print(json.dumps([most]))
asyncio.run(main())`);
    const level = makeLevel({
      steps: [step('get', io('100ms', 'blocking'))],
      streams: [jobs(4, ['get'])],
    });
    const trace = run(level, [['tasks', {}, [['threadPool', { workers: 4 }, ['step:get']]]]]);
    expect(peak(trace, 'io')).toBe(most);
    expect(most).toBe(4);
  });

  it('on threads giving CPU work no speed-up: one core at most (the GIL)', () => {
    // However fast or busy the machine, threads under the GIL never use more than one
    // core between them: the process's CPU time cannot outgrow the wall time. Four
    // free threads on two cores would use about two.
    const [cores] = python<number[]>(`
def work(n):
    x = 0
    for i in range(n): x += i
    return x
t = time.perf_counter(); c = time.process_time()
with ThreadPoolExecutor(4) as pool: list(pool.map(work, [3_000_000] * 4))
print(json.dumps([(time.process_time() - c) / (time.perf_counter() - t)]))`);
    const one = makeLevel({ steps: [step('burn', cpu('50ms'))], streams: [jobs(1, ['burn'])] });
    const four = makeLevel({ steps: [step('burn', cpu('50ms'))], streams: [jobs(4, ['burn'])] });
    const chain: Item[] = [['tasks', {}, [['threadPool', { workers: 4 }, ['step:burn']]]]];
    const fourTrace = run(four, chain);
    const slower = Math.max(...deliveries(fourTrace)) / Math.max(...deliveries(run(one, chain)));
    expect(slower).toBeCloseTo(4, 1);
    expect(peak(fourTrace, 'cpu')).toBe(1);
    expect(cores).toBeLessThan(1.25);
  });

  it('on a process pool pickling the next call in the main process while its worker computes', () => {
    // Every pickle on the worker would run in series with the work; the call queue's
    // feeder thread pickles call 2 while the worker is still on call 1. Each process
    // notes when it begins and ends its part (perf_counter is the machine's monotonic
    // clock, the same in every process), and the order is compared, not the times.
    const order = python<string[]>(`
import concurrent.futures, multiprocessing
def burn(ms):
    end = time.thread_time() + ms / 1000
    while time.thread_time() < end: pass
def note(log, what):
    log.put((time.perf_counter(), what))
class Payload:
    def __init__(self, call, log): self.call, self.log = call, log
    def __reduce__(self):
        note(self.log, f"pickle {self.call}"); burn(50); return (unpickled, (self.call, self.log))
def unpickled(call, log):
    burn(50); return Payload(call, log)
def work(payload):
    note(payload.log, f"work {payload.call}"); burn(101); note(payload.log, f"worked {payload.call}")
    return None
async def main():
    loop = asyncio.get_running_loop()
    with multiprocessing.Manager() as manager, concurrent.futures.ProcessPoolExecutor(1) as pool:
        log = manager.Queue()
        await loop.run_in_executor(pool, burn, 0)
        await asyncio.gather(*(loop.run_in_executor(pool, work, Payload(c, log)) for c in (1, 2, 3)))
        notes = []
        while not log.empty(): notes.append(log.get())
    print(json.dumps([what for _, what in sorted(notes)]))
asyncio.run(main())`);
    const level = makeLevel({
      cores: 2,
      process: { startup: '0ms', callOverhead: '1ms', picklePerMB: '10ms', memory: '40MB' },
      steps: [step('work', cpu('100ms'))],
      streams: [jobs(3, ['work'], { payload: '10MB' })],
    });
    const trace = run(level, [['tasks', {}, [['processPool', { workers: 1 }, ['step:work']]]]]);
    expect(deliveries(trace)).toEqual([301, 502, 703]);
    const begins = (detail: string, job: number): number =>
      (
        trace.find(
          (e) => e.type === 'workerState' && e.detail === detail && e.job === job,
        ) as TraceEvent
      ).t;
    const workEnds = (job: number): number =>
      (
        trace.find(
          (e) => e.type === 'workerState' && e.detail === 'pickling the result' && e.job === job,
        ) as TraceEvent
      ).t;
    // Python's order of the same moments: the pickling of call 2 begins before call 1's work ends.
    expect(begins('pickling a call', 1)).toBeLessThan(workEnds(0));
    expect(order.indexOf('pickle 2')).toBeLessThan(order.indexOf('worked 1'));
    expect(order.indexOf('pickle 3')).toBeLessThan(order.indexOf('worked 2'));
    expect(order.filter((what) => what.startsWith('work '))).toEqual([
      'work 1',
      'work 2',
      'work 3',
    ]);
  });

  it('on how many jobs a full queue sheds when main() never yields', () => {
    const measured = python<number[]>(`
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
