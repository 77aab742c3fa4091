/**
 * Writes the game's sounds to assets/sounds/ (`npm run sounds`). The synthesis is
 * deterministic: running it again rewrites the same bytes, and a unit test checks that
 * the committed files are exactly what it makes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { synthesizeAll, wavOf } from '../src/audio/synth/sounds';

const out = resolve(import.meta.dirname, '../assets/sounds');
mkdirSync(out, { recursive: true });
for (const sound of synthesizeAll()) {
  const bytes = wavOf(sound);
  writeFileSync(join(out, sound.file), bytes);
  const seconds = (sound.samples.length / sound.rate).toFixed(2);
  console.log(
    `${sound.file}: ${seconds} s at ${sound.rate} Hz, ${(bytes.length / 1024).toFixed(1)} KB`,
  );
}
