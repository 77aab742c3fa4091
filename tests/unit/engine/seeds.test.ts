/** The seeds' numbers, reproduced exactly by the shipped contracts. */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/engine/simulate';
import { loadCampaign } from '../../../levels/campaign';

const S = 1_000_000;

function makespans(id: string): number[] {
  const level = loadCampaign().find((l) => l.id === id);
  if (level === undefined) throw new Error(`no contract ${id}`);
  return [level.reference, ...level.naive].map((solution) => {
    const result = simulate(level, solution, { trace: false });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    return result.metrics.makespanUs;
  });
}

describe('the seeds', () => {
  it('hello-gather: three 1 s sleeps take 3 s awaited one by one, 1 s gathered', () => {
    const [gathered, oneByOne] = makespans('hello-gather');
    expect(gathered).toBe(1 * S);
    expect(oneByOne).toBe(3 * S);
  });

  it('chess-exhibition: 12 h one game at a time, 3,655 s table to table', () => {
    const [tableToTable, oneAtATime] = makespans('chess-exhibition');
    expect(oneAtATime).toBe(43_200 * S);
    expect(tableToTable).toBe(3_655 * S);
  });
});
