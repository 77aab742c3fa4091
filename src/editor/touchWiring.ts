/**
 * Wiring with a finger: tap an output port (it lights up, as a port taken from the
 * keyboard does), then tap an input port, and the wire is made by the same rules as a
 * dragged one; a tap anywhere else on the board lets the taken wire go. A drawer opened in
 * between (to place the node the wire goes to) keeps the wire taken.
 *
 * The taps go to the board's port actions (`keyboard.ts`), so a tapped wire and a keyed
 * one are one and the same. rete's wire plugin never sees a finger on a port: it would
 * take the wire on the press and, under a finger that does not hover, let it go again on
 * the release (its pseudo-wire lies under the finger and hides the port from it).
 */
import type { LoopEditor } from './editor';
import { sendBoardKey } from './render/nodeKeys';

/** How far a finger may slide and still have tapped, in screen pixels. */
const TAP_SLOP = 10;

interface TouchedPort {
  readonly slot: HTMLElement;
  readonly node: string;
  readonly side: 'input' | 'output';
  readonly key: string;
}

interface Press {
  readonly pointerId: number;
  readonly x: number;
  readonly y: number;
  readonly port: TouchedPort | null;
}

/** The port a press landed on: the socket slot (`data-socket="side:key"`) and its node. */
function portOf(event: Event): TouchedPort | null {
  let slot: HTMLElement | null = null;
  for (const target of event.composedPath()) {
    if (!(target instanceof HTMLElement)) continue;
    if (!slot) {
      if (target.dataset.socket) slot = target;
      continue;
    }
    const node = target.dataset.node;
    if (!node) continue;
    const [side, ...key] = (slot.dataset.socket ?? '').split(':');
    if (side !== 'input' && side !== 'output') return null;
    return { slot, node, side, key: key.join(':') };
  }
  return null;
}

/** Listens for taps on the board; returns the function that stops. */
export function enableTapWiring(editor: LoopEditor): () => void {
  const host = editor.host;
  let press: Press | null = null;
  /** The fingers on the board now. */
  const fingers = new Set<number>();

  const down = (event: PointerEvent): void => {
    if (event.pointerType !== 'touch') return;
    fingers.add(event.pointerId);
    // A second finger makes a pinch, not a tap.
    if (fingers.size > 1) {
      press = null;
      return;
    }
    const port = portOf(event);
    if (port) {
      // Neither the wire plugin nor the node's drag takes a finger on a port; the zoom
      // (listening on the board itself) still counts it, so a pinch may start there.
      event.stopPropagation();
      event.preventDefault();
    }
    press = { pointerId: event.pointerId, x: event.clientX, y: event.clientY, port };
  };

  const up = (event: PointerEvent): void => {
    if (event.pointerType !== 'touch') return;
    fingers.delete(event.pointerId);
    const pressed = press;
    if (!pressed || pressed.pointerId !== event.pointerId) return;
    press = null;
    if (event.type === 'pointercancel') return;
    if (Math.hypot(event.clientX - pressed.x, event.clientY - pressed.y) > TAP_SLOP) return;
    if (pressed.port) {
      const { slot, node, side, key } = pressed.port;
      sendBoardKey(slot, { node, side, key, action: 'port' });
      return;
    }
    const taken = editor.nodes().find((n) => n.wiringFrom !== null);
    if (taken) sendBoardKey(host, { node: taken.id, action: 'cancel' });
  };

  host.addEventListener('pointerdown', down, { capture: true });
  window.addEventListener('pointerup', up);
  window.addEventListener('pointercancel', up);
  return () => {
    host.removeEventListener('pointerdown', down, { capture: true });
    window.removeEventListener('pointerup', up);
    window.removeEventListener('pointercancel', up);
  };
}
