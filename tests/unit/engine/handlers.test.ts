/** What a Timeout or a Retry does with an error unwinding through it, as Python's except clauses. */
import { describe, expect, it } from 'vitest';
import { END, type Instr } from '../../../src/engine/program';
import type { Frame, Raised } from '../../../src/engine/sim/flow';
import { handle } from '../../../src/engine/sim/handlers';

const next: Instr = { op: 'deliver', node: 'sink' };
const fallback: Instr = { op: 'deliver', node: 'fallback' };
const frameOf = (instr: Instr, attempt = 0): Frame => ({
  instr,
  pos: 0,
  attempt,
  token: 1,
  held: false,
});
const failure = (fatal = false): Raised => ({
  cancel: false,
  reason: 'serviceError',
  node: 'pay',
  detail: 'the bank answered with an error',
  fatal,
});
const timeout = (onTimeout: Instr | null): Instr => ({
  op: 'timeout',
  node: 't',
  afterUs: 1000,
  body: END,
  next,
  onTimeout,
});
const retry = (onFail: Instr | null): Instr => ({
  op: 'retry',
  node: 'r',
  attempts: 3,
  backoffUs: 0,
  body: END,
  next,
  onFail,
});

describe('handle', () => {
  it('a Timeout turns its own cancellation into TimeoutError, or its on-timeout wire', () => {
    const bare = frameOf(timeout(null));
    expect(handle(bare, { cancel: true, by: bare })).toMatchObject({
      then: 'raise',
      raised: { cancel: false, reason: 'timeout', node: 't' },
      timedOut: 't',
    });
    const wired = frameOf(timeout(fallback));
    expect(handle(wired, { cancel: true, by: wired })).toEqual({
      then: 'goTo',
      pc: fallback,
      timedOut: 't',
    });
  });

  it("a Timeout lets errors and another's cancellation pass", () => {
    const frame = frameOf(timeout(fallback));
    expect(handle(frame, failure())).toEqual({ then: 'pass' });
    expect(handle(frame, { cancel: true, by: null })).toEqual({ then: 'pass' });
  });

  it('a Retry runs again while it has attempts, then takes its on-fail wire or lets go', () => {
    expect(handle(frameOf(retry(null), 2), failure())).toEqual({ then: 'retry' });
    expect(handle(frameOf(retry(fallback), 3), failure())).toEqual({
      then: 'goTo',
      pc: fallback,
      timedOut: null,
    });
    expect(handle(frameOf(retry(null), 3), failure())).toEqual({ then: 'pass' });
  });

  it('a Retry never catches a cancellation nor a job wired wrong', () => {
    expect(handle(frameOf(retry(fallback), 1), { cancel: true, by: null })).toEqual({
      then: 'pass',
    });
    expect(handle(frameOf(retry(fallback), 1), failure(true))).toEqual({ then: 'pass' });
  });
});
