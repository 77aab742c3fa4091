/** Short messages in the corner that fade on their own; announced to screen readers. */
import { h } from '../shell/dom';

export class Toasts {
  readonly element = h('div', {
    class: 'toasts',
    attrs: { role: 'status', 'aria-live': 'polite' },
  });

  show(message: string, tone: 'info' | 'good' | 'bad' = 'info', ms = 4500): void {
    const toast = h('div', { class: `toast ${tone}`, data: { tone } }, message);
    this.element.append(toast);
    while (this.element.children.length > 4) this.element.firstElementChild?.remove();
    setTimeout(() => toast.remove(), ms);
  }
}
