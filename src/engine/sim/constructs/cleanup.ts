/**
 * Clean-up: `try: body except asyncio.CancelledError: await undo(); raise` — or, run on
 * every way out, `try: body finally: await undo()`. The clean-up takes its own time, and
 * the error (a cancellation, or any error for `finally`) goes on only after it: whoever
 * cancelled waits for it, so a Timeout around it ends late by the clean-up's time, as
 * `asyncio.timeout` and `wait_for` do (asyncio/timeouts.py re-raises in `__aexit__`
 * only once the cancelled body has finished).
 */
import type { CleanupInstr } from '../../program';
import { driver } from './driver';

/** Frame.attempt is 1 once the frame's clean-up has begun: it runs once. */
const CLEANING = 1;

export const cleanupDriver = driver<CleanupInstr>({
  enter(c, ins) {
    c.pushFrame(ins).pending = null;
    c.pc = ins.body;
    return true;
  },
  exit(c, frame) {
    const ins = frame.instr as CleanupInstr;
    if (!ins.always) {
      c.pc = ins.next;
      return true;
    }
    frame.attempt = CLEANING;
    c.frames.push(frame);
    c.cleanUp(ins.takesUs);
    return false;
  },
  handle(frame, raised) {
    const ins = frame.instr as CleanupInstr;
    if (frame.attempt === CLEANING || !(ins.always || raised.cancel)) return { then: 'pass' };
    frame.attempt = CLEANING;
    return { then: 'cleanUp', us: ins.takesUs };
  },
  resume(c, frame) {
    const pending = frame.pending ?? null;
    if (pending !== null) {
      // The frame stays on top: unwinding pops it again, and it passes the error on.
      c.raised = pending;
      return;
    }
    c.frames.pop();
    c.pc = (frame.instr as CleanupInstr).next;
  },
});
