/**
 * The shipped campaign: every contract file in this folder, bundled as JSON imports so
 * the browser needs no file system and no fetch, and node reads the same bytes.
 *
 * Add a new contract file here too; a unit test fails when a levels/*.json file is missing.
 */
import type { Level } from '../src/model/level';
import { parseLevel } from '../src/model/load';
import chessExhibition from './chess-exhibition.json';
import helloGather from './hello-gather.json';

/** Each contract's file name and its JSON, as written. */
export const CAMPAIGN_FILES: readonly { readonly file: string; readonly json: unknown }[] = [
  { file: 'hello-gather.json', json: helloGather },
  { file: 'chess-exhibition.json', json: chessExhibition },
];

let loaded: readonly Level[] | null = null;

/**
 * Every shipped contract, validated, in campaign order (chapter, then order).
 * @throws InputErrors if a shipped file is broken (the level tests keep that from shipping).
 */
export function loadCampaign(): readonly Level[] {
  loaded ??= CAMPAIGN_FILES.map(({ file, json }) => parseLevel(json, `levels/${file}`)).sort(
    (a, b) => a.chapter - b.chapter || a.order - b.order,
  );
  return loaded;
}
