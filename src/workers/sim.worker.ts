/**
 * Runs the engine off the page's thread, so a long run never freezes the game. One request
 * at a time; the page terminates the worker to abandon a run it no longer wants. The trace
 * goes across in slices (`TRACE_CHUNK` events each), so the page never spends long on one
 * message; progress is reported as the run goes.
 */
import { simulate } from '../engine/simulate';
import { TRACE_CHUNK, type SimRequest, type SimResponse } from './protocol';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<SimRequest>) => void) | null;
  postMessage(message: SimResponse): void;
};

scope.onmessage = (event) => {
  const { id, level, solution, options, progress } = event.data;
  try {
    const result = simulate(level, solution, {
      ...options,
      onProgress: progress
        ? (resolved, total) => scope.postMessage({ id, kind: 'progress', resolved, total })
        : undefined,
    });
    if (!result.ok || result.trace === null) {
      scope.postMessage({ id, kind: 'done', result });
      return;
    }
    const trace = result.trace;
    for (let at = 0; at < trace.length; at += TRACE_CHUNK)
      scope.postMessage({ id, kind: 'trace', events: trace.slice(at, at + TRACE_CHUNK) });
    scope.postMessage({ id, kind: 'done', result: { ...result, trace: [] } });
  } catch (error) {
    scope.postMessage({
      id,
      kind: 'failed',
      error: error instanceof Error ? error.message : String(error),
    });
  }
};
