/**
 * The stand-in machinery every exported program ends with: the clock, the busy loop that
 * plays CPU work, the services, the contract's jobs and the report. None of it is part of
 * the lesson; it is what lets the wiring's code run on its own and be timed.
 *
 * Each piece mirrors the engine (src/engine/sim), so a program measures what the engine
 * predicts: random times are drawn with the engine's hash and arithmetic, arrivals are
 * placed the same way, a service refuses and fails as the engine's does, and a worker
 * process is charged the contract's start-up, call and pickling costs as CPU time.
 *
 * Only the parts a program uses are written, so a first contract's program stays short.
 */

export interface PreludeNeeds {
  /** Random times (steps, arrivals, services): the draw functions. */
  readonly draws: boolean;
  readonly services: boolean;
  /** Jobs can fail (a service call, a timeout, a retry): `ServiceError` and `fail()`. */
  readonly failures: boolean;
  /** Jobs can be lost (a shed queue, a path that ends before the Sink). */
  readonly losses: boolean;
  readonly batches: boolean;
  /** A worker process pool: its call and pickling costs. */
  readonly processes: boolean;
  /** Arrival patterns the contract's streams use. */
  readonly arrivals: readonly ArrivalType[];
}

export type ArrivalType = 'atOnce' | 'interval' | 'bursts' | 'poisson';

const CLOCK = `
# ── Stand-ins for the contract's world ────────────────────────────────────────────
# Not part of the lesson: they let the wiring above run on its own, at a time scale,
# and time it. CPU work is a busy loop on the thread's own CPU clock, so it needs the
# GIL and a core exactly as real Python code does; IO is a sleep.

T0 = 0.0  # time.perf_counter() when main() started
WALL = 0.0  # real seconds main() took
RESULTS = {}  # job id -> [outcome, contract seconds]


def now():
    """Contract time since main() started, in seconds."""
    return (time.perf_counter() - T0) / SCALE


def burn_cpu(seconds):
    """Runs Python for \`seconds\` of this thread's own CPU time."""
    end = time.thread_time() + seconds
    while time.thread_time() < end:
        pass


def deliver(job):
    RESULTS.setdefault(job.id, ["done", now()])`;

const FAILURES = `

class ServiceError(Exception):
    """A call that a service refused, or that failed."""


def fail(job, error):
    RESULTS.setdefault(job.id, ["failed", now()])`;

const LOSSES = `

def lose(job):
    RESULTS.setdefault(job.id, ["lost", now()])`;

const ROUND = `

def js_round(x):
    """Rounds half up, as the engine does (Python's round() rounds half to even)."""
    whole = math.floor(x)
    return whole + 1 if x - whole >= 0.5 else whole`;

const DRAWS = `

# The contract's random times, drawn exactly as the game's engine draws them: a hash of
# (seed, purpose, job, what, which run), so the same job always takes the same time.
def _mix32(h):
    h ^= h >> 16
    h = (h * 0x85EBCA6B) & 0xFFFFFFFF
    h ^= h >> 13
    h = (h * 0xC2B2AE35) & 0xFFFFFFFF
    return h ^ (h >> 16)


def _combine(h, value):
    h = _mix32(((h ^ (value & 0xFFFFFFFF)) + 0x9E3779B9) & 0xFFFFFFFF)
    return _mix32(((h ^ ((value // 4294967296) & 0xFFFFFFFF)) + 0x7F4A7C15) & 0xFFFFFFFF)


def uniform_draw(purpose, a, b=0, c=0):
    """A number in (0, 1], a pure function of its arguments."""
    h = 0x243F6A88
    for value in (SEED, purpose, a, b, c):
        h = _combine(h, value)
    return (h + 1) / 4294967296


def _ln(x):
    # The engine's arithmetic (not math.log), so both agree to the last bit.
    m, e = x, 0
    while m >= 1.4142135623730951:
        m /= 2
        e += 1
    while m < 1.4142135623730951 / 2:
        m *= 2
        e -= 1
    s = (m - 1) / (m + 1)
    s2, term, total = s * s, s, 0.0
    for k in range(1, 60, 2):
        following = total + term / k
        if following == total:
            break
        total, term = following, term * s2
    return 2 * total + e * 0.6931471805599453


def exponential_us(mean_us, u):
    return js_round(-_ln(u) * mean_us)


def uniform_us(low_us, high_us, u):
    return low_us + min(high_us - low_us, math.floor((1 - u) * (high_us - low_us + 1)))


def time_of(dist, purpose, a, b, c):
    """Microseconds of a ("fixed", us), ("exponential", mean us) or ("uniform", low, high) time."""
    if dist[0] == "fixed":
        return dist[1]
    u = uniform_draw(purpose, a, b, c)
    return exponential_us(dist[1], u) if dist[0] == "exponential" else uniform_us(dist[1], dist[2], u)


def op_key(job, step, op, part):
    return step * 16384 + op, (part + 1) * 4096 + job.reruns


def exponential(job, step, op, part=-1, *, mean_us):
    """Seconds this op takes for this job: an exponential draw."""
    return time_of(("exponential", mean_us), 2, job.id, *op_key(job, step, op, part)) / 1e6


def uniform(job, step, op, part=-1, *, low_us, high_us):
    """Seconds this op takes for this job: a uniform draw."""
    return time_of(("uniform", low_us, high_us), 2, job.id, *op_key(job, step, op, part)) / 1e6`;

