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

const CODES = new Map<WorkerState, number>(WORKER_STATES.map((s, i) => [s, i]));

export function stateCode(state: WorkerState): number {
  return CODES.get(state) as number;
}

export function stateName(code: number): WorkerState {
  return WORKER_STATES[code] as WorkerState;
}

export const CPU = stateCode('cpu');
export const IDLE = stateCode('idle');
export const DONE = stateCode('done');
export const STARTING = stateCode('starting');

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
