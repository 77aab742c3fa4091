/**
 * Filing a score against a saved solution, and the moment a contract is delivered: the
 * pay, the new best grade, and the contracts the delivery unlocks.
 */
import type { SimResult } from '../engine/result';
import type { Level } from '../model/level';
import { isUnlocked, recordScore } from '../storage/progress';
import type { SolutionScore } from '../storage/save';
import { celebrate } from '../ui/workbench/celebration';
import { downloadText } from '../shell/download';
import { PROGRESS_FILE } from '../ui/saveBanner';
import { gradeLabel } from '../ui/grade';
import type { Toasts } from '../ui/toasts';
import type { ProgressKeeper } from './progressKeeper';

/** A run's figures as a saved solution keeps them; null for a wiring that cannot run. */
export function scoreOf(result: SimResult): SolutionScore | null {
  if (!result.ok) return null;
  const { metrics, verdict } = result;
  return {
    passed: verdict.passed,
    grade: verdict.grade,
    makespanUs: metrics.makespanUs,
    cost: metrics.cost,
    p95Us: metrics.p95Us,
    peakMemoryBytes: metrics.peakMemoryBytes,
  };
}

export interface DeliveryContext {
  readonly level: Level;
  readonly campaign: readonly Level[];
  readonly progress: ProgressKeeper;
  readonly toasts: Toasts;
  /** Back to the inbox, with this contract's e-mail open. */
  toInbox(focus?: string): void;
}

/**
 * Files a score on a saved solution, at once. A counted run (the player pressed Run) that
 * meets every goal for the first time pays; a better grade is noted. Returns what announces
 * it (the "Contract delivered" dialog, a toast), for the caller to show when the run's show
 * ends; null when there is nothing to announce.
 */
export function fileScore(
  context: DeliveryContext,
  solutionId: string,
  result: SimResult,
  counts: boolean,
): (() => void) | null {
  const score = scoreOf(result);
  if (!score) return null;
  const { progress, campaign, level } = context;
  const before = progress.save;
  const outcome = recordScore(before, level, solutionId, score, counts);
  progress.replace(outcome.save);
  if (!counts) return null;
  const { newBest } = outcome;
  if (outcome.paid > 0) {
    const unlocked = campaign.filter((l) => !isUnlocked(before, l) && isUnlocked(progress.save, l));
    // Announced once the browser has kept it (or would not): never a delivery it lost.
    return () =>
      void progress.kept().then((where) =>
        celebrate(
          {
            title: level.title,
            paid: outcome.paid,
            grade: score.grade,
            unlocked: unlocked.map((l) => l.title),
            unsaved:
              where === 'memory'
                ? () => downloadText(PROGRESS_FILE, JSON.stringify(progress.save, null, 2))
                : undefined,
          },
          // Back in the inbox, the new e-mail is the one open.
          { inbox: () => context.toInbox(unlocked[0]?.id), stay: () => undefined },
        ),
      );
  }
  if (newBest)
    return () =>
      context.toasts.show(`New best grade on this contract: ${gradeLabel(newBest)}`, 'good');
  return null;
}
