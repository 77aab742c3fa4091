/**
 * Semaphore and Lock: `async with sem:` / `with lock:` (asyncio or threading, by where the
 * node runs). Entering takes a permit or waits in line; the permit is the carrier's from
 * the moment it is granted, so a cancellation that lands after the grant gives it back
 * on the way out (asyncio's Semaphore does the same in its `acquire`'s except clause).
 */
import type { LockInstr, SemaphoreInstr } from '../../program';
import type { Carrier } from '../carrier';
import { Wait, type Frame } from '../flow';
import { driver } from './driver';

const enter = (c: Carrier, ins: SemaphoreInstr | LockInstr): boolean => {
  const permits = c.rt.permitsOf(ins);
  const frame = c.pushFrame(ins);
  if (!permits.acquire(c)) {
    c.park(Wait.Construct, 'blocked', `waiting for ${permits.name}`);
    return false;
  }
  frame.held = true;
  c.pc = ins.body;
  return true;
};

const leave = (c: Carrier, frame: Frame): void => {
  if (!frame.held) return;
  frame.held = false;
  c.rt.permitsOf(frame.instr).release(c);
};

const abort = (c: Carrier, frame: Frame): boolean => {
  if (!frame.held) c.rt.permitsOf(frame.instr).withdraw(c);
  return false;
};

export const semaphoreDriver = driver<SemaphoreInstr>({ enter, leave, abort });
export const lockDriver = driver<LockInstr>({ enter, leave, abort });
