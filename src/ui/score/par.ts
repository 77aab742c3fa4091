/** Which of a par tier's thresholds a run meets, for the grade ladder in the score panel. */
import type { Metrics } from '../../engine/result';
import type { ParTier } from '../../model/level';
import { parseDuration, parseSize } from '../../model/units';
import { bytes, duration, money } from '../format';

export interface TierCheck {
  readonly label: string;
  readonly met: boolean;
}

export function tierChecks(tier: ParTier, m: Metrics): TierCheck[] {
  const checks: TierCheck[] = [];
  if (tier.makespan !== undefined) {
    const max = parseDuration(tier.makespan);
    checks.push({ label: `done in ${duration(max)}`, met: m.makespanUs <= max });
  }
  if (tier.p95 !== undefined) {
    const max = parseDuration(tier.p95);
    checks.push({ label: `p95 ≤ ${duration(max)}`, met: m.p95Us <= max });
  }
  if (tier.cost !== undefined)
    checks.push({ label: `cost ≤ ${money(tier.cost)}`, met: m.cost <= tier.cost });
  if (tier.peakMemory !== undefined) {
    const max = parseSize(tier.peakMemory);
    checks.push({ label: `memory ≤ ${bytes(max)}`, met: m.peakMemoryBytes <= max });
  }
  return checks;
}
