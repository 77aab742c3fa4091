/**
 * Shift+drag on the board draws a selection box: every node it touches is selected (added
 * to the selection with Ctrl held). A plain drag still pans, as in rete.
 */
import type { LoopEditor } from './editor';

export function enableBoxSelect(editor: LoopEditor): () => void {
  const host = editor.host;
  let start: { x: number; y: number } | null = null;
  let box: HTMLDivElement | null = null;

  const local = (event: PointerEvent): { x: number; y: number } => {
    const rect = host.getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  };

  const down = (event: PointerEvent): void => {
    if (!event.shiftKey || event.button !== 0) return;
    // Only on the empty board: a shift-click on a node is the node's business.
    const target = event.composedPath()[0];
    if (target instanceof Element && target.closest('lw-node, lw-connection, rete-minimap')) return;
    event.stopPropagation();
    event.preventDefault();
    start = local(event);
    box = document.createElement('div');
    box.className = 'select-box';
    host.append(box);
    host.setPointerCapture(event.pointerId);
  };

  const move = (event: PointerEvent): void => {
    if (!start || !box) return;
    const now = local(event);
    Object.assign(box.style, {
      left: `${Math.min(start.x, now.x)}px`,
      top: `${Math.min(start.y, now.y)}px`,
      width: `${Math.abs(now.x - start.x)}px`,
      height: `${Math.abs(now.y - start.y)}px`,
    });
  };

  const up = (event: PointerEvent): void => {
    if (!start || !box) return;
    const end = local(event);
    box.remove();
    box = null;
    const { x, y, k } = editor.parts.area.area.transform;
    const toArea = (p: { x: number; y: number }) => ({ x: (p.x - x) / k, y: (p.y - y) / k });
    const a = toArea(start);
    const b = toArea(end);
    start = null;
    const left = Math.min(a.x, b.x);
    const right = Math.max(a.x, b.x);
    const top = Math.min(a.y, b.y);
    const bottom = Math.max(a.y, b.y);
    const hit = editor
      .nodes()
      .filter((node) => {
        const r = editor.containers.rect(node);
        return r.x < right && r.x + r.width > left && r.y < bottom && r.y + r.height > top;
      })
      .map((node) => node.id);
    const keep =
      event.ctrlKey || event.metaKey
        ? editor
            .nodes()
            .filter((n) => n.selected)
            .map((n) => n.id)
        : [];
    void editor.select([...new Set([...keep, ...hit])]);
  };

  host.addEventListener('pointerdown', down, { capture: true });
  host.addEventListener('pointermove', move);
  host.addEventListener('pointerup', up);
  return () => {
    host.removeEventListener('pointerdown', down, { capture: true });
    host.removeEventListener('pointermove', move);
    host.removeEventListener('pointerup', up);
  };
}
