/**
 * Share links as they appear in the URL's hash:
 *
 * - a solution to a campaign contract: `#s=<contract id>.<revision>.<payload>`
 * - a custom contract: `#l=<payload>`, optionally with a solution to it: `#l=<payload>&s=<…>`
 *
 * The contract id and revision stay readable so a person can tell what a link is for; the
 * payload is a sealed envelope (envelope.ts) around the binary wiring (solutionBody.ts) or
 * the contract's JSON. Reading a link never throws and never trusts it: size caps first,
 * then the envelope's version, length and checksum, then the bounded binary reader, then
 * the same loader and validation a file goes through.
 */
import { strFromU8, strToU8 } from 'fflate';
import { InputErrors } from '../model/errors';
import type { Level } from '../model/level';
import type { Solution } from '../model/solution';
import { fromBase64url, toBase64url, type Base64Bytes } from './base64url';
import { ByteError } from './bytes';
import { open, seal } from './envelope';
import { accept, refuse, type Outcome, type Refusal } from './refusal';
import { decodeSolutionBody, encodeSolutionBody } from './solutionBody';

/** A whole hash longer than this is refused unread. */
export const MAX_HASH_CHARS = 65_536;
/**
 * Limits on a solution link. The largest wiring the game allows (200 nodes with the longest
 * parameters, 400 wires, the longest name) takes about 6 KB; the test suite builds it.
 */
const MAX_SOLUTION_BODY = 12_288;
/** The envelope adds 11 bytes at most; base64 writes 3 bytes as 4 characters. */
const MAX_SOLUTION_PAYLOAD_CHARS = Math.ceil(((MAX_SOLUTION_BODY + 11) * 4) / 3);
/** Limits on a contract carried in a link, as JSON. */
const MAX_LEVEL_BODY = 262_144;

const LEVEL_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_LEVEL_ID = 48;
const REVISION = /^[1-9][0-9]{0,8}$/;
const LEVEL_CONTEXT = strToU8('loopwork/level');

/** The loader a link goes through, exactly as files do (src/model/load.ts). */
export interface Loader {
  parseLevel(json: unknown, source: string): Level;
  parseSolution(json: unknown, source: string, level?: Level): Solution;
}

export type SharedLink =
  | {
      readonly kind: 'solution';
      readonly level: Level;
      readonly solution: Solution;
      /** True when the contract came in the link too (not from the campaign). */
      readonly customLevel: boolean;
      /** The contract revision the wiring was made for; older than `level.revision` if it has changed since. */
      readonly madeForRevision: number;
    }
  | { readonly kind: 'level'; readonly level: Level };

export interface ReadOptions {
  /** The campaign's contract with this id, if there is one. */
  readonly findLevel: (id: string) => Level | undefined;
  readonly loader: Loader;
}

const solutionContext = (id: string, revision: number): Uint8Array =>
  strToU8(`loopwork/solution ${id} ${revision}`);

/** The `<id>.<revision>.<payload>` part of a solution link. */
function solutionToken(level: Level, solution: Solution): string {
  const body = encodeSolutionBody(solution, level);
  const payload = toBase64url(seal(body, solutionContext(level.id, level.revision)));
  return `${level.id}.${level.revision}.${payload}`;
}

/**
 * The hash of a link to this wiring of a campaign contract, e.g. `#s=chess-exhibition.1.AQE…`.
 * The same wiring always gives the same hash.
 * @throws ShareEncodeError when the wiring holds a value a link cannot carry.
 */
export function solutionHash(level: Level, solution: Solution): string {
  return `#s=${solutionToken(level, solution)}`;
}

/**
 * The hash of a link that carries a whole contract (a custom one), and optionally a wiring of it.
 * @throws ShareEncodeError when the wiring holds a value a link cannot carry.
 */
export function levelHash(level: Level, solution?: Solution): string {
  const body = strToU8(JSON.stringify(level));
  const payload = toBase64url(seal(body, LEVEL_CONTEXT));
  return `#l=${payload}${solution ? `&s=${solutionToken(level, solution)}` : ''}`;
}

/**
 * Reads a share link from a URL hash (with or without its leading "#").
 * @returns null when the hash carries no share link (so the game starts as usual);
 *   otherwise the contract and wiring, or a refusal with a message for the player.
 *   Never throws.
 */
export function readShareHash(hash: string, options: ReadOptions): Outcome<SharedLink> | null {
  try {
    const text = hash.startsWith('#') ? hash.slice(1) : hash;
    if (text.length > MAX_HASH_CHARS) return refuse('tooLarge');
    const fields = new Map<string, string>();
    const unknown: string[] = [];
    for (const part of text.split('&')) {
      const eq = part.indexOf('=');
      const key = eq < 0 ? part : part.slice(0, eq);
      if (key !== 's' && key !== 'l') {
        unknown.push(key);
        continue;
      }
      if (fields.has(key) || eq < 0)
        return refuse('malformed', ['a part of the link is repeated or empty']);
      fields.set(key, part.slice(eq + 1));
    }
    const levelPayload = fields.get('l');
    const solutionToken = fields.get('s');
    if (levelPayload === undefined && solutionToken === undefined) return null;
    // A share link has only the parts above; anything else was added to it (or cut from a
    // link of a later version), and reading past it would hide that.
    const [stranger] = unknown;
    if (stranger !== undefined)
      return refuse('malformed', [`the link has a part it never has ("${clip(stranger)}")`]);
    if (levelPayload === undefined) return readSolution(solutionToken as string, options, false);
    const level = readLevel(levelPayload, options.loader);
    if (!level.ok || solutionToken === undefined) return level;
    const custom = level.value.level;
    return readSolution(
      solutionToken,
      { ...options, findLevel: (id) => (id === custom.id ? custom : undefined) },
      true,
    );
  } catch (error) {
    // The readers below refuse everything they know of; this is the last line, so that a
    // fault in a loader still reaches the player as a message rather than a broken page.
    return refuse('invalid', [error instanceof Error ? error.message : String(error)]);
  }
}

