/** A contract's terms as the e-mail's attachment: the machine, the work, the goals, the tools and par. */
import type { Grade } from '../../engine/result';
import type { Level, ParTier } from '../../model/level';
import { parseDuration, parseSize } from '../../model/units';
import { NODE_SPECS, type NodeType } from '../../model/vocabulary';
import { h } from '../../shell/dom';
import { bytes, count, duration, money } from '../../shell/format';
import { goalNames } from '../score/goalRows';

function tierText(tier: ParTier): string {
  const parts: string[] = [];
  if (tier.makespan) parts.push(`done in ${duration(parseDuration(tier.makespan))}`);
  if (tier.p95) parts.push(`p95 ${duration(parseDuration(tier.p95))}`);
  if (tier.cost !== undefined) parts.push(`cost ≤ ${money(tier.cost)}`);
  if (tier.peakMemory) parts.push(`memory ≤ ${bytes(parseSize(tier.peakMemory))}`);
  return parts.length > 0 ? parts.join(', ') : 'every goal met';
}

function safeText(fn: () => string): string {
  try {
    return fn();
  } catch {
    return '—';
  }
}

/** The tools a contract allows, with their limits: "Process pool ×2 (≤ 4 processes)". */
export function toolList(level: Level): string[] {
  return (
    Object.entries(level.palette) as [NodeType, { max?: number; limits?: Record<string, number> }][]
  )
    .filter(([type]) => NODE_SPECS[type] !== undefined)
    .map(([type, entry]) => {
      const spec = NODE_SPECS[type];
      const limits = Object.entries(entry?.limits ?? {}).map(([param, max]) => {
        const label = spec.params.find((p) => p.name === param)?.label ?? param;
        return `${label.toLowerCase()} ≤ ${max}`;
      });
      const most = entry?.max !== undefined ? ` ×${entry.max}` : '';
      return `${spec.label}${most}${limits.length > 0 ? ` (${limits.join(', ')})` : ''}`;
    });
}

export function contractTerms(level: Level, best: Grade, finished: boolean): HTMLElement {
  const jobs = level.workload.streams.reduce((sum, s) => sum + s.count, 0);
  const kinds = level.workload.streams.map((s) => s.kind);
  return h(
    'section',
    { class: 'terms', attrs: { 'aria-label': 'Contract terms' } },
    h(
      'div',
      { class: 'terms-grid' },
      term(
        'Machine',
        `${count(level.machine.cores, 'core')} · ${safeText(() => bytes(parseSize(level.machine.memory)))}`,
      ),
      term('Work', `${count(jobs, 'job')}${kinds.length > 1 ? ` of ${kinds.length} kinds` : ''}`),
      term('Steps', level.steps.map((s) => s.label).join(' → ')),
      term('Pay', money(level.pay)),
    ),
    h(
      'div',
      { class: 'terms-cols' },
      h(
        'div',
        null,
        h('h3', null, 'Goals'),
        h('ul', { class: 'goal-list' }, ...goalNames(level).map((g) => h('li', null, g))),
      ),
      h(
        'div',
        null,
        h('h3', null, 'Tools you may use'),
        h('ul', { class: 'tool-list' }, ...toolList(level).map((t) => h('li', null, t))),
      ),
    ),
    h(
      'div',
      { class: 'par' },
      h('h3', null, 'Par'),
      h(
        'ul',
        null,
        ...(['gold', 'silver', 'bronze'] as const).map((tier) =>
          h(
            'li',
            { class: `par-${tier}${finished && best === tier ? ' reached' : ''}` },
            h(
              'span',
              { class: `grade grade-${tier}` },
              h('span', { class: 'medal' }, '★'),
              tier[0]!.toUpperCase() + tier.slice(1),
            ),
            h(
              'span',
              null,
              safeText(() => tierText(level.par[tier])),
            ),
          ),
        ),
      ),
    ),
  );
}

function term(label: string, value: string): HTMLElement {
  return h(
    'div',
    { class: 'term' },
    h('div', { class: 'term-label' }, label),
    h('div', { class: 'term-value' }, value),
  );
}
