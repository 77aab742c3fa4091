/**
 * The inbox: contracts arrive as e-mails. A list on the left (new, in progress, done with
 * its grade, and the sealed ones still to come), the open e-mail and its terms on the right.
 * On a narrow screen the list and the e-mail are two views, one at a time, like a phone's
 * mail app: opening an e-mail shows it, and its back button returns to the list.
 */
import type { Level } from '../../model/level';
import type { SaveFile } from '../../storage/save';
import { isUnlocked, recordOf } from '../../storage/progress';
import { h, replace } from '../../shell/dom';
import { money } from '../../shell/format';
import { contractTerms } from './terms';
import { gradeBadge } from '../grade';
import './inbox.css';

export interface InboxActions {
  /** The player opened an e-mail. */
  read(level: Level): void;
  /** The player accepted (or went back to) a contract. */
  accept(level: Level): void;
}

type Status = 'new' | 'accepted' | 'done' | 'locked';

function statusOf(save: SaveFile, level: Level): Status {
  const record = recordOf(save, level.id);
  // A contract taken early (from a shared link) is in the inbox like any other.
  if (!isUnlocked(save, level) && !record.accepted) return 'locked';
  if (record.paid) return 'done';
  if (record.accepted) return 'accepted';
  return 'new';
}

export class Inbox {
  readonly element: HTMLElement;
  private readonly list: HTMLElement;
  private readonly reader: HTMLElement;
  private readonly header: HTMLElement;
  private selected: string | null = null;

  constructor(
    private readonly levels: readonly Level[],
    private save: SaveFile,
    private readonly actions: InboxActions,
    extraControls: HTMLElement,
  ) {
    this.header = h('div', { class: 'inbox-count' });
    this.list = h('ul', { class: 'mail-list', attrs: { 'aria-label': 'Contracts' } });
    // Up and down move between e-mails, like in a mail client.
    this.list.addEventListener('keydown', (event) => {
      if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
      const rows = [...this.list.querySelectorAll<HTMLButtonElement>('.mail-row')];
      const at = rows.indexOf(document.activeElement as HTMLButtonElement);
      const next =
        rows[Math.max(0, Math.min(rows.length - 1, at + (event.key === 'ArrowDown' ? 1 : -1)))];
      if (!next) return;
      event.preventDefault();
      next.focus();
      next.click();
    });
    this.reader = h('article', { class: 'mail-reader', attrs: { 'aria-live': 'polite' } });
    this.element = h(
      'div',
      { class: 'inbox', data: { screen: 'inbox' } },
      h(
        'aside',
        { class: 'mail-column' },
        h(
          'header',
          { class: 'mail-column-head' },
          h('h1', null, 'Inbox'),
          this.header,
          extraControls,
        ),
        this.list,
      ),
      this.reader,
    );
    this.showList();
    const first =
      levels.find((l) => statusOf(save, l) === 'new') ??
      levels.find((l) => statusOf(save, l) !== 'locked');
    this.selected = first?.id ?? null;
    this.render();
  }

  update(save: SaveFile): void {
    this.save = save;
    this.render();
  }

  /** Shows one contract's e-mail (the campaign's first unread one by default). */
  open(levelId: string): void {
    this.selected = levelId;
    this.element.dataset.view = 'mail';
    const level = this.levels.find((l) => l.id === levelId);
    if (level && statusOf(this.save, level) !== 'locked') this.actions.read(level);
    this.render();
  }

  /** Back to the list of e-mails (a narrow screen shows one or the other). */
  private showList(): void {
    this.element.dataset.view = 'list';
    const row = this.list.querySelector<HTMLElement>('.mail-row[aria-current="true"]');
    row?.focus({ preventScroll: true });
  }