const SERVICES = `


class Service:
    """A stand-in for an outside service. An accepted call takes the service's latency
    and may fail at its end; a call over the connection cap or the rate limit is
    refused after refuse_after seconds."""

    def __init__(self, name, latency, max_concurrent=None, rate_limit=None,
                 fail_rate=0.0, slow=None, refuse_after=0.01):
        self.name, self.latency, self.max_concurrent = name, latency, max_concurrent
        self.rate_limit, self.fail_rate, self.slow = rate_limit, fail_rate, slow
        self.refuse_after = refuse_after
        self.active = 0
        self.recent = collections.deque()  # start times of accepted calls in the window
        self.guard = threading.Lock()  # calls come from the event loop and from threads

    def _answer(self, job, step, op, part):
        """(seconds, fails) for an accepted call; None for a refused one."""
        with self.guard:
            if self.max_concurrent is not None and self.active >= self.max_concurrent:
                return None
            if self.rate_limit is not None:
                requests, per = self.rate_limit
                t = now()
                while self.recent and self.recent[0] <= t - per:
                    self.recent.popleft()
                if len(self.recent) >= requests:
                    return None
                self.recent.append(t)
            self.active += 1
        key, rerun = op_key(job, step, op, part)
        slow = self.slow is not None and uniform_draw(5, job.id, key, rerun) <= self.slow[0]
        latency = time_of(self.slow[1] if slow else self.latency, 3, job.id, key, rerun)
        fails = self.fail_rate > 0 and uniform_draw(4, job.id, key, rerun) <= self.fail_rate
        return latency / 1e6, fails

    def _hang_up(self):
        with self.guard:
            self.active -= 1

    async def call(self, job, step, op, part=-1):
        answer = self._answer(job, step, op, part)
        if answer is None:
            await asyncio.sleep(self.refuse_after * SCALE)
            raise ServiceError(f"{self.name} refused the call")
        try:
            await asyncio.sleep(answer[0] * SCALE)
        finally:
            self._hang_up()
        if answer[1]:
            raise ServiceError(f"{self.name} answered with an error")

    def call_blocking(self, job, step, op, part=-1):
        answer = self._answer(job, step, op, part)
        if answer is None:
            time.sleep(self.refuse_after * SCALE)
            raise ServiceError(f"{self.name} refused the call")
        try:
            time.sleep(answer[0] * SCALE)
        finally:
            self._hang_up()
        if answer[1]:
            raise ServiceError(f"{self.name} answered with an error")`;

const BATCHES = `


class Batch:
    """Gathers jobs into chunks of \`size\`: each full chunk gets a task, the last at flush()."""

    def __init__(self, size, tg, handle_chunk, *args):
        self.size, self.tg, self.handle_chunk, self.args = size, tg, handle_chunk, args
        self.chunk = []

    def add(self, job):
        self.chunk.append(job)
        if len(self.chunk) >= self.size:
            self.flush()

    def flush(self):
        if self.chunk:
            self.tg.create_task(self.handle_chunk(self.chunk, *self.args))
            self.chunk = []`;

const PROCESSES = `


# A job's data, as big as the contract says. Pickling it costs the contract's time, half to
# pickle and half to unpickle, in whichever process and thread does it — as with real data:
# a call's arguments are pickled here (by the pool's feeder thread, holding this process's
# GIL) and unpickled in the worker; its result is pickled there and unpickled here.
class Payload:
    def __init__(self, nbytes):
        self.nbytes = nbytes

    def __reduce__(self):
        burn_cpu(pickle_seconds(self.nbytes) / 2 * SCALE)
        return (unpickled_payload, (self.nbytes,))


def unpickled_payload(nbytes):
    burn_cpu(pickle_seconds(nbytes) / 2 * SCALE)
    return Payload(nbytes)


def pickle_seconds(nbytes):
    return js_round(nbytes / 1048576 * PICKLE_US_PER_MB) / 1e6


def call_overhead():
    """The fixed cost of a call into a worker process, paid there, as the contract charges it."""
    burn_cpu(CALL_OVERHEAD_US / 1e6 * SCALE)`;

