/**
 * The size an executor gets when it is not given one (a pool node's `workers` 0), from
 * the machine's cores, as CPython sizes it:
 * - `ThreadPoolExecutor()`: `min(32, (os.cpu_count() or 1) + 4)` (Lib/concurrent/futures/
 *   thread.py, `ThreadPoolExecutor.__init__`, since 3.8): at least 5 threads for IO-bound
 *   work, never more than 32. `asyncio.to_thread` and `run_in_executor(None, …)` use the
 *   loop's default executor, which is one of these (Lib/asyncio/base_events.py).
 * - `ProcessPoolExecutor()`: `os.cpu_count() or 1` (Lib/concurrent/futures/process.py).
 */
export function defaultPoolSize(kind: 'thread' | 'process', cores: number): number {
  const cpus = Math.max(1, cores);
  return kind === 'thread' ? Math.min(32, cpus + 4) : cpus;
}

/** The workers a pool node's `workers` parameter stands for on a machine of `cores`. */
export function poolSize(kind: 'thread' | 'process', workers: number, cores: number): number {
  return workers === 0 ? defaultPoolSize(kind, cores) : workers;
}
