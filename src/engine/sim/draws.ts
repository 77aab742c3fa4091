/** Durations drawn from a contract's time distributions, keyed so the same work always takes the same time. */
import { draw, exponentialUs, uniformUs, type Purpose } from '../random';
import type { TimeDist } from '../spec';

export function drawTime(
  time: TimeDist,
  seed: number,
  purpose: Purpose,
  a: number,
  b: number,
  c: number,
): number {
  switch (time.kind) {
    case 'fixed':
      return time.us;
    case 'exponential':
      return exponentialUs(time.meanUs, draw(seed, purpose, a, b, c));
    case 'uniform':
      return uniformUs(time.minUs, time.maxUs, draw(seed, purpose, a, b, c));
  }
}

/** A key for (step, op) in draws: step indexes are small and ops per step are bounded. */
export const opKey = (step: number, op: number): number => step * 16_384 + op;

/** A key for (part, rerun): parts and reruns are bounded. */
export const rerunKey = (part: number, rerun: number): number => (part + 1) * 4_096 + rerun;
