/** Absurd or broken input gets a clear message or a clean verdict: never a crash or a hang. */
import { describe, expect, it } from 'vitest';
import { InputErrors } from '../../../src/model/errors';
import type { Level } from '../../../src/model/level';
import type { Solution } from '../../../src/model/solution';
import { simulate } from '../../../src/engine/simulate';
import { io, jobs, makeLevel, step, wire } from './build';

const level = makeLevel({ steps: [step('get', io('1s'))], streams: [jobs(3, ['get'])] });

function issuesOf(solution: Solution): string[] {
  const result = simulate(level, solution);
  if (result.ok) throw new Error('expected the wiring to be refused');
  return result.issues.map((i) => `${i.node ?? ''}: ${i.message}`);
}

describe('a broken wiring', () => {
  it('refuses a pool of a billion workers on that node', () => {
    const solution = wire(level, [['tasks', {}, [['threadPool', { workers: 1e9 }, ['step:get']]]]]);
    expect(issuesOf(solution).join('\n')).toMatch(/^threadPool\d+: /m);
  });

  it('refuses a wire to a node that does not exist', () => {
    const solution = wire(level, ['step:get']);
    const broken = {
      ...solution,
      connections: [...solution.connections, { from: 'step1', fromPort: 'out', to: 'ghost' }],
    };
    expect(issuesOf(broken).join('\n')).toMatch(/ghost/);
  });

  it('refuses wires that go round in a loop', () => {
    const solution = wire(level, ['step:get', 'step:get']);
    const looped: Solution = {
      ...solution,
      connections: [
        { from: 'source', fromPort: 'out', to: 'step1' },
        { from: 'step1', fromPort: 'out', to: 'step2' },
        { from: 'step2', fromPort: 'out', to: 'step1' },
      ],
    };
    expect(issuesOf(looped).join('\n')).toMatch(/loop|twice|more than one/i);
  });

  it('names the Route branch left unwired by the label its port shows', () => {
    const mixed = makeLevel({
      steps: [step('get', io('10ms'))],
      streams: [jobs(1, ['get']), jobs(1, ['get'], { kind: 'report' })],
    });
    const result = simulate(mixed, wire(mixed, [{ route: { job: ['step:get'] } }]));
    if (result.ok) throw new Error('an unwired branch must be refused');
    expect(result.issues.map((i) => i.message)).toEqual([
      'its “report” branch is not wired: jobs of kind “report” have nowhere to go',
    ]);
  });

  it('refuses an async step inside a thread pool, saying why', () => {
    const solution = wire(level, [['tasks', {}, [['threadPool', { workers: 2 }, ['step:get']]]]]);
    expect(issuesOf(solution).join('\n')).toMatch(/async def/);
  });
});

describe('a broken level', () => {
  it('throws InputErrors naming the JSON path of a negative time', () => {
    const broken = {
      ...level,
      steps: [{ id: 'get', label: 'get', ops: [{ io: '-1s', mode: 'async' }] }],
    } as unknown as Level;
    try {
      simulate(broken, level.reference);
      throw new Error('expected InputErrors');
    } catch (error) {
      expect(error).toBeInstanceOf(InputErrors);
      expect((error as InputErrors).errors.map((e) => e.path)).toContain('/steps/0/ops/0/io');
    }
  });

  it('throws InputErrors for a workload too large to simulate', () => {
    const huge = makeLevel({ steps: [step('get', io('1s'))], streams: [jobs(1e12, ['get'])] });
    expect(() => simulate(huge, huge.reference)).toThrow(InputErrors);
  });
});

describe('the event budget', () => {
  it('is charged on every interpreter step, even ops that take no time', () => {
    // 2,500 read-and-write ops (5,000 in all) of one job take no time and fire almost no event: only
    // the interpreter's steps can run the budget out.
    const instant = makeLevel({
      steps: [step('count', { repeat: 2_500, ops: [{ update: 'n', ops: [] }] })],
      streams: [jobs(1, ['count'])],
    });
    const run = (eventBudget: number) => {
      const result = simulate(instant, instant.reference, { trace: false, eventBudget });
      if (!result.ok) throw new Error(JSON.stringify(result.issues));
      return result;
    };
    expect(run(1_000).verdict.outcome).toBe('budgetExhausted');
    const whole = run(100_000);
    expect(whole.verdict.outcome).toBe('finished');
    expect(whole.metrics.events).toBeLessThan(1_000);
  });
});
