/**
 * Python lines → highlighted DOM: one element per line with a gutter number and a span
 * per token. Text only ever enters as text nodes (the tokens carry author-written labels).
 */
import type { PythonLine } from '../../python/writer';
import { tokenizeLines } from '../../python/tokens';
import { h } from '../../shell/dom';

/** Builds the line elements of a program; lines that stand for a node carry `data-node`. */
export function renderLines(lines: readonly PythonLine[]): HTMLElement[] {
  const tokens = tokenizeLines(lines.map((l) => l.text));
  return lines.map((line, index) => {
    const text = h('span', { class: 'code-text' });
    for (const token of tokens[index] ?? []) {
      text.append(
        token.kind === 'space' || token.kind === 'name'
          ? document.createTextNode(token.text)
          : h('span', { class: `tok-${token.kind}` }, token.text),
      );
    }
    // An empty line still needs height (and something to select when copying by hand).
    if (line.text === '') text.append('\n');
    const element = h(
      'div',
      { class: 'code-line', data: { line: String(index) } },
      h('span', { class: 'code-no', attrs: { 'aria-hidden': 'true' } }, String(index + 1)),
      text,
    );
    if (line.node !== null) {
      element.dataset.node = line.node;
      element.classList.add('has-node');
      element.tabIndex = -1;
      element.title = `Line ${index + 1}: select node ${line.node}`;
    }
    return element;
  });
}
