/**
 * The campaign: the contracts listed in levels/campaign.ts, each validated with the
 * model's loader. The registry (and the schema validators it brings) load as their own
 * chunk right after the first paint. A broken file is reported and skipped, never fatal.
 */
import type { Level } from '../model/level';
import { InputErrors } from '../model/errors';

export interface Campaign {
  readonly levels: readonly Level[];
  /** Files that did not load, in plain words. */
  readonly problems: readonly string[];
}

export async function loadCampaign(): Promise<Campaign> {
  const [{ CAMPAIGN_FILES }, { parseLevel }] = await Promise.all([
    import('../../levels/campaign'),
    import('../model/load'),
  ]);
  const problems: string[] = [];
  const levels: Level[] = [];
  for (const { file, json } of CAMPAIGN_FILES) {
    try {
      levels.push(parseLevel(json, `levels/${file}`));
    } catch (error) {
      problems.push(
        error instanceof InputErrors ? error.message : `levels/${file}: ${String(error)}`,
      );
    }
  }
  levels.sort((a, b) => a.chapter - b.chapter || a.order - b.order || a.id.localeCompare(b.id));
  return { levels, problems };
}
