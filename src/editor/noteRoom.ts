/**
 * The room under each node for the notes that pin its wiring problems, so that notes never
 * cover another node or another node's notes: down to the nearest node below it within
 * its width; inside a box, down to the box's bottom edge, or on past it when the box pins
 * no notes of its own (its notes would sit there). The node element shows its notes in
 * full, on one line, or only as its badge, whichever fits (see nodeElement.ts).
 */
import type { Rect } from './containers';
import type { LoopNode } from './schemes';

/** Room under every node, in board pixels (Infinity: nothing below it). */
export function noteRooms(
  nodes: readonly LoopNode[],
  rect: (node: LoopNode) => Rect,
): Map<string, number> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const holds = (outer: LoopNode, inner: LoopNode): boolean => {
    for (let up = inner.parent; up !== undefined; up = byId.get(up)?.parent)
      if (up === outer.id) return true;
    return false;
  };
  const rooms = new Map<string, number>();
  const roomOf = (node: LoopNode): number => {
    const known = rooms.get(node.id);
    if (known !== undefined) return known;
    const r = rect(node);
    const bottom = r.y + r.height;
    let room = Infinity;
    for (const other of nodes) {
      if (other === node || holds(other, node) || holds(node, other)) continue;
      const q = rect(other);
      const across = q.x < r.x + r.width && r.x < q.x + q.width;
      if (across && q.y >= bottom) room = Math.min(room, q.y - bottom);
    }
    const box = node.parent !== undefined ? byId.get(node.parent) : undefined;
    if (box) {
      const b = rect(box);
      const inside = b.y + b.height - bottom;
      room = Math.min(room, box.issues.length > 0 ? inside : inside + roomOf(box));
    }
    rooms.set(node.id, room);
    return room;
  };
  for (const node of nodes) roomOf(node);
  return rooms;
}
