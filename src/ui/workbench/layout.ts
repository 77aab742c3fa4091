/**
 * The workbench's layout: palette on the left, the editor in the middle with the bottom
 * dock (run view, timeline) under it, and the side dock (score, solutions, hints, code)
 * on the right.
 */
import { h } from '../../shell/dom';
import { Dock, type DockTab } from '../dock';
import './workbench.css';

export interface WorkbenchLayout {
  readonly element: HTMLElement;
  readonly palette: HTMLElement;
  readonly editor: HTMLElement;
  readonly editorOverlay: HTMLElement;
  readonly side: Dock;
  readonly bottom: Dock | null;
}

/** `board`: the editor's element to put in the middle, when a board is reopened; else a new one. */
export function workbenchLayout(
  sideTabs: readonly DockTab[],
  bottomTabs: readonly DockTab[],
  board?: HTMLElement,
): WorkbenchLayout {
  const palette = h('aside', {
    class: 'wb-palette',
    attrs: { 'aria-label': 'Nodes you may place' },
  });
  const editor =
    board ??
    h('div', {
      class: 'wb-editor',
      attrs: { 'aria-label': 'Wiring editor', tabindex: '-1' },
    });
  const editorOverlay = h('div', { class: 'wb-editor-overlay' });
  const side = new Dock('side', sideTabs);
  const bottom = bottomTabs.length > 0 ? new Dock('bottom', bottomTabs, true) : null;
  const center = h(
    'div',
    { class: `wb-center${bottom ? ' with-bottom' : ''}` },
    h('div', { class: 'wb-editor-frame' }, editor, editorOverlay),
    bottom ? bottom.element : null,
  );
  side.element.classList.add('wb-side');
  const element = h(
    'div',
    { class: 'workbench', data: { screen: 'workbench' } },
    palette,
    center,
    side.element,
  );
  return { element, palette, editor, editorOverlay, side, bottom };
}
