/** The contract's hints, one at a time, on request: each leads closer without giving it away. */
import type { Level } from '../../model/level';
import { h, replace } from '../../shell/dom';

export class HintsPanel {
  readonly element = h('div', { class: 'hints panel-pad', data: { testid: 'hints' } });

  constructor(
    private readonly level: Level,
    private readonly reveal: () => void,
  ) {}

  show(shown: number): void {
    const hints = this.level.hints;
    const visible = hints.slice(0, shown);
    const left = hints.length - visible.length;
    replace(
      this.element,
      hints.length === 0
        ? h('p', { class: 'muted' }, 'This client left no hints. You are on your own!')
        : null,
      ...visible.map((hint, i) =>
        h(
          'div',
          { class: 'hint', data: { hint: String(i + 1) } },
          h('span', { class: 'hint-n' }, `Hint ${i + 1} of ${hints.length}`),
          hint,
        ),
      ),
      left > 0
        ? h(
            'button',
            { class: 'btn', data: { action: 'hint' }, on: { click: () => this.reveal() } },
            visible.length === 0 ? 'Show a hint' : `Show another hint (${left} left)`,
          )
        : hints.length > 0
          ? h('p', { class: 'faint' }, 'That was the last hint.')
          : null,
    );
  }
}
