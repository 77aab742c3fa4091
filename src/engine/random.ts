/**
 * Deterministic randomness for the simulation.
 *
 * Every draw is a pure hash of (seed, purpose, job, index, attempt) rather than the next
 * value of one shared stream. Why: the workload must be the same whatever the player
 * wires. If draws came from one stream, adding a retry would shift every later job's
 * service time, and two wirings would face different contracts. With hashed draws,
 * "job 12's second attempt at fetch is slow" is a fact of the contract.
 *
 * Only integer ops, +, -, *, / are used (no Math.log, Math.exp): those are exactly
 * rounded by IEEE 754 in every JavaScript engine, so node and every browser agree.
 */

/** What a draw is for; keeps draws for different purposes independent. */
export const Purpose = {
  Arrival: 1,
  Duration: 2,
  ServiceLatency: 3,
  ServiceFailure: 4,
  ServiceSlow: 5,
} as const;
export type Purpose = (typeof Purpose)[keyof typeof Purpose];

/** A 32-bit avalanche mix (the finaliser of MurmurHash3). */
function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function combine(h: number, value: number): number {
  // Fold numbers above 2^32 (job ids never are, but seeds may be) in two halves.
  const low = value >>> 0;
  const high = Math.floor(value / 4294967296) >>> 0;
  h = mix32((h ^ low) + 0x9e3779b9);
  return mix32((h ^ high) + 0x7f4a7c15);
}

/** A uniform number in (0, 1], a pure function of its arguments. Never 0, so its log is finite. */
export function draw(seed: number, purpose: Purpose, a: number, b = 0, c = 0): number {
  let h = prefix(seed, purpose);
  h = combine(h, a);
  h = combine(h, b);
  h = combine(h, c);
  return (h + 1) / 4294967296;
}

/**
 * The hash of (seed, purpose), remembered per purpose: a run draws millions of times with
 * the same seed, so this saves two of the five mixing rounds and changes no value.
 */
const prefixSeed: number[] = [];
const prefixHash: number[] = [];

function prefix(seed: number, purpose: Purpose): number {
  if (prefixSeed[purpose] !== seed) {
    prefixSeed[purpose] = seed;
    prefixHash[purpose] = combine(combine(0x243f6a88, seed), purpose);
  }
  return prefixHash[purpose] as number;
}

const LN2 = 0.6931471805599453;
const SQRT2 = 1.4142135623730951;

/**
 * Natural logarithm from basic arithmetic only, accurate to a few ulps for x in (0, 1e300).
 * x = m·2^e with m in [√½, √2); ln m = 2·atanh((m−1)/(m+1)) by its series.
 */
export function deterministicLn(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) throw new RangeError(`ln of ${x}`);
  let m = x;
  let e = 0;
  while (m >= SQRT2) {
    m /= 2;
    e++;
  }
  while (m < SQRT2 / 2) {
    m *= 2;
    e--;
  }
  const s = (m - 1) / (m + 1);
  const s2 = s * s;
  let term = s;
  let sum = 0;
  for (let k = 1; k < 60; k += 2) {
    const next = sum + term / k;
    if (next === sum) break;
    sum = next;
    term *= s2;
  }
  return 2 * sum + e * LN2;
}

/** An exponential draw with the given mean, as a whole number of microseconds. */
export function exponentialUs(meanUs: number, u: number): number {
  return Math.round(-deterministicLn(u) * meanUs);
}

/** A uniform draw in [minUs, maxUs], whole microseconds. */
export function uniformUs(minUs: number, maxUs: number, u: number): number {
  return minUs + Math.min(maxUs - minUs, Math.floor((1 - u) * (maxUs - minUs + 1)));
}