const JOBS = (arrivalTimes: string, payloads: boolean): string => `


@dataclasses.dataclass
class Job:
    id: int  # its number, in order of arrival
    kind: str
    arrival: float  # seconds of contract time
    payload: ${payloads ? 'Payload  # its data' : 'int = 1024  # bytes of data'}
    parts: int = 1
    reruns: int = 0  # attempts retried so far: a new attempt draws new times


${arrivalTimes}


def make_jobs():
    """Every job of the contract, numbered in order of arrival (ties: stream, then job)."""
    placed = []
    for stream, (kind, count, arrival, payload, parts) in enumerate(STREAMS):
        for j, us in enumerate(arrival_times(arrival, count, stream)):
            placed.append((us, stream, j, kind, payload, parts))
    placed.sort()
    return [Job(n, p[3], p[0] / 1e6, ${payloads ? 'Payload(p[4])' : 'p[4]'}, p[5]) for n, p in enumerate(placed)]


JOBS = []


async def arrivals():
    """Each job when it arrives; main() takes it later if it is still busy."""
    for job in JOBS:
        delay = T0 + job.arrival * SCALE - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        yield job`;

/** One branch of arrival_times() per arrival pattern, as src/engine/sim/jobs.ts places them. */
const ARRIVALS: Readonly<Record<ArrivalType, string>> = {
  atOnce: `
    if how == "atOnce":
        return [arrival[1]] * count`,
  interval: `
    if how == "interval":
        every, start = arrival[1], arrival[2]
        return [start + j * every for j in range(count)]`,
  bursts: `
    if how == "bursts":
        size, every, spread, start = arrival[1:]
        return [start + j // size * every + (j % size) * spread // size for j in range(count)]`,
  poisson: `
    if how == "poisson":
        mean_gap, t, times = arrival[1], arrival[2], []
        for j in range(count):
            if j > 0:
                t += exponential_us(mean_gap, uniform_draw(1, stream, j))
            times.append(t)
        return times`,
};

function arrivalTimes(types: readonly ArrivalType[]): string {
  const order: readonly ArrivalType[] = ['atOnce', 'interval', 'bursts', 'poisson'];
  const branches = order.filter((t) => types.includes(t)).map((t) => ARRIVALS[t]);
  return [
    'def arrival_times(arrival, count, stream):',
    '    """When a stream\'s jobs arrive (us), placed as the engine places them."""',
    '    how = arrival[0]',
    ...branches.map((b) => b.slice(1)),
    '    raise ValueError(f"unknown arrival {how}")',
  ].join('\n');
}

const REPORT = `


def report():
    """Prints the run as one JSON line, in seconds of contract time."""
    outcomes = [RESULTS.get(job.id, ["unresolved", None]) for job in JOBS]
    counts = {"done": 0, "failed": 0, "lost": 0, "unresolved": 0}
    for outcome, _ in outcomes:
        counts[outcome] += 1
    times = [t for _, t in outcomes if t is not None]
    line = {
        "contract": CONTRACT,
        "scale": SCALE,
        "unit": "s",
        "makespan": round(max(times, default=0.0), 6),
        # What the run cost in real seconds: wall time of main(), and CPU time of this
        # process and its finished worker processes (os.times() counts them on Unix).
        "wall": round(WALL, 6),
        "cpu": round(sum(os.times()[:4]), 6),
        "jobs": counts,
        "completions": [None if t is None else round(t, 6) for _, t in outcomes],
    }`;

const STATE_REPORT = `
    line["lostUpdates"] = {name: next(WRITES[name]) - value for name, value in STATE.items()}`;

const RUN = `
    print(json.dumps(line))


async def timed(program):
    global T0, WALL
    T0 = time.perf_counter()
    await program
    WALL = time.perf_counter() - T0


def run():
    global JOBS
    if sys.version_info < (3, 11):
        sys.exit("this program needs Python 3.11 or newer (asyncio.TaskGroup, asyncio.timeout)")
    if not SCALE > 0:
        sys.exit("--scale takes the real seconds per contract second, a number above 0")
    JOBS = make_jobs()
    sys.setswitchinterval(GIL_SWITCH * SCALE)
    # select() wakes a timer to the microsecond; epoll rounds its wait up to a whole
    # millisecond, which would add up over thousands of short sleeps.
    def select_loop():
        return asyncio.SelectorEventLoop(selectors.SelectSelector())

    with asyncio.Runner(loop_factory=select_loop) as runner:
        runner.run(timed(main()))`;

/** Python source lines of the stand-ins; `shutdown` are the lines that close the pools. */
export function preludeLines(
  needs: PreludeNeeds,
  sharedState: boolean,
  shutdown: readonly string[],
): string[] {
  const parts = [CLOCK];
  if (needs.failures) parts.push(FAILURES);
  if (needs.losses) parts.push(LOSSES);
  if (needs.draws || needs.processes) parts.push(ROUND);
  if (needs.draws) parts.push(DRAWS);
  if (needs.services) parts.push(SERVICES);
  if (needs.batches) parts.push(BATCHES);
  if (needs.processes) parts.push(PROCESSES);
  parts.push(JOBS(arrivalTimes(needs.arrivals), needs.processes), REPORT);
  if (sharedState) parts.push(STATE_REPORT);
  parts.push(RUN);
  const lines = parts.join('').split('\n').slice(1);
  for (const line of shutdown) lines.push(`    ${line}`);
  lines.push('    report()');
  return lines;
}
