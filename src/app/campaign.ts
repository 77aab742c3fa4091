/**
 * The campaign: every contract in levels/*.json, validated, in chapter order. Each file
 * is its own chunk, loaded after the first paint, so the contracts' text does not weigh
 * on the first screen.
 */
import type { Level } from '../model/level';
import { LEVEL_KIND } from '../model/level';

const files = import.meta.glob<unknown>('../../levels/*.json', { import: 'default' });

export interface Campaign {
  readonly levels: readonly Level[];
  /** Files that did not load, in plain words: shown to authors, never fatal. */
  readonly problems: readonly string[];
}

function looksLikeLevel(value: unknown): value is Level {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { kind?: unknown }).kind === LEVEL_KIND &&
    typeof (value as { id?: unknown }).id === 'string'
  );
}

export async function loadCampaign(): Promise<Campaign> {
  const problems: string[] = [];
  const loaded = await Promise.all(
    Object.entries(files).map(async ([path, load]) => {
      const name = path.slice(path.lastIndexOf('/') + 1);
      try {
        const json = await load();
        // Files beside the levels that are not levels (a campaign index) are skipped.
        if (typeof json !== 'object' || json === null || !('kind' in json)) return null;
        if (!looksLikeLevel(json)) {
          problems.push(`${name}: not a contract`);
          return null;
        }
        return json;
      } catch (error) {
        problems.push(`${name}: ${String(error)}`);
        return null;
      }
    }),
  );
  const levels = loaded
    .filter((l): l is Level => l !== null)
    .sort((a, b) => a.chapter - b.chapter || a.order - b.order || a.id.localeCompare(b.id));
  return { levels, problems };
}
