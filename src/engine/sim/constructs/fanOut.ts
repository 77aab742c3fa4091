/**
 * Fan-out and Task group: the body runs for every part of the job, each part a task of
 * its own, and the awaiting task waits for them.
 * - Fan-out is `await asyncio.gather(*(body(job, part) for part in job.parts))`: the first
 *   error wakes the awaiting task at once, the other parts run on, unawaited.
 * - Task group is `async with asyncio.TaskGroup() as group:` with a task per part: the
 *   first error cancels the other parts; the group waits for every part (their clean-up
 *   included) and then raises an ExceptionGroup of the errors, which an `except*` port
 *   may catch (asyncio/taskgroups.py, `_on_task_done` and `__aexit__`).
 * Cancelling the awaiting task cancels every part still running, and it waits for them:
 * gather's future and the group are done only when their children are.
 */
import type { FanOutInstr, Instr, TaskGroupInstr } from '../../program';
import type { Carrier } from '../carrier';
import { Wait, type Frame, type GatherFrame, type Raised } from '../flow';
import type { Task } from '../task';
import { driver } from './driver';

function startParts(c: Carrier, ins: FanOutInstr | TaskGroupInstr): boolean {
  const rt = c.rt;
  const frame = c.pushFrame(ins) as GatherFrame;
  const count = rt.jobs.partsOf(c.job);
  frame.parts = [];
  frame.left = count;
  frame.partsDone = 0;
  frame.error = null;
  frame.errors = [];
  frame.cancelled = false;
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
}

/** The awaiting task is cancelled: so is every part, and it waits for them (true while any runs). */
function cancelled(frame: Frame): boolean {
  (frame as GatherFrame).cancelled = true;
  return cancelParts(frame);
}

function cancelParts(frame: Frame, except: Task | null = null): boolean {
  let running = false;
  for (const part of (frame as GatherFrame).parts)
    if (!part.ended && part !== except) {
      part.cancel(null);
      running = true;
    }
  return running;
}

/** Every part done: the job's progress moves on by what the parts did, and it goes on. */
function allDone(c: Carrier, frame: GatherFrame, next: Instr): void {
  const jobs = c.rt.jobs;
  if (!c.orphan) jobs.pos[c.job] = (jobs.pos[c.job] as number) + frame.partsDone;
  c.pc = next;
}

/**
 * A part finished (raised: null), failed or was cancelled: true when the awaiting task
 * wakes now — gather at the first error or the last part, a group at its last part.
 */
export function partEnded(frame: GatherFrame, part: Task, raised: Raised | null): boolean {
  frame.left--;
  frame.partsDone = Math.max(frame.partsDone, part.partDone);
  if (frame.cancelled) return frame.left === 0;
  if (frame.instr.op === 'fanOut') {
    if (raised !== null && frame.error === null) frame.error = raised;
    return raised !== null || frame.left === 0;
  }
  if (raised !== null && !raised.cancel) {
    frame.errors.push(raised);
    if (frame.errors.length === 1) cancelParts(frame, part);
  }
  return frame.left === 0;
}

export const fanOutDriver = driver<FanOutInstr>({
  enter: startParts,
  resume(c, frame) {
    c.frames.pop();
    const gather = frame as GatherFrame;
    if (gather.error !== null) {
      for (const part of gather.parts) if (!part.ended) part.orphan = true;
      c.raised = gather.error;
      return;
    }
    allDone(c, gather, (frame.instr as FanOutInstr).next);
  },
  abort: (_c, frame) => cancelled(frame),
  abandon: (_c, frame) => void cancelParts(frame),
});

export const taskGroupDriver = driver<TaskGroupInstr>({
  enter: startParts,
  resume(c, frame) {
    c.frames.pop();
    const group = frame as GatherFrame;
    const ins = frame.instr as TaskGroupInstr;
    const first = group.errors[0];
    if (first === undefined) return allDone(c, group, ins.next);
    if (ins.onError !== null && group.errors.every((e) => ins.catches.includes(e.reason))) {
      c.pc = ins.onError;
      return;
    }
    c.raised = {
      ...first,
      detail: `the task group raised an ExceptionGroup of ${group.errors.length}: ${first.detail}`,
    };
  },
  abort: (_c, frame) => cancelled(frame),
  abandon: (_c, frame) => void cancelParts(frame),
});
