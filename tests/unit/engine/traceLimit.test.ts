/** A trace with a limit keeps the run's beginning whole and nothing after; metrics cover the whole run. */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/engine/simulate';
import { loadCampaign } from '../../../levels/campaign';

const campaign = loadCampaign();

describe('the trace limit', () => {
  for (const id of ['tiny-tasks', 'photo-resize', 'chat-server']) {
    it(`${id}: the kept trace is the whole trace before the cut, and the metrics are unchanged`, () => {
      const level = campaign.find((l) => l.id === id)!;
      const whole = simulate(level, level.reference);
      const limited = simulate(level, level.reference, { traceLimit: 2_000 });
      if (!whole.ok || !limited.ok) throw new Error('the reference must run');
      expect(limited.metrics).toEqual(whole.metrics);
      expect(limited.verdict).toEqual(whole.verdict);
      const cut = limited.recordedUntilUs!;
      expect(cut).toBeGreaterThanOrEqual(0);
      expect(limited.trace!.length).toBeLessThanOrEqual(2_000);
      expect(limited.trace).toEqual(whole.trace!.filter((e) => e.t < cut));
    });
  }

  it('keeps the whole trace, and its end, when it fits', () => {
    const level = campaign.find((l) => l.id === 'hello-gather')!;
    const whole = simulate(level, level.reference);
    const limited = simulate(level, level.reference, { traceLimit: 1_000_000 });
    if (!whole.ok || !limited.ok) throw new Error('the reference must run');
    expect(limited.recordedUntilUs).toBeUndefined();
    expect(limited.trace).toEqual(whole.trace);
  });

  it('reports progress as jobs resolved of the total, never going back', () => {
    const level = campaign.find((l) => l.id === 'tiny-tasks')!;
    const seen: [number, number][] = [];
    simulate(level, level.reference, {
      trace: false,
      onProgress: (resolved, total) => seen.push([resolved, total]),
    });
    expect(seen.length).toBeGreaterThan(0);
    for (let i = 1; i < seen.length; i++)
      expect(seen[i]![0]).toBeGreaterThanOrEqual(seen[i - 1]![0]);
    expect(seen.every(([, total]) => total === 20_000)).toBe(true);
  });
});
