/**
 * Durations and sizes as authors write them ("55s", "300ms", "64KB") and as the engine
 * counts them (integer microseconds, integer bytes).
 *
 * Why strings in the files: a level is read by people first. "1h" and "250us" say what
 * they mean; 3600000000 does not. Why integers inside: simulated time must be exact
 * and the same on every machine, so it never accumulates floating-point error.
 */

/** Integer microseconds of simulated time. */
export type Micros = number;
/** Integer bytes. */
export type Bytes = number;

/** A duration as written in a level or solution: a number and a unit, e.g. "5s", "1.5ms". */
export type Duration = string;
/** A size as written in a level: a number and a unit, e.g. "64KB", "2GB" (binary units). */
export type Size = string;

const DURATION_UNITS: Readonly<Record<string, number>> = {
  us: 1,
  ms: 1_000,
  s: 1_000_000,
  m: 60_000_000,
  h: 3_600_000_000,
};

const SIZE_UNITS: Readonly<Record<string, number>> = {
  B: 1,
  KB: 1024,
  MB: 1024 ** 2,
  GB: 1024 ** 3,
};

export const DURATION_PATTERN = '^[0-9]+(\\.[0-9]+)?(us|ms|s|m|h)$';
export const SIZE_PATTERN = '^[0-9]+(\\.[0-9]+)?(B|KB|MB|GB)$';

const durationRe = new RegExp(DURATION_PATTERN);
const sizeRe = new RegExp(SIZE_PATTERN);

/** Largest duration the engine accepts: 400 days keeps every sum of times exact in a double. */
export const MAX_DURATION_US: Micros = 400 * 24 * 3_600_000_000;
/** Largest size the engine accepts (1 TB): far beyond any machine a level describes. */
export const MAX_SIZE_BYTES: Bytes = 1024 ** 4;

export function isDuration(text: unknown): text is Duration {
  return typeof text === 'string' && durationRe.test(text);
}

export function isSize(text: unknown): text is Size {
  return typeof text === 'string' && sizeRe.test(text);
}

/**
 * "1.5ms" → 1500. Rounds to the nearest microsecond.
 * @throws RangeError naming the text when it is not a duration or is out of range.
 */
export function parseDuration(text: Duration): Micros {
  const match = durationRe.exec(text);
  if (!match) throw new RangeError(`"${text}" is not a duration (write e.g. "300ms", "5s", "1h")`);
  const unit = match[2] as string;
  const value = Math.round(
    Number(text.slice(0, text.length - unit.length)) * (DURATION_UNITS[unit] as number),
  );
  if (value > MAX_DURATION_US) throw new RangeError(`"${text}" is longer than 400 days`);
  return value;
}

/**
 * "64KB" → 65536. Rounds to the nearest byte.
 * @throws RangeError naming the text when it is not a size or is out of range.
 */
export function parseSize(text: Size): Bytes {
  const match = sizeRe.exec(text);
  if (!match) throw new RangeError(`"${text}" is not a size (write e.g. "64KB", "512MB", "2GB")`);
  const unit = match[2] as string;
  const value = Math.round(
    Number(text.slice(0, text.length - unit.length)) * (SIZE_UNITS[unit] as number),
  );
  if (value > MAX_SIZE_BYTES) throw new RangeError(`"${text}" is larger than 1TB`);
  return value;
}

/**
 * 1500 → "1.5ms", 3_655_000_000 → "3655s": the largest unit that writes the value exactly
 * with at most three decimals, so `parseDuration(formatDuration(x)) === x`.
 */
export function formatDuration(us: Micros): string {
  // Zero has no unit of its own: it is written as the game writes it ("0ms", a Retry's
  // default wait), so a wiring read back from a link shows what the player typed.
  if (us === 0) return '0ms';
  return formatExact(us, DURATION_UNITS, 'us');
}

/** 65536 → "64KB", exactly as `formatDuration` does for time. */
export function formatSize(bytes: Bytes): string {
  return formatExact(bytes, SIZE_UNITS, 'B');
}

function formatExact(value: number, units: Readonly<Record<string, number>>, base: string): string {
  const largestFirst = Object.entries(units).sort((a, b) => b[1] - a[1]);
  for (const [unit, factor] of largestFirst) {
    if (Math.abs(value) < factor) continue;
    const number = trim(value / factor);
    if (Math.round(Number(number) * factor) === value) return `${number}${unit}`;
  }
  return `${value}${base}`;
}

function trim(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}
