/**
 * The board's keys, one click (or Enter) away over the editor: everything the mouse does
 * can be done from the keyboard, and this is where a player finds out how.
 */
import { h } from '../../shell/dom';
import './keysHelp.css';

const KEYS: readonly (readonly [string, string])[] = [
  ['Tab / Shift+Tab', 'go from node to port to field'],
  ['Enter on a palette entry', 'place it in the middle of the board (inside the box there)'],
  ['Enter on an output port, then on an input port', 'wire them (Esc lets go)'],
  ['Delete on a port', 'remove the wires at that port'],
  [
    'Enter on a node',
    'lift it; arrows move it (Shift: finer); Enter puts it down, into the box under it; Esc puts it back',
  ],
  ['Delete', 'delete the selected nodes or wire'],
  ['Ctrl+Z / Ctrl+Shift+Z', 'undo / redo'],
  ['Ctrl+C / Ctrl+V', 'copy / paste'],
  ['Ctrl+A', 'select every node'],
  ['F', 'fit the wiring in view'],
  ['Space', 'run (on a node: lift it)'],
];

function list(rows: readonly (readonly [string, string])[]): HTMLElement {
  return h(
    'dl',
    { class: 'keys-list' },
    ...rows.flatMap(([keys, what]) => [h('dt', null, keys), h('dd', null, what)]),
  );
}

/** A "Keys" button over the board that opens the list of keys. */
export function keysHelp(): HTMLElement {
  return h(
    'details',
    { class: 'keys-help', data: { testid: 'keys-help' } },
    h('summary', { attrs: { title: 'Keyboard' } }, 'Keys'),
    h('div', { class: 'keys-panel' }, h('h3', null, 'Keyboard'), list(KEYS)),
  );
}
