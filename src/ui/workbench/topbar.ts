/** The workbench's part of the top bar: back to the inbox, the contract, its solutions, plug-in controls, Run. */
import type { PanelContext } from '../../shell/panels';
import { panelsIn } from '../../shell/panels';
import type { Level } from '../../model/level';
import { h } from '../../shell/dom';

export interface TopbarParts {
  readonly level: Level;
  readonly switcher: HTMLSelectElement;
  readonly runButton: HTMLButtonElement;
  readonly context: PanelContext;
  back(): void;
}

export function runButton(run: () => void): HTMLButtonElement {
  return h(
    'button',
    {
      class: 'btn primary run-button',
      data: { action: 'run' },
      attrs: { title: 'Run the wiring and deliver it (Space)' },
      on: { click: run },
    },
    h('span', { attrs: { 'aria-hidden': 'true' } }, '▶'),
    'Run',
    h('span', { class: 'kbd' }, 'Space'),
  );
}

export function workbenchTopbar(parts: TopbarParts): HTMLElement[] {
  const toolbar = h('div', { class: 'toolbar-plugins' });
  for (const panel of panelsIn('toolbar')) {
    const host = h('div', { class: 'plugin-control', data: { panel: panel.id } });
    toolbar.append(host);
    void Promise.resolve(panel.mount(host, parts.context)).catch((e: unknown) => console.error(e));
  }
  return [
    h('span', { class: 'topbar-sep' }),
    h(
      'button',
      { class: 'btn ghost', data: { action: 'inbox' }, on: { click: () => parts.back() } },
      '← Inbox',
    ),
    h(
      'span',
      { class: 'contract-title', attrs: { title: parts.level.email.subject } },
      parts.level.title,
    ),
    parts.switcher,
    h('span', { class: 'spacer' }),
    toolbar,
    parts.runButton,
  ];
}
