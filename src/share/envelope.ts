/**
 * The envelope every share payload travels in, so a link is checked before it is read:
 *
 *   [format version: 1 byte] [flags: 1 byte] [stored length: varint] [CRC-32: 4 bytes] [stored body]
 *
 * - The version comes first, so a later format may change everything after it.
 * - flags bit 0: the body is deflate-raw compressed (only when that made it shorter).
 * - The stored length makes a cut-off link recognisable as cut off, not just as wrong.
 * - The CRC covers the uncompressed body and a context string (what the link is for,
 *   e.g. the contract id and revision in the URL), so editing either part is caught.
 */
import { deflateSync, inflateSync } from 'fflate';
import { ByteError, ByteReader, ByteWriter } from './bytes';
import { crc32 } from './crc32';
import { accept, refuse, type Outcome } from './refusal';

/**
 * The envelope and body format this version writes. 2: a Queue says how its workers stop,
 * and a pool may be left at its default size (solutionBody.ts reads format 1 as well).
 */
export const LINK_FORMAT_VERSION = 2;
/** The oldest format this version still reads. */
const OLDEST_READABLE_VERSION = 1;
const FLAG_DEFLATED = 0x01;

/** Wraps a body; compresses it when that makes it shorter. Deterministic: same bytes in, same bytes out. */
export function seal(body: Uint8Array, context: Uint8Array): Uint8Array {
  const deflated = deflateSync(body, { level: 9 });
  const compress = deflated.length < body.length;
  const stored = compress ? deflated : body;
  const checksum = crc32(context, body);
  const out = new ByteWriter();
  out.byte(LINK_FORMAT_VERSION);
  out.byte(compress ? FLAG_DEFLATED : 0);
  out.uint(stored.length);
  out.byte(checksum >>> 24);
  out.byte((checksum >>> 16) & 0xff);
  out.byte((checksum >>> 8) & 0xff);
  out.byte(checksum & 0xff);
  out.raw(stored);
  return out.finish();
}

export interface EnvelopeLimits {
  /** Largest body, uncompressed, that is accepted: guards against a small link inflating to gigabytes. */
  readonly maxBody: number;
}

/** The checked, uncompressed body, or the reason the envelope is refused. */
export function open(
  bytes: Uint8Array,
  context: Uint8Array,
  limits: EnvelopeLimits,
): Outcome<Uint8Array> {
  const version = bytes[0];
  if (version === undefined) return refuse('truncated', ['the link has no data']);
  if (version < OLDEST_READABLE_VERSION) return refuse('olderFormat', [`link format ${version}`]);
  if (version > LINK_FORMAT_VERSION) return refuse('newerFormat', [`link format ${version}`]);
  try {
    const reader = new ByteReader(bytes.subarray(1));
    const flags = reader.byte('the flags');
    if ((flags & ~FLAG_DEFLATED) !== 0) return refuse('tampered', ['unknown flags']);
    const storedLength = reader.uint('the length', limits.maxBody);
    const checksum =
      reader.byte('the checksum') * 0x1000000 +
      reader.byte('the checksum') * 0x10000 +
      reader.byte('the checksum') * 0x100 +
      reader.byte('the checksum');
    const stored = reader.raw('the body', storedLength);
    reader.end('the body');
    const body = flags & FLAG_DEFLATED ? inflateCapped(stored, limits.maxBody) : stored;
    if (typeof body === 'string') return refuse(body === 'tooLarge' ? 'tooLarge' : 'tampered');
    if (crc32(context, body) !== checksum) return refuse('tampered', ['checksum mismatch']);
    if (flags & FLAG_DEFLATED && !sameBytes(deflateSync(body, { level: 9 }), stored))
      return refuse('tampered', ['stray data after the compressed body']);
    return accept(body);
  } catch (error) {
    if (error instanceof ByteError)
      return refuse(error.kind === 'truncated' ? 'truncated' : 'tampered', [error.message]);
    throw error;
  }
}

/**
 * Inflating stops at the end of the compressed stream and ignores whatever follows, so a
 * link with bits added after it would open. Sealing is deterministic, so a body this game
 * compressed compresses to exactly the stored bytes again; anything else was altered. (The
 * corpus of shared links in tests/unit/share keeps this true across library updates.)
 */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

function inflateCapped(stored: Uint8Array, maxBody: number): Uint8Array | 'tooLarge' | 'corrupt' {
  // fflate returns its whole output buffer for empty input, so empty is refused up front;
  // the encoder never compresses an empty body.
  if (stored.length === 0) return 'corrupt';
  try {
    // One byte of headroom: filling it means the body is over the limit (fflate truncates to `out`).
    const body = inflateSync(stored, { out: new Uint8Array(maxBody + 1) });
    return body.length > maxBody ? 'tooLarge' : body;
  } catch {
    return 'corrupt';
  }
}
