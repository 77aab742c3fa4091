/**
 * In-page half of `npm run bench:view`: draws the run view with a made-up run of many
 * moving tokens, and a bare pixi scene of as many sprites, frame by frame, and times
 * each frame from the start of its update to the GPU having finished it.
 */
import { Application, Container, Graphics, Sprite } from 'pixi.js';
import { Playback } from '../playback';
import { mountRunView } from '../runView';
import { STAY_US, syntheticRun } from './synthetic';

export interface FrameFigures {
  readonly frames: number;
  readonly medianMs: number;
  readonly p95Ms: number;
  /** Tokens (or sprites) on screen, and how many were travelling, in the last frame. */
  readonly drawn: number;
  readonly moving: number;
}

export interface BenchApi {
  runView(tokens: number, frames: number): Promise<FrameFigures>;
  bareScene(sprites: number, frames: number): Promise<FrameFigures>;
  renderer(): string;
}

const WIDTH = 1280;
const HEIGHT = 720;
const WARMUP = 20;

function figures(times: number[], drawn: number, moving: number): FrameFigures {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return { frames: times.length, medianMs: round(at(0.5)), p95Ms: round(at(0.95)), drawn, moving };
}

/** Waits until the GPU has drawn everything asked of it: reading a pixel back forces that. */
function finish(canvas: HTMLCanvasElement): void {
  const gl = (canvas.getContext('webgl2') ??
    canvas.getContext('webgl')) as WebGLRenderingContext | null;
  gl?.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
}

function sizedHost(root: HTMLElement): HTMLElement {
  const host = document.createElement('div');
  host.style.width = `${WIDTH}px`;
  host.style.height = `${HEIGHT}px`;
  root.replaceChildren(host);
  return host;
}

async function runView(root: HTMLElement, tokens: number, frames: number): Promise<FrameFigures> {
  const host = sizedHost(root);
  const run = syntheticRun(tokens);
  const playback = new Playback();
  const view = await mountRunView(
    host,
    { level: null, solution: run.solution, result: run.result },
    { playback },
  );
  // Fast enough that a journey fills its whole share of a stay: every token that may travel does.
  playback.setSpeed(5);
  const canvas = host.querySelector('canvas')!;
  const times: number[] = [];
  const step = STAY_US / 120;
  for (let i = 0; i < WARMUP + frames; i++) {
    const start = performance.now();
    playback.seek(run.busyFrom + ((i * step) % (run.busyUntil - run.busyFrom)));
    view.render();
    finish(canvas);
    if (i >= WARMUP) times.push(performance.now() - start);
  }
  const result = figures(times, Number(host.dataset.tokens), Number(host.dataset.moving));
  view.destroy();
  return result;
}

async function bareScene(root: HTMLElement, count: number, frames: number): Promise<FrameFigures> {
  const host = sizedHost(root);
  const app = new Application();
  await app.init({
    width: WIDTH,
    height: HEIGHT,
    antialias: true,
    autoStart: false,
    preference: 'webgl',
    background: 0x0a0d11,
  });
  host.append(app.canvas);
  const g = new Graphics().circle(16, 16, 14).fill({ color: 0xffffff });
  const texture = app.renderer.generateTexture({ target: g, resolution: 1, antialias: true });
  const layer = new Container();
  const sprites: Sprite[] = [];
  for (let i = 0; i < count; i++) {
    const s = new Sprite(texture);
    s.anchor.set(0.5);
    s.scale.set(0.25);
    s.tint = i % 3 === 0 ? 0x648fff : 0xffb000;
    sprites.push(s);
    layer.addChild(s);
  }
  app.stage.addChild(layer);
  const times: number[] = [];
  for (let i = 0; i < WARMUP + frames; i++) {
    const start = performance.now();
    for (let k = 0; k < count; k++) {
      const phase = (k / count) * Math.PI * 2 + i * 0.02;
      sprites[k]!.position.set(
        WIDTH / 2 + Math.cos(phase) * (200 + (k % 50) * 4),
        HEIGHT / 2 + Math.sin(phase) * (120 + (k % 37) * 4),
      );
    }
    app.render();
    finish(app.canvas);
    if (i >= WARMUP) times.push(performance.now() - start);
  }
  const result = figures(times, count, count);
  texture.destroy(true);
  g.destroy();
  app.destroy(true, { children: true });
  return result;
}

function renderer(): string {
  const canvas = document.createElement('canvas');
  const gl = (canvas.getContext('webgl2') ??
    canvas.getContext('webgl')) as WebGLRenderingContext | null;
  if (!gl) return 'no WebGL';
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name = info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER);
  return String(name);
}

declare global {
  interface Window {
    loopworkBench?: BenchApi;
  }
}

export function installBench(root: HTMLElement): void {
  window.loopworkBench = {
    runView: (tokens, frames) => runView(root, tokens, frames),
    bareScene: (sprites, frames) => bareScene(root, sprites, frames),
    renderer,
  };
  root.dataset.ready = 'true';
}
