/**
 * The discrete-event core: a clock in integer microseconds and a heap of actors due to
 * fire, in the spirit of SimPy. Everything that happens in a run happens because an
 * actor fired; same-time events fire in the order they were scheduled.
 */
import { Priority, TimedHeap } from '../heap';
import type { RunOutcome } from '../trace';

/** Anything that can be woken by the clock. `arg` tells it why (and lets it ignore stale wake-ups). */
export interface Actor {
  fire(arg: number): void;
}

export class World {
  now = 0;
  /** Events processed so far, counted against the budget. */
  events = 0;
  /** Interpreter steps taken so far (instructions and ops), counted against the same budget. */
  steps = 0;
  /** Set once the run must stop; null while it goes on. */
  stopped: RunOutcome | null = null;
  /** Called every 2^16 events: how a long run reports its progress. */
  onTick: (() => void) | null = null;
  private readonly heap = new TimedHeap<Actor>();

  constructor(private readonly budget: number) {}

  /** Events scheduled and not yet fired (stale wake-ups included until they fire). */
  get pending(): number {
    return this.heap.size;
  }

  at(time: number, actor: Actor, arg = 0): void {
    this.heap.push(time, actor, arg);
  }

  after(delay: number, actor: Actor, arg = 0): void {
    this.heap.push(this.now + delay, actor, arg);
  }

  /** Fires at once, before anything else due now: a hand-over that is immediate in reality. */
  urgent(actor: Actor, arg = 0): void {
    this.heap.push(this.now, actor, arg, Priority.Urgent);
  }

  /** Counts work done outside the heap (an event loop's callbacks) against the budget. */
  count(): boolean {
    if (++this.events + this.steps > this.budget) this.stop('budgetExhausted');
    if ((this.events & 0xffff) === 0) this.onTick?.();
    return this.stopped === null;
  }

  /**
   * Charges one interpreter step (an instruction, an op) to the budget, so no construct can
   * loop in zero time without spending it; false once the run has stopped.
   */
  spend(): boolean {
    if (this.events + ++this.steps > this.budget) this.stop('budgetExhausted');
    return this.stopped === null;
  }

  stop(outcome: RunOutcome): void {
    if (this.stopped === null) this.stopped = outcome;
  }

  /** Fires actors in time order until the run stops or nothing is left to happen. */
  run(): void {
    const heap = this.heap;
    while (this.stopped === null && heap.size > 0) {
      const time = heap.peekTime();
      const actor = heap.peekItem() as Actor;
      const arg = heap.peekArg();
      heap.pop();
      this.now = time;
      if (!this.count()) return;
      actor.fire(arg);
    }
  }
}
