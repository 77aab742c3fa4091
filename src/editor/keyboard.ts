/**
 * The board without a mouse (and with a finger). A node and each of its ports take the
 * focus; the node's element turns keys into the events handled here:
 *
 * - a port pressed (Enter/Space, or a tap) takes a wire: press an output, then an input,
 *   and the wire is made by the same rules as a dragged one; Esc lets the wire go;
 * - Delete on a port removes the wires at that port;
 * - Enter/Space on a node lifts it, the arrows move it, Enter/Space puts it down — into the
 *   box under it, as a mouse drop would — and Esc puts it back where it was.
 *
 * The lift–move–drop keys follow the pattern of accessible drag and drop (dnd-kit's
 * keyboard sensor, the WAI-ARIA practices' "grab"): one put-down is one drop, so a node
 * moved across a box on its way does not nest there.
 */
import { NODE_SPECS } from '../model/vocabulary';
import type { LoopEditor } from './editor';
import { LoopConnection, type LoopNode } from './schemes';
import { wireRefusal } from './wireRules';

/** What a node's element asks of the board. */
export type BoardKeyDetail =
  | {
      readonly node: string;
      readonly action: 'port';
      readonly side: 'input' | 'output';
      readonly key: string;
    }
  | {
      readonly node: string;
      readonly action: 'clearPort';
      readonly side: 'input' | 'output';
      readonly key: string;
    }
  | { readonly node: string; readonly action: 'focus' }
  | { readonly node: string; readonly action: 'lift' }
  | { readonly node: string; readonly action: 'cancel' }
  | { readonly node: string; readonly action: 'move'; readonly dx: number; readonly dy: number };

/** The event name a node's element sends its `BoardKeyDetail` under. */
export const BOARD_KEY_EVENT = 'lw-board-key';

/** How far one arrow press moves a lifted node, in board pixels (Shift: a finer step). */
export const MOVE_STEP = 40;
export const FINE_STEP = 8;

interface Lifted {
  readonly id: string;
  readonly from: { readonly x: number; readonly y: number };
}

export class BoardKeys {
  /** The output a wire was taken from, waiting for an input. */
  private wireFrom: { node: string; key: string } | null = null;
  private lifted: Lifted | null = null;

  constructor(private readonly owner: LoopEditor) {}

  /** Listens on the board; returns the function that stops. */
  bind(): () => void {
    const host = this.owner.host;
    const onKey = (event: Event): void => {
      void this.handle((event as CustomEvent<BoardKeyDetail>).detail);
    };
    // A press on the board away from the ports lets a taken wire go.
    const onEscape = (event: KeyboardEvent): void => {
      if (event.key === 'Escape' && this.wireFrom) {
        this.dropWire();
        event.preventDefault();
      }
    };
    host.addEventListener(BOARD_KEY_EVENT, onKey);
    host.addEventListener('keydown', onEscape);
    return () => {
      host.removeEventListener(BOARD_KEY_EVENT, onKey);
      host.removeEventListener('keydown', onEscape);
    };
  }

  private node(id: string): LoopNode | undefined {
    return this.owner.parts.editor.getNode(id);
  }

  private title(node: LoopNode): string {
    if (node.type === 'step')
      return node.level.steps.find((s) => s.id === node.params.step)?.label ?? 'Step';
    return NODE_SPECS[node.type].label;
  }

  private async handle(detail: BoardKeyDetail): Promise<void> {
    if (this.owner.busy) return;
    switch (detail.action) {
      case 'focus':
        if (!this.node(detail.node)?.selected) await this.owner.select([detail.node]);
        await keepInView(this.owner, detail.node);
        return;
      case 'port':
        return detail.side === 'output'
          ? this.takeWire(detail.node, detail.key)
          : this.giveWire(detail.node, detail.key);
      case 'clearPort':
        return this.clearPort(detail.node, detail.side, detail.key);
      case 'lift':
        return this.lifted?.id === detail.node ? this.putDown() : this.lift(detail.node);
      case 'cancel':
        if (this.wireFrom) this.dropWire();
        else await this.putBack();
        return;
      case 'move':
        return this.move(detail.node, detail.dx, detail.dy);
    }
  }

  private async mark(id: string, change: (node: LoopNode) => void): Promise<void> {
    const node = this.node(id);
    if (!node) return;
    change(node);
    await this.owner.parts.area.update('node', id);
  }

  private async takeWire(id: string, key: string): Promise<void> {
    const previous = this.wireFrom;
    if (previous) await this.mark(previous.node, (n) => (n.wiringFrom = null));
    if (previous?.node === id && previous.key === key) {
      this.wireFrom = null;
      this.owner.message('Wire let go.');
      return;
    }
    this.wireFrom = { node: id, key };
    await this.mark(id, (n) => (n.wiringFrom = key));
    const node = this.node(id);
    if (node)
      this.owner.message(`Wiring from ${this.title(node)}: now pick an input port (Esc lets go).`);
  }

  private dropWire(): void {
    const from = this.wireFrom;
    this.wireFrom = null;
    if (from) void this.mark(from.node, (n) => (n.wiringFrom = null));
  }

