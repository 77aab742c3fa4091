/**
 * A tabbed dock: the game's own tabs and the registered panels share one strip. A tab's
 * content is built the first time it is shown, so a heavy panel (the pixi run view) loads
 * only when the player asks for it.
 */
import type { PanelContext, PanelDef } from '../shell/panels';
import { h } from '../shell/dom';

export interface DockTab {
  readonly id: string;
  readonly title: string;
  readonly order: number;
  mount(host: HTMLElement): void | (() => void) | Promise<void | (() => void)>;
}

export class Dock {
  readonly element: HTMLElement;
  private readonly strip: HTMLElement;
  private readonly body: HTMLElement;
  private readonly hosts = new Map<string, HTMLElement>();
  private readonly buttons = new Map<string, HTMLButtonElement>();
  private readonly teardowns: (() => void)[] = [];

  private shown: string | null = null;

  /** `collapsible`: pressing the open tab again folds the dock down to its tab strip. */
  constructor(
    private readonly name: string,
    private readonly tabs: readonly DockTab[],
    private readonly collapsible = false,
  ) {
    this.strip = h('div', { class: 'dock-tabs', attrs: { role: 'tablist', 'aria-label': name } });
    this.body = h('div', { class: 'dock-body' });
    this.element = h('section', { class: 'dock', data: { dock: name } }, this.strip, this.body);
    const sorted = [...tabs].sort((a, b) => a.order - b.order);
    for (const tab of sorted) {
      const button = h(
        'button',
        {
          class: 'dock-tab',
          attrs: {
            role: 'tab',
            'aria-selected': 'false',
            id: `tab-${name}-${tab.id}`,
            'aria-controls': `panel-${name}-${tab.id}`,
          },
          data: { tab: tab.id },
          on: { click: () => this.press(tab.id) },
        },
        tab.title,
      );
      button.addEventListener('keydown', (event) => this.arrowKeys(event, sorted, tab.id));
      this.buttons.set(tab.id, button);
      this.strip.append(button);
    }
    if (sorted[0]) this.show(sorted[0].id);
  }

  /** Shows a tab, building it the first time. */
  private press(id: string): void {
    if (this.collapsible && id === this.shown)
      this.fold(!this.element.classList.contains('collapsed'));
    else this.show(id);
  }

  private fold(collapsed: boolean): void {
    this.element.classList.toggle('collapsed', collapsed);
    for (const button of this.buttons.values())
      button.setAttribute('aria-expanded', String(!collapsed));
  }

  /** Whether this dock has a tab with this id. */
  has(id: string): boolean {
    return this.tabs.some((t) => t.id === id);
  }

  show(id: string): void {
    const tab = this.tabs.find((t) => t.id === id);
    if (!tab) return;
    this.shown = id;
    if (this.collapsible) this.fold(false);
    for (const [tabId, button] of this.buttons) {
      const on = tabId === id;
      button.setAttribute('aria-selected', String(on));
      button.tabIndex = on ? 0 : -1;
    }
    let host = this.hosts.get(id);
    if (!host) {
      host = h('div', {
        class: 'dock-panel',
        attrs: {
          role: 'tabpanel',
          id: `panel-${this.name}-${id}`,
          'aria-labelledby': `tab-${this.name}-${id}`,
        },
        data: { panel: id },
      });
      this.hosts.set(id, host);
      this.body.append(host);
      const target = host;
      Promise.resolve()
        .then(() => tab.mount(target))
        .then((teardown) => {
          if (typeof teardown === 'function') this.teardowns.push(teardown);
        })
        .catch((error: unknown) => {
          console.error(error);
          target.replaceChildren(
            h('p', { class: 'panel-error' }, `This panel could not open: ${String(error)}`),
          );
        });
    }
    for (const [tabId, element] of this.hosts) element.hidden = tabId !== id;
  }

  destroy(): void {
    for (const teardown of this.teardowns) teardown();
    this.teardowns.length = 0;
  }

  private arrowKeys(event: KeyboardEvent, sorted: readonly DockTab[], id: string): void {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const at = sorted.findIndex((t) => t.id === id);
    const next =
      sorted[(at + (event.key === 'ArrowRight' ? 1 : sorted.length - 1)) % sorted.length];
    if (!next) return;
    event.preventDefault();
    this.show(next.id);
    this.buttons.get(next.id)?.focus();
  }
}

/** Turns registered panels into dock tabs that mount with the shared context. */
export function panelTabs(panels: readonly PanelDef[], context: PanelContext): DockTab[] {
  return panels.map((panel) => ({
    id: panel.id,
    title: panel.title,
    order: panel.order ?? 50,
    mount: (host: HTMLElement) => panel.mount(host, context),
  }));
}
