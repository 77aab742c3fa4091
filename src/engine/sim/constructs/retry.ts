/**
 * Retry n: `for attempt in range(n): try: body; break except errors: …`. It catches errors
 * while it has attempts left (never a cancellation, nor a job wired wrong), waits its
 * back-off, and runs the body again; after the last attempt the job leaves by "failed",
 * or the error goes on.
 */
import type { RetryInstr } from '../../program';
import { driver } from './driver';

export const retryDriver = driver<RetryInstr>({
  enter(c, ins) {
    c.pushFrame(ins).attempt = 1;
    c.pc = ins.body;
    return true;
  },
  handle(frame, raised) {
    const ins = frame.instr as RetryInstr;
    if (raised.cancel || raised.fatal) return { then: 'pass' };
    if (frame.attempt < ins.attempts) return { then: 'retry' };
    if (ins.onFail !== null) return { then: 'goTo', pc: ins.onFail, timedOut: null };
    return { then: 'pass' };
  },
});
