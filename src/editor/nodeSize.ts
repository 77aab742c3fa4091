/**
 * A node's size, computed from what it shows rather than measured, so containers can be
 * sized around their children before anything is drawn. The lit node element lays its
 * rows out with these same numbers (exported to it as CSS heights).
 */
import { NODE_SPECS, type NodeType } from '../model/vocabulary';

export const ROW = {
  title: 38,
  param: 30,
  port: 24,
  /** The step's description under a Step node's picker; a container's Python line. */
  note: 20,
  bottom: 8,
} as const;

export const NODE_WIDTH = 236;
export const CONTAINER_MIN = { width: 260, height: 150 } as const;
/** Space between a container's border and its children. */
export const CONTAINER_PAD = { left: 18, right: 18, bottom: 18, gap: 12 } as const;

interface Sized {
  readonly type: NodeType;
  readonly outputs: Record<string, unknown>;
}

/** Extra output rows: every output but the main "out", which sits on the title row. */
export function extraOutputs(node: Sized): string[] {
  return Object.keys(node.outputs).filter((port) => port !== 'out');
}

/** Height of the header: title, parameters and extra outputs (all of a plain node). */
export function headerHeight(node: Sized): number {
  const spec = NODE_SPECS[node.type];
  const params = spec.params.length * ROW.param;
  const note = node.type === 'step' || spec.container ? ROW.note : 0;
  const ports = extraOutputs(node).length * ROW.port;
  return ROW.title + params + note + ports + ROW.bottom;
}

export function nodeSize(node: Sized): { width: number; height: number } {
  const spec = NODE_SPECS[node.type];
  if (spec.container)
    return {
      width: CONTAINER_MIN.width,
      height: Math.max(CONTAINER_MIN.height, headerHeight(node) + 90),
    };
  return { width: NODE_WIDTH, height: headerHeight(node) };
}
