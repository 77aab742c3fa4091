/** Which wires the editor refuses outright, in the player's words (the engine checks the rest). */
import { NODE_SPECS } from '../model/vocabulary';
import type { LoopNode } from './schemes';

export function wireRefusal(from: LoopNode, to: LoopNode): string | null {
  if (from.id === to.id) return 'A wire cannot loop back into its own node.';
  if ((from.parent ?? '') !== (to.parent ?? ''))
    return 'Wires join nodes in the same box: a container’s body is wired inside it, and the container itself is wired outside.';
  if (!NODE_SPECS[to.type].hasInput) return `${NODE_SPECS[to.type].label} takes no input.`;
  return null;
}
