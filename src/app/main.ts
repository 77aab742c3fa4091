/**
 * Entry point of the game in the browser.
 *
 * ─── Plugging a panel into the game ────────────────────────────────────────────────────
 * Other parts of the game (the run view and timeline in src/view, the Python code view in
 * src/ui/code, share links and custom contracts in src/ui/share) add themselves without
 * editing the app: create a file named `panel.ts` in your folder —
 *
 *     src/view/panel.ts     src/ui/code/panel.ts     src/ui/share/panel.ts
 *
 * It is imported once at start-up (eagerly, so keep it tiny and `import()` the heavy code,
 * e.g. pixi.js, inside `mount`). In it, call the registry in src/shell/panels.ts:
 *
 *     import { registerPanel, registerStartup } from '../shell/panels';
 *     registerPanel({
 *       id: 'run-view', title: 'Run', slot: 'bottom', order: 10,
 *       async mount(host, context) {
 *         const { mountRunView } = await import('./runView');
 *         return mountRunView(host, context);   // may return a teardown function
 *       },
 *     });
 *
 * Slots: 'side' (a tab beside Score / Solutions / Hints), 'bottom' (a tab in the dock
 * under the editor), 'toolbar' (a control in the workbench's top bar), 'inbox' (a control
 * in the inbox header). `mount(host, context)` runs the first time the panel is shown;
 * `host` is an empty element the panel owns. `context` (PanelContext in panels.ts):
 *   - level, solution: the open contract and the current wiring (model ids, never rete's);
 *   - result, resultIsCurrent: the last full run with its trace (Run button / Space);
 *   - live: the latest metrics-only re-score of the wiring as the player edits;
 *   - selection: model ids of the selected nodes;
 *   - onChange(listener) → unsubscribe: 'level' | 'solution' | 'running' | 'result' |
 *     'live' | 'selection' changes;
 *   - run(), select(ids), openContract(level, solution?, from?), keepSolution(solution, name),
 *     notify(text, tone).
 * `registerStartup(hook)` runs a hook once before the inbox shows (a share link in the URL
 * opens its contract there); a hook returns true when it opened something.
 * ─────────────────────────────────────────────────────────────────────────────────────────
 */
import '../shell/theme.css';
import { startGame } from './app';

// Panels register themselves as a side effect of being imported; the glob lists only
// files that exist, so a part of the game that is not built yet is simply absent.
import.meta.glob(['../view/panel.ts', '../ui/code/panel.ts', '../ui/share/panel.ts'], {
  eager: true,
});

const root = document.getElementById('app');
if (root)
  startGame(root).catch((error: unknown) => {
    console.error(error);
    const message = document.createElement('p');
    message.className = 'loading';
    message.textContent = `Loopwork could not start: ${String(error)}. Reload the page to try again.`;
    root.replaceChildren(message);
  });
