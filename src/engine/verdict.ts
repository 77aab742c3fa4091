/**
 * The verdict: each goal of the contract met or missed and by how much, the grade
 * against par, and what went wrong, in words a player acts on.
 */
import type { Goal, Level, ParTier } from '../model/level';
import { parseDuration, parseSize } from '../model/units';
import { humanBytes, humanMoney, humanTime, trim } from './describe';
import type { Grade, GoalResult, Metrics, Verdict } from './result';
import { waitForGraph } from './sim/deadlock';
import type { Runtime } from './sim/runtime';

/**
 * How long a step must hold the event loop before it is worth naming. A coroutine's short
 * CPU step (a few ms) holds the loop by design, and no wiring of a contract without pools
 * can avoid it; at 10 ms the other ready work visibly waits.
 */
const LOOP_BLOCK_WORTH_US = 10_000;

export function judge(level: Level, rt: Runtime, metrics: Metrics): Verdict {
  const outcome = rt.world.stopped ?? 'finished';
  const finished = outcome === 'finished';
  const goals = level.goals.map((goal) => checkGoal(goal, metrics, finished));
  const problems = describeProblems(
    rt,
    metrics,
    goals.some((g) => !g.met),
  );
  const passed = finished && metrics.corrupted === 0 && goals.every((g) => g.met);
  const loopBlocks = [...rt.loopBlocks.values()]
    .filter((b) => b.worstUs >= LOOP_BLOCK_WORTH_US)
    .sort((a, b) => b.totalUs - a.totalUs)
    .slice(0, 5)
    .map((b) => ({ t: b.firstAt, node: b.node, step: b.step, delayUs: b.worstUs }));
  return {
    outcome,
    passed,
    goals,
    grade: passed ? grade(level, metrics) : 'none',
    problems,
    loopBlocks,
    races: [...rt.races.values()].sort((a, b) => b.count - a.count).map((r) => ({ ...r })),
    deadlock: outcome === 'deadlock' ? waitForGraph(rt) : null,
    memoryBreakdown:
      outcome === 'outOfMemory' ? { ...(rt.memory.breakdown ?? rt.memory.parts) } : null,
  };
}

function checkGoal(goal: Goal, m: Metrics, finished: boolean): GoalResult {
  const atMost = (
    actual: number,
    target: number,
    show: (n: number) => string,
    name: string,
  ): GoalResult => {
    const met = actual <= target;
    const summary = `${name} ${show(actual)}, goal ≤ ${show(target)}: ${met ? `met with ${show(target - actual)} to spare` : `missed by ${show(actual - target)}`}`;
    return { goal, met, actual, target, summary };
  };
  const atLeast = (
    actual: number,
    target: number,
    show: (n: number) => string,
    name: string,
  ): GoalResult => {
    const met = actual >= target;
    const summary = `${name} ${show(actual)}, goal ≥ ${show(target)}: ${met ? 'met' : `missed by ${show(target - actual)}`}`;
    return { goal, met, actual, target, summary };
  };
  const count = (n: number): string => String(n);
  switch (goal.metric) {
    case 'makespan':
    case 'p50':
    case 'p95':
    case 'maxLatency': {
      const actual =
        goal.metric === 'makespan'
          ? m.makespanUs
          : goal.metric === 'p50'
            ? m.p50Us
            : goal.metric === 'p95'
              ? m.p95Us
              : m.maxLatencyUs;
      const result = atMost(actual, parseDuration(goal.max), humanTime, LABELS[goal.metric]);
      return finished
        ? result
        : { ...result, met: false, summary: `${LABELS[goal.metric]}: the run did not finish` };
    }
    case 'throughput':
      return atLeast(m.throughput, goal.min, (n) => `${trim(n)}/s`, 'throughput');
    case 'peakMemory':
      return atMost(m.peakMemoryBytes, parseSize(goal.max), humanBytes, 'peak memory');
    case 'cost':
      return atMost(m.cost, goal.max, humanMoney, 'cost');
    case 'done': {
      const target = goal.min === 'all' ? m.jobs : goal.min;
      return atLeast(m.done, target, count, 'jobs done');
    }
    case 'failed':
      return atMost(m.failed, goal.max, count, 'jobs failed');
    case 'lost':
      return atMost(m.lost, goal.max, count, 'jobs lost');
    case 'serviceErrors':
      return atMost(m.serviceErrors, goal.max, count, 'service errors');
    case 'beatGap':
      // Without a Ticker nothing beats: the whole run is one gap.
      return atMost(
        m.beatGapUs ?? m.makespanUs,
        parseDuration(goal.max),
        humanTime,
        'longest gap between beats',
      );
    case 'inOrder': {
      const met = m.inOrder && finished;
      return {
        goal,
        met,
        actual: met ? 1 : 0,
        target: 1,
        summary: met ? 'jobs delivered in arrival order' : 'jobs delivered out of order',
      };
    }
  }
}

