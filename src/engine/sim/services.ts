/**
 * The contract's external services. Each call is accepted or refused at once — refused
 * when all its connections are open or its rate limit is spent — and an accepted call
 * takes the service's latency (sometimes its slow latency) and may fail at the end.
 * What a call draws depends only on (job, step, op, part, attempt): the same call of the
 * same job behaves the same whatever the wiring.
 */
import { draw, Purpose } from '../random';
import type { ServiceSpec } from '../spec';
import type { World } from './world';
import { drawTime } from './draws';
import type { Durations } from './durations';

export type CallOutcome = 'ok' | 'failed' | 'refusedConnections' | 'refusedRate';

export class Service {
  active = 0;
  peak = 0;
  errors = 0;
  /** When each accepted call of the rate limit's current span began, oldest first. */
  private readonly recent: number[] = [];
  private recentHead = 0;
  /** Called on each change of `active` while tracing. */
  onChange: ((active: number) => void) | null = null;

  constructor(
    private readonly world: World,
    readonly spec: ServiceSpec,
    private readonly seed: number,
    private readonly durations: Durations,
  ) {}

  /** Decides a call's fate; `us` is how long until its answer (or its refusal) comes back. */
  call(key: number, job: number, rerun: number): { outcome: CallOutcome; us: number } {
    const spec = this.spec;
    if (this.active >= spec.maxConcurrent) {
      this.errors++;
      return { outcome: 'refusedConnections', us: spec.refuseAfterUs };
    }
    if (spec.rateRequests !== Infinity) {
      const windowStart = this.world.now - spec.rateWindowUs;
      while (
        this.recentHead < this.recent.length &&
        (this.recent[this.recentHead] as number) <= windowStart
      )
        this.recentHead++;
      if (this.recent.length - this.recentHead >= spec.rateRequests) {
        this.errors++;
        return { outcome: 'refusedRate', us: spec.refuseAfterUs };
      }
      this.recent.push(this.world.now);
      if (this.recentHead > 1024) {
        this.recent.splice(0, this.recentHead);
        this.recentHead = 0;
      }
    }
    this.active++;
    if (this.active > this.peak) this.peak = this.active;
    this.onChange?.(this.active);
    const slow =
      spec.slowChance > 0 &&
      draw(this.seed, Purpose.ServiceSlow, job, key, rerun) <= spec.slowChance;
    const us = slow
      ? drawTime(spec.slowLatency, this.seed, Purpose.ServiceLatency, job, key, rerun)
      : this.durations.of(spec.latency, Purpose.ServiceLatency, job, key, rerun);
    const failed =
      spec.failRate > 0 &&
      draw(this.seed, Purpose.ServiceFailure, job, key, rerun) <= spec.failRate;
    if (failed) this.errors++;
    return { outcome: failed ? 'failed' : 'ok', us };
  }

  /** An accepted call ended (answered, failed, or its caller was cancelled). */
  hangUp(): void {
    this.active--;
    this.onChange?.(this.active);
  }
}
