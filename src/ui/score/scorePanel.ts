/**
 * The score: did the wiring meet the contract, by how much, and what went wrong, in plain
 * words. It shows the latest score of the current wiring — a live estimate while editing,
 * or the delivered run after Run.
 */
import type { Grade, SimResult } from '../../engine/result';
import type { WiringIssue } from '../../engine/program';
import type { Goal, Level } from '../../model/level';
import type { Solution } from '../../model/solution';
import { h, replace } from '../../shell/dom';
import { bytes, count, duration, goalText, goalValue, money } from '../../shell/format';
import { gradeBadge } from '../grade';
import { nodeName } from './nodeNames';
import { tierChecks } from './par';
import './score.css';

export interface ScoreView {
  readonly result: SimResult | null;
  /** 'run': the delivered run; 'live': scored while editing; 'pending': a score is on its way. */
  readonly source: 'run' | 'live' | 'pending';
  readonly solution: Solution | null;
  /**
   * Why a run that meets every goal still delivers nothing (a contract from outside the
   * campaign, or a wiring opened from a link and not yet kept); absent when it delivers.
   */
  readonly undelivered?: string;
}

export class ScorePanel {
  readonly element = h('div', { class: 'score panel-pad', data: { testid: 'score' } });

  constructor(
    private readonly level: Level,
    private readonly selectNode: (id: string) => void,
  ) {
    this.show({ result: null, source: 'pending', solution: null });
  }

  show(view: ScoreView): void {
    const { result } = view;
    if (!result) {
      replace(
        this.element,
        h(
          'div',
          { class: 'score-empty' },
          h('p', null, 'Wire the Source to the Sink through the contract’s steps.'),
          h(
            'p',
            { class: 'faint' },
            'The score updates as you edit. Press Run (Space) to deliver.',
          ),
        ),
      );
      return;
    }
    if (!result.ok) {
      replace(
        this.element,
        this.header('blocked', view),
        this.issues(result.issues, view.solution),
      );
      return;
    }
    const { verdict, metrics } = result;
    const status = verdict.passed ? 'passed' : 'failed';
    replace(
      this.element,
      this.header(status, view, verdict.passed ? verdict.grade : null),
      verdict.problems.length > 0 ? this.problems(result, view.solution) : null,
      h(
        'section',
        { class: 'score-section' },
        h('h3', null, 'Goals'),
        h(
          'ul',
          { class: 'goal-results' },
          ...verdict.goals.map((g) =>
            h(
              'li',
              { class: g.met ? 'met' : 'missed', data: { metric: g.goal.metric } },
              h(
                'span',
                { class: 'mark', attrs: { 'aria-label': g.met ? 'met' : 'missed' } },
                g.met ? '✓' : '✗',
              ),
              h(
                'span',
                { class: 'goal-main' },
                h('span', { class: 'goal-name' }, goalText(g.goal)),
                h(
                  'span',
                  { class: 'goal-margin' },
                  margin(g.goal.metric, g.met, g.actual, g.target),
                ),
              ),
              h('span', { class: 'goal-actual' }, goalValue(g.goal.metric, g.actual)),
            ),
          ),
        ),
      ),
      h(
        'section',
        { class: 'score-section' },
        h('h3', null, 'The run'),
        h(
          'dl',
          { class: 'metrics' },
          metric('Makespan', duration(metrics.makespanUs), 'makespan'),
          metric(
            'Throughput',
            `${round(metrics.throughput)}/s`,
            'throughput',
            'Jobs delivered per second',
          ),
          metric('p95 latency', duration(metrics.p95Us), 'p95'),
          metric('Peak memory', bytes(metrics.peakMemoryBytes), 'memory'),
          metric('Cost', money(metrics.cost), 'cost'),
          metric(
            'Lower bound',
            metrics.lowerBound.boundUs > 0 ? `×${metrics.ratioToBound.toFixed(2)}` : '—',
            'bound',
            metrics.lowerBound.boundUs > 0
              ? `No wiring can finish before ${duration(metrics.lowerBound.boundUs)}; yours takes ${metrics.ratioToBound.toFixed(2)} times that.`
              : '',
          ),
        ),
        h(
          'p',
          { class: 'jobs-line' },
          `${count(metrics.done, 'job')} delivered of ${metrics.jobs.toLocaleString('en-US')}`,
          metrics.failed > 0 ? ` · ${metrics.failed} failed` : '',
          metrics.lost > 0 ? ` · ${metrics.lost} lost` : '',
          metrics.corrupted > 0 ? ` · ${metrics.corrupted} corrupted` : '',
        ),
      ),
      this.par(result),
    );
  }

