/**
 * Pinch to zoom wherever the fingers land. rete's zoom handler already turns two fingers
 * into a zoom about their middle, but it counts a finger only when the press reaches the
 * board itself, and a press on a node or a port never does (the node's drag and the wire
 * plugin keep it). On a phone the nodes cover much of the board, so here the handler
 * counts every press on the board, and a node under one of the fingers stays where it is
 * while the pinch lasts instead of being dragged along.
 */
import { Zoom } from 'rete-area-plugin';
import type { LoopEditor } from './editor';

/** rete's own zoom step for the wheel and a double click (AreaPlugin's default). */
const INTENSITY = 0.1;

/** rete's zoom, counting the presses on nodes and ports too (it listens before they do). */
class PinchAnywhere extends Zoom {
  override initialize(...args: Parameters<Zoom['initialize']>): void {
    super.initialize(...args);
    this.container.removeEventListener('pointerdown', this.down);
    this.container.addEventListener('pointerdown', this.down, { capture: true });
  }

  override destroy(): void {
    this.container.removeEventListener('pointerdown', this.down, { capture: true });
    super.destroy();
  }
}

/** Puts the pinch in place on the editor's board; returns the function that stops. */
export function enablePinchZoom(editor: LoopEditor): () => void {
  const area = editor.parts.area;
  const zoom = new PinchAnywhere(INTENSITY);
  area.area.setZoomHandler(zoom);
  area.addPipe((context) => {
    if (!context || typeof context !== 'object' || !('type' in context)) return context;
    // Two fingers down: the board zooms and pans, nothing under them is moved.
    if (context.type === 'nodetranslate' && zoom.isTranslating()) return undefined;
    return context;
  });
  return () => area.area.setZoomHandler(null);
}
