/**
 * Timeout t: `async with asyncio.timeout(t):`. Entering arms the deadline; when it expires
 * the task is cancelled, and the Timeout catches only its own cancellation: the job goes
 * on through the "timed out" wire, or the cancellation becomes a TimeoutError. Only a
 * coroutine can be cancelled (the compiler keeps Timeouts out of threads and processes).
 */
import type { TimeoutInstr } from '../../program';
import type { Task } from '../task';
import { driver } from './driver';

export const timeoutDriver = driver<TimeoutInstr>({
  enter(c, ins) {
    const frame = c.pushFrame(ins);
    (c as Task).armDeadline(frame, ins.afterUs);
    c.pc = ins.body;
    return true;
  },
  handle(frame, raised) {
    const ins = frame.instr as TimeoutInstr;
    if (!raised.cancel || raised.by !== frame) return { then: 'pass' };
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
  },
});
