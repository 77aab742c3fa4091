/**
 * The run view's and timeline's colours. Worker states use the Okabe–Ito palette (the
 * game's status colours), which stays distinct for every kind of colour blindness; job
 * kinds use IBM's colour-blind-safe set, so a token is never mistaken for a worker state.
 * Every colour also comes with a word in a legend or tooltip, never colour alone.
 */
import type { WorkerState } from '../engine/trace';

export const STATE_COLORS: Readonly<Record<WorkerState, number>> = {
  cpu: 0x009e73, // bluish green: doing work
  gil: 0xd55e00, // vermillion: wants the GIL
  io: 0x56b4e9, // sky blue: waiting on the world
  blocked: 0xcc79a7, // reddish purple: waiting on the wiring (lock, queue, pool)
  ready: 0xf0e442, // yellow: could run, the loop is busy
  starting: 0x0072b2, // blue: a process booting
  idle: 0x2e3744,
  done: 0x1b222b,
};

export const KIND_COLORS: readonly number[] = [0xffb000, 0x648fff, 0xdc267f, 0xfe6100, 0x785ef0];

export const COLORS = {
  background: 0x0a0d11,
  panel: 0x151a21,
  raised: 0x1b222b,
  raised2: 0x222b36,
  line: 0x2a3340,
  lineStrong: 0x3a4656,
  text: 0xe6e9ee,
  textDim: 0xa3adba,
  textFaint: 0x6f7b8a,
  accent: 0x56b4e9,
  danger: 0xd55e00,
  gold: 0xf0c419,
  selected: 0xffffff,
} as const;

export function kindColor(kind: number): number {
  return KIND_COLORS[kind % KIND_COLORS.length]!;
}

/** `0x56b4e9` → `"#56b4e9"`, for canvas and CSS. */
export function css(color: number, alpha = 1): string {
  const hex = `#${color.toString(16).padStart(6, '0')}`;
  if (alpha >= 1) return hex;
  const a = Math.round(Math.max(0, alpha) * 255)
    .toString(16)
    .padStart(2, '0');
  return `${hex}${a}`;
}
