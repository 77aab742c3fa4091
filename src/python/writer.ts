/**
 * Builds Python source a line at a time, remembering which wiring node each line stands
 * for. The code view reads that map both ways: the node under the cursor marks its lines,
 * and a click on a line selects its node.
 */

export interface PythonLine {
  readonly text: string;
  /** The node this line is the code of; null for scaffolding that belongs to no node. */
  readonly node: string | null;
}

const INDENT = '    ';

export class PythonWriter {
  private readonly out: PythonLine[] = [];
  private depth = 0;

  /** Appends one line at the current indentation. An empty string appends a blank line. */
  line(text: string, node: string | null = null): this {
    this.out.push({ text: text === '' ? '' : INDENT.repeat(this.depth) + text, node });
    return this;
  }

  /** Appends several lines, each at the current indentation. */
  lines(texts: readonly string[], node: string | null = null): this {
    for (const text of texts) this.line(text, node);
    return this;
  }

  /**
   * Ends with at least `count` blank lines (PEP 8 puts two between top-level definitions),
   * adding none at the very start.
   */
  blank(count = 1): this {
    if (this.out.length === 0) return this;
    let trailing = 0;
    while (trailing < this.out.length && this.out[this.out.length - 1 - trailing]!.text === '')
      trailing++;
    for (; trailing < count; trailing++) this.out.push({ text: '', node: null });
    return this;
  }

  /** Writes `header`, then `body` one level deeper; a body that wrote nothing gets `pass`. */
  block(header: string, node: string | null, body: () => void): this {
    this.line(header, node);
    const before = this.out.length;
    this.depth++;
    body();
    if (this.out.length === before) this.line('pass', node);
    this.depth--;
    return this;
  }

  /** Appends another writer's lines at the current indentation; its leading blank lines merge with ours. */
  append(other: PythonWriter): this {
    let n = 0;
    while (n < other.out.length && other.out[n]!.text === '') n++;
    this.blank(n);
    for (const { text, node } of other.out.slice(n)) this.line(text, node);
    return this;
  }

  get written(): readonly PythonLine[] {
    return this.out;
  }
}

/** Line indexes (0-based) of each node's code. */
export function linesByNode(lines: readonly PythonLine[]): Record<string, number[]> {
  // Without a prototype: a node may be called "__proto__".
  const map = Object.create(null) as Record<string, number[]>;
  lines.forEach((line, index) => {
    if (line.node !== null) (map[line.node] ??= []).push(index);
  });
  return map;
}
