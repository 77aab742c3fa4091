/**
 * What a carrier's flow of control is made of: the error it is unwinding (an exception or
 * a cancellation), the frames of the wrappers it is inside, and what it waits for.
 */
import type { Instr } from '../program';
import type { FailReason } from '../trace';
import type { WorkItem } from './pools';
import type { Task } from './task';

export interface Failure {
  readonly cancel: false;
  readonly reason: FailReason;
  readonly node: string;
  readonly detail: string;
  /** Not an exception a Retry may catch (the job was wired wrong). */
  readonly fatal: boolean;
}
export interface Cancellation {
  readonly cancel: true;
  /** The Timeout frame that asked for it; null when a parent cancelled. */
  readonly by: Frame | null;
}
export type Raised = Failure | Cancellation;

export interface Frame {
  readonly instr: Instr;
  /** Recipe progress at entry, restored when a Retry runs its body again. */
  readonly pos: number;
  attempt: number;
  token: number;
  held: boolean;
  /** The error a clean-up holds while it runs, raised again after it (a Clean-up's frame). */
  pending?: Raised | null;
}

/** What a carrier is waiting for, so a resume (or a cancellation) knows what to finish or undo. */
export const Wait = {
  None: 0,
  /** A step's op: CPU, IO, a service call. */
  Op: 1,
  /** The construct of the innermost frame (a permit, a pool's result, parts, a back-off): its driver resumes. */
  Construct: 2,
  Put: 3,
  NextJob: 4,
  Drain: 5,
} as const;
export type Wait = (typeof Wait)[keyof typeof Wait];

export type CarrierContext = 'coroutine' | 'thread' | 'process';

/** A Fan-out's or a Task group's frame: the parts it gathers and how they went. */
export interface GatherFrame extends Frame {
  parts: Task[];
  left: number;
  partsDone: number;
  /** Fan-out: the first error, passed on at once; collecting: the error of the first child that failed. */
  error: Raised | null;
  /** Collecting: the index of the child whose error `error` is (gather's results are in order). */
  errorAt: number;
  /** Task group: every part's error, raised together once every part is done. */
  errors: Failure[];
  /** The awaiting task was cancelled: it wakes once every part is done. */
  cancelled: boolean;
}

/** A pool's frame: the work handed to it. */
export interface OffloadFrame extends Frame {
  item: WorkItem | null;
}

/** What a queue answers a worker's get() when it is empty: the worker waits. */
export const NO_JOB = -1;
/** What a queue answers a worker's get() when it is empty and shut down: QueueShutDown, it returns. */
export const SHUT_DOWN = -2;
