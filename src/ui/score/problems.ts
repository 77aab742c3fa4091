/**
 * "What went wrong" in the score panel: the verdict's problems in words, then where they
 * happened, each place a button that selects and centres its node on the board — the
 * steps that lost updates, who waits on whom in a deadlock, the steps that blocked the
 * event loop, and what filled the memory. Nodes are named as the board shows them.
 */
import type { SimResult } from '../../engine/result';
import { partyNode } from '../../engine/describe';
import type { Level } from '../../model/level';
import type { Solution } from '../../model/solution';
import { h } from '../../shell/dom';
import { bytes, count, duration } from '../../shell/format';
import { nodeName } from './nodeNames';

/** Says where a problem is, as a button onto its node. */
type NodeLink = (id: string) => HTMLElement;

export function problemsSection(
  level: Level,
  result: Extract<SimResult, { ok: true }>,
  solution: Solution | null,
  selectNode: (id: string) => void,
): HTMLElement {
  const { verdict } = result;
  const link: NodeLink = (id) => {
    const name = nodeName(level, solution, id);
    // A loop held by main() itself (between steps) is at no node.
    if (name === null) return h('strong', null, id === 'main' ? 'main()' : 'a removed node');
    return h(
      'button',
      {
        class: 'link node-link',
        attrs: { type: 'button', title: 'Show this node on the board' },
        data: { node: id },
        on: { click: () => selectNode(id) },
      },
      name,
    );
  };
  const party = (text: string): HTMLElement => {
    const node = partyNode(text);
    if (node === null) return h('strong', null, text);
    return h('span', null, text.slice(0, text.lastIndexOf(' at ')), ' in ', link(node));
  };
  return h(
    'section',
    { class: 'score-section problems' },
    h('h3', null, 'What went wrong'),
    h('ul', { class: 'problem-list' }, ...verdict.problems.map((p) => h('li', null, p))),
    verdict.races.length > 0
      ? h(
          'div',
          { class: 'races' },
          h('h4', null, 'Where updates were lost'),
          h(
            'ul',
            null,
            ...verdict.races.map((r) =>
              h(
                'li',
                null,
                link(r.node),
                `: ${count(r.count, 'update')} of “${r.state}” lost`,
                r.acrossProcesses ? ' (made in a worker process)' : '',
              ),
            ),
          ),
        )
      : null,
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
                party(edge.waiter),
                ' waits for ',
                h('em', null, edge.resource),
                ', held by ',
                party(edge.holder),
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
                link(b.node),
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
