/**
 * The keys a focused node or port understands, turned into the board's events (see
 * `../keyboard.ts`). Keys typed into a node's field stay in the field.
 */
import { BOARD_KEY_EVENT, FINE_STEP, MOVE_STEP, type BoardKeyDetail } from '../keyboard';

/** Sends a request to the board the node sits on. */
export function sendBoardKey(from: HTMLElement, detail: BoardKeyDetail): void {
  from.dispatchEvent(
    new CustomEvent<BoardKeyDetail>(BOARD_KEY_EVENT, { detail, bubbles: true, composed: true }),
  );
}

const ARROWS: Readonly<Record<string, readonly [number, number]>> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/** A key on the node itself: Enter/Space lifts or puts down, arrows move, Esc puts back. */
export function nodeKeys(event: KeyboardEvent, from: HTMLElement, node: string): void {
  // Keys for a field or a port inside the node are theirs.
  if (event.target !== event.currentTarget || event.ctrlKey || event.metaKey || event.altKey)
    return;
  const arrow = ARROWS[event.key];
  if (event.key === 'Enter' || event.key === ' ') sendBoardKey(from, { node, action: 'lift' });
  else if (event.key === 'Escape') sendBoardKey(from, { node, action: 'cancel' });
  else if (arrow) {
    const step = event.shiftKey ? FINE_STEP : MOVE_STEP;
    sendBoardKey(from, { node, action: 'move', dx: arrow[0] * step, dy: arrow[1] * step });
  } else return;
  event.preventDefault();
  event.stopPropagation();
}

/** A key on a port: Enter/Space takes or ends a wire, Delete removes the port's wires. */
export function portKeys(
  event: KeyboardEvent,
  from: HTMLElement,
  port: { node: string; side: 'input' | 'output'; key: string },
): void {
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  if (event.key === 'Enter' || event.key === ' ') sendBoardKey(from, { ...port, action: 'port' });
  else if (event.key === 'Delete' || event.key === 'Backspace')
    sendBoardKey(from, { ...port, action: 'clearPort' });
  else if (event.key === 'Escape') sendBoardKey(from, { node: port.node, action: 'cancel' });
  else return;
  event.preventDefault();
  event.stopPropagation();
}
