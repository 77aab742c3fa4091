import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteError, ByteReader, ByteWriter } from '../../../src/share/bytes';
import { fromBase64url, toBase64url } from '../../../src/share/base64url';
import { crc32 } from '../../../src/share/crc32';

const readError = (f: () => unknown): string => {
  try {
    f();
  } catch (error) {
    if (error instanceof ByteError) return error.kind;
    throw error;
  }
  return 'none';
};

describe('varints', () => {
  it('read back every number they write, signed or not', () => {
    fc.assert(
      fc.property(fc.nat({ max: 2 ** 49 - 1 }), fc.integer(), (u, s) => {
        const w = new ByteWriter();
        w.uint(u);
        w.int(s);
        const r = new ByteReader(w.finish());
        expect(r.uint('u', u)).toBe(u);
        expect(r.int('s', Math.abs(s))).toBe(s);
        r.end('test');
      }),
    );
  });

  it('use one byte for small numbers of either sign', () => {
    const w = new ByteWriter();
    w.uint(127);
    w.int(-64);
    w.int(63);
    expect(w.finish()).toEqual(Uint8Array.of(127, 127, 126));
  });

  it('refuse a value over its ceiling, an over-long form, and running out', () => {
    expect(readError(() => new ByteReader(Uint8Array.of(5)).uint('x', 4))).toBe('invalid');
    expect(readError(() => new ByteReader(Uint8Array.of(0x81, 0x00)).uint('x', 9))).toBe('invalid');
    expect(readError(() => new ByteReader(Uint8Array.of(0x81)).uint('x', 9))).toBe('truncated');
    expect(readError(() => new ByteReader(new Uint8Array(9).fill(0xff)).uint('x', 2 ** 53))).toBe(
      'invalid',
    );
    expect(readError(() => new ByteReader(Uint8Array.of(1, 2)).end('x'))).toBe('invalid');
  });
});

describe('base64url', () => {
  it('matches the standard encoding and reads it back', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const text = toBase64url(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64url'));
        expect(fromBase64url(text)).toEqual({ bytes, canonical: true });
      }),
    );
  });

  it('refuses other alphabets, impossible lengths and stray low bits', () => {
    expect(fromBase64url('ab+/')).toBe('badCharacter');
    expect(fromBase64url('abc=')).toBe('badCharacter');
    expect(fromBase64url('abcde')).toBe('truncated');
    expect(fromBase64url('AB')).toEqual({ bytes: Uint8Array.of(0), canonical: false });
    expect(fromBase64url('AA')).toEqual({ bytes: Uint8Array.of(0), canonical: true });
  });
});

describe('crc32', () => {
  it('gives the standard check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new TextEncoder().encode('1234'), new TextEncoder().encode('56789'))).toBe(
      0xcbf43926,
    );
  });
});
