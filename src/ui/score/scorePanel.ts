/**
 * The score: did the wiring meet the contract, by how much, and what went wrong, in plain
 * words. It shows the latest score of the current wiring — a live estimate while editing,
 * or the delivered run after Run.
 */
import type { Grade, SimResult } from '../../engine/result';
import type { WiringIssue } from '../../engine/program';
import type { Level } from '../../model/level';
import type { Solution } from '../../model/solution';
import { h, replace } from '../../shell/dom';
import { bytes, count, duration, money } from '../../shell/format';
import { gradeBadge } from '../grade';
import { nodeName } from './nodeNames';
import { goalRows } from './goalRows';
import { tierChecks } from './par';
import { problemsSection } from './problems';
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
  /** The contract is delivered already: a run of this wiring can better its grade, not deliver it. */
  readonly delivered?: boolean;
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
    // A run that stopped or delivered nothing has no time to set against the bound.
    const bounded = metrics.lowerBound.boundUs > 0 && metrics.ratioToBound > 0;
    const status = verdict.passed ? 'passed' : 'failed';
    replace(
      this.element,
      this.header(status, view, verdict.passed ? verdict.grade : null),
      verdict.problems.length > 0
        ? problemsSection(this.level, result, view.solution, this.selectNode)
        : null,
      h(
        'section',
        { class: 'score-section' },
        h('h3', null, 'Goals'),
        h(
          'ul',
          { class: 'goal-results' },
          ...goalRows(this.level, result).map((g) =>
            h(
              'li',
              { class: g.met ? 'met' : 'missed', data: { metric: g.key } },
              h(
                'span',
                { class: 'mark', attrs: { 'aria-label': g.met ? 'met' : 'missed' } },
                g.met ? '✓' : '✗',
              ),
              h(
                'span',
                { class: 'goal-main' },
                h('span', { class: 'goal-name' }, g.text),
                g.margin ? h('span', { class: 'goal-margin' }, g.margin) : null,
              ),
              h('span', { class: 'goal-actual' }, g.actual),
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
            bounded ? `×${metrics.ratioToBound.toFixed(2)}` : '—',
            'bound',
            bounded ? boundNote(metrics.lowerBound.boundUs) : '',
          ),
        ),
        bounded
          ? h(
              'p',
              { class: 'bound-note faint', data: { testid: 'bound-note' } },
              boundText(metrics.lowerBound.boundUs, metrics.ratioToBound),
            )
          : null,
        h(
          'p',
          { class: 'jobs-line' },
          `${count(metrics.done, 'job')} delivered of ${metrics.jobs.toLocaleString('en-US')}`,
          // The run view's machine strip says the same, in the same words and digits.
          metrics.failed > 0 ? ` · ${metrics.failed.toLocaleString('en-US')} failed` : '',
          metrics.lost > 0 ? ` · ${metrics.lost.toLocaleString('en-US')} lost` : '',
          metrics.corrupted > 0 ? ` · ${metrics.corrupted.toLocaleString('en-US')} corrupted` : '',
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
            : view.undelivered !== undefined
              ? 'Live estimate. Press Run (Space) to run it in full.'
              : view.delivered
                ? 'Live estimate. Delivered already: press Run (Space) to watch it and file its grade.'
                : 'Live estimate. Press Run (Space) to deliver it.';
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
                  nodeName(this.level, solution, issue.node) ?? 'A node',
                )
              : h('strong', null, 'Wiring'),
            ': ',
            issue.message,
          ),
        ),
      ),
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

/** Under the lower bound's tile: what the bound is, in one line. */
function boundNote(boundUs: number): string {
  return `No wiring finishes before ${duration(boundUs)}`;
}

/** "Lower bound ×8.00" in words: the bound, and how far this run is from it. */
function boundText(boundUs: number, ratio: number): string {
  return `Lower bound ×${ratio.toFixed(2)}: no wiring can finish before ${duration(boundUs)} on this machine (its CPU work spread over every core, its longest job, its last arrival). This run takes ${ratio.toFixed(2)} times that; ×1.00 is as fast as it gets.`;
}

function round(x: number): string {
  return x >= 100 ? String(Math.round(x)) : String(Number(x.toFixed(x >= 10 ? 1 : 2)));
}
