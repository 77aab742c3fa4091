/**
 * What the simulation is doing, over the editor: nothing while runs are quick, a progress
 * strip once a run has taken more than a moment, so the player knows the game is working.
 * A run that reports its progress shows jobs done of the total on a real bar, and can be
 * cancelled.
 */
import { h } from '../../shell/dom';
import { count } from '../../shell/format';

const SHOW_AFTER_MS = 200;

export class RunStatus {
  private readonly bar = h('div', { class: 'run-bar' });
  private readonly text = h('span', { class: 'run-text' }, 'Simulating…');
  private readonly cancelButton = h(
    'button',
    { class: 'btn small ghost', data: { action: 'cancel-run' }, attrs: { hidden: true } },
    'Cancel',
  );
  readonly element = h(
    'div',
    {
      class: 'run-status',
      attrs: { role: 'status', 'aria-live': 'polite', hidden: true },
      data: { testid: 'run-status' },
    },
    this.bar,
    h('div', { class: 'run-line' }, this.text, this.cancelButton),
  );
  private timer: ReturnType<typeof setTimeout> | null = null;
  private clock: ReturnType<typeof setInterval> | null = null;
  private done: { resolved: number; total: number } | null = null;

  /** Shows the strip after a moment; with `cancel`, a Cancel button that calls it. */
  start(label: string, cancel?: () => void): void {
    this.stop();
    const began = performance.now();
    this.cancelButton.hidden = cancel === undefined;
    this.cancelButton.onclick = cancel ? () => cancel() : null;
    this.timer = setTimeout(() => {
      this.element.hidden = false;
      const tick = (): void => {
        const seconds = `${((performance.now() - began) / 1000).toFixed(1)} s`;
        const done = this.done;
        this.text.textContent = done
          ? `${label} · ${done.resolved.toLocaleString('en-US')} of ${count(done.total, 'job')} done · ${seconds}`
          : `${label} · ${seconds}`;
      };
      tick();
      this.clock = setInterval(tick, 100);
    }, SHOW_AFTER_MS);
  }

  /** Jobs resolved so far of the total: the bar fills in proportion. */
  progress(resolved: number, total: number): void {
    this.done = { resolved, total };
    this.bar.classList.add('measured');
    this.bar.style.setProperty('--done', String(total > 0 ? resolved / total : 0));
    this.element.dataset.resolved = String(resolved);
    this.element.dataset.total = String(total);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.clock) clearInterval(this.clock);
    this.timer = null;
    this.clock = null;
    this.done = null;
    this.bar.classList.remove('measured');
    delete this.element.dataset.resolved;
    delete this.element.dataset.total;
    this.cancelButton.onclick = null;
    this.element.hidden = true;
  }
}
