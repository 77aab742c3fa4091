/** The shipped campaign's registry: every level file is in it, in campaign order, and loads. */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CAMPAIGN_FILES, loadCampaign } from '../../../levels/campaign';

const onDisk = readdirSync(new URL('../../../levels/', import.meta.url)).filter((f) =>
  f.endsWith('.json'),
);

describe('levels/campaign.ts', () => {
  it('lists every levels/*.json file exactly once', () => {
    const listed = CAMPAIGN_FILES.map((f) => f.file);
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual([...onDisk].sort());
  });

  it('loads every contract, named after its file, in chapter and order', () => {
    const levels = loadCampaign();
    expect(levels.map((l) => `${l.id}.json`).sort()).toEqual([...onDisk].sort());
    const places = levels.map((l) => l.chapter * 1000 + l.order);
    expect(places).toEqual([...places].sort((a, b) => a - b));
    expect(new Set(places).size).toBe(places.length);
  });

  it('has at least 20 contracts in five chapters, each unlocked by an earlier one', () => {
    const levels = loadCampaign();
    expect(levels.length).toBeGreaterThanOrEqual(20);
    expect(new Set(levels.map((l) => l.chapter))).toEqual(new Set([1, 2, 3, 4, 5]));
    const seen = new Set<string>();
    for (const level of levels) {
      for (const id of level.requires) expect(seen, `${level.id} requires ${id}`).toContain(id);
      seen.add(level.id);
      expect(level.hints.length, level.id).toBeGreaterThanOrEqual(2);
      expect(level.naive.length, level.id).toBeGreaterThanOrEqual(1);
    }
  });

  it('reproduces the seed texts exactly: count() 3 s vs 1 s, the chess exhibition 12 h vs 3,655 s', async () => {
    const { simulate } = await import('../../../src/engine/simulate');
    const byId = new Map(loadCampaign().map((l) => [l.id, l]));
    const makespan = (id: string, which: 'reference' | number): number => {
      const level = byId.get(id)!;
      const solution = which === 'reference' ? level.reference : level.naive[which]!;
      const result = simulate(level, solution, { trace: false });
      if (!result.ok) throw new Error(JSON.stringify(result.issues));
      return result.metrics.makespanUs;
    };
    expect(makespan('hello-gather', 0)).toBe(3_000_000);
    expect(makespan('hello-gather', 'reference')).toBe(1_000_000);
    expect(makespan('chess-exhibition', 0)).toBe(43_200_000_000);
    expect(makespan('chess-exhibition', 'reference')).toBe(3_655_000_000);
  });

  it('has one contract with tens of thousands of jobs, for the timeline stress test', () => {
    const counts = loadCampaign().map((l) =>
      l.workload.streams.reduce((sum, s) => sum + s.count, 0),
    );
    expect(Math.max(...counts)).toBeGreaterThanOrEqual(20_000);
  });
});
