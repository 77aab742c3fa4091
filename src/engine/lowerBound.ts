/**
 * The least makespan any wiring could reach on this contract, from its workload alone:
 * the largest of (all CPU work spread over every core), (the longest job run alone), and
 * (the last arrival plus that job's own shortest path), and (each capped service's calls
 * spread over its connections or its rate limit). Durations are the run's own
 * draws (first attempts, usual service latency), so the bound is this workload's; it reads
 * them from the run's own table, so a job's durations are drawn once.
 * Parts of a Fan-out can overlap, so a per-part step counts once on the path.
 */
import type { LowerBound } from './result';
import { Purpose } from './random';
import { OpCode, type RunSpec } from './spec';
import { opKey, rerunKey } from './sim/draws';
import type { Durations } from './sim/durations';
import type { Jobs } from './sim/jobs';

export function lowerBound(spec: RunSpec, jobs: Jobs, durations: Durations): LowerBound {
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
        const rerun = rerunKey(step.perPart ? copy : -1, 0);
        let time = 0;
        for (let index = 0; index < step.ops.length; index++) {
          const op = step.ops[index]!;
          const key = opKey(stepIndex, index);
          if (op.code === OpCode.Read || op.code === OpCode.Write) continue;
          const isCall = op.code === OpCode.CallAsync || op.code === OpCode.CallBlocking;
          const us = isCall
            ? durations.of(spec.services[op.ref]!.latency, Purpose.ServiceLatency, job, key, rerun)
            : durations.of(op.time, Purpose.Duration, job, key, rerun);
          if (op.code === OpCode.Cpu) totalCpu += us;
          if (isCall) {
            serviceBusy[op.ref] = (serviceBusy[op.ref] as number) + us;
            serviceCalls[op.ref] = (serviceCalls[op.ref] as number) + 1;
          }
          time += us;
        }
        if (time > longestCopy) longestCopy = time;
      }
      path += longestCopy;
    }
    if (path > longestJob) longestJob = path;
    const end = (jobs.arrival[job] as number) + path;
    if (end > lastArrival) lastArrival = end;
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
