/**
 * A construct's driver: what one kind of wrapper (a container whose body a carrier runs
 * and then goes on after it) does in the interpreter. The carrier (carrier.ts) knows
 * none of them by name: it enters a wrapper through its driver, hands a finished wait
 * back to it, asks it to undo a wait a cancellation cut short, and lets it release and
 * catch on the way out — as SimPy adds a process or a resource with one or two hooks.
 */
import type { Micros } from '../../../model/units';
import type { Instr } from '../../program';
import type { Carrier } from '../carrier';
import type { Frame, Raised } from '../flow';

/** The instructions a driver handles: every instruction with a body to enter. */
export type WrapperInstr = Extract<Instr, { readonly body: Instr }>;
export type WrapperOp = WrapperInstr['op'];

export type Handling =
  /** Not caught here: unwind on. */
  | { readonly then: 'pass' }
  /** Caught: the carrier goes on at `pc`. `timedOut`: the Timeout node whose time ran out. */
  | { readonly then: 'goTo'; readonly pc: Instr; readonly timedOut: string | null }
  /** Caught and raised again as another error. */
  | { readonly then: 'raise'; readonly raised: Raised; readonly timedOut: string | null }
  /** Caught by a Retry with attempts left: its body runs again. */
  | { readonly then: 'retry' }
  /** Held while a clean-up of `us` runs (an `except` or `finally` block), then raised again. */
  | { readonly then: 'cleanUp'; readonly us: Micros };

export const PASS: Handling = { then: 'pass' };

export interface Driver<I extends WrapperInstr> {
  /** The carrier reaches the construct: true to interpret on, false when it now waits. */
  enter(c: Carrier, ins: I): boolean;
  /**
   * The wait the construct began (`Wait.Construct`) is over: set where the carrier goes
   * on (its `pc`, or an error in `raised`). The carrier then interprets on.
   */
  resume(c: Carrier, frame: Frame): void;
  /**
   * A cancellation lands while the carrier waits here: withdraw what the wait asked for.
   * True when the wait goes on until the construct is done with it (a group waiting for
   * its cancelled children's clean-up): the carrier is woken then, and the cancellation
   * lands.
   */
  abort(c: Carrier, frame: Frame): boolean;
  /** The carrier leaves the construct, done or unwinding: release what it holds. */
  leave(c: Carrier, frame: Frame): void;
  /** The body ran to its end: true to go on after the construct, false when it now waits. */
  exit(c: Carrier, frame: Frame): boolean;
  /** An error unwinds through the construct: what its `except` clauses do with it. */
  handle(frame: Frame, raised: Raised): Handling;
  /** An error passes through it uncaught: stop what it still has going. */
  abandon(c: Carrier, frame: Frame): void;
}

const nothing = (): void => {};

/** A driver with the hooks a construct does not need left as doing nothing. */
export function driver<I extends WrapperInstr>(
  hooks: Pick<Driver<I>, 'enter'> & Partial<Driver<I>>,
): Driver<I> {
  const leave = hooks.leave ?? nothing;
  return {
    resume: (c, frame) => {
      c.pc = (frame.instr as WrapperInstr).body;
    },
    abort: () => false,
    handle: () => PASS,
    abandon: nothing,
    exit: (c, frame) => {
      leave(c, frame);
      c.pc = (frame.instr as WrapperInstr).next;
      return true;
    },
    ...hooks,
    leave,
  };
}
