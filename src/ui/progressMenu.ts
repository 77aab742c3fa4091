/**
 * The player's save as a file: export it (to keep or move to another browser) and import
 * one back. An imported file is validated like any stored save; the progress it replaces
 * is downloaded first, so an import can never lose anything.
 */
import { InputErrors } from '../model/errors';
import { parseSave, type SaveFile } from '../storage/save';
import { ask } from './ask';
import { h } from '../shell/dom';
import { downloadText } from '../shell/download';
import { money } from '../shell/format';
import { PROGRESS_FILE } from './saveBanner';

export interface ProgressMenuActions {
  current(): SaveFile;
  /** Unreadable saves kept aside: their storage key and text, oldest first. */
  keptAside(): Promise<readonly { key: string; text: string }[]>;
  replace(save: SaveFile): void;
  notify(message: string, tone: 'info' | 'good' | 'bad'): void;
}

/** A save file larger than this is not a Loopwork save. */
const MAX_BYTES = 5 * 1024 * 1024;

function summary(save: SaveFile): string {
  const delivered = Object.values(save.contracts).filter((c) => c.paid).length;
  return `${money(save.balance)}, ${delivered} contract${delivered === 1 ? '' : 's'} delivered`;
}

export function progressMenu(actions: ProgressMenuActions): HTMLElement {
  const input = h('input', {
    attrs: { type: 'file', accept: '.json,application/json', hidden: true },
  });
  const items = h('div', { class: 'menu-items', attrs: { role: 'menu' } });
  const menu = h(
    'details',
    { class: 'menu progress-menu' },
    h('summary', { class: 'btn ghost small', attrs: { title: 'Your saved progress' } }, 'Progress'),
    items,
    input,
  );
  const item = (label: string, action: string, run: () => void): HTMLElement =>
    h(
      'button',
      {
        class: 'menu-item',
        attrs: { role: 'menuitem' },
        data: { action },
        on: {
          click: () => {
            run();
            menu.open = false;
          },
        },
      },
      label,
    );
  const fixed = [
    item('Export to a file', 'export-save', () =>
      downloadText(PROGRESS_FILE, JSON.stringify(actions.current(), null, 2)),
    ),
    item('Import from a file…', 'import-save', () => input.click()),
  ];
  // Built each time the menu opens, so it lists what is kept aside now.
  menu.addEventListener('toggle', () => {
    if (!menu.open) return;
    items.replaceChildren(...fixed);
    void actions.keptAside().then((kept) => {
      if (!menu.open) return;
      items.replaceChildren(
        ...fixed,
        ...kept.map(({ key, text }) => {
          const when = Number(key.slice(key.lastIndexOf('.') + 1));
          const date = Number.isFinite(when) ? new Date(when).toLocaleString() : key;
          return item(`Download the unreadable save kept on ${date}`, 'download-kept', () =>
            downloadText(`loopwork-unreadable-save-${when}.json`, text),
          );
        }),
      );
    });
  });
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (file.size > MAX_BYTES) {
      actions.notify('That file is far too large to be a Loopwork save.', 'bad');
      return;
    }
    void file.text().then(async (text) => {
      let save: SaveFile;
      try {
        // A repaired file is offered as repaired: the question below shows what it holds.
        save = parseSave(text).save;
      } catch (error) {
        const detail =
          error instanceof InputErrors
            ? error.errors
                .slice(0, 3)
                .map((e) => e.message)
                .join('; ')
            : String(error);
        actions.notify(`That file is not a save this game can read: ${detail}`, 'bad');
        return;
      }
      const now = actions.current();
      const ok = await ask({
        title: 'Replace your progress?',
        message: `Your progress now: ${summary(now)}.\nThe file’s: ${summary(save)}.\nYour current progress is downloaded first, so you can go back.`,
        yes: 'Replace my progress',
        no: 'Keep my progress',
      });
      if (!ok) {
        actions.notify(`Nothing imported: your progress (${summary(now)}) is as it was.`, 'info');
        return;
      }
      downloadText('loopwork-progress-before-import.json', JSON.stringify(now, null, 2));
      actions.replace(save);
      actions.notify('Progress imported.', 'good');
    });
  });
  // A click elsewhere closes the menu, as menus do.
  document.addEventListener('pointerdown', (event) => {
    if (menu.open && !menu.contains(event.target as Node)) menu.open = false;
  });
  menu.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      menu.open = false;
      menu.querySelector('summary')?.focus();
    }
  });
  return menu;
}
