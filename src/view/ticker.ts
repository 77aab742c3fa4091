/**
 * Drives a Playback from the browser's animation frames while it plays. One driver per
 * playback however many views show it, so two views never advance time twice.
 */
import type { Playback } from './playback';

/** Longest frame gap counted as time passing: a tab in the background does not leap ahead. */
const MAX_STEP_MS = 100;

interface Driver {
  users: number;
  frame: number;
  last: number;
  unsubscribe: () => void;
}

const drivers = new WeakMap<Playback, Driver>();

/** Starts (or shares) the driver of `playback`; call the returned function to let go of it. */
export function drivePlayback(playback: Playback): () => void {
  let driver = drivers.get(playback);
  if (!driver) {
    const d: Driver = { users: 0, frame: 0, last: 0, unsubscribe: () => undefined };
    const step = (now: number): void => {
      d.frame = 0;
      if (!playback.playing) return;
      playback.advance(Math.min(MAX_STEP_MS, Math.max(0, now - d.last)));
      d.last = now;
      if (playback.playing) d.frame = requestAnimationFrame(step);
    };
    d.unsubscribe = playback.onChange((change) => {
      if (change !== 'playing' || !playback.playing || d.frame !== 0) return;
      d.last = performance.now();
      d.frame = requestAnimationFrame(step);
    });
    drivers.set(playback, d);
    driver = d;
  }
  driver.users++;
  const held = driver;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    held.users--;
    if (held.users > 0) return;
    held.unsubscribe();
    cancelAnimationFrame(held.frame);
    playback.pause();
    drivers.delete(playback);
  };
}

/** True when the player asked the system for less motion. */
export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}
