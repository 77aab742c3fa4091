/** What the colours of workers mean, in words beside each colour (never colour alone). */
import { h } from '../shell/dom';
import { css, STATE_COLORS } from './colors';
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
      swatch.style.background = css(STATE_COLORS[state]);
      return h('span', { class: 'lw-legend-item' }, swatch, words);
    }),
  );
}