/** At most a few characters of something from the link, to name it without echoing it whole. */
const clip = (text: string): string => (text.length > 12 ? `${text.slice(0, 12)}…` : text);

function bytesOf(payload: string, maxChars: number): Base64Bytes | Refusal {
  if (payload.length > maxChars) return refuse('tooLarge');
  if (payload.length === 0) return refuse('truncated', ['the link has no data']);
  const decoded = fromBase64url(payload);
  if (decoded === 'truncated') return refuse('truncated', ['the data ends mid-character']);
  if (decoded === 'badCharacter')
    return refuse('malformed', ['the data holds a character a link never has']);
  return decoded;
}

/**
 * Opens the envelope. Text with stray bits in its last character is never accepted, but is
 * still opened to tell a link cut short mid-character from one altered by hand.
 */
function openPayload(
  payload: string,
  maxChars: number,
  context: Uint8Array,
  maxBody: number,
): Outcome<{ readonly body: Uint8Array; readonly format: number }> {
  const decoded = bytesOf(payload, maxChars);
  if ('ok' in decoded) return decoded;
  const body = open(decoded.bytes, context, { maxBody });
  if (!decoded.canonical && (body.ok || body.reason !== 'truncated'))
    return refuse('tampered', ['the data does not end cleanly']);
  // The envelope's first byte is its format, and open() accepted it.
  return body.ok ? accept({ body: body.value, format: decoded.bytes[0] as number }) : body;
}

function loaderRefusal(error: unknown, what: string): Refusal {
  if (error instanceof InputErrors)
    return refuse(
      'invalid',
      error.errors.map((e) => e.message),
      `This link opened, but the ${what} it carries is not valid.`,
    );
  throw error;
}

function readLevel(payload: string, loader: Loader): Outcome<SharedLink & { kind: 'level' }> {
  const body = openPayload(payload, MAX_HASH_CHARS, LEVEL_CONTEXT, MAX_LEVEL_BODY);
  if (!body.ok) return body;
  let json: unknown;
  try {
    json = JSON.parse(strFromU8(body.value.body));
  } catch {
    return refuse('tampered', ['the contract is not JSON']);
  }
  try {
    return accept({ kind: 'level', level: loader.parseLevel(json, 'link') });
  } catch (error) {
    return loaderRefusal(error, 'contract');
  }
}

function readSolution(
  token: string,
  options: ReadOptions,
  customLevel: boolean,
): Outcome<SharedLink & { kind: 'solution' }> {
  const parts = token.split('.');
  if (parts.length !== 3) return refuse('malformed', ['expected <contract>.<revision>.<data>']);
  const [id, revisionText, payload] = parts as [string, string, string];
  if (id.length > MAX_LEVEL_ID || !LEVEL_ID.test(id))
    return refuse('malformed', ['the contract id is not one the game uses']);
  if (!REVISION.test(revisionText)) return refuse('malformed', ['the revision is not a number']);
  const revision = Number(revisionText);
  // The envelope needs only what the URL says, so a damaged link is told apart from an
  // intact link to a contract this game lacks.
  const body = openPayload(
    payload,
    MAX_SOLUTION_PAYLOAD_CHARS,
    solutionContext(id, revision),
    MAX_SOLUTION_BODY,
  );
  if (!body.ok) return body;
  const level = options.findLevel(id);
  if (!level)
    return refuse(
      'unknownContract',
      [id],
      `This link is for a contract ("${id}") this copy of Loopwork does not have.`,
    );
  if (revision > level.revision)
    return refuse('newerRevision', [
      `made for revision ${revision}, this game has ${level.revision}`,
    ]);
  let json: Record<string, unknown>;
  try {
    // A link made for an earlier revision is read against the contract as it is now (the
    // run is simulated afresh anyway); `madeForRevision` lets the game say so.
    json = decodeSolutionBody(body.value.body, level, body.value.format);
  } catch (error) {
    if (error instanceof ByteError)
      // The checksum matched, so these bytes were made on purpose, not damaged on the way.
      return refuse(error.kind === 'truncated' ? 'truncated' : 'tampered', [error.message]);
    throw error;
  }
  try {
    const solution = options.loader.parseSolution(json, 'link', level);
    return accept({ kind: 'solution', level, solution, customLevel, madeForRevision: revision });
  } catch (error) {
    return loaderRefusal(error, 'wiring');
  }
}
