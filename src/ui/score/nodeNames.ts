/**
 * Names nodes the way the board shows them — a Step by its step's label, a Lock by the
 * name written on it — never by the ids the player cannot see: "Step “resize”",
 * "Lock “A”", "Thread pool".
 */
import type { Level } from '../../model/level';
import type { Solution } from '../../model/solution';
import { NODE_SPECS } from '../../model/vocabulary';

/** The node's name on the board; null when the wiring holds no such node. */
export function nodeName(level: Level, solution: Solution | null, id: string): string | null {
  const node = solution?.nodes.find((n) => n.id === id);
  if (!node || !NODE_SPECS[node.type]) return null;
  if (node.type === 'step') {
    const step = level.steps.find((s) => s.id === node.params.step);
    return `Step “${step?.label ?? node.params.step}”`;
  }
  if (node.type === 'lock') return `Lock “${node.params.name}”`;
  return NODE_SPECS[node.type].label;
}
