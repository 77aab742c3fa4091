/**
 * What can go wrong in a wiring's code: which instructions raise (a service call, a
 * timeout), and the exceptions a Retry catches and a handler turns into a failed job.
 * Only the exceptions that can happen are named, so a program never catches what it
 * cannot raise.
 */
import { type Instr } from '../../engine/program';
import { OpCode, type RunSpec } from '../../engine/spec';
import { reachableAny } from './instrGraph';

export class Failures {
  /** Can a job fail anywhere (a service call, a timeout)? */
  readonly canFail: boolean;
  /** The exception, or the tuple of them, an `except` clause names. */
  readonly errors: string;

  constructor(
    private readonly spec: RunSpec,
    /** Every instruction of the program. */
    all: ReadonlySet<Instr>,
  ) {
    this.canFail = [...all].some((i) => this.mayRaise(i));
    const kinds = [
      ...([...all].some((i) => i.op === 'step' && this.mayRaise(i)) ? ['ServiceError'] : []),
      ...([...all].some((i) => i.op === 'timeout') ? ['TimeoutError'] : []),
      // A task group raises what its parts raised, as one ExceptionGroup.
      ...([...all].some((i) => i.op === 'taskGroup' && this.chainCanFail(i.body))
        ? ['ExceptionGroup']
        : []),
    ];
    this.errors = kinds.length > 1 ? `(${kinds.join(', ')})` : (kinds[0] ?? 'ServiceError');
  }

  private mayRaise(instr: Instr): boolean {
    if (instr.op === 'timeout') return true;
    if (instr.op !== 'step') return false;
    return (this.spec.steps[instr.step]?.ops ?? []).some(
      (op) => op.code === OpCode.CallAsync || op.code === OpCode.CallBlocking,
    );
  }

  /** Can a chain starting at `start` raise, bodies included? */
  chainCanFail(start: Instr): boolean {
    return reachableAny(start, (i) => this.mayRaise(i));
  }
}
