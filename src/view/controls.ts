/**
 * The replay's control bar, shared by the run view and the timeline: restart, play or
 * pause, step to the next event, speed, and a scrubber over the whole run.
 */
import { duration } from '../shell/format';
import { h } from '../shell/dom';
import { nextEventTime } from './replay/frame';
import type { Replay } from './replay/replay';
import { icon, type IconName } from './icons';
import { stateLegend } from './legend';

import { SPEEDS, type Playback } from './playback';
import { prefersReducedMotion } from './ticker';

function speedLabel(speed: number): string {
  return `${speed}×`;
}

/** "1.25 s" with a steady number of decimals for the run's scale, so the readout does not jitter. */
export function clockText(us: number, endUs: number): string {
  if (endUs < 1_000) return `${Math.round(us)} µs`;
  if (endUs < 1_000_000) return `${(us / 1_000).toFixed(1)} ms`;
  if (endUs < 60_000_000) return `${(us / 1_000_000).toFixed(2)} s`;
  const totalSeconds = Math.floor(us / 1_000_000);
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  const mm = String(m).padStart(2, '0');
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${m}:${ss}`;
}

export class Controls {
  readonly element: HTMLElement;
  private readonly playButton: HTMLButtonElement;
  private readonly scrub: HTMLInputElement;
  private readonly time: HTMLElement;
  private readonly speed: HTMLSelectElement;
  private readonly status: HTMLElement;
  private readonly key: HTMLElement;
  private readonly keyButton: HTMLButtonElement;
  private readonly enlargeButton: HTMLButtonElement;
  private readonly skipButton: HTMLButtonElement;
  /** Ends the show now playing, if one is. */
  private endShow: (() => void) | null = null;
  private replay: Replay | null = null;
  private enabled: boolean | null = null;

  private readonly unsubscribe: () => void;

  /** `help` says how to use the view it controls; it shows with the colour key. */
  constructor(
    private readonly playback: Playback,
    help: string,
  ) {
    const button = (label: string, glyph: IconName, testId: string, onClick: () => void) =>
      h(
        'button',
        {
          class: 'lw-ctl',
          attrs: { type: 'button', 'aria-label': label, title: label, 'data-testid': testId },
          on: { click: onClick },
        },
        icon(glyph),
      );
    this.playButton = button('Play', 'play', 'run-play', () => this.playback.toggle());
    this.scrub = h('input', {
      class: 'lw-scrub',
      attrs: {
        type: 'range',
        min: 0,
        max: 1,
        step: 'any',
        value: 0,
        'aria-label': 'Time in the run',
        'data-testid': 'run-scrub',
      },
      on: {
        input: () => {
          // Read the slider first: pausing redraws the bar, slider included.
          const t = Number(this.scrub.value);
          this.playback.pause();
          this.playback.seek(t);
        },
      },
    });
    this.speed = h(
      'select',
      {
        class: 'lw-speed',
        attrs: {
          'aria-label': 'Playback speed',
          title: 'Simulated time per real second',
          'data-testid': 'run-speed',
        },
        on: { change: () => this.playback.setSpeed(Number(this.speed.value)) },
      },
      ...SPEEDS.map((s) => h('option', { attrs: { value: s } }, speedLabel(s))),
    );
    this.time = h('span', {
      class: 'lw-time',
      attrs: { 'data-testid': 'run-time', 'aria-live': 'off' },
    });
    this.status = h('span', { class: 'lw-status', attrs: { 'data-testid': 'run-status' } });
    this.key = h('div', { class: 'lw-key' }, stateLegend(), h('p', { class: 'lw-help' }, help));

    this.key.hidden = true;
    const toggle = (label: string, text: string, testId: string, onClick: () => void) =>
      h(
        'button',
        {
          class: 'lw-ctl lw-ctl-text',
          attrs: { type: 'button', title: label, 'aria-pressed': 'false', 'data-testid': testId },
          on: { click: onClick },
        },
        text,
      );
    this.keyButton = toggle('What the colours mean', 'Key', 'run-key', () =>
      this.showKey(this.key.hidden === true),
    );
    this.enlargeButton = toggle('Watch it bigger (Esc to return)', 'Enlarge', 'run-enlarge', () =>
      this.enlarge(this.enlargeButton.getAttribute('aria-pressed') !== 'true'),
    );
    this.skipButton = h(
      'button',
      {
        class: 'btn primary lw-skip',
        attrs: { type: 'button', title: 'Skip to the verdict (Esc)', 'data-testid': 'run-skip' },
        on: { click: () => this.endShow?.() },
      },
      'Skip ',
      h('kbd', null, 'Esc'),
    );
    this.skipButton.hidden = true;
    this.element = h(
      'div',
      { class: 'lw-controls', attrs: { role: 'toolbar', 'aria-label': 'Replay' } },
      button('Back to the start', 'restart', 'run-restart', () => {
        this.playback.pause();
        this.playback.seek(0);
      }),
      this.playButton,
      button('Step to the next event', 'step', 'run-step', () => this.stepForward()),
      this.speed,
      this.scrub,
      this.time,
      this.status,
      this.keyButton,
      this.enlargeButton,
      this.skipButton,
      this.key,
    );

    this.unsubscribe = this.playback.onChange(() => this.refresh());
    this.refresh();
  }

  /** Puts a view's own action (e.g. the timeline's trace download) in the bar, before the key. */
  addAction(action: HTMLElement): void {
    this.element.insertBefore(action, this.key);
  }

  /** Shows a run (or none), with a word on how it ended. */
  setRun(replay: Replay | null, status: string): void {
    this.replay = replay;
    this.status.textContent = status;
    this.refresh();
  }

  showKey(on: boolean): void {
    this.key.hidden = !on;
    this.keyButton.setAttribute('aria-pressed', String(on));
  }

  /** Lets the panel fill the screen while the player watches, and back. */
  enlarge(on: boolean): void {
    const panel = this.element.closest('.lw-run');
    panel?.classList.toggle('expanded', on);
    this.enlargeButton.setAttribute('aria-pressed', String(on));
    this.enlargeButton.textContent = on ? 'Shrink' : 'Enlarge';
    if (on) document.addEventListener('keydown', this.onEscape);
    else document.removeEventListener('keydown', this.onEscape);
  }

  private readonly onEscape = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    if (this.endShow) {
      event.preventDefault();
      this.endShow();
    } else this.enlarge(false);
  };

  /**
   * Plays the loaded run as the show that comes before its verdict: enlarged, from the
   * start, with a Skip button (and Esc). Resolves when playback reaches the end or the
   * player skips; the panel then returns to its place so the verdict can be read.
   */
  present(): Promise<void> {
    this.endShow?.();
    // Less motion asked for: no show, the run is shown as it ended and the verdict follows.
    if (prefersReducedMotion()) {
      this.playback.pause();
      this.playback.seek(this.playback.end);
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const stop = this.playback.onChange((change) => {
        if (change === 'run') finish();
        else if (!this.playback.playing && this.playback.time >= this.playback.end) finish();
      });
      const finish = (): void => {
        if (this.endShow !== finish) return;
        this.endShow = null;
        stop();
        this.skipButton.hidden = true;
        this.status.hidden = false;
        this.playback.pause();
        this.playback.seek(this.playback.end);
        this.enlarge(false);
        resolve();
      };
      this.endShow = finish;
      this.skipButton.hidden = false;
      this.skipButton.disabled = false;
      // The word on how the run ended is the verdict's: it waits for the end of the show.
      this.status.hidden = true;
      this.enlarge(true);
      this.playback.play();
    });
  }

  stepForward(): void {
    if (!this.replay) return;
    this.playback.pause();
    this.playback.seek(nextEventTime(this.replay, this.playback.time));
  }

  /**
   * Brings the bar up to date. Playing changes the time every frame, so that path touches
   * only the slider and the clock; the rest is rewritten only when it changed.
   */
  private refresh(): void {
    const p = this.playback;
    const has = this.replay !== null && p.end > 0;
    const glyph = p.playing ? 'pause' : 'play';
    if (this.playButton.dataset.icon !== glyph) {
      this.playButton.replaceChildren(icon(glyph));
      this.playButton.dataset.icon = glyph;
      this.playButton.setAttribute('aria-label', p.playing ? 'Pause' : 'Play');
      this.playButton.title = p.playing ? 'Pause' : 'Play';
    }
    if (this.enabled !== has) {
      this.enabled = has;
      for (const control of this.element.querySelectorAll<
        HTMLButtonElement | HTMLInputElement | HTMLSelectElement
      >('button, input, select')) {
        control.disabled = !has;
      }
    }
    const max = String(Math.max(1, p.end));
    if (this.scrub.max !== max) this.scrub.max = max;
    if (document.activeElement !== this.scrub || !p.playing) this.scrub.value = String(p.time);
    const speed = String(p.speed);
    if (this.speed.value !== speed) this.speed.value = speed;
    const text = has ? `${clockText(p.time, p.end)} / ${clockText(p.end, p.end)}` : '—';
    if (this.time.textContent !== text) {
      this.time.textContent = text;
      this.time.title = has ? duration(p.time) : '';
    }
  }

  destroy(): void {
    this.endShow?.();
    this.unsubscribe();
    document.removeEventListener('keydown', this.onEscape);
  }
}
