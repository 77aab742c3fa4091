/** Which of a par tier's thresholds a run meets, for the grade ladder in the score panel. */
import type { Metrics } from '../../engine/result';
import type { ParTier } from '../../model/level';
import { parseDuration, parseSize } from '../../model/units';
import { bytes, duration, money } from '../../shell/format';

export interface TierCheck {
  readonly label: string;
  /** `ungraded`: the run failed a goal (or ran out of memory, deadlocked, delivered nothing), so no threshold counts as met. */
  readonly state: 'met' | 'missed' | 'ungraded';
}

/**
 * A par tier's thresholds against a run. A run that did not pass its goals earns no grade:
 * its figures (a makespan of 0 for a run that delivered nothing) meet no threshold.
 */
export function tierChecks(tier: ParTier, m: Metrics, passed: boolean): TierCheck[] {
  return thresholds(tier, m).map(({ label, met }) => ({
    label,
    state: !passed ? 'ungraded' : met ? 'met' : 'missed',
  }));
}

function thresholds(tier: ParTier, m: Metrics): { label: string; met: boolean }[] {
  const checks: { label: string; met: boolean }[] = [];
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
