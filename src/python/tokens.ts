/**
 * A small Python tokenizer for highlighting, one line at a time.
 *
 * It knows what the generated programs contain (keywords, strings, comments, numbers,
 * names) and nothing of Python's grammar. Strings that span lines (docstrings) are
 * carried over with a state, so a line can be highlighted without re-reading the file.
 * Concatenating a line's token texts always gives the line back unchanged.
 */

export type TokenKind =
  | 'keyword'
  | 'builtin'
  | 'string'
  | 'comment'
  | 'number'
  | 'function'
  | 'decorator'
  | 'operator'
  | 'name'
  | 'space';

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
}

/** Where a line starts: outside any string, or inside a triple-quoted string. */
export type LineState = '' | "'''" | '"""';

const KEYWORDS = new Set(
  (
    'False None True and as assert async await break case class continue def del elif else ' +
    'except finally for from global if import in is lambda match nonlocal not or pass raise ' +
    'return try while with yield'
  ).split(' '),
);

const BUILTINS = new Set(
  (
    'print len range sum min max sorted list dict set tuple int float str bool bytes repr ' +
    'isinstance enumerate zip map any all abs round iter next object super type ' +
    'Exception BaseException RuntimeError TimeoutError ValueError KeyError OSError ' +
    'NotImplementedError StopIteration StopAsyncIteration'
  ).split(' '),
);

const NUMBER = /^(?:0[xX][0-9a-fA-F_]+|(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d+)?j?)/;
const NAME = /^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_\u00C0-\uFFFF]*/;
const SPACE = /^\s+/;
const STRING_PREFIX = /^(?:[rRbBuUfF]|[rR][bBfF]|[bBfF][rR])?(?='|")/;

/** Ends a string body that starts at `from`; returns the index after the closing quote, or -1. */
function closeString(line: string, from: number, quote: string): number {
  for (let i = from; i < line.length; i++) {
    if (line[i] === '\\') {
      i++;
      continue;
    }
    if (line.startsWith(quote, i)) return i + quote.length;
  }
  return -1;
}

/**
 * Tokens of one line, and the state the next line starts in.
 * @param state what the previous line left open ('' when nothing).
 */
export function tokenizeLine(
  line: string,
  state: LineState = '',
): { tokens: Token[]; state: LineState } {
  const tokens: Token[] = [];
  let i = 0;
  let expectFunction = false;
  if (state !== '') {
    const end = closeString(line, 0, state);
    if (end < 0) return { tokens: [{ kind: 'string', text: line }], state };
    tokens.push({ kind: 'string', text: line.slice(0, end) });
    i = end;
  }
  while (i < line.length) {
    const rest = line.slice(i);
    const ch = line[i] as string;
    let kind: TokenKind;
    let length: number;
    const prefix = STRING_PREFIX.exec(rest);
    if (ch === '#') {
      kind = 'comment';
      length = rest.length;
    } else if (prefix) {
      const start = i + prefix[0].length;
      const quote = line.startsWith(line[start]!.repeat(3), start)
        ? line[start]!.repeat(3)
        : line[start]!;
      const end = closeString(line, start + quote.length, quote);
      if (end < 0) {
        tokens.push({ kind: 'string', text: rest });
        // An unclosed single quote is a syntax error; do not let it colour the next lines.
        return { tokens, state: quote.length === 3 ? (quote as LineState) : '' };
      }
      kind = 'string';
      length = end - i;
    } else if (SPACE.test(rest)) {
      kind = 'space';
      length = SPACE.exec(rest)![0].length;
    } else if (/[0-9]/.test(ch) || (ch === '.' && /[0-9]/.test(line[i + 1] ?? ''))) {
      kind = 'number';
      length = Math.max(1, NUMBER.exec(rest)?.[0].length ?? 1);
    } else if (ch === '@' && NAME.test(line.slice(i + 1)) && line.slice(0, i).trim() === '') {
      kind = 'decorator';
      length = 1 + NAME.exec(line.slice(i + 1))![0].length;
    } else if (NAME.test(rest)) {
      const name = NAME.exec(rest)![0];
      length = name.length;
      if (expectFunction) kind = 'function';
      else if (KEYWORDS.has(name)) kind = 'keyword';
      else if (BUILTINS.has(name)) kind = 'builtin';
      else kind = 'name';
      expectFunction = name === 'def' || name === 'class';
      tokens.push({ kind, text: name });
      i += length;
      continue;
    } else {
      kind = 'operator';
      length = 1;
    }
    if (kind !== 'space') expectFunction = false;
    tokens.push({ kind, text: line.slice(i, i + length) });
    i += length;
  }
  return { tokens, state: '' };
}

/** Tokens of every line of a program, carrying multi-line strings across lines. */
export function tokenizeLines(lines: readonly string[]): Token[][] {
  let state: LineState = '';
  return lines.map((line) => {
    const result = tokenizeLine(line, state);
    state = result.state;
    return result.tokens;
  });
}
