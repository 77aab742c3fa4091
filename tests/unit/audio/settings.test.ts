import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  loadSettings,
  saveSettings,
  SETTINGS_KEY,
  type SettingsStore,
} from '../../../src/audio/settings';
import { cueForResult, JobChimes, JOB_CHIME_GAP_MS } from '../../../src/audio/cues';
import type { SimResult } from '../../../src/engine/result';

function memoryStore(
  initial: Record<string, string> = {},
): SettingsStore & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe('sound settings', () => {
  it('survive a save and a load', () => {
    const store = memoryStore();
    saveSettings(store, { muted: true, volume: 0.25, music: true });
    expect(loadSettings(store)).toEqual({ muted: true, volume: 0.25, music: true });
  });

  it('fall back to defaults for anything unreadable', () => {
    expect(loadSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(loadSettings(memoryStore({ [SETTINGS_KEY]: '{not json' }))).toEqual(DEFAULT_SETTINGS);
    expect(loadSettings(memoryStore({ [SETTINGS_KEY]: '{"muted":"yes","volume":7}' }))).toEqual({
      ...DEFAULT_SETTINGS,
      volume: 1,
    });
  });

  it('lose only the setting when storage refuses it', () => {
    const refusing: SettingsStore = {
      getItem: () => null,
      setItem: () => {
        throw new Error('quota');
      },
    };
    expect(() => saveSettings(refusing, DEFAULT_SETTINGS)).not.toThrow();
  });
});

describe('cues', () => {
  const result = (outcome: string, passed: boolean) =>
    ({ ok: true, verdict: { outcome, passed }, metrics: {}, trace: null }) as unknown as SimResult;

  it('picks the sound of a finished run', () => {
    expect(cueForResult(result('finished', true))).toBe('contractWon');
    expect(cueForResult(result('finished', false))).toBe('goalMissed');
    expect(cueForResult(result('deadlock', false))).toBe('deadlock');
    expect(cueForResult(null)).toBeNull();
  });

  it('thins a flood of deliveries into a patter', () => {
    const chimes = new JobChimes();
    expect(chimes.shouldChime(0, 3, 1000)).toBe(true);
    expect(chimes.shouldChime(3, 9, 1000 + JOB_CHIME_GAP_MS - 1)).toBe(false);
    expect(chimes.shouldChime(9, 9, 1000 + JOB_CHIME_GAP_MS)).toBe(false);
    expect(chimes.shouldChime(9, 10, 1000 + JOB_CHIME_GAP_MS)).toBe(true);
  });
});
