/**
 * The machine's cores. A running CPU burst gets a whole core while there are enough;
 * beyond that, the bursts share the cores equally (processor sharing, as an OS
 * scheduler does on average). Only a GIL holder runs Python, so at most one burst per
 * process is ever here: the sharing happens between processes.
 */
import type { Actor, World } from './world';

/** What a burst reports to when it ends. */
export interface BurstOwner {
  burstDone(): void;
}

class Burst implements Actor {
  remaining = 0;
  gen = 0;
  constructor(
    readonly cpu: Cpu,
    readonly owner: BurstOwner,
  ) {}
  fire(gen: number): void {
    if (gen === this.gen) this.cpu.finish(this);
  }
}

export class Cpu {
  private readonly active: Burst[] = [];
  private lastUpdate = 0;
  private rate = 1;

  constructor(
    private readonly world: World,
    readonly cores: number,
  ) {}

  /** A handle the owner reuses for each of its bursts. */
  burstFor(owner: BurstOwner): Burst {
    return new Burst(this, owner);
  }

  start(burst: Burst, us: number): void {
    this.progress();
    burst.remaining = us;
    this.active.push(burst);
    if (this.setRate()) this.rescheduleAll();
    else this.schedule(burst);
  }

  /** Takes a burst off its core before it ends (its thread lost the GIL); returns the time it still needs. */
  pause(burst: Burst): number {
    this.progress();
    this.remove(burst);
    burst.gen++;
    if (this.setRate()) this.rescheduleAll();
    return Math.max(0, Math.ceil(burst.remaining - 1e-9));
  }

  finish(burst: Burst): void {
    this.progress();
    this.remove(burst);
    burst.gen++;
    if (this.setRate()) this.rescheduleAll();
    burst.owner.burstDone();
  }

  private remove(burst: Burst): void {
    const i = this.active.indexOf(burst);
    if (i >= 0) this.active.splice(i, 1);
  }

  private progress(): void {
    const elapsed = this.world.now - this.lastUpdate;
    this.lastUpdate = this.world.now;
    if (elapsed === 0) return;
    for (const burst of this.active) burst.remaining -= elapsed * this.rate;
  }

  /** Recomputes each burst's share of a core; true when it changed. */
  private setRate(): boolean {
    const rate = this.active.length <= this.cores ? 1 : this.cores / this.active.length;
    if (rate === this.rate) return false;
    this.rate = rate;
    return true;
  }

  private rescheduleAll(): void {
    for (const burst of this.active) {
      burst.gen++;
      this.schedule(burst);
    }
  }

  private schedule(burst: Burst): void {
    const delay = Math.max(0, Math.ceil(burst.remaining / this.rate - 1e-9));
    this.world.after(delay, burst, burst.gen);
  }
}

export type { Burst };
