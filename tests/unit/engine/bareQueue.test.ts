/**
 * The bench's bare-bones queue and the engine run the same M/M/c/K model with the same
 * draws and the same asyncio callbacks, written independently: they must agree to the
 * job. That checks the engine's queue (who gets in, who is shed, how long each waits)
 * and the keying of its draws against a second implementation; it also keeps the
 * bench's yardstick honest, since it must simulate exactly what the engine does.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runBareQueue } from '../../../src/cli/bareQueue';
import { compileLevel } from '../../../src/engine/compileLevel';
import { simulate } from '../../../src/engine/simulate';
import type { Level } from '../../../src/model/level';
import { parseLevel } from '../../../src/model/load';

function benchLevel(count: number, workers: number, capacity: number): Level {
  const file = new URL('../../bench/m-m-4-24.json', import.meta.url);
  const json = JSON.parse(readFileSync(file, 'utf8')) as {
    workload: { streams: { count: number }[] };
    reference: { nodes: { type: string; params: Record<string, unknown> }[] };
  };
  json.workload.streams[0]!.count = count;
  const queue = json.reference.nodes.find((n) => n.type === 'queue')!;
  queue.params = { ...queue.params, workers, capacity };
  return parseLevel(json, file.pathname);
}

describe('the bare-bones queue beside the engine', () => {
  it.each([
    [4, 20],
    [1, 3],
    [6, 2],
  ])(
    '%i workers, %i places: the same jobs served and lost, the same waits',
    (workers, capacity) => {
      const level = benchLevel(30_000, workers, capacity);
      const engine = simulate(level, level.reference, { trace: false });
      if (!engine.ok) throw new Error(JSON.stringify(engine.issues));
      const figures = Object.values(engine.metrics.queues)[0]!;
      const spec = compileLevel(level);
      const bare = runBareQueue(spec, workers, capacity, spec.steps[0]!.ops[0]!.time);
      expect(engine.metrics.lost).toBeGreaterThan(0);
      expect(bare.served).toBe(figures.served);
      expect(bare.lost).toBe(engine.metrics.lost);
      expect(bare.meanWaitUs).toBe(figures.meanWaitUs);
    },
  );
});
