/**
 * Runs the engine off the page's thread, so a long run never freezes the game. One request
 * at a time; the page terminates the worker to abandon a run it no longer wants. The trace
 * goes across in slices (`TRACE_CHUNK` events each), so the page never spends long on one
 * message; progress is reported as the run goes.
 */
import { simulate } from '../engine/simulate';
import { TRACE_CHUNK, type SimRequest, type SimResponse } from './protocol';

/** The page is the worker's only correspondent: every message it sends is a SimResponse. */
const post = (message: SimResponse): void => self.postMessage(message);

self.addEventListener('message', (event: MessageEvent<SimRequest>) => {
  const { id, level, solution, options, progress } = event.data;
  try {
    const result = simulate(level, solution, {
      ...options,
      onProgress: progress
        ? (resolved, total) => post({ id, kind: 'progress', resolved, total })
        : undefined,
    });
    if (!result.ok || result.trace === null) {
      post({ id, kind: 'done', result });
      return;
    }
    const trace = result.trace;
    for (let at = 0; at < trace.length; at += TRACE_CHUNK)
      post({ id, kind: 'trace', events: trace.slice(at, at + TRACE_CHUNK) });
    post({ id, kind: 'done', result: { ...result, trace: [] } });
  } catch (error) {
    post({
      id,
      kind: 'failed',
      error: error instanceof Error ? error.message : String(error),
    });
  }
});
