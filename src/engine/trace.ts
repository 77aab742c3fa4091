/**
 * What a run did, as a list of past-tense facts in time order. The run view, the
 * timeline, the sound and the tests replay this; none of them decides anything.
 *
 * Times are integer microseconds. Jobs are numbered 0.. in arrival order. Workers are
 * numbered in creation order; `workerCreated` says what each one is.
 */
import type { Micros } from '../model/units';

export type WorkerKind = 'loop' | 'task' | 'thread' | 'process';

/**
 * What a worker is doing.
 * - `cpu`: running Python code on a core.
 * - `io`: waiting on IO (awaiting it, for a task; blocked in it, for a thread).
 * - `gil`: a thread that wants to run Python code, waiting for its process's GIL.
 * - `blocked`: waiting on a lock, semaphore, queue, pool or gathered parts.
 * - `ready`: a task that could run, waiting for the event loop to get to it.
 * - `idle`: nothing to do (a worker waiting for a job, an event loop in select()).
 * - `starting`: a worker process starting up.
 * - `done`: finished for good.
 */
export type WorkerState = 'cpu' | 'io' | 'gil' | 'blocked' | 'ready' | 'idle' | 'starting' | 'done';

export type FailReason = 'timeout' | 'serviceError' | 'refused' | 'wrongStep' | 'unfinished';

export type TraceEvent =
  | {
      readonly type: 'workerCreated';
      readonly t: Micros;
      readonly worker: number;
      readonly kind: WorkerKind;
      readonly process: number;
      readonly node: string | null;
      readonly label: string;
    }
  | {
      readonly type: 'workerState';
      readonly t: Micros;
      readonly worker: number;
      readonly state: WorkerState;
      readonly job: number;
      readonly node: string | null;
      readonly detail: string;
    }
  | {
      readonly type: 'jobArrived';
      readonly t: Micros;
      readonly job: number;
      readonly kind: string;
      readonly arrival: Micros;
    }
  | { readonly type: 'jobEntered'; readonly t: Micros; readonly job: number; readonly node: string }
  | {
      readonly type: 'jobDelivered';
      readonly t: Micros;
      readonly job: number;
      readonly node: string;
      readonly latency: Micros;
      readonly corrupted: boolean;
    }
  | {
      readonly type: 'jobFailed';
      readonly t: Micros;
      readonly job: number;
      readonly node: string | null;
      readonly reason: FailReason;
      readonly detail: string;
    }
  | {
      readonly type: 'jobLost';
      readonly t: Micros;
      readonly job: number;
      readonly node: string | null;
      readonly detail: string;
    }
  | {
      readonly type: 'queueChanged';
      readonly t: Micros;
      readonly node: string;
      readonly depth: number;
    }
  | {
      readonly type: 'gilChanged';
      readonly t: Micros;
      readonly process: number;
      readonly holder: number;
    }
  | { readonly type: 'memoryChanged'; readonly t: Micros; readonly bytes: number }
  | {
      readonly type: 'serviceChanged';
      readonly t: Micros;
      readonly service: string;
      readonly active: number;
    }
  | {
      readonly type: 'serviceRefused';
      readonly t: Micros;
      readonly service: string;
      readonly job: number;
      readonly why: 'connections' | 'rate';
    }
  | { readonly type: 'timedOut'; readonly t: Micros; readonly job: number; readonly node: string }
  | {
      readonly type: 'retried';
      readonly t: Micros;
      readonly job: number;
      readonly node: string;
      readonly attempt: number;
    }
  | {
      readonly type: 'raceLost';
      readonly t: Micros;
      readonly job: number;
      readonly node: string;
      readonly state: string;
    }
  | {
      readonly type: 'loopBlocked';
      readonly t: Micros;
      readonly node: string;
      readonly step: string;
      readonly delay: Micros;
    }
  | { readonly type: 'runEnded'; readonly t: Micros; readonly outcome: RunOutcome };

export type RunOutcome = 'finished' | 'deadlock' | 'outOfMemory' | 'budgetExhausted';

export type TraceEventType = TraceEvent['type'];
