/**
 * What the simulation is doing, over the editor: nothing while runs are quick, a progress
 * strip once a run has taken more than a moment, so the player knows the game is working.
 */
import { h } from '../../shell/dom';

const SHOW_AFTER_MS = 200;

export class RunStatus {
  readonly element = h(
    'div',
    {
      class: 'run-status',
      attrs: { role: 'status', 'aria-live': 'polite', hidden: true },
      data: { testid: 'run-status' },
    },
    h('div', { class: 'run-bar' }),
    h('span', { class: 'run-text' }, 'Simulating…'),
  );
  private timer: ReturnType<typeof setTimeout> | null = null;
  private clock: ReturnType<typeof setInterval> | null = null;

  start(label: string): void {
    this.stop();
    const text = this.element.querySelector('.run-text')!;
    const began = performance.now();
    this.timer = setTimeout(() => {
      this.element.hidden = false;
      const tick = (): void => {
        text.textContent = `${label} · ${((performance.now() - began) / 1000).toFixed(1)} s`;
      };
      tick();
      this.clock = setInterval(tick, 100);
    }, SHOW_AFTER_MS);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.clock) clearInterval(this.clock);
    this.timer = null;
    this.clock = null;
    this.element.hidden = true;
  }
}
