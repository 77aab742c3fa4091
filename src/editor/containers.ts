/**
 * Containers (Tasks, Queue, Semaphore, pools…) hold their body's nodes, as the model's
 * `parent` says. This file keeps the picture true to that: a container is drawn around
 * its children, moves them when it moves, takes a node dropped inside it, and sits behind
 * what it holds.
 *
 * Why not rete-scopes-plugin: it is licensed CC-BY-NC-SA, which does not fit a game whose
 * code anyone may reuse, and its pick-up-by-long-press gesture is hard to discover. The
 * behaviour needed here is small enough to own.
 */
import type { NodeEditor } from 'rete';
import type { AreaPlugin } from 'rete-area-plugin';
import type { LoopNode, Schemes } from './schemes';
import { CONTAINER_MIN, CONTAINER_PAD, headerHeight } from './nodeSize';

type Area = AreaPlugin<Schemes, never>;

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export class Containers {
  /** Nodes being moved by this file, whose moves must not drag children again. */
  private readonly moving = new Set<string>();
  /** Off while undo/redo replays recorded moves, which already include the children's. */
  followEnabled = true;

  constructor(
    private readonly editor: NodeEditor<Schemes>,
    private readonly area: Area,
  ) {}

  children(id: string): LoopNode[] {
    return this.editor.getNodes().filter((n) => n.parent === id);
  }

  /** The node and everything nested in it. */
  descendants(id: string): LoopNode[] {
    const out: LoopNode[] = [];
    for (const child of this.children(id)) out.push(child, ...this.descendants(child.id));
    return out;
  }

  depth(node: LoopNode): number {
    let d = 0;
    for (let up = node.parent; up !== undefined; up = this.editor.getNode(up)?.parent) d++;
    return d;
  }

  rect(node: LoopNode): Rect {
    const position = this.area.nodeViews.get(node.id)?.position ?? { x: 0, y: 0 };
    return { x: position.x, y: position.y, width: node.width, height: node.height };
  }

  /** Moves one node without taking its children along (the caller moves them). */
  async place(id: string, x: number, y: number): Promise<void> {
    const view = this.area.nodeViews.get(id);
    if (!view || (view.position.x === x && view.position.y === y)) return;
    this.moving.add(id);
    try {
      await this.area.translate(id, { x, y });
    } finally {
      this.moving.delete(id);
    }
  }

  /** Sizes a container around its children, then its own container, up to the top. */
  async fit(id: string | undefined): Promise<void> {
    for (let at = id; at !== undefined;) {
      const node = this.editor.getNode(at);
      if (!node || !node.isContainer) return;
      await this.fitBox(node);
      at = node.parent;
    }
  }

  /**
   * Sizes every container, innermost first. `inPlace` (a wiring just loaded) keeps each box
   * where the wiring puts it and only grows it over its children: moving it would change the
   * wiring the player reads back (a link's positions are rounded to its grid, so a box fitted
   * snugly around rounded children lands a grid step away from where the link put it).
   */
  async fitAll(inPlace = false): Promise<void> {
    const containers = this.editor
      .getNodes()
      .filter((n) => n.isContainer)
      .sort((a, b) => this.depth(b) - this.depth(a));
    for (const node of containers) await this.fitBox(node, inPlace);
  }

  /** Sizes one container around its children (see `fitAll` for `inPlace`). */
  async fitBox(node: LoopNode, inPlace = false): Promise<void> {
    const kids = this.children(node.id);
    const top = headerHeight(node) + CONTAINER_PAD.gap;
    const wasEmpty = node.emptyBody;
    node.emptyBody = kids.length === 0;
    let width: number = CONTAINER_MIN.width;
    let height = Math.max(CONTAINER_MIN.height, top + 80);
    if (kids.length > 0) {
      const boxes = kids.map((k) => this.rect(k));
      const right = Math.max(...boxes.map((b) => b.x + b.width));
      const lower = Math.max(...boxes.map((b) => b.y + b.height));
      const at = inPlace
        ? this.rect(node)
        : {
            x: Math.min(...boxes.map((b) => b.x)) - CONTAINER_PAD.left,
            y: Math.min(...boxes.map((b) => b.y)) - top,
          };
      width = Math.max(CONTAINER_MIN.width, right + CONTAINER_PAD.right - at.x);
      height = Math.max(top, lower - at.y) + CONTAINER_PAD.bottom;
      if (!inPlace) await this.place(node.id, at.x, at.y);
    }
    if (node.width !== width || node.height !== height || wasEmpty !== node.emptyBody) {
      node.width = width;
      node.height = height;
      await this.area.resize(node.id, width, height);
      await this.area.update('node', node.id);
    }
    await this.markAlone();
  }

  /**
   * Marks the nodes alone in their box (see `LoopNode.alone`). One with a wire at its
   * ports (a hand-written wiring can hold one) keeps them, so the wire has ends to meet.
   */
  private async markAlone(): Promise<void> {
    const nodes = this.editor.getNodes();
    const wired = new Set(this.editor.getConnections().flatMap((c) => [c.source, c.target]));
    for (const node of nodes) {
      const alone =
        node.parent !== undefined &&
        !wired.has(node.id) &&
        !nodes.some((other) => other !== node && other.parent === node.parent);
      if (node.alone === alone) continue;
      node.alone = alone;
      await this.area.update('node', node.id);
    }
  }

  /** Where a container's first child goes: just under its header. */
  bodyOrigin(container: LoopNode): { x: number; y: number } {
    const r = this.rect(container);
    return { x: r.x + CONTAINER_PAD.left, y: r.y + headerHeight(container) + CONTAINER_PAD.gap };
  }

  /**
   * The innermost container under a point, skipping `exclude` and anything inside it
   * (a container cannot be dropped into itself).
   */
  containerAt(point: { x: number; y: number }, exclude: ReadonlySet<string>): LoopNode | null {
    const inside = (id: string): boolean => {
      for (let up: string | undefined = id; up !== undefined; up = this.editor.getNode(up)?.parent)
        if (exclude.has(up)) return true;
      return false;
    };
    let best: LoopNode | null = null;
    for (const node of this.editor.getNodes()) {
      if (!node.isContainer || inside(node.id)) continue;
      const r = this.rect(node);
      const hit =
        point.x >= r.x && point.x <= r.x + r.width && point.y >= r.y && point.y <= r.y + r.height;
      if (hit && (best === null || this.depth(node) > this.depth(best))) best = node;
    }
    return best;
  }

  /** A moved container takes its children along (unless they are selected: they move themselves). */
  async follow(id: string, dx: number, dy: number): Promise<void> {
    if (!this.followEnabled || this.moving.has(id) || (dx === 0 && dy === 0)) return;
    for (const child of this.children(id)) {
      if (child.selected) continue;
      const r = this.rect(child);
      await this.area.translate(child.id, { x: r.x + dx, y: r.y + dy });
    }
  }

  /**
   * Paints back to front, one box at a time: the box's wires, then its nodes, each
   * container followed by its own contents. So a wire never covers a port (it would catch
   * the press meant for the port), and a container never covers what it holds.
   */
  order(): void {
    // Moving an element out and back in blurs what has the focus inside it: give it back.
    const focused = deepFocus();
    const content = this.area.area.content;
    const nodes = this.editor.getNodes();
    const wires = this.editor.getConnections();
    const paint = (scope: string | undefined): void => {
      for (const wire of wires) {
        if (this.editor.getNode(wire.source)?.parent !== scope) continue;
        const view = this.area.connectionViews.get(wire.id);
        if (view) content.reorder(view.element, null);
      }
      for (const node of nodes) {
        if (node.parent !== scope) continue;
        const view = this.area.nodeViews.get(node.id);
        if (view) content.reorder(view.element, null);
        if (node.isContainer) paint(node.id);
      }
    };
    paint(undefined);
    if (focused?.isConnected && deepFocus() !== focused) focused.focus({ preventScroll: true });
  }
}

/** The element that has the focus, inside shadow roots (a node's port, say). */
function deepFocus(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}
