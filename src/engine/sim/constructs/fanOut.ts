/**
 * Fan-out: `await asyncio.gather(*(body(job, part) for part in job.parts))`. Each part is
 * a task of its own; gather wakes the awaiting task at the first error (the other parts
 * run on, unawaited) or when the last part is done. Cancelling the awaiting task cancels
 * every part still running.
 */
import type { FanOutInstr } from '../../program';
import type { Carrier } from '../carrier';
import { Wait, type Frame, type GatherFrame } from '../flow';
import type { Task } from '../task';
import { driver } from './driver';

const cancelParts = (_c: Carrier, frame: Frame): void => {
  for (const part of (frame as GatherFrame).parts) if (!part.ended) part.cancel(null);
};

export const fanOutDriver = driver<FanOutInstr>({
  enter(c, ins) {
    const rt = c.rt;
    const frame = c.pushFrame(ins) as GatherFrame;
    const count = rt.jobs.partsOf(c.job);
    frame.parts = [];
    frame.left = count;
    frame.partsDone = 0;
    frame.error = null;
    for (let p = 0; p < count; p++) {
      const part = rt.newTask('part', `part ${p + 1}`, ins.node);
      part.job = c.job;
      part.part = p;
      part.reruns = c.reruns;
      part.parent = c as Task;
      part.parentFrame = frame;
      frame.parts.push(part);
      part.start(ins.body);
    }
    if (count === 0) {
      c.frames.pop();
      c.pc = ins.next;
      return true;
    }
    c.park(Wait.Construct, 'blocked', `gathering ${count} parts`);
    return false;
  },
  resume(c, frame) {
    c.frames.pop();
    const gather = frame as GatherFrame;
    if (gather.error !== null) {
      // gather() passes on the first error; the other parts run on, unawaited.
      for (const part of gather.parts) if (!part.ended) part.orphan = true;
      c.raised = gather.error;
      return;
    }
    const jobs = c.rt.jobs;
    if (!c.orphan) jobs.pos[c.job] = (jobs.pos[c.job] as number) + gather.partsDone;
    c.pc = (frame.instr as FanOutInstr).next;
  },
  abort: cancelParts,
  abandon: cancelParts,
});
