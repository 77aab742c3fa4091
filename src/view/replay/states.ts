/**
 * Worker states as small integers, so a run's state changes fit in typed arrays. The
 * order is the order the timeline's legend and stacked bars use.
 */
import type { WorkerState } from '../../engine/trace';

export const WORKER_STATES: readonly WorkerState[] = [
  'cpu',
  'gil',
  'io',
  'blocked',
  'ready',
  'starting',
  'idle',
  'done',
];

export const STATE_COUNT = WORKER_STATES.length;

/** Each state's code; a plain record, as reading a trace looks one up per event. */
export const STATE_INDEX = Object.fromEntries(WORKER_STATES.map((s, i) => [s, i])) as Readonly<
  Record<WorkerState, number>
>;

export function stateCode(state: WorkerState): number {
  return STATE_INDEX[state];
}

export function stateName(code: number): WorkerState {
  return WORKER_STATES[code] as WorkerState;
}

export const CPU = stateCode('cpu');
export const IDLE = stateCode('idle');
export const DONE = stateCode('done');
/** Not created yet: a worker's state before its first change. */
export const NONE = 255;

/** What a player reads for each state, in a legend or a tooltip. */
export const STATE_LABELS: Readonly<Record<WorkerState, string>> = {
  cpu: 'running on a core',
  gil: 'waiting for the GIL',
  io: 'waiting on IO',
  blocked: 'blocked (lock, semaphore, queue, pool)',
  ready: 'ready, waiting for the event loop',
  starting: 'process starting',
  idle: 'idle',
  done: 'finished',
};
