/**
 * Golden scores of every shipped contract: its reference solution's metrics, verdict, how
 * and when each job ended and each worker's time by state; each naive solution's metrics
 * and verdict. A change to the engine or to a level that moves a number a player could
 * see shows up here as a readable diff; one that only changes how the engine gets there
 * (another event in the same instant) does not. That a run is the same byte for byte in
 * node and in the browser is the determinism test's job (engine-determinism.spec.ts).
 *
 * After an intended change, rewrite the files with:
 *   UPDATE_GOLDEN=1 npx vitest run tests/unit/levels/golden.test.ts
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { loadCampaign } from '../../../levels/campaign';
import type { Metrics, SimResult } from '../../../src/engine/result';
import { simulate } from '../../../src/engine/simulate';
import type { Level } from '../../../src/model/level';
import type { Solution } from '../../../src/model/solution';
import { deliveries, workerTimes } from './readout';

const UPDATE = process.env.UPDATE_GOLDEN === '1';
const goldenPath = (id: string): string => new URL(`./golden/${id}.json`, import.meta.url).pathname;

function summary(solution: Solution, result: SimResult) {
  if (!result.ok) return { name: solution.name, issues: result.issues };
  const { verdict } = result;
  return {
    name: solution.name,
    metrics: withoutEvents(result.metrics),
    verdict: {
      outcome: verdict.outcome,
      passed: verdict.passed,
      grade: verdict.grade,
      goals: verdict.goals.map((g) => g.summary),
      problems: verdict.problems,
      deadlock: verdict.deadlock,
    },
  };
}

/** The metrics a player reads; how many events the engine took to get there is its own affair. */
function withoutEvents(metrics: Metrics): Omit<Metrics, 'events'> {
  const { events: _events, ...rest } = metrics;
  return rest;
}

function readout(result: SimResult) {
  if (!result.ok || result.trace === null) return null;
  return {
    deliveries: deliveries(result.trace, result.metrics.jobs),
    workers: workerTimes(result.trace),
  };
}

function score(level: Level) {
  const reference = simulate(level, level.reference, { trace: true });
  return {
    level: level.id,
    revision: level.revision,
    reference: { ...summary(level.reference, reference), ...readout(reference) },
    naive: level.naive.map((n) => summary(n, simulate(level, n, { trace: false }))),
  };
}

const levels = loadCampaign();

describe('every shipped contract', () => {
  it.each(levels.map((l) => [l.id, l] as const))(
    '%s: the reference earns gold, every naive solution misses, and the scores match the golden file',
    async (id, level) => {
      const actual = score(level);
      const reference = actual.reference as { verdict?: { passed: boolean; grade: string } };
      expect(reference.verdict?.passed, 'the reference solution must meet every goal').toBe(true);
      expect(reference.verdict?.grade).toBe('gold');
      for (const naive of actual.naive) {
        const verdict = (naive as { verdict?: { passed: boolean } }).verdict;
        expect(verdict, `naive "${naive.name}" must be a runnable wiring`).toBeDefined();
        expect(verdict!.passed, `naive "${naive.name}" must miss a goal`).toBe(false);
      }
      const file = goldenPath(id);
      // A round trip through JSON, as the golden file stores it (drops undefined fields).
      const plain = JSON.parse(JSON.stringify(actual)) as unknown;
      if (UPDATE) {
        const options = (await prettier.resolveConfig(file)) ?? {};
        const text = await prettier.format(JSON.stringify(plain), { ...options, filepath: file });
        writeFileSync(file, text);
        return;
      }
      expect(existsSync(file), `no golden file for ${id}: run with UPDATE_GOLDEN=1`).toBe(true);
      expect(plain).toEqual(JSON.parse(readFileSync(file, 'utf8')));
    },
  );
});
