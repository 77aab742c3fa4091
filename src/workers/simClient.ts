/**
 * The page's side of a simulation worker. Only the latest request matters: a new one
 * supersedes the one waiting, and a run still going after `patienceMs` is abandoned by
 * restarting the worker, so the player's newest wiring is always the one being scored.
 */
import type { Level } from '../model/level';
import type { Solution } from '../model/solution';
import type { SimOptions, SimResult } from '../engine/result';
import type { TraceEvent } from '../engine/trace';
import type { SimRequest, SimResponse } from './protocol';

/** Rejection of a request that a newer one replaced. */
export class Superseded extends Error {
  constructor() {
    super('superseded by a newer run');
    this.name = 'Superseded';
  }
}

interface Pending {
  readonly request: SimRequest;
  /** The trace so far, gathered from its slices. */
  readonly trace: TraceEvent[];
  readonly onProgress: ((resolved: number, total: number) => void) | undefined;
  resolve(result: SimResult): void;
  reject(error: Error): void;
}

export class SimClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private running: Pending | null = null;
  private startedAt = 0;
  private waiting: Pending | null = null;

  /** @param name - the worker's name, as the browser's developer tools list it. */
  constructor(
    private readonly patienceMs = 1500,
    private readonly name = 'simulation',
  ) {}

  private spawn(): Worker {
    const worker = new Worker(new URL('./sim.worker.ts', import.meta.url), {
      type: 'module',
      name: this.name,
    });
    worker.onmessage = (event: MessageEvent<SimResponse>) => this.answer(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      this.fail(new Error(event.message || 'the simulation stopped unexpectedly'));
    };
    return worker;
  }

  /**
   * Simulates; rejects with `Superseded` if a newer request replaces this one first, or it
   * is cancelled. `onProgress` hears how many jobs are resolved, of how many, as it goes.
   */
  run(
    level: Level,
    solution: Solution,
    options: Omit<SimOptions, 'onProgress'>,
    onProgress?: (resolved: number, total: number) => void,
  ): Promise<SimResult> {
    return new Promise<SimResult>((resolve, reject) => {
      const pending: Pending = {
        request: {
          id: this.nextId++,
          level,
          solution,
          options,
          progress: onProgress !== undefined,
        },
        trace: [],
        onProgress,
        resolve,
        reject,
      };
      this.waiting?.reject(new Superseded());
      this.waiting = pending;
      if (this.running && performance.now() - this.startedAt > this.patienceMs) {
        // The run in progress is stale and slow: stop it rather than wait.
        this.running.reject(new Superseded());
        this.running = null;
        this.worker?.terminate();
        this.worker = null;
      }
      this.pump();
    });
  }

  /** Abandons everything, running or waiting. */
  cancel(): void {
    this.waiting?.reject(new Superseded());
    this.waiting = null;
    if (this.running) {
      this.running.reject(new Superseded());
      this.running = null;
      this.worker?.terminate();
      this.worker = null;
    }
  }

  get busy(): boolean {
    return this.running !== null || this.waiting !== null;
  }

  private pump(): void {
    if (this.running || !this.waiting) return;
    this.running = this.waiting;
    this.waiting = null;
    this.startedAt = performance.now();
    this.worker ??= this.spawn();
    this.worker.postMessage(this.running.request);
  }

  private answer(response: SimResponse): void {
    const current = this.running;
    if (!current || current.request.id !== response.id) return;
    switch (response.kind) {
      case 'progress':
        current.onProgress?.(response.resolved, response.total);
        return;
      case 'trace':
        for (const event of response.events) current.trace.push(event);
        return;
      case 'done': {
        this.running = null;
        const result = response.result;
        current.resolve(
          result.ok && result.trace !== null ? { ...result, trace: current.trace } : result,
        );
        break;
      }
      case 'failed':
        this.running = null;
        current.reject(new Error(response.error));
        break;
    }
    this.pump();
  }

  private fail(error: Error): void {
    this.running?.reject(error);
    this.running = null;
    this.worker?.terminate();
    this.worker = null;
    this.pump();
  }

  dispose(): void {
    this.cancel();
    this.worker?.terminate();
    this.worker = null;
  }
}
