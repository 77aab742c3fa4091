/** Time-axis ticks at round numbers: 1, 2 or 5 times a power of ten microseconds. */
import type { Micros } from '../../model/units';

/** The round tick step that puts about `wanted` ticks between `t0` and `t1`. */
export function tickStep(t0: Micros, t1: Micros, wanted: number): Micros {
  const raw = Math.max(1, (t1 - t0) / Math.max(1, wanted));
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * power >= raw) return m * power;
  return 10 * power;
}

/** Tick times from the first multiple of the step at or after `t0` to `t1`. */
export function ticks(t0: Micros, t1: Micros, wanted: number): Micros[] {
  const step = tickStep(t0, t1, wanted);
  const out: Micros[] = [];
  for (let t = Math.ceil(t0 / step) * step; t <= t1; t += step) out.push(t);
  return out;
}
