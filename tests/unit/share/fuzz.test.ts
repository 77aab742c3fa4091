/**
 * A link is anyone's: it is fuzzed with random and mutated payloads. Every one must come
 * back as an answer (never an exception), every refusal must carry a message, and anything
 * accepted must be exactly what the encoder would write for the wiring it decoded to.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as loader from '../../../src/model/load';
import { fromBase64url, toBase64url } from '../../../src/share/base64url';
import { ByteWriter } from '../../../src/share/bytes';
import { crc32 } from '../../../src/share/crc32';
import { LINK_FORMAT_VERSION, seal } from '../../../src/share/envelope';
import { levelHash, readShareHash } from '../../../src/share/link';
import { encodeSolutionBody } from '../../../src/share/solutionBody';
import { wiringArbitrary } from './arbitraries';
import { photoDesk } from './fixtures';

const options = {
  findLevel: (id: string) => (id === photoDesk.id ? photoDesk : undefined),
  loader,
};
const context = new TextEncoder().encode(`loopwork/solution ${photoDesk.id} ${photoDesk.revision}`);
const head = `#s=${photoDesk.id}.${photoDesk.revision}.`;

/** A small seeded generator, so a failure can be replayed. */
function prng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 2 ** 32;
  };
}

function mutate(bytes: Uint8Array, random: () => number): Uint8Array {
  const out = Array.from(bytes);
  const edits = 1 + Math.floor(random() * 3);
  for (let e = 0; e < edits; e += 1) {
    const at = Math.floor(random() * (out.length + 1));
    const value = Math.floor(random() * 256);
    switch (Math.floor(random() * 6)) {
      case 0:
        out[at] = value;
        break;
      case 1:
        out[at] = (out[at] ?? 0) ^ (1 << Math.floor(random() * 8));
        break;
      case 2:
        out.splice(at, 0, value);
        break;
      case 3:
        out.splice(at, 1);
        break;
      case 4:
        out.length = Math.min(out.length, at);
        break;
      default:
        // Small numbers reach the boundaries of counts and indexes.
        out[at] = Math.floor(random() * 4) === 0 ? 0xff : Math.floor(random() * 4);
    }
  }
  return Uint8Array.from(out);
}

/** An uncompressed envelope with a correct checksum, written by hand (faster than `seal`). */
function forge(body: Uint8Array): Uint8Array {
  const out = new ByteWriter();
  out.byte(LINK_FORMAT_VERSION);
  out.byte(0);
  out.uint(body.length);
  const crc = crc32(context, body);
  for (const shift of [24, 16, 8, 0]) out.byte((crc >>> shift) & 0xff);
  out.raw(body);
  return out.finish();
}

interface Tally {
  accepted: number;
  refused: number;
  reasons: Map<string, number>;
}

function check(hash: string, tally: Tally, body?: Uint8Array): void {
  const result = readShareHash(hash, options);
  if (result === null) throw new Error(`not read as a link: ${hash}`);
  if (result.ok) {
    tally.accepted += 1;
    if (body && result.value.kind === 'solution') {
      const again = encodeSolutionBody(result.value.solution, photoDesk);
      if (again.length !== body.length || again.some((b, i) => b !== body[i]))
        throw new Error(`accepted a link the encoder would not write: ${hash}`);
    }
    return;
  }
  tally.refused += 1;
  tally.reasons.set(result.reason, (tally.reasons.get(result.reason) ?? 0) + 1);
  if (result.message.length < 20) throw new Error(`a refusal without a message: ${hash}`);
}

describe('the link reader under fuzzing', () => {
  const wirings = fc.sample(wiringArbitrary(photoDesk, 12), { numRuns: 40, seed: 7 });
  const bodies = [photoDesk.reference, ...wirings].map((s) => encodeSolutionBody(s, photoDesk));
  const payloads = bodies.map((b) => seal(b, context));

  it('answers 100,000 random and mutated links, refusing each bad one with a message', () => {
    const random = prng(20240611);
    const tally: Tally = { accepted: 0, refused: 0, reasons: new Map() };
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    for (let i = 0; i < 100_000; i += 1) {
      switch (i % 4) {
        case 0: {
          // Random text, of any length a link might have.
          let text = '';
          const length = Math.floor(random() * 120);
          for (let c = 0; c < length; c += 1) text += alphabet[Math.floor(random() * 64)];
          check(head + text, tally);
          break;
        }
        case 1:
          // A real link's bytes, mutated: the checksum must catch it.
          check(head + toBase64url(mutate(pick(payloads), random)), tally);
          break;
        case 2: {
          // A real link's text, mutated character by character, truncated or extended.
          const text = toBase64url(pick(payloads)).split('');
          const at = Math.floor(random() * text.length);
          if (random() < 0.5) text[at] = alphabet[Math.floor(random() * 64)] as string;
          else text.length = at;
          check(head + text.join(''), tally);
          break;
        }
        default: {
          // A mutated wiring sealed with a correct checksum: only the bounded reader and the
          // loader stand between it and the game.
          const body = mutate(pick(bodies), random);
          check(head + toBase64url(forge(body)), tally, body);
        }
      }
    }
    expect(tally.accepted + tally.refused).toBe(100_000);
    // The mix reached every kind of refusal a damaged link can get.
    for (const reason of ['truncated', 'tampered', 'olderFormat', 'newerFormat'])
      expect(tally.reasons.get(reason) ?? 0).toBeGreaterThan(0);
  });

  it('answers mutated contract links the same way', () => {
    const random = prng(99);
    const tally: Tally = { accepted: 0, refused: 0, reasons: new Map() };
    const text = levelHash(photoDesk).slice('#l='.length);
    const bytes = (fromBase64url(text) as { bytes: Uint8Array }).bytes;
    const levelContext = new TextEncoder().encode('loopwork/level');
    const json = new TextEncoder().encode(JSON.stringify(photoDesk));
    for (let i = 0; i < 2_000; i += 1) {
      const mutated =
        i % 2 === 0 ? mutate(bytes, random) : seal(mutate(json, random), levelContext);
      check(`#l=${toBase64url(mutated)}`, tally);
    }
    expect(tally.refused).toBeGreaterThan(1_500);
  });
});