const LABELS = {
  makespan: 'makespan',
  p50: 'median latency',
  p95: 'p95 latency',
  maxLatency: 'worst latency',
} as const;

function holds(tier: ParTier, m: Metrics): boolean {
  if (tier.makespan !== undefined && m.makespanUs > parseDuration(tier.makespan)) return false;
  if (tier.p95 !== undefined && m.p95Us > parseDuration(tier.p95)) return false;
  if (tier.cost !== undefined && m.cost > tier.cost) return false;
  if (tier.peakMemory !== undefined && m.peakMemoryBytes > parseSize(tier.peakMemory)) return false;
  return true;
}

function grade(level: Level, m: Metrics): Grade {
  if (holds(level.par.gold, m)) return 'gold';
  if (holds(level.par.silver, m)) return 'silver';
  if (holds(level.par.bronze, m)) return 'bronze';
  return 'none';
}

function describeProblems(rt: Runtime, m: Metrics, goalMissed: boolean): string[] {
  const problems: string[] = [];
  const outcome = rt.world.stopped;
  if (outcome === 'deadlock')
    problems.push(
      rt.jobs.allResolved
        ? 'The program never ends: every job is done, but main() waits for tasks that nothing will ever stop. See who waits on whom.'
        : 'Deadlock: work is left but nothing can ever wake it. See who waits on whom.',
    );
  if (outcome === 'outOfMemory')
    problems.push(
      `Out of memory: the program needed more than the machine's ${humanBytes(rt.spec.memoryBytes)}.`,
    );
  if (outcome === 'budgetExhausted')
    problems.push('The run was stopped: it took more steps than any contract should need.');
  for (const race of rt.races.values()) {
    // A node whose stale writes only restored what others' had lost loses nothing itself.
    if (race.count <= 0) continue;
    problems.push(
      race.acrossProcesses
        ? `"${race.state}" was updated inside a worker process ${race.count} times: processes do not share memory, so those updates never reached the main program.`
        : `Race on "${race.state}": ${race.count} updates were lost because two jobs read and wrote it at the same time. A Lock around the update fixes it.`,
    );
  }
  if (m.lost > 0) problems.push(`${m.lost} jobs were lost (dropped, never delivered).`);
  const failures = rt.jobs.failures;
  const reasons: Record<string, string> = {
    timeout: 'timed out',
    serviceError: 'got an error from a service',
    refused: 'were refused by a service',
    wrongStep: 'reached a step their recipe does not need next',
    unfinished: 'reached the Sink with steps still to do',
  };
  for (const [reason, n] of Object.entries(failures))
    problems.push(`${n} jobs failed: they ${reasons[reason] ?? reason}.`);
  // A busy loop is the design of some contracts (one chess master at every table): it is
  // named as a problem only when a goal was missed, where it is the likely culprit.
  const worst = [...rt.loopBlocks.values()].sort((a, b) => b.worstUs - a.worstUs)[0];
  if (worst !== undefined && worst.worstUs >= LOOP_BLOCK_WORTH_US && goalMissed)
    problems.push(
      `The event loop was blocked by "${worst.step}": other ready work waited up to ${humanTime(worst.worstUs)} (${worst.count} times).`,
    );
  return problems;
}
