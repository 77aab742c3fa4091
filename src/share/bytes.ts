/**
 * Byte-level reading and writing for share links: unsigned varints (LEB128), zigzag for
 * signed numbers, and single bytes.
 *
 * The reader is written for untrusted input: every read is bounds-checked, every number
 * is checked against the caller's ceiling before it is used, and a varint may not run
 * past 7 bytes, so no input can make it allocate or loop beyond what the caller allows.
 */

/**
 * Why a byte sequence could not be read. The codec turns it into a refusal for the player.
 *
 * Deliberately not an Error: refusing bad input is this reader's everyday work, and
 * capturing a stack trace for each refusal costs more than reading the whole link. It never
 * leaves src/share: link.ts turns every one into a refusal.
 */
export class ByteError {
  constructor(
    /** `truncated`: the bytes ran out; `invalid`: a value is out of bounds or not canonical. */
    readonly kind: 'truncated' | 'invalid',
    readonly message: string,
  ) {}
}

/** 7 bytes of 7 bits: 49 bits, all exact in a double (durations up to 400 days in µs fit). */
const MAX_VARINT_BYTES = 7;
const MAX_VARINT = 2 ** (7 * MAX_VARINT_BYTES) - 1;

export class ByteWriter {
  private readonly bytes: number[] = [];

  byte(value: number): void {
    if (!Number.isInteger(value) || value < 0 || value > 255)
      throw new RangeError(`${value} is not a byte`);
    this.bytes.push(value);
  }

  /** An unsigned integer in 7-bit groups, low group first. */
  uint(value: number): void {
    if (!Number.isSafeInteger(value) || value < 0 || value > MAX_VARINT)
      throw new RangeError(`${value} cannot be written as a varint`);
    let rest = value;
    while (rest >= 0x80) {
      this.bytes.push((rest % 0x80) | 0x80);
      rest = Math.floor(rest / 0x80);
    }
    this.bytes.push(rest);
  }

  /** A signed integer, zigzagged so small magnitudes of either sign stay short. */
  int(value: number): void {
    this.uint(value >= 0 ? value * 2 : -value * 2 - 1);
  }

  raw(data: Uint8Array): void {
    for (const b of data) this.bytes.push(b);
  }

  finish(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

export class ByteReader {
  private at = 0;

  constructor(private readonly data: Uint8Array) {}

  get remaining(): number {
    return this.data.length - this.at;
  }

  byte(what: string): number {
    const value = this.data[this.at];
    if (value === undefined) throw new ByteError('truncated', `ran out of data reading ${what}`);
    this.at += 1;
    return value;
  }

  /**
   * An unsigned varint no larger than `max`. Over-long forms (a trailing zero group) are
   * refused, so each number has exactly one encoding and a link has exactly one meaning.
   */
  uint(what: string, max: number): number {
    let value = 0;
    let scale = 1;
    for (let i = 0; i < MAX_VARINT_BYTES; i += 1) {
      const b = this.byte(what);
      value += (b & 0x7f) * scale;
      if ((b & 0x80) === 0) {
        if (b === 0 && i > 0) throw new ByteError('invalid', `${what} is not written canonically`);
        if (value > max) throw new ByteError('invalid', `${what} is ${value}, above ${max}`);
        return value;
      }
      scale *= 0x80;
    }
    throw new ByteError('invalid', `${what} is too long a number`);
  }

  /** A zigzagged signed varint whose magnitude is at most `maxAbs`. */
  int(what: string, maxAbs: number): number {
    const zig = this.uint(what, maxAbs * 2);
    const value = zig % 2 === 0 ? zig / 2 : -(zig + 1) / 2;
    if (Math.abs(value) > maxAbs) throw new ByteError('invalid', `${what} is out of range`);
    return value;
  }

  raw(what: string, length: number): Uint8Array {
    if (length > this.remaining)
      throw new ByteError('truncated', `ran out of data reading ${what}`);
    const slice = this.data.subarray(this.at, this.at + length);
    this.at += length;
    return slice;
  }

  /** Strict length accounting: the data must be used up exactly. */
  end(what: string): void {
    if (this.remaining !== 0)
      throw new ByteError('invalid', `${this.remaining} unexpected bytes after ${what}`);
  }
}
