/**
 * What a wrapper does with an error that unwinds through it, as Python's `except`
 * clauses would:
 * - a Timeout catches only its own cancellation: the job goes on through its
 *   on-timeout wire, or the cancellation becomes a TimeoutError;
 * - a Retry catches errors (never a cancellation, nor a job wired wrong) while it has
 *   attempts left, then sends the job through its on-fail wire, or lets the error go on;
 * - any other wrapper lets it pass (an `async with` releases on the way out).
 */
import type { Instr } from '../program';
import type { Frame, Raised } from './flow';

export type Handling =
  /** Not caught here: unwind on. */
  | { readonly then: 'pass' }
  /** Caught: the carrier goes on at `pc`. `timedOut`: the Timeout node whose time ran out. */
  | { readonly then: 'goTo'; readonly pc: Instr; readonly timedOut: string | null }
  /** Caught and raised again as another error. */
  | { readonly then: 'raise'; readonly raised: Raised; readonly timedOut: string | null }
  /** Caught by a Retry with attempts left: its body runs again. */
  | { readonly then: 'retry' };

const PASS: Handling = { then: 'pass' };

export function handle(frame: Frame, raised: Raised): Handling {
  const ins = frame.instr;
  if (ins.op === 'timeout' && raised.cancel && raised.by === frame) {
    if (ins.onTimeout !== null) return { then: 'goTo', pc: ins.onTimeout, timedOut: ins.node };
    return {
      then: 'raise',
      raised: {
        cancel: false,
        reason: 'timeout',
        node: ins.node,
        detail: 'took longer than the Timeout allows',
        fatal: false,
      },
      timedOut: ins.node,
    };
  }
  if (ins.op === 'retry' && !raised.cancel && !raised.fatal) {
    if (frame.attempt < ins.attempts) return { then: 'retry' };
    if (ins.onFail !== null) return { then: 'goTo', pc: ins.onFail, timedOut: null };
  }
  return PASS;
}
