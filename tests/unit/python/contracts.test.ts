/**
 * Every shipped contract's reference wiring, exported as Python and run by python3, ends
 * each job as the engine says: as many jobs done, failed and lost, the same ones (where no
 * queue sheds), and shared state ends at the engine's values, with as many updates lost.
 *
 * Nothing here depends on how fast the machine is: how long CPython took against the
 * engine's prediction is `npm run fidelity`'s question, asked on a quiet machine with
 * its own measured costs. Each contract runs at the scale (and, where its jobs are too
 * many for a few seconds, on the share of its workload) that plan.ts picks, which keeps
 * CPython's fixed costs small beside the contract's times, so that a busy machine slows
 * a run without changing how it ends.
 */
import { describe, expect, it } from 'vitest';
import { loadCampaign } from '../../../levels/campaign';
import { simulate } from '../../../src/engine/simulate';
import { exportPython } from '../../../src/python/exportPython';
import { runProgram } from '../../../src/cli/python/run';
import { engineOutcomes } from './outcomes';
import { planCheck } from '../../../src/cli/python/plan';

describe('the engine against CPython, contract by contract', () => {
  for (const level of loadCampaign()) {
    const plan = planCheck(level);
    const workload =
      plan.jobs === plan.allJobs ? `${plan.jobs} jobs` : `${plan.jobs} of ${plan.allJobs} jobs`;
    const cores = plan.cores < level.machine.cores ? `, ${plan.cores} cores` : '';
    const name = `${level.id}: ${workload}${cores} at scale ${plan.scale} (${plan.why})`;

    it(
      name,
      async () => {
        const result = simulate(plan.level, plan.level.reference);
        if (!result.ok) throw new Error(JSON.stringify(result.issues));
        const expected = engineOutcomes(result.trace ?? [], plan.jobs);
        const program = exportPython(plan.level, plan.level.reference, { scale: plan.scale });
        expect(program.issues).toEqual([]);
        // A slow machine only makes the run longer: the budget is generous.
        const { report } = await runProgram(program.source, [], 240_000);
        // Which of a burst's jobs a full queue sheds, and so how many, turns on who arrives
        // a moment before a worker frees up: a slower machine sheds more. There, what speed
        // does not change is that every job ends, served or shed, and none fails.
        const sheds = Object.values(result.metrics.queues).some((q) => q.shed > 0);
        // Likewise which calls a service at its connection limit refuses turns on whether a
        // cancelled call's connection was let go a moment before the next call came: on a
        // busy machine more or fewer are refused, and a refused call fails its job.
        const refuses = (result.trace ?? []).some(
          (e) => e.type === 'serviceRefused' && e.why === 'connections',
        );
        const { done, failed, lost } = result.metrics;
        if (sheds) {
          expect(report.jobs.failed).toBe(failed);
          expect(report.jobs.unresolved).toBe(0);
          expect(report.jobs.done + report.jobs.lost).toBe(done + lost);
        } else if (refuses) {
          expect(report.jobs.lost).toBe(lost);
          expect(report.jobs.unresolved).toBe(0);
          expect(report.jobs.done + report.jobs.failed).toBe(done + failed);
        } else {
          expect(report.jobs).toEqual({ done, failed, lost, unresolved: 0 });
          expect(report.outcomes).toEqual(expected);
        }
        const shared = Object.entries(result.metrics.shared);
        expect(report.lostUpdates ?? {}).toEqual(
          Object.fromEntries(shared.map(([name, s]) => [name, s.lost])),
        );
        expect(report.shared ?? {}).toEqual(
          Object.fromEntries(shared.map(([name, s]) => [name, s.value])),
        );
      },
      300_000,
    );
  }
});
