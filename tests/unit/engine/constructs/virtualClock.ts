/**
 * CPython's own asyncio on a simulated clock, to check the engine's constructs against it
 * without measuring anything: the loop's `time()` is a number that `select()` moves on
 * to the next timer instead of sleeping, so every `asyncio.sleep`, `asyncio.timeout` and
 * `wait_for` runs exactly as CPython schedules it, in simulated milliseconds (and `busy`
 * holds the loop's thread for a CPU step's time). The
 * scenario prints what happened, in order, as JSON.
 */
import { execFileSync } from 'node:child_process';

const PRELUDE = `
import asyncio, json, sys
class SimulatedClock(asyncio.SelectorEventLoop):
    def __init__(self):
        super().__init__()
        self.now = 0.0
        real = self._selector.select
        def select(timeout=None):
            if timeout is not None and timeout > 0:
                self.now += timeout
            return real(0)
        self._selector.select = select
    def time(self):
        return self.now
def busy(ms):
    # Python code running on the loop's thread: the clock moves on and nothing else runs meanwhile.
    asyncio.get_running_loop().now += ms / 1000
def ms():
    return round(asyncio.get_running_loop().time() * 1000)
class ServiceError(Exception):
    pass
events = []
def log(*what):
    events.append([ms(), *what])
def run(main):
    loop = SimulatedClock()
    try:
        loop.run_until_complete(main())
    finally:
        loop.close()
    print(json.dumps(events))
`;

/** What happened, in order: `[ms, what, …]` rows as the scenario logged them. */
export function cpython(body: string, python = 'python3'): unknown[][] {
  const out = execFileSync(python, ['-c', PRELUDE + body], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  return JSON.parse(out.trim().split('\n').pop() as string) as unknown[][];
}
