/**
 * The board as the editor lays it out, for the run view to draw the same picture: each
 * node's box as placed and sized, where its wires meet it (measured from the drawn ports,
 * so a wire on the run view starts where it starts on the board), and the zoom and pan.
 */
import type { BoardNode, BoardPicture, BoardPoint } from '../shell/panels';
import { boardPoint } from './board';
import type { LoopEditor } from './editor';
import { headerHeight } from './nodeSize';

/** Where a port's socket is drawn, in board coordinates; null when it is not on screen. */
function socketAt(editor: LoopEditor, id: string, side: string, key: string): BoardPoint | null {
  const view = editor.parts.area.nodeViews.get(id)?.element;
  const socket = view
    ? findDeep(view, `[data-socket="${side}:${CSS.escape(key)}"] lw-socket`)
    : null;
  if (!socket) return null;
  const r = socket.getBoundingClientRect();
  if (r.width === 0 && r.height === 0) return null;
  return boardPoint(editor, r.left + r.width / 2, r.top + r.height / 2);
}

/** The first match of `selector` inside one node's element, looking into open shadow roots (lit renders there). */
function findDeep(root: ParentNode, selector: string): Element | null {
  const direct = root.querySelector(selector);
  if (direct) return direct;
  for (const el of root.querySelectorAll('*')) {
    const shadow = (el as HTMLElement).shadowRoot;
    if (!shadow) continue;
    const found = findDeep(shadow, selector);
    if (found) return found;
  }
  return null;
}

/** The editor's layout now; null when its board is not laid out (hidden, or no nodes). */
export function boardPicture(editor: LoopEditor): BoardPicture | null {
  const host = editor.host.getBoundingClientRect();
  const nodes = editor.nodes();
  if (host.width === 0 || nodes.length === 0) return null;
  const picture: Record<string, BoardNode> = {};
  for (const node of nodes) {
    const r = editor.containers.rect(node);
    const outputs: Record<string, BoardPoint> = {};
    for (const port of Object.keys(node.outputs)) {
      const at = socketAt(editor, node.id, 'output', port);
      if (at) outputs[port] = at;
    }
    picture[node.id] = {
      x: r.x,
      y: r.y,
      w: r.width,
      h: r.height,
      header: node.isContainer ? headerHeight(node) : r.height,
      input: 'in' in node.inputs ? socketAt(editor, node.id, 'input', 'in') : null,
      outputs,
    };
  }
  const { k, x, y } = editor.parts.area.area.transform;
  return { nodes: picture, transform: { k, x, y }, screen: { left: host.left, top: host.top } };
}
