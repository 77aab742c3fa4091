/**
 * The player's edits beyond what rete does by itself: placing a node from the palette,
 * dropping nodes into and out of containers, deleting, copying and pasting. Each one is a
 * single undo step (the history is separated before it starts).
 */
import { defaultParams, NODE_SPECS, type NodeType } from '../model/vocabulary';
import type { Containers } from './containers';
import type { LoopEditor } from './editor';
import type { IdAllocator } from './ids';
import { LoopConnection, LoopNode } from './schemes';
import type { EditorParts } from './setup';
import { ReparentAction } from './historyActions';
import { NODE_WIDTH } from './nodeSize';
import { ROOM_GAP } from './room';

interface Clip {
  readonly nodes: readonly {
    id: string;
    type: NodeType;
    params: Record<string, unknown>;
    parent?: string;
    /** A copied root's box: the paste lands in it too, beside the original. */
    scope?: string;
    x: number;
    y: number;
  }[];
  readonly wires: readonly { from: string; port: string; to: string }[];
}

export class Commands {
  private clip: Clip | null = null;
  private pastes = 0;

  constructor(
    private readonly owner: LoopEditor,
    private readonly parts: EditorParts,
    private readonly containers: Containers,
    private readonly ids: IdAllocator,
  ) {}

  private get editor() {
    return this.parts.editor;
  }

  /** Parameters of a new node: the defaults, within the contract's limits; a Step gets an unused step. */
  private freshParams(type: NodeType): Record<string, unknown> {
    const level = this.owner.level;
    const used = new Set(this.editor.getNodes().map((n) => n.params.step));
    const step = level.steps.find((s) => !used.has(s.id)) ?? level.steps[0];
    const params: Record<string, unknown> = { ...defaultParams(type, step?.id ?? '') };
    const limits = level.palette[type]?.limits ?? {};
    for (const [name, max] of Object.entries(limits)) {
      if (typeof params[name] === 'number' && (params[name] as number) > max) params[name] = max;
    }
    return params;
  }

  /** Places a node of `type` centred on an area point, inside the container under it. */
  async add(type: NodeType, at: { x: number; y: number }): Promise<LoopNode | null> {
    const left = this.owner.remaining(type);
    if (left <= 0) {
      const spec = NODE_SPECS[type];
      this.owner.message(
        spec.category === 'given'
          ? `The contract places the ${spec.label} itself.`
          : `This contract allows at most ${this.owner.level.palette[type]?.max ?? 0} ${spec.label} node${this.owner.level.palette[type]?.max === 1 ? '' : 's'}.`,
      );
      return null;
    }
    this.parts.history.separate();
    const node = new LoopNode(this.ids.next(), type, this.freshParams(type), this.owner.level);
    const container = this.containers.containerAt(at, new Set());
    if (container) node.parent = container.id;
    await this.editor.addNode(node);
    await this.parts.area.translate(node.id, {
      x: Math.round(at.x - node.width / 2),
      y: Math.round(at.y - 19),
    });
    await this.owner.room.settle([node]);
    this.containers.order();
    await this.parts.selector.unselectAll();
    await this.parts.selectable.select(node.id, false);
    this.owner.changed('structure');
    return node;
  }

  /** The nodes a drag of `id` moves: the selection when it is selected, else the node alone. */
  moving(id: string): LoopNode[] {
    const picked = this.editor.getNode(id);
    if (!picked) return [];
    return picked.selected ? this.editor.getNodes().filter((n) => n.selected) : [picked];
  }

  /**
   * The box that takes the nodes a drag of `id` moves if they are let go now, under the
   * pointer or under `at` (null: the board itself).
   */
  receiver(id: string, at?: { x: number; y: number }): LoopNode | null {
    const moved = this.moving(id);
    // The Source and the Sink stay on the board: no box takes them.
    if (moved.every((n) => NODE_SPECS[n.type].category === 'given')) return null;
    const movedIds = new Set(moved.map((n) => n.id));
    return this.containers.containerAt(at ?? this.parts.area.area.pointer, movedIds);
  }

  /**
   * After a drag: every moved node lands in the container under the pointer (or under `at`,
   * where a node put down with the keys is held), or at the top level.
   */
  async dropped(id: string, at?: { x: number; y: number }): Promise<void> {
    const moved = this.moving(id);
    if (moved.length === 0) return;
    // Only the outermost moved nodes change parent: a moved container keeps its own children.
    const movedIds = new Set(moved.map((n) => n.id));
    const roots = moved.filter((n) => n.parent === undefined || !movedIds.has(n.parent));
    const target = this.receiver(id, at);
    const into = target?.id;
    const touched = new Set<string | undefined>();
    for (const node of roots) {
      if (NODE_SPECS[node.type].category === 'given' || node.parent === into) {
        touched.add(node.parent);
        continue;
      }
      const before = node.parent;
      // Wires join nodes in one box: those that would now cross a border go.
      for (const wire of this.editor.getConnections()) {
        if (wire.source !== node.id && wire.target !== node.id) continue;
        const other = this.editor.getNode(wire.source === node.id ? wire.target : wire.source);
        if (other && !movedIds.has(other.id)) await this.editor.removeConnection(wire.id);
      }
      node.parent = into;
      this.parts.history.add(
        new ReparentAction(this.editor, (ids) => this.owner.refresh(ids), node.id, before, into),
      );
      touched.add(before);
      touched.add(into);
    }
    // The boxes left behind shrink first, then the dropped nodes stay where they were let go.
    for (const container of touched) if (container !== into) await this.containers.fit(container);
    await this.owner.room.settle(roots);
    this.containers.order();
    this.owner.changed(
      touched.size > 0 && roots.some((n) => n.parent === into) ? 'structure' : 'layout',
    );
  }

