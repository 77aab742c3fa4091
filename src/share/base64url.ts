/**
 * base64url without padding (RFC 4648 §5): the alphabet that survives a URL untouched.
 *
 * Decoding is strict: one alphabet, no padding, no whitespace, and the unused low bits of
 * the last character must be zero, so every byte sequence has exactly one spelling.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** Value of each character code below 128; -1 for characters outside the alphabet. */
const VALUE = (() => {
  const table = new Int8Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i += 1) table[ALPHABET.charCodeAt(i)] = i;
  return table;
})();

export function toBase64url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i] as number;
    const b1 = bytes[i + 1];
    const b2 = bytes[i + 2];
    out += ALPHABET[b0 >> 2];
    out += ALPHABET[((b0 & 0x03) << 4) | ((b1 ?? 0) >> 4)];
    if (b1 !== undefined) out += ALPHABET[((b1 & 0x0f) << 2) | ((b2 ?? 0) >> 6)];
    if (b2 !== undefined) out += ALPHABET[b2 & 0x3f];
  }
  return out;
}

export type Base64Failure = 'badCharacter' | 'truncated';

export interface Base64Bytes {
  readonly bytes: Uint8Array;
  /**
   * False when the last character had stray low bits (they are dropped from `bytes`). Such
   * text is never produced by the encoder: it was cut short mid-character, or altered.
   */
  readonly canonical: boolean;
}

/** The bytes, or why the text cannot be base64url. */
export function fromBase64url(text: string): Base64Bytes | Base64Failure {
  // A length of 4k+1 cannot come from any byte sequence: a character is missing.
  if (text.length % 4 === 1) return 'truncated';
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let buffer = 0;
  let o = 0;
  for (let i = 0; i < text.length; i += 1) {
    const value = VALUE[text.charCodeAt(i)] ?? -1;
    if (value < 0) return 'badCharacter';
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (buffer >> bits) & 0xff;
      buffer &= (1 << bits) - 1;
    }
  }
  return { bytes: out, canonical: buffer === 0 };
}
