/**
 * Tells a clean timing from one a busy machine spoiled: /proc/stat says how much CPU the
 * whole machine used meanwhile, a program reports its own, and the difference is
 * everyone else's. Only `npm run fidelity` asks: the tests never compare times.
 */
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';

/** Above this much CPU used by others (in cores, averaged over a run), a timing is not trusted. */
export const BUSY_MACHINE = 0.15;

export interface CpuSample {
  readonly busy: number;
  readonly total: number;
  readonly at: number;
}

/** The machine's CPU counters now; null where /proc/stat is missing (then every run counts as quiet). */
export function sampleCpu(): CpuSample | null {
  try {
    const fields = readFileSync('/proc/stat', 'utf8')
      .split('\n', 1)[0]!
      .trim()
      .split(/\s+/)
      .slice(1, 9)
      .map(Number);
    const total = fields.reduce((a, b) => a + b, 0);
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
    return { busy: total - idle, total, at: performance.now() };
  } catch {
    return null;
  }
}

/** Cores' worth of CPU the machine used between two samples. */
export function coresUsed(a: CpuSample, b: CpuSample): number {
  const total = b.total - a.total;
  return total > 0 ? ((b.busy - a.busy) / total) * cpus().length : 0;
}

/** Cores' worth of CPU others used while a program that itself used `ownCpuS` ran. */
export function othersCores(a: CpuSample | null, b: CpuSample | null, ownCpuS: number): number {
  if (a === null || b === null) return 0;
  const seconds = (b.at - a.at) / 1000;
  return seconds > 0 ? Math.max(0, coresUsed(a, b) - ownCpuS / seconds) : 0;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits up to `maxMs` for a nearly idle moment; says whether one came. */
export async function waitForQuiet(maxMs: number): Promise<boolean> {
  const deadline = performance.now() + maxMs;
  while (performance.now() < deadline) {
    const a = sampleCpu();
    await sleep(250);
    const b = sampleCpu();
    if (a === null || b === null || coresUsed(a, b) < BUSY_MACHINE) return true;
    await sleep(500);
  }
  return false;
}
