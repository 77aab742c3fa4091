/**
 * A process's Global Interpreter Lock, as CPython 3.2+ hands it over: a thread keeps it
 * while it runs Python; one that blocks (IO, a lock, an idle select) lets go; a thread
 * that wants it waits, and once it has waited one switch interval the holder is asked to
 * drop it at its next chance and goes to the back of the line. The waiters are served
 * first come, first served.
 */
import type { OsThread } from './osThread';
import type { Actor, World } from './world';

export class Gil implements Actor {
  holder: OsThread | null = null;
  private holderSince = 0;
  private readonly waiters: OsThread[] = [];
  private switchGen = 0;
  private switchArmed = false;
  /** Called on each hand-over while tracing. */
  onChange: ((holder: OsThread | null) => void) | null = null;

  constructor(
    private readonly world: World,
    readonly process: number,
    private readonly switchUs: number,
  ) {}

  /** Takes the GIL at once if it is free (true); else queues the thread, which is granted it later. */
  request(thread: OsThread): boolean {
    if (this.holder === null) {
      this.take(thread);
      return true;
    }
    thread.waitingSince = this.world.now;
    this.waiters.push(thread);
    this.armSwitch();
    return false;
  }

  release(thread: OsThread): void {
    if (this.holder !== thread) return;
    this.holder = null;
    this.switchGen++;
    this.switchArmed = false;
    const next = this.waiters.shift();
    if (next) {
      this.take(next);
      next.gilGranted();
    } else {
      this.onChange?.(null);
    }
  }

  /** The holder started a CPU burst: if someone is waiting, the switch interval starts to count. */
  armSwitch(): void {
    const holder = this.holder;
    if (this.switchArmed || holder === null || !holder.bursting || this.waiters.length === 0)
      return;
    const since = Math.max(this.holderSince, (this.waiters[0] as OsThread).waitingSince);
    this.switchArmed = true;
    this.world.at(Math.max(this.world.now, since + this.switchUs), this, this.switchGen);
  }

  /** The switch interval ran out: the holder drops the GIL and queues behind the others. */
  fire(gen: number): void {
    if (gen !== this.switchGen) return;
    this.switchArmed = false;
    const holder = this.holder;
    if (holder === null || !holder.bursting || this.waiters.length === 0) return;
    holder.preempt();
    this.holder = null;
    this.switchGen++;
    const next = this.waiters.shift() as OsThread;
    this.take(next);
    holder.waitingSince = this.world.now;
    this.waiters.push(holder);
    next.gilGranted();
  }

  private take(thread: OsThread): void {
    this.holder = thread;
    this.holderSince = this.world.now;
    this.onChange?.(thread);
  }
}
