/**
 * Thread pool and Process pool: `await loop.run_in_executor(pool, body, job)`. The task
 * hands its body to the pool and awaits the future; the pool's worker runs it and the
 * result (or the error) comes back with `call_soon_threadsafe`. A cancellation cancels
 * the future: work still waiting never runs, running work runs on for nobody.
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
