/**
 * Putting a saved or shared wiring on the board: its graph, then its boxes sized around
 * what they hold. Nothing moves, so the wiring read back is the wiring loaded.
 */
import type { NodeEditor } from 'rete';
import type { AreaPlugin } from 'rete-area-plugin';
import type { Level } from '../model/level';
import type { Solution } from '../model/solution';
import type { Containers } from './containers';
import { fromSolution, type Loaded } from './mapping';
import type { Schemes } from './schemes';

export async function loadWiring(
  editor: NodeEditor<Schemes>,
  area: AreaPlugin<Schemes, never>,
  containers: Containers,
  solution: Solution,
  level: Level,
): Promise<Loaded> {
  const loaded = await fromSolution(editor, area, solution, level);
  await containers.fitAll(true);
  return loaded;
}
