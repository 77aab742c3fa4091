/**
 * The building blocks of the game's sounds: tones with an envelope, mixed into a buffer
 * of samples. Deterministic: the same call gives the same samples on every run (noise
 * comes from a seeded generator, never Math.random).
 */

export type Wave = 'sine' | 'triangle' | 'soft-square';

/** One sample of a wave at phase `p` (in cycles). */
function wave(kind: Wave, p: number): number {
  const x = p - Math.floor(p);
  switch (kind) {
    case 'sine':
      return Math.sin(2 * Math.PI * x);
    case 'triangle':
      return 1 - 4 * Math.abs(x - 0.5);
    case 'soft-square':
      // The first three odd harmonics: a square's brightness without its harshness.
      return (
        (Math.sin(2 * Math.PI * x) +
          Math.sin(6 * Math.PI * x) / 3 +
          Math.sin(10 * Math.PI * x) / 5) *
        0.8
      );
  }
}

export interface Note {
  /** Start, seconds. */
  readonly at: number;
  readonly hz: number;
  /** Length, seconds, including the release. */
  readonly length: number;
  readonly gain: number;
  readonly wave: Wave;
  /** Seconds to full volume. */
  readonly attack?: number;
  /** Exponential decay rate per second after the attack (0: hold, then a short release). */
  readonly decay?: number;
  /** Pitch glide: the frequency at the end, for a falling or rising note. */
  readonly toHz?: number;
}

/** A buffer of `seconds` of silence at `rate` samples per second. */
export function silence(seconds: number, rate: number): Float32Array {
  return new Float32Array(Math.round(seconds * rate));
}

/** Adds a note into `out`; a note running past the end wraps round when `loop` is set. */
export function addNote(out: Float32Array, rate: number, note: Note, loop = false): void {
  const start = Math.round(note.at * rate);
  const count = Math.round(note.length * rate);
  const attack = Math.max(1, Math.round((note.attack ?? 0.004) * rate));
  const release = Math.max(1, Math.round(0.02 * rate));
  let phase = 0;
  for (let i = 0; i < count; i++) {
    let at = start + i;
    if (at >= out.length) {
      if (!loop) break;
      at %= out.length;
    }
    const t = i / rate;
    const hz = note.toHz === undefined ? note.hz : note.hz + ((note.toHz - note.hz) * i) / count;
    phase += hz / rate;
    let env = i < attack ? i / attack : Math.exp(-(note.decay ?? 0) * (t - attack / rate));
    if (i > count - release) env *= (count - i) / release;
    out[at]! += wave(note.wave, phase) * env * note.gain;
  }
}

/** A seeded generator (mulberry32): noise that is the same on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Adds a burst of filtered noise (a tick, a click, a hi-hat). */
export function addNoise(
  out: Float32Array,
  rate: number,
  at: number,
  length: number,
  gain: number,
  decay: number,
  random: () => number,
  smoothing = 0.5,
): void {
  const start = Math.round(at * rate);
  const count = Math.round(length * rate);
  let last = 0;
  for (let i = 0; i < count && start + i < out.length; i++) {
    const white = random() * 2 - 1;
    // A one-pole low-pass: higher smoothing, darker noise.
    last = last * smoothing + white * (1 - smoothing);
    out[start + i]! += last * gain * Math.exp((-decay * i) / rate);
  }
}

/** Scales the buffer so its loudest sample is `peak`. */
export function normalize(samples: Float32Array, peak: number): Float32Array {
  let max = 0;
  for (const s of samples) max = Math.max(max, Math.abs(s));
  if (max === 0) return samples;
  const k = peak / max;
  for (let i = 0; i < samples.length; i++) samples[i]! *= k;
  return samples;
}
