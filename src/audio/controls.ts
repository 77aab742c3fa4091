/**
 * The sound control in the workbench's top bar: mute, volume, music. Also plays the
 * sound of each finished run (a cheer, a sag or the clank of a deadlock).
 */
import type { PanelContext } from '../shell/panels';
import { h } from '../shell/dom';
import { soundBoard } from './board';
import { cueForResult } from './cues';
import type { SoundSettings } from './settings';
import './sound.css';

const SVG = 'http://www.w3.org/2000/svg';

/** A speaker with waves, or crossed out when muted; a note for the music. */
const PATHS = {
  sound: 'M2 6h3l4-3v10l-4-3H2z M11 5.5a3.5 3.5 0 0 1 0 5 M12.8 3.5a6 6 0 0 1 0 9',
  muted: 'M2 6h3l4-3v10l-4-3H2z M11 6l4 4 M15 6l-4 4',
  music:
    'M6 12.5a2 2 0 1 1-2-2 2 2 0 0 1 2 2zM6 12.5V3l8-1.5v9 M14 10.5a2 2 0 1 1-2-2 2 2 0 0 1 2 2z',
} as const;

function icon(name: keyof typeof PATHS): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('width', '16');
  svg.setAttribute('height', '16');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', PATHS[name]);
  path.setAttribute('fill', 'none');
  path.setAttribute('stroke', 'currentColor');
  path.setAttribute('stroke-width', '1.5');
  path.setAttribute('stroke-linecap', 'round');
  path.setAttribute('stroke-linejoin', 'round');
  svg.append(path);
  return svg;
}

/**
 * Builds the control in `host`. With `cues`, it also plays the sound of each finished run
 * (only one control in the game should, or a run would sound twice).
 */
export function mountSoundControls(
  host: HTMLElement,
  context: PanelContext,
  cues: boolean,
): () => void {
  const board = soundBoard();
  const mute = h('button', {
    class: 'lw-sound-button',
    attrs: { type: 'button', 'data-testid': 'sound-mute' },
    on: { click: () => board.update({ muted: !board.settings.muted }) },
  });
  const volume = h('input', {
    class: 'lw-sound-volume',
    attrs: {
      type: 'range',
      min: 0,
      max: 1,
      step: 0.05,
      'aria-label': 'Volume',
      'data-testid': 'sound-volume',
    },
    on: { input: () => board.update({ volume: Number(volume.value) }) },
  });
  const music = h(
    'button',
    {
      class: 'lw-sound-button',
      attrs: {
        type: 'button',
        'aria-label': 'Music',
        title: 'Music',
        'data-testid': 'sound-music',
      },
      on: { click: () => board.update({ music: !board.settings.music }) },
    },
    icon('music'),
  );
  const group = h(
    'div',
    { class: 'lw-sound', attrs: { role: 'group', 'aria-label': 'Sound' } },
    mute,
    volume,
    music,
  );
  host.replaceChildren(group);

  const show = (s: SoundSettings): void => {
    // Tests read whether sound is allowed yet (it is not before the player's first gesture).
    group.dataset.ready = String(board.ready);

    const glyph = s.muted ? 'muted' : 'sound';
    if (mute.dataset.icon !== glyph) {
      mute.replaceChildren(icon(glyph));
      mute.dataset.icon = glyph;
    }

    mute.setAttribute('aria-pressed', String(s.muted));
    mute.setAttribute('aria-label', s.muted ? 'Sound is off: turn it on' : 'Sound is on: mute');
    mute.title = s.muted ? 'Unmute' : 'Mute';
    volume.value = String(s.volume);
    volume.disabled = s.muted;
    music.setAttribute('aria-pressed', String(s.music));
  };
  show(board.settings);
  const offBoard = board.onChange(show);
  const offContext = context.onChange((change) => {
    if (!cues || change.type !== 'result') return;

    const cue = cueForResult(context.result);
    const sounded = cue !== null && board.play(cue);
    // What the last run called for and whether it sounded: tests wait on it, not on time.
    group.dataset.cue = cue ?? 'none';
    group.dataset.sounded = String(sounded);
  });
  return () => {
    offBoard();
    offContext();
  };
}
