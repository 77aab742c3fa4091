/** What the engine reads of a wiring, as one string: everything but where nodes are drawn. */
import type { Solution } from '../model/solution';

export function structureKey(wiring: Solution): string {
  return JSON.stringify([
    wiring.nodes.map(({ id, type, params, parent }) => [id, type, params, parent ?? null]),
    wiring.connections,
  ]);
}
