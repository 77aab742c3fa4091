/** The wiring a contract starts with: its Source and its Sink, nothing between. */
import type { Level } from '../model/level';
import { SOLUTION_FORMAT_VERSION, SOLUTION_KIND, type Solution } from '../model/solution';

export function startingWiring(level: Level): Solution {
  return {
    kind: SOLUTION_KIND,
    version: SOLUTION_FORMAT_VERSION,
    level: { id: level.id, revision: level.revision },
    nodes: [
      { id: 'n1', type: 'source', params: {}, position: { x: 0, y: 120 } },
      { id: 'n2', type: 'sink', params: {}, position: { x: 560, y: 120 } },
    ],
    connections: [],
  };
}
