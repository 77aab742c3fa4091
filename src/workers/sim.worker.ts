/**
 * Runs the engine off the page's thread, so a long run never freezes the game. One request
 * at a time; the page terminates the worker to abandon a run it no longer wants.
 */
import { simulate } from '../engine/simulate';
import type { SimRequest, SimResponse } from './protocol';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<SimRequest>) => void) | null;
  postMessage(message: SimResponse): void;
};

scope.onmessage = (event) => {
  const { id, level, solution, options } = event.data;
  try {
    scope.postMessage({ id, ok: true, result: simulate(level, solution, options) });
  } catch (error) {
    scope.postMessage({
      id,
      ok: false,
      error: error instanceof Error ? error.message : String(error),
    });
  }
};
