/**
 * Checked by `npm run typecheck`, not run: the tables that dispatch on an instruction must
 * name every instruction, so a construct added without its Python writer (or its driver)
 * is a compile error. Each `@ts-expect-error` below is itself an error the day a table
 * stops being complete by type (made Partial, or typed by a looser key).
 */
import type { InstrWriters } from '../../../src/python/wiring/constructWriters';
import { INSTR_WRITERS } from '../../../src/python/wiring/constructWriters';
import { DRIVERS } from '../../../src/engine/sim/constructs';

const { cleanup: _cleanupWriter, ...writersWithoutCleanup } = INSTR_WRITERS;
// @ts-expect-error a writers table without the Clean-up's writer does not compile
export const incompleteWriters: InstrWriters = writersWithoutCleanup;

const { timeout: _timeoutDriver, ...driversWithoutTimeout } = DRIVERS;
// @ts-expect-error a drivers table without the Timeout's driver does not compile
export const incompleteDrivers: typeof DRIVERS = driversWithoutTimeout;
