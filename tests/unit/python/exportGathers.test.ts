/**
 * The gather constructs as exported Python: Gather all and Gather branches (raising and
 * collecting) run under python3 and end each job the way the engine does.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/engine/simulate';
import { exportPython } from '../../../src/python/exportPython';
import { runProgram } from '../../../src/cli/python/run';
import { io, jobs, makeLevel, step, wire } from '../engine/build';

describe('the exported gathers', () => {
  it('run under python3 and end each job as the engine does', async () => {
    const level = makeLevel({
      seed: 5,
      services: [{ id: 'bank', label: 'bank', latency: '20ms', failRate: 0.3 }],
      steps: [
        { id: 'tile', label: 'tile', perPart: true, ops: [{ call: 'bank', label: 'tile' }] },
        step('quote', { call: 'bank', label: 'quote' }),
        step('stock', io('30ms')),
        step('ship', io('10ms')),
      ],
      streams: [
        jobs(12, ['tile'], { kind: 'a', parts: 3 }),
        jobs(12, ['quote', 'stock', 'ship'], { kind: 'b' }),
        jobs(12, ['quote', 'stock', 'ship'], { kind: 'c' }),
      ],
    });
    const branches = (exceptions: string) => ({
      gather: { exceptions },
      branches: [['step:stock'], ['step:quote']],
    });
    const solution = wire(level, [
      {
        route: {
          a: [['tasks', {}, [['gatherAll', {}, ['step:tile']]]]],
          b: [['tasks', {}, [branches('raise'), 'step:ship']]],
          c: [['tasks', {}, [branches('collect'), 'step:ship']]],
        },
      },
    ]);
    const engine = simulate(level, solution, { trace: false });
    expect(engine.ok).toBe(true);
    if (!engine.ok) return;
    const program = exportPython(level, solution, { scale: 1 });
    expect(program.issues).toEqual([]);
    expect(program.source).toContain('return_exceptions=True');
    const { report } = await runProgram(program.source);
    expect(report.jobs).toEqual({
      done: engine.metrics.done,
      failed: engine.metrics.failed,
      lost: engine.metrics.lost,
      unresolved: 0,
    });
    expect(engine.metrics.failed).toBeGreaterThan(3);
    expect(engine.metrics.done).toBeGreaterThan(3);
  });
});
