/**
 * Registers the run view and the timeline as tabs of the workbench's bottom dock, and
 * (through src/audio/panel.ts) the sound control in its top bar. Kept tiny: pixi.js, the
 * views and howler load only when their panel is first shown.

 *
 * The two views share one Playback per game, so switching tabs keeps the moment, and a
 * job picked in either is highlighted in both and selected in the editor.
 */
import { registerPanel, type PanelContext } from '../shell/panels';
import '../audio/panel';
import type { Playback } from './playback';
import { prefersReducedMotion } from './ticker';
import type { RunInput } from './runInput';

interface View {
  update(input: RunInput): void;
  destroy(): void;
  readonly playback: Playback;
  /** Plays the loaded run as the show before its verdict (the run view has one). */
  present?(): Promise<void>;
}

const playbacks = new WeakMap<PanelContext, Promise<Playback>>();

function playbackFor(context: PanelContext): Promise<Playback> {
  let playback = playbacks.get(context);
  if (!playback) {
    playback = Promise.all([import('./playback'), import('./replaySounds')]).then(
      ([{ Playback }, { chimeDeliveries }]) => {
        const created = new Playback();
        chimeDeliveries(created, () => inputOf(context));
        return created;
      },
    );
    playbacks.set(context, playback);
  }
  return playback;
}

function inputOf(context: PanelContext): RunInput {
  return {
    level: context.level,
    solution: context.solution,
    result: context.result,
    board: context.board(),
  };
}

/**
 * Keeps a view in step with the game: a new contract, wiring or run is shown the next
 * time the view is on screen (a hidden tab does no work), and a fresh run starts playing.
 */
function follow(host: HTMLElement, context: PanelContext, view: View): () => void {
  let stale = false;
  let startPlaying = false;
  const visible = () => host.offsetParent !== null && host.clientWidth > 0;
  const refresh = () => {
    // A run's show plays enlarged, so it is taken on even from a view squeezed out of sight.
    if (!stale || (!visible() && !(context.showPending && view.present))) return;
    stale = false;
    view.update(inputOf(context));
    const playable = startPlaying && context.result?.ok === true && !!context.result.trace;
    startPlaying = false;
    if (!playable) return;
    // A fresh run is the show: the game holds its verdict until the show ends.
    if (context.showPending && view.present) context.presentRun(view.present());
    // Less motion asked for: the run is shown as it ended; Play still plays it on request.
    else if (prefersReducedMotion()) view.playback.seek(view.playback.end);
    else view.playback.play();
  };
  const off = context.onChange((change) => {
    if (change.type === 'live' || change.type === 'selection' || change.type === 'running') return;
    stale = true;
    if (change.type === 'result') startPlaying = true;
    refresh();
  });
  const shown = new ResizeObserver(refresh);
  shown.observe(host);
  // The game may have moved on (a run finished) while the view was loading.
  stale = true;
  startPlaying = context.result !== null;
  refresh();

  return () => {
    off();
    shown.disconnect();
    view.destroy();
  };
}

const pickJob = (context: PanelContext) => (_job: number | null, nodes: readonly string[]) =>
  context.select(nodes);

registerPanel({
  id: 'run-view',
  title: 'Run',
  slot: 'bottom',
  order: 10,
  async mount(host, context) {
    const [{ mountRunView }, playback] = await Promise.all([
      import('./runView'),
      playbackFor(context),
    ]);
    const view = await mountRunView(host, inputOf(context), {
      playback,
      onPickJob: pickJob(context),
    });
    return follow(host, context, view);
  },
});

registerPanel({
  id: 'timeline',
  title: 'Timeline',
  slot: 'bottom',
  order: 20,
  async mount(host, context) {
    const [{ mountTimeline }, playback] = await Promise.all([
      import('./timeline/timelineView'),
      playbackFor(context),
    ]);
    const view = await mountTimeline(host, inputOf(context), {
      playback,
      onPickJob: pickJob(context),
    });
    return follow(host, context, view);
  },
});
