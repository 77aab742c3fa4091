/** A dialog that tells the player why a link or a contract file could not be used. Text only. */
import { h } from '../../shell/dom';
import './share.css';

export interface NoticeContent {
  readonly title: string;
  readonly message: string;
  /** Specifics (validation errors with their JSON paths), shown under the message. */
  readonly details?: readonly string[];
  /** For tests and styling: the refusal's reason. */
  readonly reason?: string;
}

const MAX_DETAILS = 12;

/** Builds the message block: title, message, and at most a dozen details. */
export function noticeBody(content: NoticeContent): HTMLElement {
  const details = content.details ?? [];
  return h(
    'div',
    { class: 'share-notice-body' },
    h('h2', null, content.title),
    h('p', { class: 'share-notice-message' }, content.message),
    details.length > 0
      ? h(
          'ul',
          { class: 'share-notice-details mono' },
          ...details.slice(0, MAX_DETAILS).map((d) => h('li', null, d)),
          details.length > MAX_DETAILS
            ? h('li', { class: 'faint' }, `…and ${details.length - MAX_DETAILS} more`)
            : null,
        )
      : null,
  );
}

/** Shows a modal notice; resolves when the player closes it. */
export function showNotice(content: NoticeContent): Promise<void> {
  return new Promise((resolve) => {
    const dialog = h(
      'dialog',
      {
        class: 'share-notice',
        data: { testid: 'share-notice', reason: content.reason ?? '' },
        attrs: { 'aria-label': content.title },
      },
      noticeBody(content),
      h('p', { class: 'faint' }, 'Your own contracts, solutions and balance are untouched.'),
      h(
        'div',
        { class: 'share-notice-actions' },
        h('button', { class: 'btn primary', on: { click: () => dialog.close() } }, 'OK'),
      ),
    );
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve();
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}
