/**
 * Every wrapper construct's driver, by instruction: a mapped type over the instructions,
 * so a new construct's instruction does not compile until its driver is here.
 */
import type { Frame } from '../flow';
import type { Driver, WrapperInstr, WrapperOp } from './driver';
import { cleanupDriver } from './cleanup';
import { fanOutDriver, taskGroupDriver } from './fanOut';
import { offloadDriver } from './offload';
import { lockDriver, semaphoreDriver } from './permits';
import { retryDriver } from './retry';
import { timeoutDriver } from './timeout';

export const DRIVERS: { readonly [O in WrapperOp]: Driver<Extract<WrapperInstr, { op: O }>> } = {
  semaphore: semaphoreDriver,
  lock: lockDriver,
  retry: retryDriver,
  timeout: timeoutDriver,
  offload: offloadDriver,
  fanOut: fanOutDriver,
  taskGroup: taskGroupDriver,
  cleanup: cleanupDriver,
};

/** The driver of the construct a frame is for. */
export function driverOf(frame: Frame): Driver<WrapperInstr> {
  return DRIVERS[(frame.instr as WrapperInstr).op] as Driver<WrapperInstr>;
}
