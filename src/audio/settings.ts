/**
 * The player's sound settings, kept in localStorage so they survive a reload. Read
 * defensively: whatever is stored (or not), the game gets valid settings.
 */

export interface SoundSettings {
  readonly muted: boolean;
  /** 0 to 1. */
  readonly volume: number;
  /** The music loop is off until the player turns it on. */
  readonly music: boolean;
}

export const SETTINGS_KEY = 'loopwork/sound';

export const DEFAULT_SETTINGS: SoundSettings = { muted: false, volume: 0.7, music: false };

/** The part of Storage this needs (so tests can pass a Map-backed one). */
export type SettingsStore = Pick<Storage, 'getItem' | 'setItem'>;

export function loadSettings(store: SettingsStore | null): SoundSettings {
  let raw: unknown = null;
  try {
    const text = store?.getItem(SETTINGS_KEY);
    raw = text ? (JSON.parse(text) as unknown) : null;
  } catch {
    raw = null;
  }
  if (typeof raw !== 'object' || raw === null) return DEFAULT_SETTINGS;
  const r = raw as Record<string, unknown>;
  const volume =
    typeof r.volume === 'number' && Number.isFinite(r.volume)
      ? Math.min(1, Math.max(0, r.volume))
      : DEFAULT_SETTINGS.volume;
  return {
    muted: typeof r.muted === 'boolean' ? r.muted : DEFAULT_SETTINGS.muted,
    volume,
    music: typeof r.music === 'boolean' ? r.music : DEFAULT_SETTINGS.music,
  };
}

/** Saves the settings; a full or forbidden storage only loses the setting, never the game. */
export function saveSettings(store: SettingsStore | null, settings: SoundSettings): void {
  try {
    store?.setItem(SETTINGS_KEY, JSON.stringify({ v: 1, ...settings }));
  } catch {
    // Private mode or a full quota: the setting lasts until the page closes.
  }
}
