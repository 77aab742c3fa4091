/** The small toolbar over the editor: undo/redo, zoom, fit, arrange, and a line of help. */
import { h } from '../../shell/dom';

export interface EditorToolActions {
  undo(): void;
  redo(): void;
  zoom(factor: number): void;
  fit(): void;
  arrange(): void;
  minimap(): void;
}

function tool(label: string, text: string, action: string, onClick: () => void): HTMLButtonElement {
  return h(
    'button',
    {
      class: 'tool',
      attrs: { title: label, 'aria-label': label },
      data: { action },
      on: { click: onClick },
    },
    text,
  );
}

export function editorTools(actions: EditorToolActions): HTMLElement {
  return h(
    'div',
    { class: 'editor-tools' },
    h(
      'div',
      { class: 'tool-group', attrs: { role: 'toolbar', 'aria-label': 'Editor' } },
      tool('Undo (Ctrl+Z)', '↶', 'undo', actions.undo),
      tool('Redo (Ctrl+Shift+Z)', '↷', 'redo', actions.redo),
      h('span', { class: 'tool-sep' }),
      tool('Zoom out', '−', 'zoom-out', () => actions.zoom(1 / 1.25)),
      tool('Zoom in', '+', 'zoom-in', () => actions.zoom(1.25)),
      tool('Fit the wiring in view (F)', '⤢', 'fit', actions.fit),
      tool('Arrange automatically', '⊹', 'arrange', actions.arrange),
      tool('Show or hide the minimap', '▣', 'minimap', actions.minimap),
    ),
  );
}

/** A line of help over the board, in mouse-and-keys words or, on a touch screen, in taps. */
export function editorHelp(): HTMLElement {
  return h(
    'div',
    { class: 'editor-help' },
    h(
      'span',
      { class: 'help-mouse' },
      'Drag from a port to wire · Shift+drag or Ctrl+click selects several · ',
      h('span', { class: 'kbd' }, 'Del'),
      ' delete · ',
      h('span', { class: 'kbd' }, 'Ctrl+C'),
      ' ',
      h('span', { class: 'kbd' }, 'Ctrl+V'),
      ' copy · ',
      h('span', { class: 'kbd' }, 'Space'),
      ' run',
    ),
    h(
      'span',
      { class: 'help-touch' },
      'Tap an output port, then an input port, to wire · drag a node into a box to nest it · pinch to zoom',
    ),
  );
}
