/**
 * What the run view and the timeline show: a contract, a wiring and a run of it. The
 * replay of a run is built once and shared by every view of it.
 */
import type { Level } from '../model/level';
import type { Solution } from '../model/solution';
import type { SimResult } from '../engine/result';
import type { BoardPicture } from '../shell/panels';
import type { TraceEvent } from '../engine/trace';
import { buildReplay, type Replay } from './replay/replay';
import { duration } from '../shell/format';

export interface RunInput {
  readonly level: Level | null;
  readonly solution: Solution | null;
  readonly result: SimResult | null;
  /** The editor's layout of the wiring, drawn as is when it covers every node. */
  readonly board?: BoardPicture | null;
}

const replays = new WeakMap<readonly TraceEvent[], Replay>();

/** The replay of a run's trace, built on first use; null when there is no trace to replay. */
export function replayOf(input: RunInput): Replay | null {
  const result = input.result;
  if (!result || !result.ok || !result.trace) return null;
  let replay = replays.get(result.trace);
  if (!replay) {
    const nodes = input.solution?.nodes ?? [];
    replay = buildReplay(result.trace, {
      nodeIds: nodes.map((n) => n.id),
      source: nodes.find((n) => n.type === 'source')?.id ?? null,
    });
    replays.set(result.trace, replay);
  }
  return replay;
}

/** Why there is nothing to replay, in the player's words; null when there is a run. */
export function emptyReason(input: RunInput): string | null {
  if (!input.solution) return 'Open a contract to watch its run here.';
  const result = input.result;
  if (!result) return 'Press Run to watch your wiring work.';
  if (!result.ok)
    return 'This wiring cannot run yet: fix what the nodes say is wrong, then press Run.';
  if (!result.trace) return 'Press Run to record a run you can watch.';
  if (result.trace.length === 0 && result.recordedUntilUs !== undefined)
    return 'This run starts too many jobs at once to record: its figures in the score cover all of it.';
  return null;
}

/**
 * How much of the run was recorded, when not all of it: a run of very many jobs keeps its
 * beginning only (see `SimResult.recordedUntilUs`); null when the whole run was recorded.
 */
function recordedText(result: SimResult | null): string | null {
  if (!result || !result.ok || result.recordedUntilUs === undefined) return null;
  return `recorded: the first ${duration(result.recordedUntilUs)} of ${duration(result.metrics.makespanUs)}`;
}

/** How the run ended, in a few words. */
function endText(result: SimResult | null): string {
  if (!result || !result.ok) return '';
  switch (result.verdict.outcome) {
    case 'finished':
      return result.verdict.passed ? 'finished · every goal met' : 'finished · goals missed';
    case 'deadlock':
      return 'deadlock';
    case 'outOfMemory':
      return 'out of memory';
    case 'budgetExhausted':
      return 'stopped: too many events';
  }
}

/** How the run ended, in a few words for the control bar, and how much of it was recorded. */
export function outcomeText(result: SimResult | null): string {
  const recorded = recordedText(result);
  return recorded ? `${endText(result)} · ${recorded}` : endText(result);
}
