/**
 * The palette: the nodes this contract lets the player place, with how many are left.
 * Drag one onto the editor (or press Enter on it) to place it; the contract's limits
 * (at most N nodes, parameters up to M) show on each entry.
 */
import type { Level } from '../model/level';
import { NODE_SPECS, NODE_TYPES, type NodeCategory, type NodeType } from '../model/vocabulary';
import { h, replace } from '../shell/dom';

export const PALETTE_MIME = 'application/x-loopwork-node';

const GROUPS: readonly { title: string; categories: readonly NodeCategory[] }[] = [
  { title: 'Work', categories: ['step'] },
  { title: 'Concurrency', categories: ['spawner'] },
  { title: 'Control', categories: ['wrapper', 'router'] },
  { title: 'Offload', categories: ['offload'] },
  { title: 'Beside main()', categories: ['background'] },
];

/** Node types the player may place in this contract: Step always, the rest as the palette says. */
export function placeableTypes(level: Level): NodeType[] {
  return NODE_TYPES.filter((type) => {
    const category = NODE_SPECS[type].category;
    if (category === 'given') return false;
    return category === 'step' || level.palette[type] !== undefined;
  });
}

export class Palette {
  readonly element: HTMLElement;
  private readonly list: HTMLElement;

  constructor(
    private readonly level: Level,
    private readonly remaining: (type: NodeType) => number,
    /** `byKey`: the entry was pressed with Enter or Space, not clicked. */
    private readonly place: (type: NodeType, byKey: boolean) => void,
  ) {
    this.list = h('div', { class: 'palette-groups' });
    this.element = h(
      'div',
      { class: 'palette' },
      h('h2', { class: 'palette-title' }, 'Nodes'),
      h(
        'p',
        { class: 'palette-help' },
        'Drag onto the board, into a box to nest it (or tap, or press Enter: it lands in the middle).',
      ),
      this.list,
    );
    this.render();
  }

  render(): void {
    const types = placeableTypes(this.level);
    replace(
      this.list,
      ...GROUPS.map((group) => {
        const inGroup = types.filter((t) => group.categories.includes(NODE_SPECS[t].category));
        if (inGroup.length === 0) return null;
        return h(
          'section',
          { class: 'palette-group' },
          h('h3', null, group.title),
          ...inGroup.map((type) => this.item(type)),
        );
      }),
    );
  }

  private item(type: NodeType): HTMLElement {
    const spec = NODE_SPECS[type];
    const left = this.remaining(type);
    const entry = this.level.palette[type];
    const limits = Object.entries(entry?.limits ?? {}).map(([param, max]) => {
      const label = spec.params.find((p) => p.name === param)?.label ?? param;
      return `${label.replace(/ \(.*\)$/, '').toLowerCase()} ≤ ${max}`;
    });
    const disabled = left <= 0;
    const item = h(
      'button',
      {
        class: `palette-item cat-${spec.category}`,
        attrs: {
          draggable: disabled ? undefined : 'true',
          disabled,
          title: `${spec.blurb}\n${spec.python}`,
          'aria-label': `${spec.label}: ${spec.blurb}${Number.isFinite(left) ? ` ${left} left.` : ''}`,
        },
        data: { nodeType: type },
        on: {
          // A click from the keyboard has no pointer press behind it (detail 0).
          click: (event) => this.place(type, event.detail === 0),
          dragstart: (event) => {
            event.dataTransfer?.setData(PALETTE_MIME, type);
            event.dataTransfer?.setData('text/plain', spec.label);
            if (event.dataTransfer) event.dataTransfer.effectAllowed = 'copy';
          },
        },
      },
      h(
        'span',
        { class: 'palette-glyph', attrs: { 'aria-hidden': 'true' } },
        NODE_SPECS[type].glyph,
      ),
      h(
        'span',
        { class: 'palette-text' },
        h('span', { class: 'palette-label' }, spec.label),
        limits.length > 0 ? h('span', { class: 'palette-limit' }, limits.join(', ')) : null,
      ),
      Number.isFinite(left)
        ? h(
            'span',
            {
              class: `palette-count${disabled ? ' none' : ''}`,
              attrs: { title: 'How many more you may place' },
            },
            `${left}`,
          )
        : null,
    );
    return item;
  }
}
