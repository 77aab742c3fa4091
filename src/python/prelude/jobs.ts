/**
 * The prelude's jobs: the Job record, every job of the contract placed in time as
 * src/engine/sim/jobs.ts places them, and arrivals() that hands each to main() when it
 * arrives. arrival_times() has a branch only for the patterns the contract's streams use.
 */

/** Arrival patterns a contract's streams can use. */
export type ArrivalType = 'atOnce' | 'interval' | 'bursts' | 'poisson';

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

/** The prelude's jobs part; with `payloads`, a job's data is a Payload whose pickling costs time. */
export function jobs(arrivals: readonly ArrivalType[], payloads: boolean): string {
  return JOBS(arrivalTimes(arrivals), payloads);
}
