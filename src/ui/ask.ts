/**
 * A question in the game's own dialog (not the browser's `confirm`): a title, what will
 * happen, and two buttons. Resolves true for the confirming button, false for the other,
 * Escape or closing the dialog. Text only: nothing in it becomes markup.
 */
import { h } from '../shell/dom';
import './ask.css';

export interface Question {
  readonly title: string;
  readonly message: string;
  /** The confirming button's label, e.g. "Replace my progress". */
  readonly yes: string;
  /** The declining button's label; "Cancel" by default. */
  readonly no?: string;
}

/** Asks the player; resolves with their answer once the dialog is closed. */
export function ask(question: Question): Promise<boolean> {
  return new Promise((resolve) => {
    let answer = false;
    const answerWith = (value: boolean) => () => {
      answer = value;
      dialog.close();
    };
    const dialog = h(
      'dialog',
      {
        class: 'ask-dialog',
        data: { testid: 'ask' },
        attrs: { 'aria-label': question.title },
      },
      h('h2', null, question.title),
      h('p', { class: 'ask-message' }, question.message),
      h(
        'div',
        { class: 'ask-actions' },
        h(
          'button',
          { class: 'btn', data: { action: 'ask-no' }, on: { click: answerWith(false) } },
          question.no ?? 'Cancel',
        ),
        h(
          'button',
          { class: 'btn primary', data: { action: 'ask-yes' }, on: { click: answerWith(true) } },
          question.yes,
        ),
      ),
    );
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(answer);
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}
