/** What the colours and patterns of workers mean, in words beside each swatch (never colour alone). */
import { h } from '../shell/dom';
import { stateBackground } from './statePatterns';
import type { WorkerState } from '../engine/trace';

const SHOWN: readonly [WorkerState, string][] = [
  ['cpu', 'on a core'],
  ['gil', 'wants the GIL'],
  ['io', 'waiting on IO'],
  ['blocked', 'blocked'],
  ['ready', 'ready, loop busy'],
  ['starting', 'starting'],
  ['idle', 'idle'],
];

export function stateLegend(): HTMLElement {
  return h(
    'div',
    { class: 'lw-legend', attrs: { 'aria-label': 'Worker states' } },
    ...SHOWN.map(([state, words]) => {
      const swatch = h('span', { class: 'lw-swatch' });
      swatch.style.background = stateBackground(state);
      swatch.dataset.state = state;
      return h('span', { class: 'lw-legend-item' }, swatch, words);
    }),
  );
}
