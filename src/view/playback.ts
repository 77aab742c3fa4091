/**
 * The replay's clock, shared by the run view and the timeline so both show the same
 * moment: the simulated time, play or pause, the speed, and the job the player picked.
 * No DOM here: the animation-frame driver (ticker.ts) calls `advance`; tests call it too.
 */
import type { Micros } from '../model/units';

/** Simulated seconds per wall-clock second the player can choose. */
export const SPEEDS: readonly number[] = [0.25, 0.5, 1, 2, 5, 10, 25, 50, 100, 250, 500, 1000];

/** How long a whole run should take to watch at the speed chosen for it: a few seconds of show. */
const WATCH_SECONDS = 5;

/** The preset speed that plays a run of `endUs` in about `WATCH_SECONDS`. */
export function speedFor(endUs: Micros): number {
  const wanted = endUs / 1e6 / WATCH_SECONDS;
  let best = SPEEDS[0]!;
  for (const s of SPEEDS)
    if (Math.abs(Math.log(s / wanted)) < Math.abs(Math.log(best / wanted))) best = s;
  return best;
}

export type PlaybackChange = 'time' | 'playing' | 'speed' | 'selection' | 'run';

export class Playback {
  private timeUs: Micros = 0;
  private endUs: Micros = 0;
  private isPlaying = false;
  private rate = 1;
  private picked: number | null = null;
  private run: object | null = null;
  private readonly listeners = new Set<(change: PlaybackChange) => void>();

  get time(): Micros {
    return this.timeUs;
  }

  get end(): Micros {
    return this.endUs;
  }

  get playing(): boolean {
    return this.isPlaying;
  }

  get speed(): number {
    return this.rate;
  }

  /** The job the player clicked, highlighted in every view; null for none. */
  get selectedJob(): number | null {
    return this.picked;
  }

  /**
   * Starts over with a new run of length `endUs`, at a speed that suits it, paused at 0.
   * `run` identifies the run: loading the run already loaded (a second view of it) keeps
   * the moment, the speed and the picked job.
   */
  load(endUs: Micros, run: object | null = null): void {
    if (run !== null && run === this.run) return;
    this.run = run;
    this.endUs = Math.max(0, endUs);
    this.timeUs = 0;
    this.isPlaying = false;
    this.rate = speedFor(this.endUs);
    this.picked = null;
    this.emit('run');
  }

  play(): void {
    if (this.isPlaying) return;
    if (this.timeUs >= this.endUs) this.seek(0);
    this.isPlaying = true;
    this.emit('playing');
  }

  pause(): void {
    if (!this.isPlaying) return;
    this.isPlaying = false;
    this.emit('playing');
  }

  toggle(): void {
    if (this.isPlaying) this.pause();
    else this.play();
  }

  /** Moves to `t`, clamped to the run. */
  seek(t: Micros): void {
    const clamped = Math.min(this.endUs, Math.max(0, t));
    if (clamped === this.timeUs) return;
    this.timeUs = clamped;
    this.emit('time');
  }

  setSpeed(speed: number): void {
    if (!(speed > 0) || speed === this.rate) return;
    this.rate = speed;
    this.emit('speed');
  }

  select(job: number | null): void {
    if (job === this.picked) return;
    this.picked = job;
    this.emit('selection');
  }

  /** Lets `wallMs` of real time pass; pauses at the end of the run. */
  advance(wallMs: number): void {
    if (!this.isPlaying) return;
    const next = this.timeUs + wallMs * 1000 * this.rate;
    if (next >= this.endUs) {
      this.seek(this.endUs);
      this.pause();
    } else {
      this.seek(next);
    }
  }

  onChange(listener: (change: PlaybackChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(change: PlaybackChange): void {
    for (const listener of [...this.listeners]) listener(change);
  }
}
