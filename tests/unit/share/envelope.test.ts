import { describe, expect, it } from 'vitest';
import { LINK_FORMAT_VERSION, open, seal } from '../../../src/share/envelope';

const context = new TextEncoder().encode('test');
const limits = { maxBody: 10_000 };

describe('the envelope', () => {
  it('compresses only when that makes the link shorter', () => {
    const repetitive = new Uint8Array(400).fill(7);
    const tiny = Uint8Array.of(1, 2, 3);
    expect(seal(repetitive, context)[1]).toBe(1);
    expect(seal(repetitive, context).length).toBeLessThan(40);
    expect(seal(tiny, context)[1]).toBe(0);
    expect(seal(tiny, context).length).toBe(tiny.length + 7);
  });

  it('gives back what it sealed', () => {
    for (const body of [new Uint8Array(0), Uint8Array.of(9), new Uint8Array(5000).fill(3)]) {
      expect(open(seal(body, context), context, limits)).toEqual({ ok: true, value: body });
    }
  });

  it('tells a cut-off envelope from a changed one', () => {
    const sealed = seal(
      new Uint8Array(300).map((_, i) => (i * 37) % 256),
      context,
    );
    for (let cut = 0; cut < sealed.length; cut += 1) {
      const result = open(sealed.subarray(0, cut), context, limits);
      expect(result.ok ? 'ok' : result.reason).toBe('truncated');
    }
    const changed = Uint8Array.from(sealed);
    changed[changed.length - 1] = (changed[changed.length - 1] as number) ^ 1;
    const result = open(changed, context, limits);
    expect(result.ok ? 'ok' : result.reason).toBe('tampered');
    const longer = Uint8Array.from([...sealed, 0]);
    const extra = open(longer, context, limits);
    expect(extra.ok ? 'ok' : extra.reason).toBe('tampered');
  });

  it('is bound to its context', () => {
    const sealed = seal(Uint8Array.of(1, 2, 3), context);
    const other = open(sealed, new TextEncoder().encode('other'), limits);
    expect(other.ok ? 'ok' : other.reason).toBe('tampered');
  });

  it('names old and new formats', () => {
    const sealed = seal(Uint8Array.of(1), context);
    const older = open(Uint8Array.from([0, ...sealed.subarray(1)]), context, limits);
    const newer = open(
      Uint8Array.from([LINK_FORMAT_VERSION + 1, ...sealed.subarray(1)]),
      context,
      limits,
    );
    expect(older.ok ? 'ok' : older.reason).toBe('olderFormat');
    expect(newer.ok ? 'ok' : newer.reason).toBe('newerFormat');
  });

  it('refuses a body that inflates beyond the limit', () => {
    const sealed = seal(new Uint8Array(50_000), context);
    expect(sealed.length).toBeLessThan(200);
    const result = open(sealed, context, limits);
    expect(result.ok ? 'ok' : result.reason).toBe('tooLarge');
  });
});
