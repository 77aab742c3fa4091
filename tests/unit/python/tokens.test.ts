import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenizeLine, tokenizeLines, type Token } from '../../../src/python/tokens';

const kinds = (tokens: readonly Token[]): string[] =>
  tokens.filter((t) => t.kind !== 'space').map((t) => `${t.kind}:${t.text}`);

describe('the Python tokenizer of the code view', () => {
  it('gives every line back unchanged, whatever it holds', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { maxLength: 8 }), (lines) => {
        const tokens = tokenizeLines(lines);
        tokens.forEach((line, i) => expect(line.map((t) => t.text).join('')).toBe(lines[i]));
      }),
      { numRuns: 200 },
    );
  });

  it('tells keywords, calls, numbers, strings and comments apart', () => {
    const { tokens } = tokenizeLine('    await asyncio.sleep(0.3 * SCALE)  # await the "reply"');
    expect(kinds(tokens)).toEqual([
      'keyword:await',
      'name:asyncio',
      'operator:.',
      'name:sleep',
      'operator:(',
      'number:0.3',
      'operator:*',
      'name:SCALE',
      'operator:)',
      'comment:# await the "reply"',
    ]);
  });

  it('marks the name a def introduces, and strings with prefixes and escapes', () => {
    expect(kinds(tokenizeLine('async def handle(job):').tokens)).toEqual([
      'keyword:async',
      'keyword:def',
      'function:handle',
      'operator:(',
      'name:job',
      'operator:)',
      'operator::',
    ]);
    expect(kinds(tokenizeLine(String.raw`x = f"a\"b" + 'c#d'`).tokens)).toEqual([
      'name:x',
      'operator:=',
      'string:f"a\\"b"',
      'operator:+',
      "string:'c#d'",
    ]);
  });

  it('carries a triple-quoted string across lines', () => {
    const lines = tokenizeLines(['"""Starts here', 'def not_code():', 'ends here"""  # after']);
    expect(kinds(lines[0]!)).toEqual(['string:"""Starts here']);
    expect(kinds(lines[1]!)).toEqual(['string:def not_code():']);
    expect(kinds(lines[2]!)).toEqual(['string:ends here"""', 'comment:# after']);
  });

  it('does not let an unclosed single quote colour the next line', () => {
    const lines = tokenizeLines(["x = 'open", 'y = 1']);
    expect(kinds(lines[1]!)).toEqual(['name:y', 'operator:=', 'number:1']);
  });
});
