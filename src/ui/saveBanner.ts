/** The messages a player sees about saved progress: a save that could not be read, a full storage. */
import type { SaveProblem } from '../storage/localSave';
import type { SaveFile } from '../storage/save';
import type { Keeping } from '../storage/saveShelf';
import { h } from '../shell/dom';
import { downloadText } from '../shell/download';

/** The file name progress is downloaded under, as the Progress menu exports it. */
export const PROGRESS_FILE = 'loopwork-progress.json';

/**
 * The banner about a save that was repaired or could not be read. When it was kept
 * nowhere, it cannot be dismissed: it stays until the player downloads the old save.
 */
export function saveProblemBanner(
  problem: SaveProblem,
  actions: { dismiss(): void; downloaded(): void },
): HTMLElement {
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
            on: {
              click: () => {
                downloadText('loopwork-unreadable-save.json', problem.text);
                actions.downloaded();
              },
            },
          },
          'Download the old save',
        )
      : null,
    problem.backupKey !== null || !problem.text
      ? h(
          'button',
          {
            class: 'btn small ghost',
            attrs: { 'aria-label': 'Dismiss' },
            on: { click: actions.dismiss },
          },
          'Dismiss',
        )
      : null,
  );
}

/**
 * The banner shown while progress is not in localStorage: kept in IndexedDB instead, or
 * only in this tab's memory. Either way the progress file is offered at once.
 */
export function keepingBanner(
  where: Exclude<Keeping, 'stored'>,
  current: () => SaveFile,
): HTMLElement {
  const message =
    where === 'spare'
      ? 'This browser’s storage for saves is full, so your progress is kept in its database instead. Download it too, to be safe.'
      : 'Your progress could not be saved: this browser’s storage is full or blocked. It is kept while this tab stays open, and saving is tried again; download it now so nothing is lost.';
  return h(
    'div',
    {
      class: 'banner',
      attrs: { role: where === 'memory' ? 'alert' : 'status' },
      data: { testid: 'save-keeping', keeping: where },
    },
    h('span', { class: 'banner-icon', attrs: { 'aria-hidden': 'true' } }, '⚠'),
    h('div', null, h('p', null, message)),
    h(
      'button',
      {
        class: 'btn small',
        data: { action: 'download-progress' },
        on: { click: () => downloadText(PROGRESS_FILE, JSON.stringify(current(), null, 2)) },
      },
      'Download your progress',
    ),
  );
}
