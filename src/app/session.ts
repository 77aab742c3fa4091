/**
 * One contract open on the workbench: the layout, the editor, runs and re-scores, the
 * saved solutions. It keeps the store (what panels read) and the save in step.
 */
import type { Level } from '../model/level';
import type { Solution } from '../model/solution';
import type { SimResult } from '../engine/result';
import { h, replace } from '../ui/dom';
import { panelTabs, type DockTab } from '../ui/dock';
import { workbenchLayout, type WorkbenchLayout } from '../ui/workbench/layout';
import type { Toasts } from '../ui/toasts';
import { contractTerms } from '../ui/inbox/terms';
import { recordOf } from '../storage/progress';
import type { ProgressKeeper } from './progressKeeper';
import type { GameStore } from './store';
import { panelsIn } from './panels';
import { startingWiring } from '../editor/starting';

export interface SessionOptions {
  readonly level: Level;
  /** Campaign contracts keep their solutions in the save; custom ones are played unsaved. */
  readonly saved: boolean;
  readonly store: GameStore;
  readonly progress: ProgressKeeper;
  readonly toasts: Toasts;
  readonly topbar: HTMLElement;
  back(): void;
  nextContract(): void;
}

export class ContractSession {
  readonly element: HTMLElement;
  private readonly layout: WorkbenchLayout;
  private readonly level: Level;

  constructor(private readonly options: SessionOptions) {
    this.level = options.level;
    const own: DockTab[] = [
      { id: 'brief', title: 'Brief', order: 0, mount: (host) => this.mountBrief(host) },
    ];
    this.layout = workbenchLayout(
      [...own, ...panelTabs(panelsIn('side'), options.store)],
      panelTabs(panelsIn('bottom'), options.store),
    );
    this.element = this.layout.element;
    this.renderTopbar();
  }

  /** Opens the wiring: the given one, else the active saved solution, else the starting wiring. */
  start(solution?: Solution): void {
    const wiring = solution ?? startingWiring(this.level);
    this.options.store.setLevel(this.level, wiring);
  }

  run(): Promise<SimResult | null> {
    return Promise.resolve(null);
  }

  select(_nodes: readonly string[]): void {}

  keep(_solution: Solution, _name: string): void {}

  close(): void {
    this.layout.side.destroy();
    this.layout.bottom?.destroy();
  }

  private renderTopbar(): void {
    const toolbar = h('div', { class: 'toolbar-plugins' });
    for (const panel of panelsIn('toolbar')) {
      const host = h('div', { class: 'plugin-control', data: { panel: panel.id } });
      toolbar.append(host);
      void Promise.resolve(panel.mount(host, this.options.store)).catch((e: unknown) =>
        console.error(e),
      );
    }
    replace(
      this.options.topbar,
      h('span', { class: 'topbar-sep' }),
      h(
        'button',
        { class: 'btn ghost', data: { action: 'inbox' }, on: { click: () => this.options.back() } },
        '← Inbox',
      ),
      h('span', { class: 'contract-title' }, this.level.title),
      toolbar,
    );
  }

  private mountBrief(host: HTMLElement): void {
    const record = recordOf(this.options.progress.save, this.level.id);
    host.append(
      h(
        'div',
        { class: 'panel-pad brief' },
        h('h2', { class: 'brief-subject' }, this.level.email.subject),
        h('p', { class: 'faint' }, `From ${this.level.email.from}`),
        h('div', { class: 'brief-body' }, this.level.email.body),
        contractTerms(this.level, record.bestGrade, record.paid),
      ),
    );
  }
}
