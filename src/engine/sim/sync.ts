/**
 * Semaphores and locks, for coroutines (asyncio) and threads (threading) alike: a count
 * of free permits and a FIFO of waiters. A release hands the permit straight to the
 * first waiter, so nobody barges ahead of the line (asyncio's behaviour since 3.11.1;
 * for threads it keeps runs deterministic).
 */

import { Fifo } from './fifo';

export interface PermitWaiter {
  /** The permit is now this waiter's; it will be woken to use it. */
  permitGranted(): void;
}

export class Permits<W extends PermitWaiter = PermitWaiter> {
  private free: number;
  readonly waiters = new Fifo<W>();
  /** Who holds a permit now, for naming a deadlock's cycle. */
  readonly holders = new Set<W>();

  constructor(
    readonly name: string,
    readonly node: string,
    permits: number,
  ) {
    this.free = permits;
  }

  /** True: acquired now. False: queued; `permitGranted` comes later. */
  acquire(waiter: W): boolean {
    if (this.free > 0 && this.waiters.length === 0) {
      this.free--;
      this.holders.add(waiter);
      return true;
    }
    this.waiters.push(waiter);
    return false;
  }

  release(waiter: W): void {
    if (!this.holders.delete(waiter)) return;
    const next = this.waiters.shift();
    if (next === undefined) this.free++;
    else {
      this.holders.add(next);
      next.permitGranted();
    }
  }

  /** A waiter gives up (it was cancelled) before it got a permit. */
  withdraw(waiter: W): void {
    this.waiters.remove(waiter);
  }
}
