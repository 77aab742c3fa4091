/**
 * Resident memory of the simulated program: the interpreter, each thread's stack, each
 * task, each worker process, and the payload of every job in flight. Past the machine's
 * budget the run stops, as a real program would be killed.
 */
import type { World } from './world';

export type MemoryPart = 'interpreter' | 'threads' | 'tasks' | 'processes' | 'jobs';

export class Memory {
  readonly parts: Record<MemoryPart, number> = {
    interpreter: 0,
    threads: 0,
    tasks: 0,
    processes: 0,
    jobs: 0,
  };
  current = 0;
  peak = 0;
  /** What was using memory when it ran out. */
  breakdown: Record<MemoryPart, number> | null = null;
  /** Called on every change while tracing. */
  onChange: ((bytes: number) => void) | null = null;

  constructor(
    private readonly world: World,
    private readonly limit: number,
  ) {}

  add(part: MemoryPart, bytes: number): void {
    this.parts[part] += bytes;
    this.current += bytes;
    if (this.current > this.peak) {
      this.peak = this.current;
      if (this.current > this.limit && this.breakdown === null) {
        this.breakdown = { ...this.parts };
        this.world.stop('outOfMemory');
      }
    }
    this.onChange?.(this.current);
  }
}