  private header(
    status: 'passed' | 'failed' | 'blocked',
    view: ScoreView,
    grade: Grade | null = null,
  ): HTMLElement {
    const text =
      status === 'passed'
        ? 'Every goal met'
        : status === 'failed'
          ? 'Not there yet'
          : 'This wiring cannot run yet';
    const sub =
      status === 'blocked'
        ? 'Fix what the nodes say, then the score appears.'
        : view.source === 'run'
          ? status === 'passed'
            ? (view.undelivered ?? 'Delivered to the client.')
            : 'Delivered run: fix what is below and run again.'
          : view.source === 'pending'
            ? 'Scoring…'
            : view.undelivered === undefined
              ? 'Live estimate. Press Run (Space) to deliver it.'
              : 'Live estimate. Press Run (Space) to run it in full.';
    return h(
      'header',
      { class: `score-head ${status}`, data: { status, source: view.source } },
      h(
        'span',
        { class: 'score-icon', attrs: { 'aria-hidden': 'true' } },
        status === 'passed' ? '✓' : status === 'failed' ? '✗' : '⚠',
      ),
      h(
        'div',
        { class: 'score-head-text' },
        h('div', { class: 'score-verdict' }, text),
        h('div', { class: 'score-sub' }, sub),
      ),
      grade ? gradeBadge(grade, true) : null,
    );
  }

  private issues(issues: readonly WiringIssue[], solution: Solution | null): HTMLElement {
    return h(
      'section',
      { class: 'score-section' },
      h('h3', null, `${count(issues.length, 'thing')} to fix`),
      h(
        'ul',
        { class: 'issue-list' },
        ...issues.map((issue) =>
          h(
            'li',
            null,
            issue.node !== undefined
              ? h(
                  'button',
                  { class: 'link', on: { click: () => this.selectNode(issue.node!) } },
                  nodeName(this.level, solution, issue.node),
                )
              : h('strong', null, 'Wiring'),
            ': ',
            issue.message,
          ),
        ),
      ),
    );
  }

  private problems(
    result: Extract<SimResult, { ok: true }>,
    solution: Solution | null,
  ): HTMLElement {
    const { verdict } = result;
    return h(
      'section',
      { class: 'score-section problems' },
      h('h3', null, 'What went wrong'),
      h('ul', { class: 'problem-list' }, ...verdict.problems.map((p) => h('li', null, p))),
      verdict.deadlock && verdict.deadlock.length > 0
        ? h(
            'div',
            { class: 'deadlock' },
            h('h4', null, 'Who waits on whom'),
            h(
              'ol',
              null,
              ...verdict.deadlock.map((edge) =>
                h(
                  'li',
                  null,
                  h('strong', null, edge.waiter),
                  ' waits for ',
                  h('em', null, edge.resource),
                  ', held by ',
                  h('strong', null, edge.holder),
                ),
              ),
            ),
          )
        : null,
      verdict.loopBlocks.length > 0
        ? h(
            'div',
            { class: 'loop-blocks' },
            h('h4', null, 'Steps that blocked the event loop'),
            h(
              'ul',
              null,
              ...verdict.loopBlocks.map((b) =>
                h(
                  'li',
                  null,
                  h(
                    'button',
                    { class: 'link', on: { click: () => this.selectNode(b.node) } },
                    nodeName(this.level, solution, b.node),
                  ),
                  ` held the loop for up to ${duration(b.delayUs)} (first at ${duration(b.t)})`,
                ),
              ),
            ),
          )
        : null,
      verdict.memoryBreakdown
        ? h(
            'div',
            { class: 'memory' },
            h('h4', null, 'Memory when it ran out'),
            h(
              'ul',
              null,
              ...Object.entries(verdict.memoryBreakdown)
                .sort((a, b) => b[1] - a[1])
                .map(([what, n]) => h('li', null, `${what}: ${bytes(n)}`)),
            ),
          )
        : null,
    );
  }

  private par(result: Extract<SimResult, { ok: true }>): HTMLElement {
    const { metrics, verdict } = result;
    return h(
      'section',
      { class: 'score-section' },
      h('h3', null, 'Grade against par'),
      verdict.passed
        ? null
        : h(
            'p',
            { class: 'par-ungraded faint', data: { testid: 'par-ungraded' } },
            'No grade: a run is graded only once it meets every goal.',
          ),
      h(
        'ul',
        { class: 'par-ladder' },
        ...(['gold', 'silver', 'bronze'] as const).map((tier) => {
          const checks = tierChecks(this.level.par[tier], metrics, verdict.passed);
          const reached = verdict.passed && verdict.grade === tier;
          return h(
            'li',
            { class: `${reached ? 'reached' : ''}`, data: { tier } },
            h(
              'span',
              { class: `grade grade-${tier}` },
              h('span', { class: 'medal', attrs: { 'aria-hidden': 'true' } }, '★'),
              tier[0]!.toUpperCase() + tier.slice(1),
            ),
            h(
              'span',
              { class: 'par-checks' },
              ...(checks.length === 0 ? [h('span', null, 'every goal met')] : []),
              ...checks.map((c) =>
                h('span', { class: c.state }, `${TIER_MARK[c.state]} ${c.label}`),
              ),
            ),
          );
        }),
      ),
    );
  }
}

/** ✓ met, ✗ missed, – not graded (the run failed a goal). */
const TIER_MARK = { met: '✓', missed: '✗', ungraded: '–' } as const;

function metric(label: string, value: string, key: string, title = ''): HTMLElement {
  return h(
    'div',
    { class: 'metric', data: { metric: key }, attrs: { title: title || undefined } },
    h('dt', null, label),
    h('dd', null, value),
  );
}

function round(x: number): string {
  return x >= 100 ? String(Math.round(x)) : String(Number(x.toFixed(x >= 10 ? 1 : 2)));
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
