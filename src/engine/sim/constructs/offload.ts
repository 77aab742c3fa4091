/**
 * Thread pool and Process pool: `await loop.run_in_executor(pool, body, job)`. The task
 * hands its body to the pool and awaits the future; the pool's worker runs it and the
 * result (or the error) comes back with `call_soon_threadsafe`. A cancellation (a Timeout
 * around the pool) cancels the future: work still waiting never runs, running work runs on
 * for nobody and holds its worker until it ends. So CPython does: `run_in_executor` wraps
 * the pool's future (asyncio/futures.py, `wrap_future` → `_chain_future`, whose
 * `_call_check_cancel` calls the source's `cancel()`), and concurrent/futures/_base.py's
 * `Future.cancel` returns False once the future is RUNNING.
 */
import type { OffloadInstr } from '../../program';
import { Wait, type OffloadFrame } from '../flow';
import type { WorkItem } from '../pools';
import type { Task } from '../task';
import { driver } from './driver';

export const offloadDriver = driver<OffloadInstr>({
  enter(c, ins) {
    const pool = c.rt.pools[ins.pool]!;
    const frame = c.pushFrame(ins) as OffloadFrame;
    frame.item = pool.submit(c as Task, ins.body);
    c.park(Wait.Construct, 'blocked', `awaiting ${pool.label}`);
    return false;
  },
  resume(c, frame) {
    c.frames.pop();
    const item = (frame as OffloadFrame).item as WorkItem;
    c.partDone = item.partDone;
    if (item.raised !== null) c.raised = item.raised;
    else c.pc = (frame.instr as OffloadInstr).next;
  },
  abort(c, frame) {
    c.rt.pools[(frame.instr as OffloadInstr).pool]!.cancel((frame as OffloadFrame).item!);
    return false;
  },
});
