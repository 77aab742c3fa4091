/** Names nodes the way the player sees them: "Step “resize” (n4)", "Lock A (n7)". */
import type { Level } from '../../model/level';
import type { Solution } from '../../model/solution';
import { NODE_SPECS } from '../../model/vocabulary';

export function nodeName(level: Level, solution: Solution | null, id: string): string {
  const node = solution?.nodes.find((n) => n.id === id);
  if (!node || !NODE_SPECS[node.type]) return id;
  const params = node.params as unknown as Record<string, unknown>;
  if (node.type === 'step') {
    const step = level.steps.find((s) => s.id === params.step);
    return `Step “${step?.label ?? String(params.step)}” (${id})`;
  }
  if (node.type === 'lock') return `Lock ${String(params.name)} (${id})`;
  return `${NODE_SPECS[node.type].label} (${id})`;
}
