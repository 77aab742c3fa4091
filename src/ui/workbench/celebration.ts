/** The moment a contract is delivered: the pay, the grade, and what it unlocked. */
import type { Grade } from '../../engine/result';
import { h } from '../../shell/dom';
import { money } from '../../shell/format';
import { gradeBadge } from '../grade';

export interface Celebration {
  readonly title: string;
  readonly paid: number;
  readonly grade: Grade;
  readonly unlocked: readonly string[];
  /**
   * Set when the browser would not keep the delivery (storage full or blocked): the dialog
   * says so instead of implying it is saved, and offers the progress file.
   */
  readonly unsaved?: () => void;
}

export function celebrate(
  info: Celebration,
  actions: { inbox(): void; stay(): void },
): HTMLDialogElement {
  const dialog = h(
    'dialog',
    { class: 'celebration', data: { testid: 'celebration' } },
    h('div', { class: 'celebration-burst', attrs: { 'aria-hidden': 'true' } }, '★'),
    h('h2', null, 'Contract delivered'),
    h('p', { class: 'celebration-title' }, info.title),
    h(
      'div',
      { class: 'celebration-row' },
      info.paid > 0 ? h('span', { class: 'celebration-pay' }, `+${money(info.paid)}`) : null,
      gradeBadge(info.grade, true),
    ),
    info.unlocked.length > 0
      ? h('p', { class: 'celebration-unlocked' }, `New in your inbox: ${info.unlocked.join(', ')}`)
      : null,
    info.unsaved
      ? h(
          'div',
          { class: 'celebration-unsaved', data: { testid: 'delivery-unsaved' } },
          h(
            'p',
            null,
            'This browser would not save it: the delivery is kept only while this tab stays open. Download your progress to keep it.',
          ),
          h(
            'button',
            {
              class: 'btn small',
              data: { action: 'download-progress' },
              on: { click: info.unsaved },
            },
            'Download your progress',
          ),
        )
      : null,
    h(
      'div',
      { class: 'celebration-actions' },
      h(
        'button',
        { class: 'btn', data: { action: 'stay' }, on: { click: () => close(actions.stay) } },
        'Keep improving',
      ),
      h(
        'button',
        {
          class: 'btn primary',
          data: { action: 'to-inbox' },
          on: { click: () => close(actions.inbox) },
        },
        'Back to the inbox',
      ),
    ),
  );
  const close = (then: () => void): void => {
    dialog.close();
    dialog.remove();
    then();
  };
  dialog.addEventListener('cancel', () => {
    dialog.remove();
    actions.stay();
  });
  document.body.append(dialog);
  dialog.showModal();
  return dialog;
}
