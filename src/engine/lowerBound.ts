/**
 * The least makespan any wiring could reach on this contract, from its workload alone:
 * the largest of (all CPU work spread over every core), (the longest job run alone), and
 * (the last arrival plus that job's own shortest path), and (each capped service's calls
 * spread over its connections or its rate limit). Durations are the run's own
 * draws (first attempts, usual service latency), so the bound is this workload's.
 * Parts of a Fan-out can overlap, so a per-part step counts once on the path.
 */
import type { LowerBound } from './result';
import { Purpose } from './random';
import { OpCode, type RunSpec } from './spec';
import { drawTime, opKey, rerunKey } from './sim/draws';
import type { Jobs } from './sim/jobs';

export function lowerBound(spec: RunSpec, jobs: Jobs): LowerBound {
  let totalCpu = 0;
  let longestJob = 0;
  let lastArrival = 0;
  const serviceBusy = spec.services.map(() => 0);
  const serviceCalls = spec.services.map(() => 0);
  for (let job = 0; job < jobs.count; job++) {
    const parts = jobs.partsOf(job);
    let path = 0;
    for (const stepIndex of jobs.recipeOf(job)) {
      const step = spec.steps[stepIndex]!;
      const copies = step.perPart ? parts : 1;
      let longestCopy = 0;
      for (let copy = 0; copy < copies; copy++) {
        const part = step.perPart ? copy : -1;
        let time = 0;
        step.ops.forEach((op, index) => {
          const key = opKey(stepIndex, index);
          if (op.code === OpCode.Read || op.code === OpCode.Write) return;
          const dist =
            op.code === OpCode.CallAsync || op.code === OpCode.CallBlocking
              ? spec.services[op.ref]!.latency
              : op.time;
          const purpose =
            op.code === OpCode.CallAsync || op.code === OpCode.CallBlocking
              ? Purpose.ServiceLatency
              : Purpose.Duration;
          const us = drawTime(dist, spec.seed, purpose, job, key, rerunKey(part, 0));
          if (op.code === OpCode.Cpu) totalCpu += us;
          if (op.code === OpCode.CallAsync || op.code === OpCode.CallBlocking) {
            serviceBusy[op.ref] = (serviceBusy[op.ref] as number) + us;
            serviceCalls[op.ref] = (serviceCalls[op.ref] as number) + 1;
          }
          time += us;
        });
        longestCopy = Math.max(longestCopy, time);
      }
      path += longestCopy;
    }
    longestJob = Math.max(longestJob, path);
    lastArrival = Math.max(lastArrival, (jobs.arrival[job] as number) + path);
  }
  const cpuUs = Math.ceil(totalCpu / spec.cores);
  let serviceUs = 0;
  spec.services.forEach((service, i) => {
    const calls = serviceCalls[i] as number;
    if (calls === 0) return;
    if (service.maxConcurrent !== Infinity)
      serviceUs = Math.max(
        serviceUs,
        Math.ceil((serviceBusy[i] as number) / service.maxConcurrent),
      );
    if (service.rateRequests !== Infinity)
      serviceUs = Math.max(
        serviceUs,
        Math.floor((calls - 1) / service.rateRequests) * service.rateWindowUs,
      );
  });
  return {
    boundUs: Math.max(cpuUs, longestJob, lastArrival, serviceUs),
    cpuUs,
    longestJobUs: longestJob,
    lastArrivalUs: lastArrival,
    serviceUs,
  };
}
