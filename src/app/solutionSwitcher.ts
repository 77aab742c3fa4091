/**
 * The top bar's list of this contract's saved solutions, to put another one on the board.
 * A wiring opened from a link is not one of them until kept, and the list says so.
 */
import { h, replace } from '../shell/dom';
import type { ContractRecord } from '../storage/save';

export class SolutionSwitcher {
  readonly element = h('select', {
    class: 'solution-switch',
    attrs: { 'aria-label': 'Solution' },
  });

  constructor(open: (id: string) => void) {
    this.element.addEventListener('change', () => open(this.element.value));
  }

  /** `record` is null for a contract played unsaved, which has no solutions to switch. */
  show(record: ContractRecord | null, activeId: string): void {
    const unsaved = record !== null && activeId === '';
    const own = (record?.solutions ?? []).map((s) =>
      h('option', { attrs: { value: s.id, selected: s.id === activeId } }, s.name),
    );
    // Only a link's wiring is on the board unsaved: say so, and set the player's own apart.
    replace(
      this.element,
      ...(unsaved
        ? [
            h(
              'option',
              { attrs: { value: '', selected: true, disabled: true } },
              'Shared, not saved',
            ),
            h('optgroup', { attrs: { label: 'Your solutions' } }, ...own),
          ]
        : own),
    );
    if (unsaved)
      this.element.title =
        'A wiring opened from a link: it is not one of your solutions until you save it';
    else this.element.removeAttribute('title');
    this.element.hidden = !record;
  }
}
