/**
 * Which sound a moment of the game calls for. Pure: no howler, no clock of its own.
 */
import type { SimResult } from '../engine/result';

export type Cue = 'jobDone' | 'contractWon' | 'goalMissed' | 'deadlock';

/** The sound for a finished run: a deadlock clanks, a passed contract cheers, anything else sags. */
export function cueForResult(result: SimResult | null): Cue | null {
  if (!result || !result.ok) return null;
  if (result.verdict.outcome === 'deadlock') return 'deadlock';
  return result.verdict.passed ? 'contractWon' : 'goalMissed';
}

/** Fewest milliseconds between two "job done" chimes: a flood of deliveries becomes a patter. */
export const JOB_CHIME_GAP_MS = 110;

/**
 * Decides when deliveries seen during playback chime: at most one chime per
 * `JOB_CHIME_GAP_MS` of real time, and only while time moves forward.
 */
export class JobChimes {
  private lastChime = -Infinity;

  /** `delivered` jobs by the moment shown; `before` by the previous one; `nowMs` real time. */
  shouldChime(before: number, delivered: number, nowMs: number): boolean {
    if (delivered <= before || nowMs - this.lastChime < JOB_CHIME_GAP_MS) return false;
    this.lastChime = nowMs;
    return true;
  }
}
