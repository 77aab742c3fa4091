/**
 * A bare-bones simulation of the bench's M/M/c/K queue, written as tightly as it can be:
 * the same arrivals and service draws as the engine, and the same asyncio callbacks per
 * job as `BaseEventLoop._run_once` runs them (main's sleep until the next arrival: its
 * timer, then its task's wake-up; `put_nowait` waking a getter; a worker's sleep: its
 * timer, then its wake-up), and nothing else: no GIL, no trace, no interpreter of
 * wirings. `npm run bench` runs it beside the engine, so the engine's speed is read
 * against the least this model costs on the same machine, in the same run.
 */
import { TimedHeap } from '../engine/heap';
import { Purpose } from '../engine/random';
import { drawTime, opKey, rerunKey } from '../engine/sim/draws';
import { Jobs } from '../engine/sim/jobs';
import type { RunSpec, TimeDist } from '../engine/spec';

const TIMER = 0;
const WAKE = 1;
const MAIN = 0;

export interface BareQueueResult {
  served: number;
  lost: number;
  meanWaitUs: number;
}

export function runBareQueue(
  spec: RunSpec,
  workers: number,
  capacity: number,
  service: TimeDist,
): BareQueueResult {
  const arrival = new Jobs(spec).arrival;
  const count = arrival.length;
  const tasks = workers + 1;
  const gen = new Int32Array(tasks);
  const wakePending = new Uint8Array(tasks);
  // Each task has at most a timer and a wake-up queued, so the ring never fills.
  const ready = new Int32Array(1024);
  const readyMask = ready.length - 1;
  let head = 0;
  let tail = 0;
  const timers = new TimedHeap<number>();
  const waiting = new Int32Array(count);
  const putAt = new Float64Array(count);
  let queueHead = 0;
  let queueTail = 0;
  const getters: number[] = [];
  let now = 0;
  let nextJob = 0;
  let served = 0;
  let lost = 0;
  let totalWaitUs = 0;

  // A ready callback is (generation, task, what) packed in one integer.
  const stride = tasks * 2;
  const callSoon = (task: number, what: number): void => {
    ready[tail++ & readyMask] = (gen[task] as number) * stride + task * 2 + what;
  };
  const scheduleWake = (task: number): void => {
    if (wakePending[task] === 1) return;
    wakePending[task] = 1;
    callSoon(task, WAKE);
  };
  const mainNext = (): void => {
    while (nextJob < count) {
      const due = arrival[nextJob] as number;
      if (due > now) {
        timers.push(due, MAIN, gen[MAIN] as number);
        return;
      }
      const job = nextJob++;
      if (queueTail - queueHead >= capacity) {
        lost++;
        continue;
      }
      waiting[queueTail] = job;
      putAt[queueTail++] = now;
      const getter = getters.shift();
      if (getter !== undefined) scheduleWake(getter);
    }
  };
  const workerTake = (worker: number): void => {
    if (queueTail === queueHead) {
      getters.push(worker);
      return;
    }
    const job = waiting[queueHead] as number;
    totalWaitUs += now - (putAt[queueHead++] as number);
    served++;
    const us = drawTime(service, spec.seed, Purpose.Duration, job, opKey(0, 0), rerunKey(-1, 0));
    timers.push(now + us, worker, gen[worker] as number);
  };

  callSoon(MAIN, WAKE);
  for (let w = 1; w <= workers; w++) callSoon(w, WAKE);
  for (;;) {
    if (head === tail) {
      if (timers.size === 0) break;
      now = Math.max(now, timers.peekTime());
    }
    while (timers.peekTime() <= now) {
      const task = timers.peekItem() as number;
      ready[tail++ & readyMask] = timers.peekArg() * stride + task * 2 + TIMER;
      timers.pop();
    }
    for (let batch = tail - head; batch > 0; batch--) {
      const entry = ready[head++ & readyMask] as number;
      const within = entry % stride;
      const task = within >> 1;
      if ((entry - within) / stride !== gen[task]) continue;
      if ((within & 1) === TIMER) {
        scheduleWake(task);
        continue;
      }
      wakePending[task] = 0;
      gen[task] = (gen[task] as number) + 1;
      if (task === MAIN) mainNext();
      else workerTake(task);
    }
  }
  return { served, lost, meanWaitUs: served === 0 ? 0 : totalWaitUs / served };
}
