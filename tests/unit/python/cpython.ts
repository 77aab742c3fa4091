/**
 * Runs exported programs under the machine's `python3` and tells a clean measurement from
 * one a busy machine spoiled: while the program runs, /proc/stat says how much CPU the
 * whole machine used, the program reports its own, and the difference is everyone else.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';

/** What an exported program prints (times in contract seconds, `wall` and `cpu` in real seconds). */
export interface ProgramReport {
  readonly contract: string;
  readonly scale: number;
  readonly makespan: number;
  readonly wall: number;
  readonly cpu: number;
  readonly jobs: { done: number; failed: number; lost: number; unresolved: number };
  readonly completions: readonly (number | null)[];
  readonly lostUpdates?: Readonly<Record<string, number>>;
}

export interface Measured {
  readonly report: ProgramReport;
  /** Cores' worth of CPU other processes used during the run; null where /proc/stat is missing. */
  readonly othersCores: number | null;
}

/** Above this much CPU used by others (in cores, averaged over the run), a timing is not trusted. */
export const BUSY_MACHINE = 0.15;

interface CpuSample {
  readonly busy: number;
  readonly total: number;
  readonly at: number;
}

function sampleCpu(): CpuSample | null {
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
function coresUsed(a: CpuSample, b: CpuSample): number {
  const total = b.total - a.total;
  return total > 0 ? ((b.busy - a.busy) / total) * cpus().length : 0;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits (up to `maxMs`) until the machine has been nearly idle for a moment. */
export async function waitForQuiet(maxMs = 30_000): Promise<void> {
  const deadline = performance.now() + maxMs;
  while (performance.now() < deadline) {
    const a = sampleCpu();
    await sleep(250);
    const b = sampleCpu();
    if (a === null || b === null || coresUsed(a, b) < BUSY_MACHINE) return;
    await sleep(500);
  }
}

/**
 * Runs python3 in a process group of its own, so that on a timeout the worker processes
 * a program started are killed with it (an orphaned worker would burn a core for minutes).
 */
function execPython(file: string, args: readonly string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('python3', [file, ...args], {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    const killGroup = (): void => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    };
    const timer = setTimeout(() => {
      killGroup();
      reject(new Error(`python3 took longer than ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      // Worker processes of a program that crashed must not outlive it either.
      killGroup();
      const stderr = Buffer.concat(err).toString('utf8');
      if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
      else reject(new Error(`python3 exited with ${code}\n${stderr}`));
    });
  });
}

/** Writes the program to a temporary file, runs it, and returns its report and the machine's load meanwhile. */
export async function runProgram(
  source: string,
  args: readonly string[] = [],
  timeoutMs = 60_000,
): Promise<Measured> {
  const dir = mkdtempSync(join(tmpdir(), 'loopwork-py-'));
  const file = join(dir, 'program.py');
  writeFileSync(file, source);
  try {
    const before = sampleCpu();
    const stdout = await execPython(file, args, timeoutMs);
    const after = sampleCpu();
    const lines = stdout.trim().split('\n');
    const report = JSON.parse(lines[lines.length - 1] as string) as ProgramReport;
    let othersCores: number | null = null;
    if (before !== null && after !== null) {
      const seconds = (after.at - before.at) / 1000;
      othersCores = Math.max(0, coresUsed(before, after) - report.cpu / seconds);
    }
    return { report, othersCores };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs a short Python snippet and returns what it printed. */
export async function runSnippet(code: string, timeoutMs = 60_000): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'loopwork-py-'));
  const file = join(dir, 'snippet.py');
  writeFileSync(file, code);
  try {
    return await execPython(file, [], timeoutMs);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
