/**
 * Hand-made traces for the replay tests, written event by event the way the engine
 * reports a run, so each expectation can be checked by reading the fixture.
 */
import type { TraceEvent, WorkerKind, WorkerState } from '../../../src/engine/trace';

/** Collects events with the fewest words; times are microseconds. */
export class TraceWriter {
  readonly events: TraceEvent[] = [];

  worker(
    t: number,
    worker: number,
    kind: WorkerKind,
    process: number,
    node: string | null,
    label: string,
  ): this {
    this.events.push({ type: 'workerCreated', t, worker, kind, process, node, label });
    return this;
  }

  state(
    t: number,
    worker: number,
    state: WorkerState,
    job = -1,
    node: string | null = null,
    detail = '',
  ): this {
    this.events.push({ type: 'workerState', t, worker, state, job, node, detail });
    return this;
  }

  arrive(t: number, job: number, kind = 'photo'): this {
    this.events.push({ type: 'jobArrived', t, job, kind, arrival: t });
    return this;
  }

  enter(t: number, job: number, node: string): this {
    this.events.push({ type: 'jobEntered', t, job, node });
    return this;
  }

  deliver(t: number, job: number, node: string, latency: number): this {
    this.events.push({ type: 'jobDelivered', t, job, node, latency, corrupted: false });
    return this;
  }

  gil(t: number, process: number, holder: number): this {
    this.events.push({ type: 'gilChanged', t, process, holder });
    return this;
  }

  queue(t: number, node: string, depth: number): this {
    this.events.push({ type: 'queueChanged', t, node, depth });
    return this;
  }

  end(t: number, outcome: 'finished' | 'deadlock' = 'finished'): TraceEvent[] {
    this.events.push({ type: 'runEnded', t, outcome });
    return this.events;
  }
}

/**
 * Two photos through a thread pool of two threads: Source n1 → Thread pool n2 { resize n3 }
 * → Sink n4. resize is 100 µs of CPU then 200 µs of blocking IO; the threads share the GIL,
 * so thread 2 waits for it until thread 1 goes to IO.
 *
 *   t    thread 1 (w1)      thread 2 (w2)      GIL
 *   0    cpu job 0          gil job 1          w1
 *   100  io job 0           cpu job 1          w2
 *   200                     io job 1           free
 *   300  idle, job 0 delivered (the Sink is reported by the delivery only)
 *   400                     idle, job 1 enters the Sink and is delivered
 */
export function threadPoolTrace(): TraceEvent[] {
  return new TraceWriter()
    .worker(0, 0, 'loop', 0, null, 'event loop')
    .worker(0, 1, 'thread', 0, 'n2', 'thread 1')
    .worker(0, 2, 'thread', 0, 'n2', 'thread 2')
    .arrive(0, 0)
    .enter(0, 0, 'n1')
    .arrive(0, 1)
    .enter(0, 1, 'n1')
    .enter(0, 0, 'n2')
    .enter(0, 0, 'n3')
    .state(0, 1, 'cpu', 0, 'n3', 'resize')
    .gil(0, 0, 1)
    .enter(0, 1, 'n2')
    .enter(0, 1, 'n3')
    .state(0, 2, 'gil', 1, 'n3', 'resize')
    .state(100, 1, 'io', 0, 'n3', 'resize: save')
    .gil(100, 0, 2)
    .state(100, 2, 'cpu', 1, 'n3', 'resize')
    .state(200, 2, 'io', 1, 'n3', 'resize: save')
    .gil(200, 0, -1)
    .state(300, 1, 'idle')
    .deliver(300, 0, 'n4', 300)
    .state(400, 2, 'idle')
    .enter(400, 1, 'n4')
    .deliver(400, 1, 'n4', 400)
    .end(400);
}
