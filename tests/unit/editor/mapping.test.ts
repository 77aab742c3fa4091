/**
 * The editor ⇄ Solution mapping is exact: every shipped contract's reference and naive
 * wirings survive a trip through the editor's graph unchanged (up to canonical order),
 * name and positions included, boxes sized as a load sizes them.
 */
import { NodeEditor } from 'rete';
import { describe, expect, it } from 'vitest';
import { loadCampaign } from '../../../levels/campaign';
import type { Solution } from '../../../src/model/solution';
import { compareIds } from '../../../src/editor/ids';
import { Containers } from '../../../src/editor/containers';
import { loadWiring } from '../../../src/editor/loadWiring';
import { fromSolution, toSolution } from '../../../src/editor/mapping';
import type { Schemes } from '../../../src/editor/schemes';

/** The part of rete's area a load uses: where each node is drawn, and its size. */
function fakeArea() {
  const nodeViews = new Map<string, { position: { x: number; y: number } }>();
  return {
    nodeViews,
    async translate(id: string, position: { x: number; y: number }) {
      nodeViews.set(id, { position: { ...position } });
      return true;
    },
    async resize() {
      return true;
    },
    async update() {},
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

  it.each(cases)('$name survives the round trip', async ({ level, wiring, name }) => {
    const named: Solution = { ...wiring, name: `Named ${name}` };
    const editor = new NodeEditor<Schemes>();
    const area = fakeArea();
    const containers = new Containers(editor, area as never);
    const { skipped } = await loadWiring(editor, area as never, containers, named, level);
    expect(skipped).toEqual([]);
    expect(toSolution(editor, area as never, level, named.name)).toEqual(canonical(named));
    // Positions are part of the equality above; said again so a failure names the node.
    const at = new Map(named.nodes.map((n) => [n.id, n.position]));
    for (const node of toSolution(editor, area as never, level).nodes)
      expect({ id: node.id, position: node.position }).toEqual({
        id: node.id,
        position: at.get(node.id),
      });
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
