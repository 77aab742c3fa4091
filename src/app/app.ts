/**
 * The game's frame and its two screens: the inbox and the workbench. It owns the save
 * and the store, and moves the player between contracts.
 */
import type { Level } from '../model/level';
import type { Solution } from '../model/solution';
import type { LoadedSave, SaveProblem } from '../storage/localSave';
import { SaveShelf, type Keeping } from '../storage/saveShelf';
import { indexedDbSpare } from './spareStore';
import { accept, isUnlocked, markRead } from '../storage/progress';
import { emptySave } from '../storage/save';
import { h, replace } from '../shell/dom';
import { money } from '../shell/format';
import { Inbox } from '../ui/inbox/inbox';
import { Toasts } from '../ui/toasts';
import { progressMenu } from '../ui/progressMenu';
import { keepingBanner, saveProblemBanner } from '../ui/saveBanner';
import { loadCampaign, type Campaign } from './campaign';
import { panelsIn, startupHooks, type ContractOrigin } from '../shell/panels';
import { ProgressKeeper } from './progressKeeper';
import { GameStore } from './store';
import { ContractSession } from './session';
import { KeptBoards } from './keptBoards';
import { startingWiring } from '../editor/starting';

export class App {
  readonly store: GameStore;
  readonly progress: ProgressKeeper;
  readonly toasts = new Toasts();
  private readonly screen = h('main', { class: 'screen' });
  private readonly banner = h('div', { class: 'banner-slot' });
  private readonly keepingSlot = h('div', { class: 'banner-slot' });
  private readonly topbar: HTMLElement;
  private readonly balance = h('span', {
    class: 'balance',
    attrs: { title: 'Your balance', 'data-testid': 'balance' },
  });
  private readonly topbarContext = h('div', { class: 'topbar-context' });
  private inbox: Inbox | null = null;
  private session: ContractSession | null = null;
  private readonly boards = new KeptBoards();

  constructor(
    private readonly root: HTMLElement,
    private readonly campaign: Campaign,
    saved: LoadedSave,
    shelf: SaveShelf | null,
  ) {
    // An unreadable save with no copy elsewhere is not overwritten until the player has it.
    const hold =
      saved.problem !== null && saved.problem.backupKey === null && saved.problem.text !== '';
    this.progress = new ProgressKeeper(saved.save, shelf, (where) => this.showKeeping(where), hold);
    this.store = new GameStore({
      run: () => this.session?.run() ?? Promise.resolve(null),
      select: (nodes) => this.session?.select(nodes),
      board: () => this.session?.board() ?? null,
      openContract: (level, solution, from) => this.openContract(level, solution, from),
      keepSolution: (solution, name) => this.session?.keep(solution, name),
      notify: (message, tone) => this.toasts.show(message, tone),
    });
    this.topbar = h(
      'header',
      { class: 'topbar' },
      h(
        'div',
        { class: 'brand' },
        h('span', { class: 'brand-mark', attrs: { 'aria-hidden': 'true' } }),
        'Loopwork',
      ),
      this.topbarContext,
      progressMenu({
        current: () => this.progress.save,
        keptAside: () => shelf?.keptAside() ?? Promise.resolve([]),
        replace: (save) => {
          this.progress.replace(save);
          this.showInbox();
        },
        notify: (message, tone) => this.toasts.show(message, tone, 8000),
      }),
      this.balance,
    );
    root.replaceChildren(
      h(
        'div',
        { class: 'app' },
        this.topbar,
        h('div', { class: 'app-body' }, this.banner, this.keepingSlot, this.screen),
      ),
      this.toasts.element,
    );
    this.progress.onChange((save) => {
      this.renderBalance(save.balance);
      this.inbox?.update(save);
    });
    this.renderBalance(saved.save.balance, false);
    if (saved.problem) this.showSaveProblem(saved.problem);
    for (const problem of campaign.problems) console.warn(`Contract file skipped: ${problem}`);
  }

