/**
 * Making room: a node lands where the player put it, and what it would cover moves aside.
 * Boxes are fitted around their children from the innermost out, and at every level a box
 * that grew pushes its neighbours out by the shortest way, so no box
 * ever covers another node or its ports — a covered port would catch no wire.
 */
import type { NodeEditor } from 'rete';
import type { Containers, Rect } from './containers';
import type { LoopNode, Schemes } from './schemes';

/** Space kept between neighbours: room for a wire to pass and a port to be grabbed. */
export const ROOM_GAP = 28;

/** At most this many pushes per level: enough for any board, and never an endless loop. */
const MAX_PUSHES = 400;

function overlap(a: Rect, b: Rect): boolean {
  return (
    a.x < b.x + b.width + ROOM_GAP &&
    b.x < a.x + a.width + ROOM_GAP &&
    a.y < b.y + b.height + ROOM_GAP &&
    b.y < a.y + a.height + ROOM_GAP
  );
}

export class Room {
  constructor(
    private readonly editor: NodeEditor<Schemes>,
    private readonly containers: Containers,
  ) {}

  /** Moves a node and everything inside it by (dx, dy). */
  private async shift(node: LoopNode, dx: number, dy: number): Promise<void> {
    for (const moved of [node, ...this.containers.descendants(node.id)]) {
      const r = this.containers.rect(moved);
      await this.containers.place(moved.id, r.x + dx, r.y + dy);
    }
  }

  /** Pushes the nodes of one level out of each other's way; `fixed` stay where they are. */
  private async spread(scope: string | undefined, fixed: ReadonlySet<string>): Promise<void> {
    const members = this.editor.getNodes().filter((n) => n.parent === scope);
    const queue = members.filter((n) => fixed.has(n.id));
    for (let pushes = 0; queue.length > 0 && pushes < MAX_PUSHES;) {
      const a = queue.shift()!;
      for (const b of members) {
        if (b === a) continue;
        const ra = this.containers.rect(a);
        const rb = this.containers.rect(b);
        if (!overlap(ra, rb)) continue;
        const [mover, still] = fixed.has(b.id) ? [a, rb] : [b, ra];
        if (fixed.has(mover.id)) continue;
        const at = this.containers.rect(mover);
        // The shortest way out, on ties right then down (the way the wiring reads).
        const ways: [number, number][] = [
          [still.x + still.width + ROOM_GAP - at.x, 0],
          [0, still.y + still.height + ROOM_GAP - at.y],
          [still.x - ROOM_GAP - (at.x + at.width), 0],
          [0, still.y - ROOM_GAP - (at.y + at.height)],
        ];
        const [dx, dy] = ways.reduce((best, way) =>
          Math.abs(way[0] + way[1]) < Math.abs(best[0] + best[1]) ? way : best,
        );
        await this.shift(mover, dx, dy);
        pushes++;
        queue.push(mover);
        if (mover === a) break;
      }
    }
  }

  /**
   * A box's body in the order its wires run: each chain from its first node along the
   * `out` wires, chains by where their first node sits, then what no chain reaches.
   */
  private bodyOrder(box: LoopNode): LoopNode[] {
    const members = this.containers.children(box.id);
    const wires = this.editor.getConnections();
    const after = (node: LoopNode): LoopNode | undefined => {
      const wire = wires.find((w) => w.source === node.id && w.sourceOutput === 'out');
      return members.find((m) => m.id === wire?.target);
    };
    const fed = new Set(wires.map((w) => w.target));
    const byX = (a: LoopNode, b: LoopNode): number =>
      this.containers.rect(a).x - this.containers.rect(b).x;
    const order: LoopNode[] = [];
    for (const first of members.filter((m) => !fed.has(m.id)).sort(byX))
      for (let at: LoopNode | undefined = first; at && !order.includes(at); at = after(at))
        order.push(at);
    return [...order, ...members.filter((m) => !order.includes(m)).sort(byX)];
  }

  /**
   * After a wire inside a box: when its chain no longer reads left to right in the order
   * the wires run, the body is laid out again in that order, side by side under the
   * header, and the box makes room around it. A body that already reads in order stays
   * where the player put it. Says whether anything moved.
   */
  async lineUp(box: LoopNode): Promise<boolean> {
    const order = this.bodyOrder(box);
    const wires = this.editor.getConnections();
    const backwards = wires.some((w) => {
      const from = order.find((n) => n.id === w.source);
      const to = order.find((n) => n.id === w.target);
      return (
        from !== undefined &&
        to !== undefined &&
        this.containers.rect(to).x <= this.containers.rect(from).x
      );
    });
    if (!backwards) return false;
    let { x } = this.containers.bodyOrigin(box);
    const { y } = this.containers.bodyOrigin(box);
    for (const node of order) {
      const r = this.containers.rect(node);
      await this.shift(node, x - r.x, y - r.y);
      x += r.width + ROOM_GAP;
    }
    await this.settle([box]);
    return true;
  }

  /**
   * Settles the board after `landed` nodes were placed, dropped or pasted: their boxes fit
   * around them and every level makes room, from the landed nodes' level up to the top.
   */
  async settle(landed: readonly LoopNode[]): Promise<void> {
    const fixed = new Map<string | undefined, Set<string>>();
    const hold = (node: LoopNode): void => {
      const set = fixed.get(node.parent) ?? new Set<string>();
      set.add(node.id);
      fixed.set(node.parent, set);
    };
    for (const node of landed) hold(node);
    for (const node of landed) if (node.isContainer) await this.containers.fit(node.id);
    const depthOf = (scope: string | undefined): number => {
      const box = scope === undefined ? undefined : this.editor.getNode(scope);
      return box ? this.containers.depth(box) + 1 : 0;
    };
    while (fixed.size > 0) {
      const scope = [...fixed.keys()].sort((a, b) => depthOf(b) - depthOf(a))[0];
      const held = fixed.get(scope)!;
      fixed.delete(scope);
      await this.spread(scope, held);
      const box = scope === undefined ? undefined : this.editor.getNode(scope);
      if (!box) continue;
      await this.containers.fitBox(box);
      hold(box);
    }
  }
}
