/**
 * After a Batch's body, a chunk's jobs go on one at a time through the nodes after the
 * box (`for job in chunk: ...`). This remembers which job of the chunk is being handed on
 * and where each one resumes.
 */
import { END, type Instr } from '../program';

export class Unbatching {
  private jobs: readonly number[] | null = null;
  private index = 0;
  /** The first node after the Batch's body, where each job of the chunk goes on. */
  resumeAt: Instr = END;

  /** Starts handing on `jobs` (at least one), from `resumeAt`; the first is handed on now. */
  start(jobs: readonly number[], resumeAt: Instr): void {
    this.jobs = jobs;
    this.index = 0;
    this.resumeAt = resumeAt;
  }

  /** The next job to hand on, once the current one is; -1 when the chunk is done. */
  next(): number {
    const jobs = this.jobs;
    if (jobs === null || ++this.index >= jobs.length) {
      this.jobs = null;
      return -1;
    }
    return jobs[this.index] as number;
  }

  /** The chunk was resolved at once (an error reached the top): nothing is left to hand on. */
  drop(): void {
    this.jobs = null;
  }

  /** The jobs not yet handed on, the current one first; null when no chunk is being handed on. */
  remaining(): number[] | null {
    return this.jobs === null ? null : this.jobs.slice(this.index);
  }
}
