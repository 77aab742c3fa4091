/**
 * Fan-out, Gather all, Gather branches and Task group: a task of its own for every part
 * of the job (running the body) or for every branch (each its own chain), and the
 * awaiting task waits for them.
 * - Fan-out is `await asyncio.gather(*(body(job, part) for part in job.parts))`: the first
 *   error wakes the awaiting task at once, the other parts run on, unawaited.
 * - Gather branches is `await asyncio.gather(branch_1(job), branch_2(job), …)`, the same
 *   rule over different chains; each branch does its own share of the job's recipe.
 * - With `return_exceptions=True` (Gather all, Gather branches on collect) no error wakes
 *   the awaiting task: it waits for every child and gets the errors among the results,
 *   in the children's order (asyncio/tasks.py, `gather`'s `_done_callback` sets the
 *   outer result only once `nfinished == nfuts` when `return_exceptions`).
 * - Task group is `async with asyncio.TaskGroup() as group:` with a task per part: the
 *   first error cancels the other parts; the group waits for every part (their clean-up
 *   included) and then raises an ExceptionGroup of the errors, which an `except*` port
 *   may catch (asyncio/taskgroups.py, `_on_task_done` and `__aexit__`).
 * Cancelling the awaiting task cancels every part still running, and it waits for them:
 * gather's future and the group are done only when their children are.
 */
import type { FanOutInstr, GatherBranch, Instr, TaskGroupInstr } from '../../program';
import type { Carrier } from '../carrier';
import { Wait, type Frame, type GatherFrame, type Raised } from '../flow';
import type { Task } from '../task';
import { driver } from './driver';

function startParts(c: Carrier, ins: FanOutInstr | TaskGroupInstr): boolean {
  const rt = c.rt;
  const frame = c.pushFrame(ins) as GatherFrame;
  const branches = ins.op === 'fanOut' ? ins.branches : null;
  const count = branches === null ? rt.jobs.partsOf(c.job) : branches.length;
  frame.parts = [];
  frame.left = count;
  frame.partsDone = 0;
  frame.error = null;
  frame.errorAt = count;
  frame.errors = [];
  frame.cancelled = false;
  const at = branches === null ? null : branchPlaces(c, branches);
  for (let p = 0; p < count; p++) {
    const label = at === null ? `part ${p + 1}` : `branch ${p + 1}`;
    const part = rt.newTask('part', label, ins.node);
    part.job = c.job;
    part.reruns = c.reruns;
    part.parent = c as Task;
    part.parentFrame = frame;
    part.childIndex = p;
    frame.parts.push(part);
    if (at === null) {
      part.part = p;
      part.start(ins.body);
    } else {
      part.branchAt = at[p] as number;
      part.start((branches as readonly GatherBranch[])[p]!.entry);
    }
  }
  if (count === 0) {
    c.frames.pop();
    c.pc = ins.next;
    return true;
  }
  c.park(Wait.Construct, 'blocked', `gathering ${count} parts`);
  return false;
}

/**
 * Where each branch's steps begin in the job's recipe, past its position now. Branches
 * run at once, so their order on the board does not matter: they take their places in
 * the order their first steps come in the recipe, each after the steps of those before.
 */
function branchPlaces(c: Carrier, branches: readonly GatherBranch[]): number[] {
  const places = new Array<number>(branches.length).fill(0);
  if (c.orphan || c.job < 0) return places;
  const recipe = c.rt.jobs.recipeOf(c.job);
  const from = c.rt.jobs.pos[c.job] as number;
  const firstAt = branches.map((b) => {
    const i = b.firstStep < 0 ? -1 : recipe.indexOf(b.firstStep, from);
    return i < 0 ? Infinity : i;
  });
  const order = branches
    .map((_, i) => i)
    .sort((a, b) => (firstAt[a] as number) - (firstAt[b] as number));
  let next = 0;
  for (const i of order) {
    places[i] = next;
    next += (branches[i] as GatherBranch).steps;
  }
  return places;
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

/**
 * Every child done: the job's progress moves on by what they did (each part did the same
 * steps; branches did theirs one after another in the recipe), and it goes on.
 */
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
  frame.partsDone =
    part.branchAt >= 0 ? frame.partsDone + part.partDone : Math.max(frame.partsDone, part.partDone);
  if (frame.cancelled) return frame.left === 0;
  const ins = frame.instr;
  if (ins.op === 'fanOut') {
    if (ins.collect) {
      if (raised !== null && part.childIndex < frame.errorAt) {
        frame.error = raised;
        frame.errorAt = part.childIndex;
      }
      return frame.left === 0;
    }
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
    const ins = frame.instr as FanOutInstr;
    if (gather.error === null) return allDone(c, gather, ins.next);
    // Collected: every child is done, and the job goes on by "failed" (or the first error, in order, is raised).
    if (ins.collect && ins.onError !== null) {
      c.pc = ins.onError;
      return;
    }
    for (const part of gather.parts) if (!part.ended) part.orphan = true;
    c.raised = gather.error;
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
