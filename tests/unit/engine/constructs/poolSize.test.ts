/**
 * Pools left at their default size (workers 0), against CPython: `ThreadPoolExecutor()`
 * has min(32, os.cpu_count() + 4) threads, `ProcessPoolExecutor()` one process per core,
 * and `asyncio.to_thread` runs in the loop's default executor, a ThreadPoolExecutor().
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../../src/engine/simulate';
import { defaultPoolSize } from '../../../../src/model/poolSize';
import { cpu, io, jobs, makeLevel, step, wire } from '../build';

/** The sizes CPython gives on a machine whose os.cpu_count() is `cores`. */
function cpythonSizes(cores: number): { thread: number; process: number; toThread: number } {
  const out = execFileSync(
    'python3',
    [
      '-c',
      `
import asyncio, concurrent.futures as cf, json, os
# The executors read the core count when they are made (3.13 reads process_cpu_count).
os.cpu_count = os.process_cpu_count = lambda: ${cores}
async def main():
    await asyncio.to_thread(lambda: None)
    return asyncio.get_running_loop()._default_executor._max_workers
print(json.dumps({
    "thread": cf.ThreadPoolExecutor()._max_workers,
    "process": cf.ProcessPoolExecutor()._max_workers,
    "toThread": asyncio.run(main()),
}))`,
    ],
    { encoding: 'utf8', timeout: 30_000 },
  );
  return JSON.parse(out) as { thread: number; process: number; toThread: number };
}

describe('a pool of the default size, as CPython sizes it', () => {
  it.each([1, 2, 4, 28, 64])('on %i cores', (cores) => {
    const python = cpythonSizes(cores);
    expect(defaultPoolSize('thread', cores)).toBe(python.thread);
    expect(defaultPoolSize('thread', cores)).toBe(python.toThread);
    expect(defaultPoolSize('process', cores)).toBe(python.process);
  });

  it('runs as many threads at once as the default size on the contract’s cores', () => {
    // 10 blocking calls of 100 ms, at once, on 4 cores: 8 threads take 8, then 2.
    const level = makeLevel({
      cores: 4,
      steps: [step('save', io('100ms', 'blocking'))],
      streams: [jobs(10, ['save'])],
    });
    const run = (workers: number) => {
      const result = simulate(
        level,
        wire(level, [['tasks', {}, [['threadPool', { workers }, ['step:save']]]]]),
      );
      if (!result.ok) throw new Error(JSON.stringify(result.issues));
      return result.metrics;
    };
    expect(run(0).makespanUs).toBe(200_000);
    expect(run(0).threads).toBe(8);
    expect(run(10).makespanUs).toBe(100_000);
  });

  it('gives a process pool one process per core', () => {
    const level = makeLevel({
      cores: 2,
      steps: [step('crunch', cpu('1s'))],
      streams: [jobs(4, ['crunch'])],
    });
    const result = simulate(
      level,
      wire(level, [['tasks', {}, [['processPool', { workers: 0 }, ['step:crunch']]]]]),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.metrics.processes).toBe(2);
  });

  it('holds the default size to the contract’s limit on workers', () => {
    const level = {
      ...makeLevel({
        cores: 4,
        steps: [step('crunch', cpu('1s'))],
        streams: [jobs(2, ['crunch'])],
      }),
    };
    const limited = {
      ...level,
      palette: { ...level.palette, threadPool: { limits: { workers: 6 } } },
    };
    const result = simulate(
      limited,
      wire(limited, [['tasks', {}, [['threadPool', { workers: 0 }, ['step:crunch']]]]]),
    );
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.issues[0]?.message).toBe(
        'left at its default size, this pool has 8 threads on 4 cores (min(32, cores + 4)); this contract allows at most 6',
      );
  });
});
