/**
 * The two-way mapping between the editor's graph and the model's Solution. Node ids are
 * shared (see schemes.ts); this file turns one representation into the other and nothing
 * else, so what is saved, shared and scored is exactly what the player sees.
 */
import type { NodeEditor } from 'rete';
import type { AreaPlugin } from 'rete-area-plugin';
import type { Level } from '../model/level';
import {
  SOLUTION_FORMAT_VERSION,
  SOLUTION_KIND,
  type Connection,
  type Solution,
  nodeOf,
  type SolutionNode,
} from '../model/solution';
import { isNodeType, paramsFrom, type ParamSpec } from '../model/vocabulary';
import { compareIds } from './ids';
import { LoopConnection, LoopNode, type Schemes } from './schemes';

type Area = AreaPlugin<Schemes, never>;

/** The editor's graph as a Solution: nodes by id, wires by (from, port, to): the same graph gives the same bytes. */
export function toSolution(
  editor: NodeEditor<Schemes>,
  area: Area,
  level: Level,
  name?: string,
): Solution {
  const nodes = editor
    .getNodes()
    .map((node): SolutionNode => {
      const position = area.nodeViews.get(node.id)?.position ?? { x: 0, y: 0 };
      // A value of the wrong kind goes on as text, so the engine's parameter check names it.
      const value = (spec: ParamSpec): number | string => {
        const held = node.params[spec.name];
        return typeof held === 'number' || typeof held === 'string' ? held : String(held);
      };
      return nodeOf(node.type, paramsFrom(node.type, value), {
        id: node.id,
        position: { x: Math.round(position.x), y: Math.round(position.y) },
        parent: node.parent,
      });
    })
    .sort((a, b) => compareIds(a.id, b.id));
  const connections = editor
    .getConnections()
    .map((c): Connection => ({ from: c.source, fromPort: c.sourceOutput, to: c.target }))
    .sort(
      (a, b) =>
        compareIds(a.from, b.from) ||
        (a.fromPort < b.fromPort ? -1 : a.fromPort > b.fromPort ? 1 : 0) ||
        compareIds(a.to, b.to),
    );
  return {
    kind: SOLUTION_KIND,
    version: SOLUTION_FORMAT_VERSION,
    level: { id: level.id, revision: level.revision },
    ...(name !== undefined ? { name } : {}),
    nodes,
    connections,
  };
}

export interface Loaded {
  /** Nodes or wires of the solution the editor could not show (unknown type, missing port). */
  readonly skipped: readonly string[];
}

/**
 * Replaces the editor's graph with a solution's. Parents are added before their children;
 * a wire naming a port the node does not have is skipped and reported (the engine would
 * refuse it anyway, and the editor cannot draw it).
 */
export async function fromSolution(
  editor: NodeEditor<Schemes>,
  area: Area,
  solution: Solution,
  level: Level,
): Promise<Loaded> {
  const skipped: string[] = [];
  await editor.clear();
  const known = new Map<string, SolutionNode>();
  for (const node of solution.nodes) {
    if (!isNodeType(node.type))
      skipped.push(`node ${node.id}: unknown type "${String(node.type)}"`);
    else if (known.has(node.id)) skipped.push(`node ${node.id}: the id is used twice`);
    else known.set(node.id, node);
  }
  const added = new Set<string>();
  const add = async (node: SolutionNode, trail: Set<string>): Promise<void> => {
    if (added.has(node.id)) return;
    const parent = node.parent !== undefined ? known.get(node.parent) : undefined;
    if (parent && !trail.has(parent.id)) await add(parent, new Set([...trail, node.id]));
    const view = new LoopNode(node.id, node.type, { ...(node.params as object) }, level);
    if (parent && added.has(parent.id)) view.parent = parent.id;
    await editor.addNode(view);
    await area.translate(view.id, { x: node.position?.x ?? 0, y: node.position?.y ?? 0 });
    added.add(node.id);
  };
  for (const node of known.values()) await add(node, new Set([node.id]));
  for (const wire of solution.connections) {
    const from = editor.getNode(wire.from);
    const to = editor.getNode(wire.to);
    if (!from || !to || !(wire.fromPort in from.outputs) || !('in' in to.inputs)) {
      skipped.push(`wire ${wire.from}.${wire.fromPort} → ${wire.to}`);
      continue;
    }
    await editor.addConnection(new LoopConnection(from, wire.fromPort, to, 'in'));
  }
  return { skipped };
}
