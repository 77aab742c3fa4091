/**
 * Every way a share link can be refused, each with a message a player understands.
 * Decoding never throws: it returns either the decoded value or one of these.
 */

export type RefusalReason =
  /** Not shaped like a Loopwork link at all. */
  | 'malformed'
  /** Larger than any real link: refused before any work is done on it. */
  | 'tooLarge'
  /** Part of the link is missing (cut off when copied). */
  | 'truncated'
  /** The link was changed after it was made: its checksum or its contents do not add up. */
  | 'tampered'
  /** Made by an older version of the game whose links are no longer read. */
  | 'olderFormat'
  /** Made by a newer version of the game. */
  | 'newerFormat'
  /** For a contract this copy of the game does not have. */
  | 'unknownContract'
  /** For a newer revision of a contract than this copy of the game has. */
  | 'newerRevision'
  /** Decoded fine, but the wiring or contract inside is not valid (details name each problem). */
  | 'invalid';

export interface Refusal {
  readonly ok: false;
  readonly reason: RefusalReason;
  /** One or two plain sentences for the player. */
  readonly message: string;
  /** Specifics, e.g. each validation error with its JSON path; may be empty. */
  readonly details: readonly string[];
}

export type Outcome<T> = { readonly ok: true; readonly value: T } | Refusal;

const MESSAGES: Readonly<Record<RefusalReason, string>> = {
  malformed: 'This is not a Loopwork link, or it was garbled when it was copied.',
  tooLarge: 'This link is far larger than any Loopwork link, so it was not opened.',
  truncated: 'This link is cut short: part of it is missing. Copy the whole link and try again.',
  tampered:
    'This link was changed or damaged after it was made (its contents do not match its checksum), so it was not opened.',
  olderFormat:
    'This link was made by an old version of Loopwork whose links this version no longer reads.',
  newerFormat: 'This link was made by a newer version of Loopwork. Update the game to open it.',
  unknownContract: 'This link is for a contract this copy of Loopwork does not have.',
  newerRevision:
    'This link was made for a newer revision of this contract than this copy of Loopwork has. Update the game to open it.',
  invalid: 'This link opened, but what it carries is not valid.',
};

/** A refusal with the standard message for its reason, optionally sharpened. */
export function refuse(
  reason: RefusalReason,
  details: readonly string[] = [],
  message: string = MESSAGES[reason],
): Refusal {
  return { ok: false, reason, message, details };
}

export function accept<T>(value: T): Outcome<T> {
  return { ok: true, value };
}
