/**
 * The board as the player handles it: zoom about its centre, fit the wiring in view,
 * turn screen points into board points, take nodes dropped from the palette, and take
 * the keyboard focus when pressed (so Space runs rather than pressing the last button). A
 * palette node dragged over a box lights the box it would land in.
 */
import { AreaExtensions } from 'rete-area-plugin';
import { isNodeType, type NodeType } from '../model/vocabulary';
import type { LoopEditor } from './editor';
import { PALETTE_MIME } from './palette';
import { focusNode } from './keyboard';

const MIN_ZOOM = 0.15;
const MAX_ZOOM = 2;

/** A point on the screen in the board's own coordinates. */
export function boardPoint(
  editor: LoopEditor,
  clientX: number,
  clientY: number,
): { x: number; y: number } {
  const rect = editor.host.getBoundingClientRect();
  const { x, y, k } = editor.parts.area.area.transform;
  return { x: (clientX - rect.left - x) / k, y: (clientY - rect.top - y) / k };
}

export async function zoomBy(editor: LoopEditor, factor: number): Promise<void> {
  const area = editor.parts.area.area;
  const rect = editor.host.getBoundingClientRect();
  const { x, y, k } = area.transform;
  const zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, k * factor));
  await area.zoom(zoom, rect.width / 2 - x, rect.height / 2 - y);
}

export async function fitView(editor: LoopEditor): Promise<void> {
  const nodes = editor.nodes();
  if (nodes.length > 0) await AreaExtensions.zoomAt(editor.parts.area, nodes, { scale: 0.85 });
}

/**
 * Places a node in the middle of the view (a palette entry clicked or pressed with Enter),
 * inside the box there if any. Placed from the keyboard (`focus`), it takes the focus so
 * the keys can move it on; a click leaves the focus on the board, where Space runs.
 */
export async function placeAtCentre(
  editor: LoopEditor,
  type: NodeType,
  focus = false,
): Promise<void> {
  const rect = editor.host.getBoundingClientRect();
  editor.host.focus({ preventScroll: true });
  const node = await editor.commands.add(
    type,
    boardPoint(editor, rect.left + rect.width / 2, rect.top + rect.height / 2),
  );
  if (node && focus) await focusNode(editor, node.id);
}

/** Takes palette drops and the focus on a press; returns the function that stops. */
export function bindBoard(editor: LoopEditor): () => void {
  const host = editor.host;
  const press = (event: PointerEvent): void => {
    const target = event.composedPath()[0];
    // A press in a node's field keeps the focus in the field.
    if (!(target instanceof HTMLInputElement || target instanceof HTMLSelectElement))
      host.focus({ preventScroll: true });
  };
  const over = (event: DragEvent): void => {
    if (!event.dataTransfer?.types.includes(PALETTE_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    editor.showReceiver(
      editor.containers.containerAt(boardPoint(editor, event.clientX, event.clientY), new Set()),
    );
  };
  const leave = (event: DragEvent): void => {
    if (!(event.relatedTarget instanceof Node) || !host.contains(event.relatedTarget))
      editor.showReceiver(null);
  };
  const drop = (event: DragEvent): void => {
    const type = event.dataTransfer?.getData(PALETTE_MIME);
    editor.showReceiver(null);
    if (!type || !isNodeType(type)) return;
    event.preventDefault();
    void editor.commands.add(type, boardPoint(editor, event.clientX, event.clientY));
  };
  host.addEventListener('pointerdown', press);
  host.addEventListener('dragover', over);
  host.addEventListener('drop', drop);
  host.addEventListener('dragleave', leave);
  return () => {
    host.removeEventListener('dragleave', leave);
    host.removeEventListener('pointerdown', press);
    host.removeEventListener('dragover', over);
    host.removeEventListener('drop', drop);
  };
}

/** Moves the board, at its zoom, so these nodes sit in the middle of the view (a problem clicked in the score). */
export async function centreOn(editor: LoopEditor, ids: readonly string[]): Promise<void> {
  const nodes = ids.flatMap((id) => editor.parts.editor.getNode(id) ?? []);
  if (nodes.length === 0) return;
  const rects = nodes.map((n) => editor.containers.rect(n));
  const minX = Math.min(...rects.map((r) => r.x));
  const minY = Math.min(...rects.map((r) => r.y));
  const maxX = Math.max(...rects.map((r) => r.x + r.width));
  const maxY = Math.max(...rects.map((r) => r.y + r.height));
  const area = editor.parts.area.area;
  const { k } = area.transform;
  const view = editor.host.getBoundingClientRect();
  await area.translate(
    view.width / 2 - ((minX + maxX) / 2) * k,
    view.height / 2 - ((minY + maxY) / 2) * k,
  );
}
