/**
 * Every goal a contract holds a run to, as the e-mail and the score panel list them: the
 * contract's own goals and the correctness the engine demands of every run. A run that
 * loses an update of shared state (a data race) never passes, whatever its goals say, so
 * a contract that shares state lists "No lost update" like any other goal.
 */
import type { SimResult } from '../../engine/result';
import type { Goal, Level, Op } from '../../model/level';
import { count, goalText, goalValue } from '../../shell/format';

/** One line of the goal list: met or missed by a run, with what it measured. */
export interface GoalRow {
  /** The goal's metric, or `lostUpdate` for the race check. */
  readonly key: Goal['metric'] | 'lostUpdate';
  readonly text: string;
  readonly met: boolean;
  /** What the run measured, in the goal's unit. */
  readonly actual: string;
  /** By how much it was met or missed ("2 min to spare"); empty when there is nothing to say. */
  readonly margin: string;
}

const LATENCY: ReadonlySet<Goal['metric']> = new Set(['makespan', 'p50', 'p95', 'maxLatency']);

const LOST_UPDATE = 'No lost update: every change to shared state is kept';

function sharesState(ops: readonly Op[]): boolean {
  return ops.some((op) => 'update' in op || ('repeat' in op && sharesState(op.ops)));
}

/** The names of a contract's goals, in order, the correctness ones last. */
export function goalNames(level: Level): string[] {
  const names = level.goals.map(goalText);
  if (level.steps.some((s) => sharesState(s.ops))) names.push(LOST_UPDATE);
  return names;
}

/** A run's result against every goal of `goalNames`, in the same order. */
export function goalRows(level: Level, result: Extract<SimResult, { ok: true }>): GoalRow[] {
  // A run that stopped (out of memory, deadlock) has no makespan to compare: its "0 µs" is
  // where it stopped, not a time it took.
  const unfinished = result.verdict.outcome !== 'finished';
  const rows: GoalRow[] = result.verdict.goals.map((g) =>
    unfinished && LATENCY.has(g.goal.metric)
      ? {
          key: g.goal.metric,
          text: goalText(g.goal),
          met: false,
          actual: '—',
          margin: 'the run did not finish',
        }
      : {
          key: g.goal.metric,
          text: goalText(g.goal),
          met: g.met,
          actual: goalValue(g.goal.metric, g.actual),
          margin: margin(g.goal.metric, g.met, g.actual, g.target),
        },
  );
  const lost = result.metrics.corrupted;
  if (lost > 0 || level.steps.some((s) => sharesState(s.ops)))
    rows.push({
      key: 'lostUpdate',
      text: LOST_UPDATE,
      met: lost === 0,
      actual: lost === 0 ? 'none' : `${count(lost, 'job')} corrupted`,
      margin: '',
    });
  return rows;
}

/** "2 min to spare" / "over by $12" in the goal's own unit. */
function margin(metric: Goal['metric'], met: boolean, actual: number, target: number): string {
  if (metric === 'inOrder') return '';
  const higherIsBetter = metric === 'throughput' || metric === 'done';
  const diff = Math.abs(actual - target);
  if (diff === 0) return '';
  const amount = goalValue(metric, diff);
  if (met) return higherIsBetter ? `${amount} above the goal` : `${amount} to spare`;
  return higherIsBetter ? `short by ${amount}` : `over by ${amount}`;
}
