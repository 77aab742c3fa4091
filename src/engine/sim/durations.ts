/**
 * First-attempt durations of the workload's ops, job by job, each drawn once per run.
 *
 * The run and the lower bound both ask "how long does job j's op take the first time?".
 * A draw is the costliest arithmetic of a run (a hash and a logarithm), so whoever asks
 * second reads the first one's answer. Other attempts and the parts of a Fan-out are
 * keyed differently; they are drawn each time, as before. A table is made only for an
 * op that is asked about, with a cell per job.
 */
import type { Purpose } from '../random';
import type { TimeDist } from '../spec';
import { drawTime, rerunKey } from './draws';

/** The rerun key of a whole job's first attempt. */
const FIRST_ATTEMPT = rerunKey(-1, 0);
const NOT_DRAWN = -1;

export class Durations {
  private readonly tables = new Map<number, Float64Array>();

  constructor(
    private readonly seed: number,
    private readonly jobs: number,
  ) {}

  /** The duration drawn from `time` for (job, op key, rerun key): the same value whoever asks. */
  of(time: TimeDist, purpose: Purpose, job: number, key: number, rerun: number): number {
    if (time.kind === 'fixed') return time.us;
    if (rerun !== FIRST_ATTEMPT) return drawTime(time, this.seed, purpose, job, key, rerun);
    const table = this.tableFor(key * 8 + purpose);
    let us = table[job] as number;
    if (us === NOT_DRAWN) {
      us = drawTime(time, this.seed, purpose, job, key, rerun);
      table[job] = us;
    }
    return us;
  }

  private tableFor(id: number): Float64Array {
    let table = this.tables.get(id);
    if (table === undefined) {
      table = new Float64Array(this.jobs).fill(NOT_DRAWN);
      this.tables.set(id, table);
    }
    return table;
  }
}
