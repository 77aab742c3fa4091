/**
 * In-page half of `npm run bench:view`: draws the run view with a made-up run of many
 * moving tokens, and a bare pixi scene of as many sprites, frame by frame, and times
 * each frame from the start of its update to the GPU having finished it.
 */
import { Application, Container, Graphics, Sprite } from 'pixi.js';
import { RENDERER_OPTIONS } from '../floor/renderer';
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

export interface Comparison {
  readonly runView: FrameFigures;
  readonly bareScene: FrameFigures;
}

export interface BenchApi {
  /** The run view with `tokens` travelling tokens, and a bare scene of as many sprites. */
  compare(tokens: number, frames: number): Promise<Comparison>;
  renderer(): string;
}

const WIDTH = 1280;
const HEIGHT = 720;
const WARMUP = 20;

function figures(
  times: number[],
  { drawn, moving }: { drawn: number; moving: number },
): FrameFigures {
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

function sizedHost(): HTMLElement {
  const host = document.createElement('div');
  host.style.width = `${WIDTH}px`;
  host.style.height = `${HEIGHT}px`;
  return host;
}

/** A scene the benchmark can draw frame by frame. */
interface Scene {
  /** Moves to frame `i` and draws it, waiting until the GPU is done. */
  frame(i: number): void;
  counts(): { drawn: number; moving: number };
  destroy(): void;
}

async function runViewScene(host: HTMLElement, tokens: number): Promise<Scene> {
  const run = syntheticRun(tokens);
  const playback = new Playback();
  const view = await mountRunView(
    host,
    { level: null, solution: run.solution, result: run.result },
    { playback },
  );
  // Fast enough that a journey fills its whole share of a stay: every token that may travel does.
  playback.setSpeed(5);
  // The view draws on two canvases (the floor, and what changes on top): wait for both.
  const canvases = [...host.querySelectorAll('canvas')];
  const step = STAY_US / 120;
  return {
    frame(i) {
      playback.seek(run.busyFrom + ((i * step) % (run.busyUntil - run.busyFrom)));
      view.render();
      for (const canvas of canvases) finish(canvas);
    },

    counts: () => ({ drawn: Number(host.dataset.drawn), moving: Number(host.dataset.moving) }),
    destroy: () => view.destroy(),
  };
}

async function bareScene(host: HTMLElement, count: number): Promise<Scene> {
  const app = new Application();
  await app.init({ ...RENDERER_OPTIONS, width: WIDTH, height: HEIGHT, background: 0x0a0d11 });
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
  return {
    frame(i) {
      for (let k = 0; k < count; k++) {
        const phase = (k / count) * Math.PI * 2 + i * 0.02;
        sprites[k]!.position.set(
          WIDTH / 2 + Math.cos(phase) * (200 + (k % 50) * 4),
          HEIGHT / 2 + Math.sin(phase) * (120 + (k % 37) * 4),
        );
      }
      app.render();
      finish(app.canvas);
    },
    counts: () => ({ drawn: count, moving: count }),
    destroy() {
      texture.destroy(true);
      g.destroy();
      app.destroy(true, { children: true });
    },
  };
}

/**
 * Draws the run view and the bare scene frame by frame, alternating, so that whatever
 * else the machine is doing weighs on both alike.
 */
async function compare(root: HTMLElement, tokens: number, frames: number): Promise<Comparison> {
  const viewHost = sizedHost();
  const bareHost = sizedHost();
  root.replaceChildren(viewHost, bareHost);
  const view = await runViewScene(viewHost, tokens);
  const bare = await bareScene(bareHost, tokens);
  const viewTimes: number[] = [];
  const bareTimes: number[] = [];
  const time = (scene: Scene, i: number, into: number[]) => {
    const start = performance.now();
    scene.frame(i);
    if (i >= WARMUP) into.push(performance.now() - start);
  };
  for (let i = 0; i < WARMUP + frames; i++) {
    time(view, i, viewTimes);
    time(bare, i, bareTimes);
  }
  const result = {
    runView: figures(viewTimes, view.counts()),
    bareScene: figures(bareTimes, bare.counts()),
  };
  view.destroy();
  bare.destroy();
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
    compare: (tokens, frames) => compare(root, tokens, frames),
    renderer,
  };
  root.dataset.ready = 'true';
}
