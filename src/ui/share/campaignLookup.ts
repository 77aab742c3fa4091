/**
 * The shipped contracts, as a link needs them: found by id, and parsed only when asked
 * (a link names one contract; there is no need to validate them all again).
 */
import { CAMPAIGN_FILES } from '../../../levels/campaign';
import type { Level } from '../../model/level';
import { parseLevel } from '../../model/load';

const parsed = new Map<string, Level | null>();

/** The campaign's contract with this id, or undefined. A broken shipped file counts as absent. */
export function campaignLevel(id: string): Level | undefined {
  if (!parsed.has(id)) {
    const file = CAMPAIGN_FILES.find((f) => (f.json as { id?: unknown } | null)?.id === id);
    let level: Level | null = null;
    try {
      level = file ? parseLevel(file.json, `levels/${file.file}`) : null;
    } catch {
      level = null;
    }
    parsed.set(id, level);
  }
  return parsed.get(id) ?? undefined;
}

/** Is this exactly a shipped contract, so a link may name it rather than carry it? */
export function isCampaignLevel(level: Level): boolean {
  const shipped = campaignLevel(level.id);
  return shipped !== undefined && JSON.stringify(shipped) === JSON.stringify(level);
}