  selectedNodes(): LoopNode[] {
    return this.editor.getNodes().filter((n) => n.selected);
  }

  /** Deletes the selected wire, or the selected nodes with everything inside them. */
  async deleteSelected(): Promise<void> {
    const wire = this.owner.selectedWire;
    if (wire && this.editor.getConnection(wire)) {
      this.parts.history.separate();
      await this.editor.removeConnection(wire);
      this.owner.selectedWire = null;
      return;
    }
    const selected = this.selectedNodes();
    const given = selected.filter((n) => NODE_SPECS[n.type].category === 'given');
    if (given.length > 0)
      this.owner.message('The Source and the Sink come with the contract: they stay.');
    const doomed = new Map<string, LoopNode>();
    for (const node of selected) {
      if (NODE_SPECS[node.type].category === 'given') continue;
      doomed.set(node.id, node);
      for (const inner of this.containers.descendants(node.id)) doomed.set(inner.id, inner);
    }
    if (doomed.size === 0) return;
    this.parts.history.separate();
    const parents = new Set(
      [...doomed.values()].map((n) => n.parent).filter((p) => p === undefined || !doomed.has(p)),
    );
    for (const c of this.editor.getConnections())
      if (doomed.has(c.source) || doomed.has(c.target)) await this.editor.removeConnection(c.id);
    const deepestFirst = [...doomed.values()].sort(
      (a, b) => this.containers.depth(b) - this.containers.depth(a),
    );
    for (const node of deepestFirst) await this.editor.removeNode(node.id);
    for (const parent of parents) await this.containers.fit(parent);
  }

  /** Copies the selected nodes with everything inside them and the wires between them. */
  copy(): number {
    const chosen = new Map<string, LoopNode>();
    for (const node of this.selectedNodes()) {
      if (NODE_SPECS[node.type].category === 'given') continue;
      chosen.set(node.id, node);
      for (const inner of this.containers.descendants(node.id)) chosen.set(inner.id, inner);
    }
    if (chosen.size === 0) return 0;
    const nodes = [...chosen.values()]
      .sort((a, b) => this.containers.depth(a) - this.containers.depth(b))
      .map((n) => {
        const r = this.containers.rect(n);
        return {
          id: n.id,
          type: n.type,
          params: { ...n.params },
          ...(n.parent !== undefined && chosen.has(n.parent)
            ? { parent: n.parent }
            : n.parent !== undefined
              ? { scope: n.parent }
              : {}),
          x: r.x,
          y: r.y,
        };
      });
    const wires = this.editor
      .getConnections()
      .filter((c) => chosen.has(c.source) && chosen.has(c.target))
      .map((c) => ({ from: c.source, port: c.sourceOutput, to: c.target }));
    this.clip = { nodes, wires };
    this.pastes = 0;
    return nodes.length;
  }

  get canPaste(): boolean {
    return this.clip !== null;
  }

  /** Pastes the copied nodes as new nodes beside the originals (right of them), in the same box. */
  async paste(): Promise<number> {
    const clip = this.clip;
    if (!clip) return 0;
    const counts = new Map<NodeType, number>();
    for (const n of clip.nodes) counts.set(n.type, (counts.get(n.type) ?? 0) + 1);
    for (const [type, needed] of counts) {
      if (this.owner.remaining(type) < needed) {
        this.owner.message(
          `Not enough room in this contract: it allows at most ${this.owner.level.palette[type]?.max ?? 0} ${NODE_SPECS[type].label} nodes.`,
        );
        return 0;
      }
    }
    this.pastes += 1;
    const left = Math.min(...clip.nodes.map((n) => n.x));
    const right = Math.max(
      ...clip.nodes.map((n) => n.x + (this.editor.getNode(n.id)?.width ?? NODE_WIDTH)),
    );
    const shift = (right - left + ROOM_GAP) * this.pastes;
    this.parts.history.separate();
    const fresh = new Map<string, LoopNode>();
    const roots: LoopNode[] = [];
    for (const item of clip.nodes) {
      const node = new LoopNode(this.ids.next(), item.type, { ...item.params }, this.owner.level);
      if (item.parent !== undefined) node.parent = fresh.get(item.parent)?.id;
      else {
        if (item.scope !== undefined && this.editor.getNode(item.scope)) node.parent = item.scope;
        roots.push(node);
      }
      fresh.set(item.id, node);
      await this.editor.addNode(node);
      await this.parts.area.translate(node.id, { x: item.x + shift, y: item.y });
    }
    for (const wire of clip.wires) {
      const from = fresh.get(wire.from);
      const to = fresh.get(wire.to);
      if (from && to)
        await this.editor.addConnection(new LoopConnection(from, wire.port, to, 'in'));
    }
    await this.containers.fitAll();
    await this.owner.room.settle(roots);
    this.containers.order();
    await this.parts.selector.unselectAll();
    for (const node of roots) await this.parts.selectable.select(node.id, true);
    this.owner.changed('structure');
    return fresh.size;
  }

  async selectAll(): Promise<void> {
    for (const node of this.editor.getNodes()) await this.parts.selectable.select(node.id, true);
  }
}
