/**
 * The replay's sound: a chime as jobs reach the Sink while the run plays (never while
 * scrubbing or stepping back), thinned out when they arrive in a flood.
 */
import { soundBoard } from '../audio/board';
import { JobChimes } from '../audio/cues';
import type { Playback } from './playback';
import { lastAtOrBefore } from './replay/series';
import { replayOf, type RunInput } from './runInput';

/** Chimes for deliveries as `playback` plays the run `input()` names; returns the unsubscribe. */
export function chimeDeliveries(playback: Playback, input: () => RunInput): () => void {
  const chimes = new JobChimes();
  let last = playback.time;
  return playback.onChange((change) => {
    const t = playback.time;
    if (change === 'time' && playback.playing && t > last) {
      const replay = replayOf(input());
      if (replay) {
        const before = lastAtOrBefore(replay.deliveredAt, last) + 1;
        const now = lastAtOrBefore(replay.deliveredAt, t) + 1;
        if (chimes.shouldChime(before, now, performance.now())) soundBoard().play('jobDone');
      }
    }
    last = t;
  });
}
