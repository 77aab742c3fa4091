/**
 * The game's sounds, made here from tones and noise: short effects at 22 kHz and a music
 * loop at 11 kHz, all mono 16-bit, so the whole set stays small. `npm run sounds` writes
 * them to assets/sounds/; the files that ship are exactly what these functions make.
 */
import { addNote, addNoise, normalize, seeded, silence, type Note } from './voices';
import { encodeWav } from './wav';

export const EFFECT_RATE = 22_050;
export const MUSIC_RATE = 11_025;

export interface SynthSound {
  /** File name under assets/sounds/. */
  readonly file: string;
  readonly rate: number;
  readonly samples: Float32Array;
}

/** Frequency of a MIDI note number (69 is A4, 440 Hz). */
export function hz(midi: number): number {
  return 440 * 2 ** ((midi - 69) / 12);
}

const notes = (out: Float32Array, rate: number, list: readonly Note[], loop = false): void => {
  for (const note of list) addNote(out, rate, note, loop);
};

/** A job reaches the Sink: a soft, short chime that stays pleasant when it repeats. */
function jobDone(): SynthSound {
  const out = silence(0.14, EFFECT_RATE);
  notes(out, EFFECT_RATE, [
    { at: 0, hz: hz(91), length: 0.14, gain: 1, wave: 'sine', attack: 0.002, decay: 38 },
    { at: 0, hz: hz(98), length: 0.1, gain: 0.35, wave: 'sine', attack: 0.002, decay: 55 },
  ]);
  addNoise(out, EFFECT_RATE, 0, 0.008, 0.25, 400, seeded(1), 0.3);
  return { file: 'job-done.wav', rate: EFFECT_RATE, samples: normalize(out, 0.45) };
}

/** Every goal met: a rising arpeggio that lands on a bright chord. */
function contractWon(): SynthSound {
  const out = silence(1.35, EFFECT_RATE);
  const arpeggio = [72, 76, 79, 84];
  notes(
    out,
    EFFECT_RATE,
    arpeggio.map((m, i) => ({
      at: i * 0.09,
      hz: hz(m),
      length: 0.5,
      gain: 0.5,
      wave: 'soft-square',
      decay: 5,
    })),
  );
  notes(
    out,
    EFFECT_RATE,
    arpeggio.map((m) => ({
      at: 0.42,
      hz: hz(m),
      length: 0.9,
      gain: 0.32,
      wave: 'sine',
      attack: 0.01,
      decay: 3.2,
    })),
  );
  return { file: 'contract-won.wav', rate: EFFECT_RATE, samples: normalize(out, 0.8) };
}

/** A goal missed: two falling notes, the second sagging. */
function goalMissed(): SynthSound {
  const out = silence(0.95, EFFECT_RATE);
  notes(out, EFFECT_RATE, [
    { at: 0, hz: hz(67), length: 0.34, gain: 0.7, wave: 'triangle', decay: 3 },
    {
      at: 0.27,
      hz: hz(63),
      toHz: hz(61.5),
      length: 0.66,
      gain: 0.75,
      wave: 'triangle',
      decay: 2.6,
    },
  ]);
  return { file: 'goal-missed.wav', rate: EFFECT_RATE, samples: normalize(out, 0.7) };
}

/** A deadlock: a lock clanks shut, and two low tones beat against each other. */
function deadlock(): SynthSound {
  const out = silence(1.05, EFFECT_RATE);
  addNoise(out, EFFECT_RATE, 0, 0.07, 1, 55, seeded(7), 0.85);
  notes(out, EFFECT_RATE, [
    { at: 0, hz: hz(95), length: 0.16, gain: 0.35, wave: 'sine', attack: 0.001, decay: 28 },
    { at: 0.02, hz: hz(43), length: 1, gain: 0.6, wave: 'triangle', decay: 3.4 },
    { at: 0.02, hz: hz(43.9), length: 1, gain: 0.6, wave: 'triangle', decay: 3.4 },
  ]);
  return { file: 'deadlock.wav', rate: EFFECT_RATE, samples: normalize(out, 0.8) };
}

/** A calm two-bar loop to work to: bass, a soft pad, a few plucks and off-beat ticks. */
function music(): SynthSound {
  const beat = 60 / 96;
  const out = silence(8 * beat, MUSIC_RATE);
  const chords = [
    { at: 0, root: 45, tones: [57, 60, 64, 67] }, // A minor 7
    { at: 4 * beat, root: 41, tones: [53, 57, 60, 64] }, // F major 7
  ];
  for (const chord of chords) {
    notes(
      out,
      MUSIC_RATE,
      [0, 1.5, 3].map((b) => ({
        at: chord.at + b * beat,
        hz: hz(chord.root),
        length: 0.55,
        gain: 0.55,
        wave: 'triangle' as const,
        decay: 3,
      })),
      true,
    );
    notes(
      out,
      MUSIC_RATE,
      chord.tones.map((m) => ({
        at: chord.at,
        hz: hz(m),
        length: 4 * beat + 0.3,
        gain: 0.1,
        wave: 'sine' as const,
        attack: 0.35,
        decay: 0.5,
      })),
      true,
    );
  }
  notes(
    out,
    MUSIC_RATE,
    [
      { b: 0.5, m: 76 },
      { b: 2, m: 72 },
      { b: 3.5, m: 74 },
      { b: 6, m: 69 },
    ].map(({ b, m }) => ({
      at: b * beat,
      hz: hz(m),
      length: 0.6,
      gain: 0.14,
      wave: 'sine' as const,
      decay: 6,
    })),
    true,
  );
  const random = seeded(42);
  for (let b = 0.5; b < 8; b += 1)
    addNoise(out, MUSIC_RATE, b * beat, 0.05, 0.09, 90, random, 0.15);
  return { file: 'music-loop.wav', rate: MUSIC_RATE, samples: normalize(out, 0.5) };
}

/** Every sound the game ships, synthesised. */
export function synthesizeAll(): SynthSound[] {
  return [jobDone(), contractWon(), goalMissed(), deadlock(), music()];
}

/** The WAV file of a sound. */
export function wavOf(sound: SynthSound): Uint8Array {
  return encodeWav(sound.samples, sound.rate);
}
