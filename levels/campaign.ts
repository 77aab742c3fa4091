/**
 * The shipped campaign: every contract file in this folder, bundled as JSON imports so
 * the browser needs no file system and no fetch, and node reads the same bytes.
 *
 * Add a new contract file here too; a unit test fails when a levels/*.json file is missing.
 */
import type { Level } from '../src/model/level';
import { parseLevel } from '../src/model/load';
import albumUpload from './album-upload.json';
import archiveSdk from './archive-sdk.json';
import bigArrays from './big-arrays.json';
import blockedLoop from './blocked-loop.json';
import chatServer from './chat-server.json';
import chessExhibition from './chess-exhibition.json';
import convoy from './convoy.json';
import flakyPayments from './flaky-payments.json';
import gilCeiling from './gil-ceiling.json';
import hangingReplicas from './hanging-replicas.json';
import heartbeat from './heartbeat.json';
import helloGather from './hello-gather.json';
import inventory from './inventory.json';
import ledger from './ledger.json';
import legacyClient from './legacy-client.json';
import mixedBag from './mixed-bag.json';
import newsletter from './newsletter.json';
import photoBacklog from './photo-backlog.json';
import photoResize from './photo-resize.json';
import politeScraper from './polite-scraper.json';
import priceCheck from './price-check.json';
import quickJob from './quick-job.json';
import thePipeline from './the-pipeline.json';
import ticketRush from './ticket-rush.json';
import tinyTasks from './tiny-tasks.json';
import tripDesk from './trip-desk.json';
import twoAccounts from './two-accounts.json';

/** Each contract's file name and its JSON, as written, in campaign order. */
export const CAMPAIGN_FILES: readonly { readonly file: string; readonly json: unknown }[] = [
  // Chapter 1
  { file: 'hello-gather.json', json: helloGather },
  { file: 'chess-exhibition.json', json: chessExhibition },
  { file: 'polite-scraper.json', json: politeScraper },
  { file: 'newsletter.json', json: newsletter },
  { file: 'price-check.json', json: priceCheck },
  // Chapter 2
  { file: 'photo-backlog.json', json: photoBacklog },
  { file: 'ticket-rush.json', json: ticketRush },
  { file: 'flaky-payments.json', json: flakyPayments },
  { file: 'hanging-replicas.json', json: hangingReplicas },
  { file: 'trip-desk.json', json: tripDesk },
  // Chapter 3
  { file: 'legacy-client.json', json: legacyClient },
  { file: 'archive-sdk.json', json: archiveSdk },
  { file: 'gil-ceiling.json', json: gilCeiling },
  { file: 'convoy.json', json: convoy },
  { file: 'ledger.json', json: ledger },
  { file: 'inventory.json', json: inventory },
  { file: 'chat-server.json', json: chatServer },
  // Chapter 4
  { file: 'photo-resize.json', json: photoResize },
  { file: 'big-arrays.json', json: bigArrays },
  { file: 'quick-job.json', json: quickJob },
  { file: 'tiny-tasks.json', json: tinyTasks },
  { file: 'heartbeat.json', json: heartbeat },
  // Chapter 5
  { file: 'mixed-bag.json', json: mixedBag },
  { file: 'album-upload.json', json: albumUpload },
  { file: 'blocked-loop.json', json: blockedLoop },
  { file: 'two-accounts.json', json: twoAccounts },
  { file: 'the-pipeline.json', json: thePipeline },
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
