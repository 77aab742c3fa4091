/**
 * The game's sound board: howler.js playing the synthesised effects and the music loop.
 *
 * Nothing plays, and no audio context is even created, before the player's first gesture
 * (browsers refuse audio until then; the game waits rather than fail). Mute, volume and
 * music persist in localStorage. Sounds load on first use.
 */
import { Howl, Howler } from 'howler';
import contractWonUrl from '../../assets/sounds/contract-won.wav?url';
import deadlockUrl from '../../assets/sounds/deadlock.wav?url';
import goalMissedUrl from '../../assets/sounds/goal-missed.wav?url';
import jobDoneUrl from '../../assets/sounds/job-done.wav?url';
import musicUrl from '../../assets/sounds/music-loop.wav?url';
import type { Cue } from './cues';
import { afterFirstGesture } from './gesture';

import { loadSettings, saveSettings, type SettingsStore, type SoundSettings } from './settings';

const EFFECTS: Readonly<Record<Cue, { readonly url: string; readonly volume: number }>> = {
  jobDone: { url: jobDoneUrl, volume: 0.35 },
  contractWon: { url: contractWonUrl, volume: 0.9 },
  goalMissed: { url: goalMissedUrl, volume: 0.8 },
  deadlock: { url: deadlockUrl, volume: 0.9 },
};
const MUSIC_VOLUME = 0.3;

export class SoundBoard {
  private current: SoundSettings;
  private unlocked = false;
  private readonly howls = new Map<Cue, Howl>();
  private music: Howl | null = null;
  private readonly listeners = new Set<(settings: SoundSettings) => void>();

  /** `afterGesture` calls back once sound is allowed (see gesture.ts). */
  constructor(
    private readonly store: SettingsStore | null,
    afterGesture: (callback: () => void) => void,
  ) {
    this.current = loadSettings(store);
    afterGesture(() => {
      this.unlocked = true;
      this.apply();
      for (const listener of this.listeners) listener(this.current);
    });
  }

  get settings(): SoundSettings {
    return this.current;
  }

  /** Has the player made the first gesture, so sound may play? */
  get ready(): boolean {
    return this.unlocked;
  }

  /** Plays `cue` unless sound is not allowed yet, muted or at zero volume; says whether it plays. */
  play(cue: Cue): boolean {
    if (!this.unlocked || this.current.muted || this.current.volume === 0) return false;
    let howl = this.howls.get(cue);
    if (!howl) {
      howl = new Howl({ src: [EFFECTS[cue].url], format: ['wav'], volume: EFFECTS[cue].volume });
      this.howls.set(cue, howl);
    }
    howl.play();
    return true;
  }

  update(change: Partial<SoundSettings>): void {
    this.current = { ...this.current, ...change };
    saveSettings(this.store, this.current);
    this.apply();
    for (const listener of this.listeners) listener(this.current);
  }

  /** Hears every change of the settings, and the moment sound becomes allowed. */
  onChange(listener: (settings: SoundSettings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Brings howler in line with the settings (only once sound is allowed). */
  private apply(): void {
    if (!this.unlocked) return;
    Howler.volume(this.current.volume);
    Howler.mute(this.current.muted);
    const wantMusic = this.current.music && !this.current.muted;
    if (wantMusic && !this.music) {
      this.music = new Howl({ src: [musicUrl], format: ['wav'], loop: true, volume: MUSIC_VOLUME });
      this.music.play();
    } else if (!wantMusic && this.music) {
      this.music.stop();
      this.music.unload();
      this.music = null;
    }
  }
}

let board: SoundBoard | null = null;

/** The page's sound board, made on first use. */
export function soundBoard(): SoundBoard {
  if (!board) {
    let store: Storage | null = null;
    try {
      store = window.localStorage;
    } catch {
      store = null;
    }
    board = new SoundBoard(store, afterFirstGesture);
  }
  return board;
}
