import { describe, expect, it } from 'vitest';
import type { Solution } from '../../../src/model/solution';
import {
  CONTAINER,
  hopPoints,
  layoutFloor,
  LEAF,
  overlaps,
  pointAlong,
  toPath,
} from '../../../src/view/floor/layout';
import { deadlockNodes, describeDeadlock } from '../../../src/view/floor/deadlock';
import { partyNode } from '../../../src/engine/describe';

const solution = {
  kind: 'loopwork/solution',
  version: 1,
  level: { id: 'x', revision: 1 },
  nodes: [
    { id: 'src', type: 'source', params: {}, position: { x: 0, y: 0 } },
    { id: 'pool', type: 'threadPool', params: { workers: 4 }, position: { x: 200, y: 0 } },
    {
      id: 'a',
      type: 'step',
      params: { step: 'resize' },
      parent: 'pool',
      position: { x: 220, y: 40 },
    },
    {
      id: 'b',
      type: 'step',
      params: { step: 'save' },
      parent: 'pool',
      position: { x: 420, y: 40 },
    },
    { id: 'sink', type: 'sink', params: {}, position: { x: 700, y: 0 } },
  ],
  connections: [
    { from: 'src', fromPort: 'out', to: 'pool' },
    { from: 'a', fromPort: 'out', to: 'b' },
    { from: 'pool', fromPort: 'out', to: 'sink' },
  ],
} as unknown as Solution;

describe('floor layout', () => {
  const layout = layoutFloor(solution, null);

  it('places top-level nodes where the editor put them', () => {
    const sink = layout.boxes.get('sink')!;
    expect([sink.x, sink.y, sink.w, sink.h]).toEqual([700, 0, LEAF.w, LEAF.h]);
  });

  it('sits a container’s children just inside it, arranged as in the editor', () => {
    const a = layout.boxes.get('a')!;
    const b = layout.boxes.get('b')!;
    expect([a.x, a.y]).toEqual([200 + CONTAINER.pad, CONTAINER.header]);
    expect([b.x - a.x, b.y - a.y]).toEqual([200, 0]);
  });

  it('draws a container around its children', () => {
    const pool = layout.boxes.get('pool')!;
    expect(pool.x).toBe(200);
    expect(pool.y).toBe(0);
    expect(pool.x + pool.w).toBe(200 + CONTAINER.pad + 200 + LEAF.w + CONTAINER.pad);
    expect(pool.y + pool.h).toBe(CONTAINER.header + LEAF.h + CONTAINER.pad);
    expect(pool.detail).toBe('4 threads');
  });

  it('orders containers before their children', () => {
    const order = layout.order.map((b) => b.id);
    expect(order.indexOf('pool')).toBeLessThan(order.indexOf('a'));
  });

  it('draws a wire from an output to an input', () => {
    const wire = layout.wires.find((w) => w.from === 'a')!;
    const b = layout.boxes.get('b')!;
    expect(wire.points.at(-2)).toBe(b.input.x);
    expect(wire.points.at(-1)).toBe(b.input.y);
  });

  it('takes a token out of a container through its output side', () => {
    const points = hopPoints(layout, 'b', 'sink');
    const pool = layout.boxes.get('pool')!;
    expect(points[2]).toBe(pool.x + pool.w);
    expect(points.at(-2)).toBe(layout.boxes.get('sink')!.input.x);
  });

  it('takes a token into a container body from its input side', () => {
    const points = hopPoints(layout, 'pool', 'a');
    expect(points[0]).toBe(layout.boxes.get('pool')!.input.x);
    expect(points.at(-2)).toBe(200 + CONTAINER.pad);
  });

  it('finds the point a share of the way along a path', () => {
    const path = toPath(Float32Array.from([0, 0, 10, 0, 10, 10]));
    const p = { x: 0, y: 0 };
    pointAlong(path, 0.25, p);
    expect(p).toEqual({ x: 5, y: 0 });
    pointAlong(path, 0.75, p);
    expect(p).toEqual({ x: 10, y: 5 });
    pointAlong(path, 2, p);
    expect(p).toEqual({ x: 10, y: 10 });
  });
});

describe('deadlock names', () => {
  const edges = [
    { waiter: 'job 6 at n4', resource: 'lock "savings"', holder: 'job 5 at n7' },
    { waiter: 'main()', resource: 'tasks to finish', holder: '3 jobs still inside' },
  ];

  it('reads the nodes out of the engine’s names', () => {
    expect(partyNode('job 6 at n4')).toBe('n4');
    expect(partyNode('main()')).toBeNull();
    expect([...deadlockNodes(edges)]).toEqual(['n4', 'n7']);
  });

  it('says the cycle in the player’s words', () => {
    const names: Record<string, string> = { n4: 'Lock “lock savings”' };
    expect(describeDeadlock(edges, (id) => names[id])).toEqual([
      'job 6 in Lock “lock savings” waits for lock "savings", held by job 5 at n7',
      'main() waits for tasks to finish, held by 3 jobs still inside',
    ]);
  });
});

describe('a wiring whose positions would overlap on the floor', () => {
  const cramped = {
    ...solution,
    nodes: [
      { id: 'src', type: 'source', params: {}, position: { x: 0, y: 0 } },
      { id: 'pool', type: 'threadPool', params: { workers: 4 }, position: { x: 100, y: 0 } },
      {
        id: 'a',
        type: 'step',
        params: { step: 'resize' },
        parent: 'pool',
        position: { x: 110, y: 20 },
      },
      {
        id: 'b',
        type: 'step',
        params: { step: 'save' },
        parent: 'pool',
        position: { x: 120, y: 30 },
      },
      { id: 'sink', type: 'sink', params: {}, position: { x: 200, y: 0 } },
    ],
  } as unknown as Solution;

  it('is laid out by its wires instead: left to right, nothing covering anything', () => {
    const layout = layoutFloor(cramped, null);
    expect(overlaps(layout)).toBe(false);
    const x = (id: string) => layout.boxes.get(id)!.x;
    expect(x('src')).toBeLessThan(x('pool'));
    expect(x('pool')).toBeLessThan(x('sink'));
    expect(x('a')).toBeLessThan(x('b'));
    const pool = layout.boxes.get('pool')!;
    for (const id of ['a', 'b']) {
      const box = layout.boxes.get(id)!;
      expect(box.x).toBeGreaterThanOrEqual(pool.x);
      expect(box.x + box.w).toBeLessThanOrEqual(pool.x + pool.w);
      expect(box.y).toBeGreaterThanOrEqual(pool.y + CONTAINER.header);
    }
  });

  it('keeps the editor’s positions when they leave room', () => {
    expect(overlaps(layoutFloor(solution, null))).toBe(false);
    expect(layoutFloor(solution, null).boxes.get('sink')!.x).toBe(700);
  });
});
