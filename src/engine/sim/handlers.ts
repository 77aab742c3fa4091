/**
 * What a wrapper does with an error that unwinds through it, as Python's `except`
 * clauses would — each construct's driver says (constructs/): a Timeout catches only its
 * own cancellation, a Retry catches errors while it has attempts left, and any other
 * wrapper lets it pass (an `async with` releases on the way out).
 */
import { driverOf } from './constructs';
import type { Handling } from './constructs/driver';
import type { Frame, Raised } from './flow';

export type { Handling } from './constructs/driver';

export function handle(frame: Frame, raised: Raised): Handling {
  return driverOf(frame).handle(frame, raised);
}
