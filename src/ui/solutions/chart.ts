/**
 * The player's solutions on one small chart: makespan across, cost up, with the par lines
 * of each grade, so the trade-off between fast and cheap is visible at a glance. Drawn as
 * SVG (a handful of points needs no chart library).
 */
import type { Level } from '../../model/level';
import { parseDuration } from '../../model/units';
import type { SavedSolution } from '../../storage/save';
import { h, svg } from '../../shell/dom';
import { duration, money } from '../../shell/format';

const W = 320;
const H = 190;
const PAD = { left: 44, right: 12, top: 16, bottom: 30 };

export function solutionsChart(
  level: Level,
  solutions: readonly SavedSolution[],
  active: string,
): HTMLElement {
  const scored = solutions.filter((s) => s.score !== null);
  if (scored.length === 0)
    return h(
      'p',
      { class: 'chart-empty faint' },
      'Scored solutions appear here: makespan against cost.',
    );
  const tiers = (['gold', 'silver', 'bronze'] as const).map((tier) => ({
    tier,
    makespan:
      level.par[tier].makespan !== undefined ? parseDuration(level.par[tier].makespan!) : null,
    cost: level.par[tier].cost ?? null,
  }));
  const xs = [
    ...scored.map((s) => s.score!.makespanUs),
    ...tiers.flatMap((t) => (t.makespan !== null ? [t.makespan] : [])),
  ];
  const ys = [
    ...scored.map((s) => s.score!.cost),
    ...tiers.flatMap((t) => (t.cost !== null ? [t.cost] : [])),
  ];
  const xMax = Math.max(...xs) * 1.1 || 1;
  const yMax = Math.max(...ys) * 1.15 || 1;
  const x = (v: number): number => PAD.left + (v / xMax) * (W - PAD.left - PAD.right);
  const y = (v: number): number => H - PAD.bottom - (v / yMax) * (H - PAD.top - PAD.bottom);
  const colours = { gold: 'var(--gold)', silver: 'var(--silver)', bronze: 'var(--bronze)' };
  const lines: SVGElement[] = [];
  for (const t of tiers) {
    if (t.makespan !== null)
      lines.push(
        svg(
          'line',
          {
            x1: x(t.makespan),
            x2: x(t.makespan),
            y1: PAD.top,
            y2: H - PAD.bottom,
            stroke: colours[t.tier],
            'stroke-dasharray': '4 3',
            'stroke-width': 1.2,
            class: `par-line par-${t.tier}`,
          },
          svg('title', {}, `${t.tier}: done within ${duration(t.makespan)}`),
        ),
      );
    if (t.cost !== null)
      lines.push(
        svg(
          'line',
          {
            x1: PAD.left,
            x2: W - PAD.right,
            y1: y(t.cost),
            y2: y(t.cost),
            stroke: colours[t.tier],
            'stroke-dasharray': '1 3',
            'stroke-width': 1.2,
            class: `par-line par-${t.tier}`,
          },
          svg('title', {}, `${t.tier}: cost at most ${money(t.cost)}`),
        ),
      );
  }
  // Solutions that score the same share one point, named together.
  const groups = new Map<string, SavedSolution[]>();
  for (const s of scored) {
    const key = `${s.score!.makespanUs}|${s.score!.cost}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  const points = [...groups.values()].map((group) => {
    const first = group.find((s) => s.id === active) ?? group[0]!;
    const score = first.score!;
    const cx = x(score.makespanUs);
    const cy = y(score.cost);
    const on = group.some((s) => s.id === active);
    const short = first.name.length > 14 ? `${first.name.slice(0, 13)}…` : first.name;
    const label = group.length > 1 ? `${short} +${group.length - 1}` : short;
    const onRight = cx < W - 110;
    return svg(
      'g',
      {
        class: `point${on ? ' active' : ''}${score.passed ? ' passed' : ''}`,
        'data-solution': group.map((s) => s.id).join(' '),
      },
      svg('circle', { cx, cy, r: on ? 6 : 4.5 }),
      svg(
        'text',
        { x: onRight ? cx + 9 : cx - 9, y: cy - 7, 'text-anchor': onRight ? 'start' : 'end' },
        label,
      ),
      svg(
        'title',
        {},
        group
          .map(
            (s) =>
              `${s.name}: ${duration(score.makespanUs)}, ${money(score.cost)}${score.passed ? '' : ' (goals missed)'}`,
          )
          .join('\n'),
      ),
    );
  });
  const tierMarks = tiers.flatMap((t) =>
    t.makespan !== null
      ? [
          svg(
            'text',
            {
              x: x(t.makespan),
              y: PAD.top - 2,
              'text-anchor': 'middle',
              class: `tier-mark par-${t.tier}`,
            },
            t.tier[0]!.toUpperCase(),
          ),
        ]
      : [],
  );
  const axis = svg(
    'g',
    { class: 'axis' },
    svg('line', { x1: PAD.left, x2: W - PAD.right, y1: H - PAD.bottom, y2: H - PAD.bottom }),
    svg('line', { x1: PAD.left, x2: PAD.left, y1: PAD.top, y2: H - PAD.bottom }),
    svg(
      'text',
      { x: W - PAD.right, y: H - 8, 'text-anchor': 'end' },
      `makespan → ${duration(xMax)}`,
    ),
    svg('text', { x: PAD.left - 6, y: PAD.top + 8, 'text-anchor': 'end' }, money(yMax)),
    svg('text', { x: PAD.left - 6, y: H - PAD.bottom, 'text-anchor': 'end' }, '$0'),
    svg(
      'text',
      {
        x: 12,
        y: (H - PAD.bottom + PAD.top) / 2,
        transform: `rotate(-90 12 ${(H - PAD.bottom + PAD.top) / 2})`,
        'text-anchor': 'middle',
      },
      'cost',
    ),
  );
  const chart = svg(
    'svg',
    {
      viewBox: `0 0 ${W} ${H}`,
      class: 'solutions-chart',
      role: 'img',
      'aria-label': 'Your solutions: makespan against cost, with par lines',
    },
    axis,
    ...lines,
    ...tierMarks,
    ...points,
  );
  return h(
    'figure',
    { class: 'chart' },
    chart,
    h(
      'figcaption',
      { class: 'faint' },
      'Dashed: par makespan · dotted: par cost. Lower left is better.',
    ),
  );
}
