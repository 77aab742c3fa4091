/**
 * Which wiring on the workbench came from a link and is not yet among the player's own
 * solutions. The link opener sets it; the share controls offer "Save to my solutions"
 * while that wiring is the one on the workbench.
 */
import type { Level } from '../../model/level';
import type { Solution } from '../../model/solution';

export interface SharedWiring {
  readonly level: Level;
  /** The wiring as the link gave it (the object handed to the workbench). */
  readonly solution: Solution;
  /** Whether the contract travelled in the link (it cannot be saved to the campaign). */
  readonly customLevel: boolean;
}

let current: SharedWiring | null = null;

export function setSharedWiring(shared: SharedWiring | null): void {
  current = shared;
}

export function sharedWiring(): SharedWiring | null {
  return current;
}
