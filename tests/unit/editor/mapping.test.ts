/**
 * The editor ⇄ Solution mapping is exact: every shipped contract's reference and naive
 * wirings survive a trip through the editor's graph unchanged (up to canonical order).
 */
import { NodeEditor } from 'rete';
import { describe, expect, it } from 'vitest';
import { loadCampaign } from '../../../levels/campaign';
import type { Solution } from '../../../src/model/solution';
import { compareIds } from '../../../src/editor/ids';
import { fromSolution, toSolution } from '../../../src/editor/mapping';
import type { Schemes } from '../../../src/editor/schemes';

/** The part of rete's area the mapping uses: where each node is drawn. */
function fakeArea() {
  const nodeViews = new Map<string, { position: { x: number; y: number } }>();
  return {
    nodeViews,
    async translate(id: string, position: { x: number; y: number }) {
      nodeViews.set(id, { position: { ...position } });
      return true;
    },
  };
}

function canonical(solution: Solution): Solution {
  return {
    ...solution,
    nodes: [...solution.nodes].sort((a, b) => compareIds(a.id, b.id)),
    connections: [...solution.connections].sort(
      (a, b) =>
        compareIds(a.from, b.from) ||
        (a.fromPort < b.fromPort ? -1 : a.fromPort > b.fromPort ? 1 : 0) ||
        compareIds(a.to, b.to),
    ),
  };
}

describe('editor ⇄ Solution', () => {
  const levels = loadCampaign();
  const cases = levels.flatMap((level) =>
    [level.reference, ...level.naive].map((wiring, i) => ({
      level,
      wiring,
      name: `${level.id} #${i}`,
    })),
  );

  it.each(cases)('$name survives the round trip', async ({ level, wiring }) => {
    const editor = new NodeEditor<Schemes>();
    const area = fakeArea();
    const { skipped } = await fromSolution(editor, area as never, wiring, level);
    expect(skipped).toEqual([]);
    const back = toSolution(editor, area as never, level);
    const { name: _name, ...expected } = canonical(wiring);
    expect(back).toEqual(expected);
  });

  it('skips and reports a wire to a port the node does not have', async () => {
    const level = levels[0]!;
    const broken: Solution = {
      ...level.reference,
      connections: [
        ...level.reference.connections,
        {
          from: level.reference.nodes[0]!.id,
          fromPort: 'nowhere',
          to: level.reference.nodes[1]!.id,
        },
      ],
    };
    const editor = new NodeEditor<Schemes>();
    const { skipped } = await fromSolution(editor, fakeArea() as never, broken, level);
    expect(skipped).toHaveLength(1);
    expect(skipped[0]).toContain('nowhere');
  });
});
