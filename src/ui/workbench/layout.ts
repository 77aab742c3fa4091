/**
 * The workbench's layout: palette on the left, the editor in the middle with the bottom
 * dock (run view, timeline) under it, and the side dock (score, solutions, hints, code)
 * on the right.
 *
 * On a narrow screen (a phone, see workbench.css) the same parts are stacked as views, one
 * at a time: the board fills the screen with the palette in a drawer, and a bar at the
 * bottom goes between the board, the run (the bottom dock) and the score (the side dock).
 * Every part stays laid out while another is in front, so the run view and the board keep
 * their sizes.
 */
import { h } from '../../shell/dom';
import { Dock, type DockTab } from '../dock';
import './workbench.css';
import './phone.css';

/** The media query of a narrow screen; phone.css and inbox.css use the same width. */
export const NARROW_SCREEN = '(max-width: 760px)';

/** What is in front on a narrow screen. */
export type WorkbenchView = 'board' | 'run' | 'score';

export interface WorkbenchLayout {
  readonly element: HTMLElement;
  readonly palette: HTMLElement;
  readonly editor: HTMLElement;
  readonly editorOverlay: HTMLElement;
  readonly side: Dock;
  readonly bottom: Dock | null;
  /** Brings a view to the front on a narrow screen (a wide one shows them all anyway). */
  reveal(view: WorkbenchView): void;
}

const VIEWS: readonly { view: WorkbenchView; title: string }[] = [
  { view: 'board', title: 'Board' },
  { view: 'run', title: 'Run' },
  { view: 'score', title: 'Score' },
];

/** `board`: the editor's element to put in the middle, when a board is reopened; else a new one. */
export function workbenchLayout(
  sideTabs: readonly DockTab[],
  bottomTabs: readonly DockTab[],
  board?: HTMLElement,
): WorkbenchLayout {
  const palette = h('aside', {
    class: 'wb-palette',
    attrs: { 'aria-label': 'Nodes you may place', id: 'wb-palette' },
  });
  const editor =
    board ??
    h('div', {
      class: 'wb-editor',
      attrs: { 'aria-label': 'Wiring editor', tabindex: '-1' },
    });
  const drawer = new PaletteDrawer(palette);
  const editorOverlay = h('div', { class: 'wb-editor-overlay' }, drawer.toggle);
  const side = new Dock('side', sideTabs);
  const bottom = bottomTabs.length > 0 ? new Dock('bottom', bottomTabs, true) : null;
  const center = h(
    'div',
    { class: `wb-center${bottom ? ' with-bottom' : ''}` },
    h('div', { class: 'wb-editor-frame' }, editor, editorOverlay),
    bottom ? bottom.element : null,
  );
  side.element.classList.add('wb-side');
  const buttons = new Map<WorkbenchView, HTMLButtonElement>();
  const element = h(
    'div',
    { class: 'workbench', data: { screen: 'workbench', view: 'board' } },
    palette,
    center,
    side.element,
    drawer.scrim,
  );
  const reveal = (view: WorkbenchView): void => {
    element.dataset.view = view;
    if (view !== 'board') drawer.close();
    for (const [v, button] of buttons) button.setAttribute('aria-pressed', String(v === view));
  };
  const bar = h(
    'nav',
    { class: 'wb-views', attrs: { 'aria-label': 'Workbench views' } },
    ...VIEWS.filter(({ view }) => view !== 'run' || bottom !== null).map(({ view, title }) => {
      const button = h(
        'button',
        {
          class: 'wb-view',
          attrs: { type: 'button', 'aria-pressed': String(view === 'board') },
          data: { view },
          on: { click: () => reveal(view) },
        },
        title,
      );
      buttons.set(view, button);
      return button;
    }),
  );
  element.append(bar);
  return { element, palette, editor, editorOverlay, side, bottom, reveal };
}

/**
 * The palette as a drawer over the board on a narrow screen: a button on the board opens
 * it, and it closes when a node is placed from it, the backdrop is tapped or Esc pressed.
 * On a wide screen the palette is always shown and the button and backdrop are hidden.
 */
class PaletteDrawer {
  readonly toggle: HTMLButtonElement;
  readonly scrim: HTMLElement;

  constructor(private readonly palette: HTMLElement) {
    this.toggle = h(
      'button',
      {
        class: 'btn wb-drawer-toggle',
        attrs: {
          type: 'button',
          'aria-controls': 'wb-palette',
          'aria-expanded': 'false',
          title: 'Nodes you may place',
        },
        data: { action: 'palette' },
        on: { click: () => this.set(!this.isOpen) },
      },
      h('span', { attrs: { 'aria-hidden': 'true' } }, '+'),
      'Nodes',
    );
    this.scrim = h('div', { class: 'wb-scrim', on: { click: () => this.close() } });
    // A node placed from the drawer goes to the board, and so does the player's eye.
    palette.addEventListener('click', (event) => {
      if (event.target instanceof Element && event.target.closest('.palette-item')) this.close();
    });
    palette.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && this.isOpen) {
        this.close();
        this.toggle.focus();
      }
    });
  }

  private get isOpen(): boolean {
    return this.palette.classList.contains('open');
  }

  private set(open: boolean): void {
    this.palette.classList.toggle('open', open);
    this.scrim.classList.toggle('open', open);
    this.toggle.setAttribute('aria-expanded', String(open));
  }

  close(): void {
    this.set(false);
  }
}
