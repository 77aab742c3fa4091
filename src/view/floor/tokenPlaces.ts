/**
 * From token places (which node, or which journey and how far) to points on the floor.
 * A token sitting in a node takes the next free spot of the node's pile: a grid in a
 * step's body, or in a box's header for jobs waiting to get in (a queue, a pool, a
 * semaphore). A travelling token follows the hop paths of its journey. Pure: no pixi.
 */
import type { Replay } from '../replay/replay';
import type { TokenBuffer } from '../replay/tokens';
import { hopPoints, pointAlong, toPath, type FloorLayout, type NodeBox, type Path } from './layout';

/** Distance between token centres in a pile. */
export const PILE_STEP = 9;

/** Where the tokens of one node sit. */
export interface Pile {
  readonly x: number;
  readonly y: number;
  readonly columns: number;
  readonly rows: number;
}

export function pileOf(box: NodeBox): Pile {
  if (box.container) {
    // One row in the header, right of the title; their count goes under it.
    const x = box.x + Math.max(110, box.w * 0.58);

    const columns = Math.max(1, Math.floor((box.x + box.w - 12 - x) / PILE_STEP) + 1);
    return { x, y: box.y + 10, columns, rows: 1 };
  }
  const columns = Math.max(1, Math.floor((box.w - 24) / PILE_STEP) + 1);
  // Under the title and the step's description.
  return {
    x: box.x + 12,
    y: box.y + 46,
    columns,
    rows: Math.max(1, Math.floor((box.h - 52) / PILE_STEP) + 1),
  };
}

export function pileCapacity(pile: Pile): number {
  return pile.columns * pile.rows;
}

export interface TokenPoints {
  readonly x: Float32Array;
  readonly y: Float32Array;
  /** False for a token in a node the floor does not show. */
  readonly shown: Uint8Array;
  /** Tokens sitting in each node (by replay node index), including those past its pile's capacity (not shown). */
  readonly sitting: Int32Array;
}

export function createTokenPoints(replay: Replay): TokenPoints {
  const n = replay.jobs.count;
  return {
    x: new Float32Array(n),
    y: new Float32Array(n),
    shown: new Uint8Array(n),
    sitting: new Int32Array(replay.nodes.length),
  };
}

export class TokenPlacer {
  private readonly boxes: (NodeBox | null)[];
  private readonly piles: (Pile | null)[];
  private readonly paths = new Map<number, Path>();
  private readonly point = { x: 0, y: 0 };

  constructor(
    private readonly replay: Replay,
    private readonly layout: FloorLayout,
  ) {
    this.boxes = replay.nodes.map((id) => layout.boxes.get(id) ?? null);
    this.piles = this.boxes.map((box) => (box ? pileOf(box) : null));
  }

  /** The path of one hop between two nodes (by replay node index), built once. */
  private path(from: number, to: number): Path {
    const key = from * this.replay.nodes.length + to;
    let path = this.paths.get(key);
    if (!path) {
      path = toPath(hopPoints(this.layout, this.replay.nodes[from]!, this.replay.nodes[to]!));
      this.paths.set(key, path);
    }
    return path;
  }

  /** Fills `out` with a point for each token of `tokens`. */
  place(tokens: TokenBuffer, out: TokenPoints): TokenPoints {
    const { entryNode } = this.replay.jobs;
    out.sitting.fill(0);
    for (let k = 0; k < tokens.count; k++) {
      const from = tokens.from[k]!;
      const to = tokens.to[k]!;
      const node = entryNode[from]!;
      if (to < 0) {
        const pile = this.piles[node];
        if (!pile) {
          out.shown[k] = 0;
          continue;
        }
        // Past the pile's capacity a token is only counted: the box shows "+n" instead.
        const slot = out.sitting[node]!++;
        if (slot >= pileCapacity(pile)) {
          out.shown[k] = 0;
          continue;
        }
        out.x[k] = pile.x + (slot % pile.columns) * PILE_STEP;
        out.y[k] = pile.y + Math.floor(slot / pile.columns) * PILE_STEP;
        out.shown[k] = 1;
        continue;
      }
      // A journey through `to - from` hops, each an equal share of the way.
      const hops = to - from;
      const along = tokens.progress[k]! * hops;
      const hop = Math.min(hops - 1, Math.floor(along));
      const a = entryNode[from + hop]!;
      const b = entryNode[from + hop + 1]!;
      if (!this.boxes[a] || !this.boxes[b]) {
        out.shown[k] = 0;
        continue;
      }
      pointAlong(this.path(a, b), along - hop, this.point);
      out.x[k] = this.point.x;
      out.y[k] = this.point.y;
      out.shown[k] = 1;
    }
    return out;
  }
}
