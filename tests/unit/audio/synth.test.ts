import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { synthesizeAll, wavOf } from '../../../src/audio/synth/sounds';
import { encodeWav, readWavHeader } from '../../../src/audio/synth/wav';

const SOUNDS = resolve(import.meta.dirname, '../../../assets/sounds');

describe('sound synthesis', () => {
  it('makes the same bytes every time', () => {
    const first = synthesizeAll().map(wavOf);
    const second = synthesizeAll().map(wavOf);
    expect(first.length).toBe(second.length);
    first.forEach((bytes, i) =>
      expect(Buffer.from(bytes).equals(Buffer.from(second[i]!))).toBe(true),
    );
  });

  it('writes valid mono 16-bit WAV headers of the right length', () => {
    for (const sound of synthesizeAll()) {
      const info = readWavHeader(wavOf(sound));
      expect(info).toMatchObject({
        sampleRate: sound.rate,
        channels: 1,
        bitsPerSample: 16,
        frames: sound.samples.length,
      });
      expect(info.seconds).toBeGreaterThan(0.05);
      expect(info.seconds).toBeLessThan(6);
    }
  });

  it('keeps every sound below clipping and audible', () => {
    for (const sound of synthesizeAll()) {
      let peak = 0;
      for (const s of sound.samples) peak = Math.max(peak, Math.abs(s));
      expect(peak, sound.file).toBeGreaterThan(0.3);
      expect(peak, sound.file).toBeLessThanOrEqual(0.8 + 1e-6);
    }
  });

  it('ships exactly the files the synthesiser makes (run `npm run sounds` after changing it)', () => {
    for (const sound of synthesizeAll()) {
      const shipped = readFileSync(resolve(SOUNDS, sound.file));
      expect(shipped.equals(Buffer.from(wavOf(sound))), sound.file).toBe(true);
    }
  });

  it('refuses bytes that are not such a WAV file', () => {
    const good = encodeWav(new Float32Array(100), 8000);
    expect(() => readWavHeader(good.slice(0, 40))).toThrow(/shorter/);
    const truncated = good.slice(0, 150);
    expect(() => readWavHeader(truncated)).toThrow(/size/);
    const notWave = good.slice();
    notWave[8] = 0x58;
    expect(() => readWavHeader(notWave)).toThrow(/WAVE/);
  });
});