  private renderBalance(amount: number, bump = true): void {
    const before = this.balance.textContent;
    this.balance.textContent = money(amount);
    if (bump && before !== this.balance.textContent) {
      this.balance.classList.remove('bump');
      void this.balance.offsetWidth; // restart the animation
      this.balance.classList.add('bump');
    }
  }

  private showSaveProblem(problem: SaveProblem): void {
    replace(
      this.banner,
      saveProblemBanner(problem, {
        dismiss: () => replace(this.banner),
        downloaded: () => this.progress.release(),
      }),
    );
  }

  /** Says where progress is kept when it is not in localStorage, with the file to download. */
  private showKeeping(where: Keeping): void {
    if (where === 'stored') replace(this.keepingSlot);
    else
      replace(
        this.keepingSlot,
        keepingBanner(where, () => this.progress.save),
      );
  }

  showInbox(levelId?: string): void {
    this.session?.close();
    this.session = null;
    this.store.setLevel(null, null);
    const controls = h('div', { class: 'inbox-controls' });
    for (const panel of panelsIn('inbox')) {
      const host = h('div', { class: 'plugin-control', data: { panel: panel.id } });
      controls.append(host);
      void Promise.resolve(panel.mount(host, this.store)).catch((e: unknown) => console.error(e));
    }
    this.inbox = new Inbox(
      this.campaign.levels,
      this.progress.save,
      {
        read: (level) => this.progress.update((s) => markRead(s, level.id)),
        accept: (level) => this.openContract(level),
      },
      controls,
    );
    if (levelId) this.inbox.open(levelId);
    replace(this.topbarContext);
    replace(this.screen, this.inbox.element);
    document.title = 'Loopwork — Inbox';
  }

  /**
   * Opens a contract on the workbench. A campaign contract from the inbox is saved; one
   * from a file, or a link's wiring on a contract the player has not reached, is played
   * unsaved (see ContractOrigin).
   */
  openContract(level: Level, solution?: Solution, from: ContractOrigin = 'inbox'): void {
    const inCampaign =
      from !== 'outside' &&
      this.campaign.levels.some((l) => l.id === level.id && l.revision === level.revision) &&
      (from === 'inbox' || isUnlocked(this.progress.save, level));
    if (inCampaign) this.progress.update((s) => accept(s, level.id, startingWiring(level)));
    this.inbox = null;
    this.session?.close();
    this.session = new ContractSession({
      level,
      saved: inCampaign,
      store: this.store,
      progress: this.progress,
      toasts: this.toasts,
      topbar: this.topbarContext,
      boards: this.boards,
      campaign: this.campaign.levels,
      back: (focus) => this.showInbox(focus ?? level.id),
    });
    replace(this.screen, this.session.element);
    this.session.start(solution);
    document.title = `Loopwork — ${level.title}`;
  }
}

/** Builds the game in `root`: reads the save, loads the campaign, runs start-up hooks, shows the inbox. */
export async function startGame(root: HTMLElement): Promise<App> {
  let storage: Storage | null = null;
  try {
    storage = window.localStorage;
  } catch {
    storage = null;
  }
  const shelf = storage ? new SaveShelf(storage, indexedDbSpare()) : null;
  const [saved, campaign] = await Promise.all([
    shelf ? shelf.load(Date.now()) : { save: emptySave(), problem: null },
    loadCampaign(),
  ]);
  const app = new App(root, campaign, saved, shelf);
  let opened = false;
  for (const hook of startupHooks()) {
    try {
      if (await hook(app.store)) {
        opened = true;
        break;
      }
    } catch (error) {
      console.error(error);
    }
  }
  if (!opened) app.showInbox();
  registerServiceWorker();
  return app;
}

/** Offline play after the first visit; the worker lives beside index.html, so any sub-path works. */
function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || !import.meta.env.PROD) return;
  navigator.serviceWorker.register('./sw.js').catch((error: unknown) => {
    console.warn('Offline play is unavailable:', error);
  });
}
