/** The message a player sees when the saved progress could not be read. */
import type { SaveProblem } from '../storage/localSave';
import { h } from '../shell/dom';
import { downloadText } from './download';

export function saveProblemBanner(problem: SaveProblem, dismiss: () => void): HTMLElement {
  const details = problem.details
    ? h(
        'details',
        null,
        h('summary', null, 'What was wrong'),
        h('pre', { class: 'banner-details' }, problem.details),
      )
    : null;
  return h(
    'div',
    { class: 'banner', attrs: { role: 'alert' }, data: { testid: 'save-problem' } },
    h('span', { class: 'banner-icon', attrs: { 'aria-hidden': 'true' } }, '⚠'),
    h(
      'div',
      null,
      h('p', null, problem.message),
      problem.backupKey
        ? h('p', { class: 'faint' }, `Kept as “${problem.backupKey}” in this browser.`)
        : null,
      details,
    ),
    problem.text
      ? h(
          'button',
          {
            class: 'btn small',
            on: { click: () => downloadText('loopwork-unreadable-save.json', problem.text) },
          },
          'Download the old save',
        )
      : null,
    h(
      'button',
      { class: 'btn small ghost', attrs: { 'aria-label': 'Dismiss' }, on: { click: dismiss } },
      'Dismiss',
    ),
  );
}
