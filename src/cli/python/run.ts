/**
 * Runs exported programs under the machine's `python3` and reads the report they print.
 * The tests compare what a run did, never how long it took, so a busy machine is fine.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What an exported program prints (times in contract seconds, `wall` and `cpu` in real seconds). */
export interface ProgramReport {
  readonly contract: string;
  readonly scale: number;
  readonly makespan: number;
  readonly wall: number;
  readonly cpu: number;
  readonly jobs: { done: number; failed: number; lost: number; unresolved: number };
  readonly outcomes: readonly ('done' | 'failed' | 'lost' | 'unresolved')[];
  readonly completions: readonly (number | null)[];
  readonly lostUpdates?: Readonly<Record<string, number>>;
  readonly shared?: Readonly<Record<string, number>>;
}

export interface Measured {
  readonly report: ProgramReport;
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

/** Writes the program to a temporary file, runs it, and returns its report. */
export async function runProgram(
  source: string,
  args: readonly string[] = [],
  timeoutMs = 60_000,
): Promise<Measured> {
  const dir = mkdtempSync(join(tmpdir(), 'loopwork-py-'));
  const file = join(dir, 'program.py');
  writeFileSync(file, source);
  try {
    const stdout = await execPython(file, args, timeoutMs);
    const lines = stdout.trim().split('\n');
    return { report: JSON.parse(lines[lines.length - 1] as string) as ProgramReport };
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