  private render(): void {
    const visible = this.levels.filter((l) => statusOf(this.save, l) !== 'locked');
    const locked = this.levels.filter((l) => statusOf(this.save, l) === 'locked');
    // Only the contracts one delivery away are teased; the rest of the campaign stays a surprise.
    const shown = new Set(visible.map((l) => l.id));
    const next = locked.filter((l) => l.requires.every((id) => shown.has(id)));
    const later = locked.length - next.length;
    const unread = visible.filter((l) => !recordOf(this.save, l.id).read).length;
    replace(this.header, unread > 0 ? `${unread} new` : visible.length > 0 ? 'All read' : '');
    replace(
      this.list,
      ...visible.map((level) => this.row(level)),
      locked.length > 0
        ? h('li', { class: 'mail-divider', attrs: { role: 'presentation' } }, 'Coming up')
        : null,
      ...next.map((level) => this.lockedRow(level)),
      later > 0
        ? h(
            'li',
            { class: 'mail-later' },
            `and ${later} more contract${later === 1 ? '' : 's'} further on`,
          )
        : null,
    );
    if (this.levels.length === 0) {
      replace(
        this.reader,
        h(
          'div',
          { class: 'mail-empty' },
          h('h2', null, 'No contracts yet'),
          h('p', { class: 'muted' }, 'The campaign has no contracts to show.'),
        ),
      );
      return;
    }
    const level = visible.find((l) => l.id === this.selected) ?? visible[0];
    if (level) this.renderReader(level);
  }

  private row(level: Level): HTMLElement {
    const record = recordOf(this.save, level.id);
    const status = statusOf(this.save, level);
    const chip =
      status === 'done'
        ? gradeBadge(record.bestGrade, true)
        : h('span', { class: `chip chip-${status}` }, status === 'new' ? 'New' : 'In progress');
    const button = h(
      'button',
      {
        class: 'mail-row',
        attrs: { 'aria-current': level.id === this.selected ? 'true' : undefined },
        data: { contract: level.id },
        on: { click: () => this.open(level.id) },
      },
      h('span', {
        class: `mail-dot${record.read ? '' : ' unread'}`,
        attrs: { 'aria-hidden': 'true' },
      }),
      h(
        'span',
        { class: 'mail-row-main' },
        h('span', { class: 'mail-from' }, level.email.from),
        h('span', { class: 'mail-subject' }, level.email.subject),
      ),
      h(
        'span',
        { class: 'mail-row-side' },
        h('span', { class: 'mail-pay' }, money(level.pay)),
        chip,
      ),
    );
    if (!record.read) button.setAttribute('aria-label', `Unread: ${level.email.subject}`);
    return h('li', null, button);
  }

  private lockedRow(level: Level): HTMLElement {
    const waiting = level.requires
      .filter((id) => !recordOf(this.save, id).paid)
      .map((id) => this.levels.find((l) => l.id === id)?.title ?? id);
    return h(
      'li',
      { class: 'mail-locked', data: { contract: level.id, locked: 'true' } },
      h('span', { class: 'lock', attrs: { 'aria-hidden': 'true' } }),
      h('span', null, waiting.length > 0 ? `After “${waiting.join('”, “')}”` : 'Sealed'),
    );
  }

  private renderReader(level: Level): void {
    const record = recordOf(this.save, level.id);
    const status = statusOf(this.save, level);
    const acceptLabel =
      status === 'new'
        ? 'Accept contract'
        : status === 'done'
          ? 'Improve your solution'
          : 'Back to work';
    replace(
      this.reader,
      h(
        'button',
        {
          class: 'btn ghost mail-back',
          attrs: { type: 'button' },
          data: { action: 'mail-list' },
          on: { click: () => this.showList() },
        },
        '← All contracts',
      ),
      h(
        'header',
        { class: 'mail-head' },
        h('h2', { class: 'mail-title' }, level.email.subject),
        h(
          'div',
          { class: 'mail-meta' },
          h('span', null, h('span', { class: 'faint' }, 'From '), level.email.from),
          h('span', { class: 'faint' }, `Chapter ${level.chapter} · ${level.title}`),
        ),
      ),
      h('div', { class: 'mail-body' }, level.email.body),
      contractTerms(level, record.bestGrade, status === 'done'),
      h(
        'div',
        { class: 'mail-actions' },
        h(
          'button',
          {
            class: 'btn primary big',
            data: { action: 'accept' },
            on: { click: () => this.actions.accept(level) },
          },
          acceptLabel,
        ),
        h(
          'span',
          { class: 'muted' },
          status === 'done'
            ? `Paid ${money(level.pay)}`
            : `Pays ${money(level.pay)} when every goal is met`,
        ),
      ),
    );
  }
}
