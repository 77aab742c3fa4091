/**
 * 16-bit mono PCM WAV files: writing them from samples, and reading back their header
 * (the tests check every file the game ships this way).
 */

export interface WavInfo {
  readonly sampleRate: number;
  readonly channels: number;
  readonly bitsPerSample: number;
  /** Samples per channel. */
  readonly frames: number;
  readonly seconds: number;
}

function ascii(view: DataView, at: number, text: string): void {
  for (let i = 0; i < text.length; i++) view.setUint8(at + i, text.charCodeAt(i));
}

function readAscii(view: DataView, at: number, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += String.fromCharCode(view.getUint8(at + i));
  return text;
}

/** Samples in [-1, 1] → a WAV file. Values beyond the range are clipped. */
export function encodeWav(samples: Float32Array, sampleRate: number): Uint8Array {
  const dataBytes = samples.length * 2;
  const bytes = new Uint8Array(44 + dataBytes);
  const view = new DataView(bytes.buffer);
  ascii(view, 0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  ascii(view, 8, 'WAVE');
  ascii(view, 12, 'fmt ');
  view.setUint32(16, 16, true); // size of the fmt chunk
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true); // bytes per second
  view.setUint16(32, 2, true); // bytes per frame
  view.setUint16(34, 16, true); // bits per sample
  ascii(view, 36, 'data');
  view.setUint32(40, dataBytes, true);
  for (let i = 0; i < samples.length; i++) {
    const s = Math.max(-1, Math.min(1, samples[i]!));
    view.setInt16(44 + i * 2, Math.round(s * 32767), true);
  }
  return bytes;
}

/**
 * Reads a WAV header as this module writes it.
 * @throws Error naming what is wrong when the bytes are not such a file.
 */
export function readWavHeader(bytes: Uint8Array): WavInfo {
  if (bytes.length < 44) throw new Error('shorter than a WAV header');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (readAscii(view, 0, 4) !== 'RIFF' || readAscii(view, 8, 4) !== 'WAVE')
    throw new Error('not RIFF/WAVE');
  if (view.getUint32(4, true) !== bytes.length - 8)
    throw new Error('RIFF size does not match the file');
  if (readAscii(view, 12, 4) !== 'fmt ' || view.getUint32(16, true) !== 16)
    throw new Error('no PCM fmt chunk');
  if (view.getUint16(20, true) !== 1) throw new Error('not PCM');
  const channels = view.getUint16(22, true);
  const sampleRate = view.getUint32(24, true);
  const bitsPerSample = view.getUint16(34, true);
  const blockAlign = view.getUint16(32, true);
  if (blockAlign !== (channels * bitsPerSample) / 8) throw new Error('block align does not match');
  if (view.getUint32(28, true) !== sampleRate * blockAlign)
    throw new Error('byte rate does not match');
  if (readAscii(view, 36, 4) !== 'data') throw new Error('no data chunk');
  const dataBytes = view.getUint32(40, true);
  if (dataBytes !== bytes.length - 44) throw new Error('data size does not match the file');
  const frames = dataBytes / blockAlign;
  return { sampleRate, channels, bitsPerSample, frames, seconds: frames / sampleRate };
}
