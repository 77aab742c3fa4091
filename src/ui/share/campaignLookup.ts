/**
 * The shipped contracts, as a link needs them: found by id, and parsed only when asked
 * (a link names one contract; there is no need to validate them all again).
 */
import { CAMPAIGN_FILES } from '../../../levels/campaign';
import type { Level } from '../../model/level';
import { parseLevel } from '../../model/load';
import type { SharedLink } from '../../share/link';

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

/**
 * Why a contract from a link or a file cannot be played, if it borrows a shipped contract's
 * id without being that contract: the game would file its runs, and its pay, under the
 * shipped one.
 */
export function borrowedIdProblem(link: SharedLink): string | null {
  if (link.kind === 'solution' && !link.customLevel) return null;
  const { level } = link;
  const shipped = campaignLevel(level.id);
  if (shipped === undefined || isCampaignLevel(level)) return null;
  return `This contract uses the id "${level.id}" of the shipped contract “${shipped.title}” but differs from it. Give it an id of its own.`;
}