  /** Ends a taken wire at an input: the wire a drag would make, refused for the same reasons. */
  private async giveWire(id: string, key: string): Promise<void> {
    const from = this.wireFrom;
    if (!from) {
      this.owner.message('Pick an output port first, then this input.');
      return;
    }
    const source = this.node(from.node);
    const target = this.node(id);
    this.dropWire();
    if (!source || !target) return;
    const reason = wireRefusal(source, target);
    if (reason) {
      this.owner.message(reason);
      return;
    }
    const { editor, history } = this.owner.parts;
    history.separate();
    // An output feeds one wire, as a drag would replace it.
    for (const wire of editor.getConnections())
      if (wire.source === source.id && wire.sourceOutput === from.key)
        await editor.removeConnection(wire.id);
    await editor.addConnection(new LoopConnection(source, from.key, target, key));
    await this.owner.wired(source);
    this.owner.message(`Wired ${this.title(source)} → ${this.title(target)}.`);
  }

  private async clearPort(id: string, side: 'input' | 'output', key: string): Promise<void> {
    const { editor, history } = this.owner.parts;
    const wires = editor
      .getConnections()
      .filter((w) =>
        side === 'output'
          ? w.source === id && w.sourceOutput === key
          : w.target === id && w.targetInput === key,
      );
    if (wires.length === 0) {
      this.owner.message('No wire at this port.');
      return;
    }
    history.separate();
    for (const wire of wires) await editor.removeConnection(wire.id);
    this.owner.message(wires.length === 1 ? 'Wire removed.' : `${wires.length} wires removed.`);
  }

  private async lift(id: string): Promise<void> {
    if (this.lifted) await this.putDown();
    const node = this.node(id);
    if (!node) return;
    const r = this.owner.containers.rect(node);
    this.owner.parts.history.separate();
    this.lifted = { id, from: { x: r.x, y: r.y } };
    await this.owner.select([id]);
    await this.mark(id, (n) => (n.lifted = true));
    // Carried over the board, it is drawn above the boxes it passes (put down, it goes back in order).
    const view = this.owner.parts.area.nodeViews.get(id);
    if (view) this.owner.parts.area.area.content.reorder(view.element, null);
    await focusNode(this.owner, id);
    // The Source and the Sink move too, but never nest.
    this.owner.message(
      NODE_SPECS[node.type].category === 'given'
        ? `${this.title(node)} lifted: arrows move it, Enter puts it down.`
        : `${this.title(node)} lifted: arrows move it, Enter puts it down (into the box under it), Esc puts it back.`,
    );
  }

  private async move(id: string, dx: number, dy: number): Promise<void> {
    if (this.lifted?.id !== id) return;
    const r = this.owner.containers.rect(this.node(id)!);
    await this.owner.parts.area.translate(id, { x: r.x + dx, y: r.y + dy });
    // The box it would go into if put down now is lit, as under a mouse drag.
    this.owner.showReceiver(this.owner.commands.receiver(id, holdPoint(this.owner, id)));
    await keepInView(this.owner, id);
  }

  private async putDown(): Promise<void> {
    const lifted = this.lifted;
    if (!lifted) return;
    this.lifted = null;
    const node = this.node(lifted.id);
    if (!node) return;
    await this.mark(lifted.id, (n) => (n.lifted = false));
    this.owner.showReceiver(null);
    await this.owner.commands.dropped(lifted.id, holdPoint(this.owner, lifted.id));
    const box = node.parent !== undefined ? this.node(node.parent) : undefined;
    this.owner.message(
      box
        ? `${this.title(node)} put down inside ${this.title(box)}.`
        : `${this.title(node)} put down.`,
    );
  }

  private async putBack(): Promise<void> {
    const lifted = this.lifted;
    if (!lifted) return;
    this.lifted = null;
    await this.owner.parts.area.translate(lifted.id, lifted.from);
    this.owner.showReceiver(null);
    await this.mark(lifted.id, (n) => (n.lifted = false));
    this.owner.containers.order();
    this.owner.message('Put back.');
  }
}

/** Where a mouse would hold a node carried with the keys: the middle of its title. */
function holdPoint(editor: LoopEditor, id: string): { x: number; y: number } {
  const node = editor.parts.editor.getNode(id);
  const r = node ? editor.containers.rect(node) : { x: 0, y: 0, width: 0 };
  return { x: r.x + r.width / 2, y: r.y + 19 };
}

/** Gives the keyboard focus to a node on the board (once it is drawn). */
export async function focusNode(editor: LoopEditor, id: string): Promise<void> {
  const element = editor.parts.area.nodeViews.get(id)?.element.querySelector('lw-node');
  if (!(element instanceof HTMLElement) || !('updateComplete' in element)) return;
  await (element as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  element.shadowRoot?.querySelector<HTMLElement>('.node')?.focus({ preventScroll: true });
}

/** Pans the board so a node the keys reached is in view, with a margin. */
async function keepInView(editor: LoopEditor, id: string): Promise<void> {
  const element = editor.parts.area.nodeViews.get(id)?.element;
  if (!element) return;
  const view = editor.host.getBoundingClientRect();
  const box = element.getBoundingClientRect();
  const margin = 48;
  const shift = (low: number, high: number, from: number, to: number): number => {
    if (high - low > to - from - 2 * margin) return from + margin - low;
    if (low < from + margin) return from + margin - low;
    if (high > to - margin) return to - margin - high;
    return 0;
  };
  const dx = shift(box.left, box.right, view.left, view.right);
  const dy = shift(box.top, box.bottom, view.top, view.bottom);
  if (dx === 0 && dy === 0) return;
  const { x, y } = editor.parts.area.area.transform;
  await editor.parts.area.area.translate(x + dx, y + dy);
}
