/**
 * The run view: the wiring as a floor plan on which the run replays. Jobs are tokens
 * that travel along the wires and wait in the boxes, queues fill, workers light up in
 * the colour of what they do, the machine beside it shows its cores, the event loop and
 * who holds the GIL. It replays the engine's trace and decides nothing.
 *
 * Mount it (pixi.js is heavy: load this module with `import()`):
 *
 *     const view = await mountRunView(host, { level, solution, result }, { playback });
 *     view.update({ level, solution, result });   // another run, or another wiring
 *     view.destroy();
 *
 * `playback` (optional) is a Playback shared with the timeline so both show the same
 * moment; `onPickJob(job, nodes)` hears when the player clicks a token (null: cleared).
 * The host's `data-tokens`, `data-moving` and `data-time` attributes tell tests what
 * the scene shows.
 */
import 'pixi.js/unsafe-eval';
import { Application, Container, type Texture } from 'pixi.js';
import { h } from '../ui/dom';

import { COLORS } from './colors';
import { Controls } from './controls';

import { describeDeadlock } from './floor/deadlock';
import { AlertLayer } from './floor/alertLayer';
import { MachineStrip } from './machineStrip';
import { layoutFloor, type FloorLayout } from './floor/layout';
import { drawStaticFloor } from './floor/staticLayer';
import { TokenLayer, tokenTexture } from './floor/tokenLayer';
import { createTokenPoints, TokenPlacer, type TokenPoints } from './floor/tokenPlaces';
import { WorkerLayer } from './floor/workerLayer';
import { Playback } from './playback';
import { createFrame, frameAt, type Frame } from './replay/frame';
import type { Replay } from './replay/replay';
import { createTokenBuffer, jobPath, locateTokens, type TokenBuffer } from './replay/tokens';
import { emptyReason, outcomeText, replayOf, type RunInput } from './runInput';
import { drivePlayback, prefersReducedMotion } from './ticker';
import './view.css';

export interface RunViewOptions {
  readonly playback?: Playback;
  readonly onPickJob?: (job: number | null, nodes: readonly string[]) => void;
}

export interface RunViewHandle {
  readonly playback: Playback;
  update(input: RunInput): void;
  /** Draws the current moment now rather than at the next animation frame (tests, benchmarks). */
  render(): void;
  destroy(): void;
}

/** How long a token's journey between two nodes lasts on screen, at any speed. */
const TRAVEL_WALL_MS = 320;
const MARGIN = 28;

/** Everything drawn for one run of one wiring; rebuilt when either changes. */
interface Scene {
  readonly input: RunInput;
  readonly layout: FloorLayout;
  readonly replay: Replay | null;
  readonly world: Container;
  readonly strip: MachineStrip | null;
  readonly workers: WorkerLayer | null;
  readonly alerts: AlertLayer | null;
  readonly tokens: TokenLayer | null;
  readonly placer: TokenPlacer | null;
  readonly frame: Frame | null;
  readonly buffer: TokenBuffer | null;
  readonly points: TokenPoints | null;
  readonly deadlockText: string[];
}

export async function mountRunView(
  host: HTMLElement,
  input: RunInput,
  options: RunViewOptions = {},
): Promise<RunViewHandle> {
  const playback = options.playback ?? new Playback();
  const release = drivePlayback(playback);
  const stage = h('div', { class: 'lw-stage' });
  const tooltip = h('div', { class: 'lw-tooltip', attrs: { role: 'status' } });
  const banner = h('div', {
    class: 'lw-banner',
    attrs: { role: 'alert', 'data-testid': 'run-banner' },
  });
  const empty = h('div', { class: 'lw-empty' });
  const controls = new Controls(
    playback,
    'Tokens are jobs, coloured by kind; a larger token is on a core. Hover one for its job; click it to follow it. Wheel: zoom; drag: pan; double-click: fit.',
  );

  const stripSlot = h('div', { class: 'lw-strip-slot' });
  // The banner sits between the strip and the floor, so the floor refits around it.
  const root = h('div', { class: 'lw-run' }, stripSlot, banner, stage, controls.element);
  stage.append(tooltip, empty);

  host.replaceChildren(root);

  const app = new Application();
  await app.init({
    background: COLORS.background,
    antialias: true,
    autoStart: false,
    autoDensity: true,
    resolution: Math.min(2, window.devicePixelRatio || 1),
    preference: 'webgl',
    width: Math.max(1, stage.clientWidth),
    height: Math.max(1, stage.clientHeight),
  });
  stage.prepend(app.canvas);
  const texture: Texture = tokenTexture(app.renderer);
  const reducedMotion = prefersReducedMotion();

  let scene: Scene | null = null;
  let userCamera = false;
  let drawRequest = 0;
  let lastDraw = performance.now();
  let destroyed = false;

  const fit = (): void => {
    if (!scene || userCamera) return;
    const b = scene.layout.bounds;
    const w = app.screen.width - 2 * MARGIN;
    const hgt = app.screen.height - 2 * MARGIN;
    const scale = Math.max(0.2, Math.min(1.25, w / b.w, hgt / b.h));
    scene.world.scale.set(scale);
    scene.world.position.set(
      MARGIN + (w - b.w * scale) / 2 - b.x * scale,
      MARGIN + (hgt - b.h * scale) / 2 - b.y * scale,
    );
  };

  const build = (next: RunInput): void => {
    if (scene) {
      app.stage.removeChildren();
      scene.world.destroy({ children: true });
    }
    scene = null;
    const solution = next.solution;
    const reason = emptyReason(next);
    empty.textContent = reason ?? '';
    empty.hidden = reason === null;
    if (!solution) {
      controls.setRun(null, '');
      playback.load(0);
      requestDraw();
      return;
    }
    const layout = layoutFloor(solution, next.level);
    const replay = replayOf(next);
    const world = new Container({ label: 'world' });
    world.addChild(drawStaticFloor(layout));
    let strip: MachineStrip | null = null;
    let workers: WorkerLayer | null = null;
    let alerts: AlertLayer | null = null;
    let tokens: TokenLayer | null = null;
    let deadlockText: string[] = [];
    if (replay && next.result?.ok) {
      alerts = new AlertLayer(replay, layout, next.result.verdict.deadlock);
      workers = new WorkerLayer(replay, layout, solution);
      tokens = new TokenLayer(replay, texture);
      world.addChild(alerts.view, workers.view, tokens.view);
      strip = new MachineStrip(replay, next.level);
      deadlockText = describeDeadlock(next.result.verdict.deadlock ?? [], (id) => {
        const box = layout.boxes.get(id);
        return box && (box.detail ? `${box.title} “${box.detail}”` : box.title);
      });
    }
    app.stage.addChild(world);
    stripSlot.replaceChildren(...(strip ? [strip.element] : []));
    scene = {
      input: next,
      layout,
      replay,
      world,
      strip,
      workers,
      alerts,
      tokens,
      placer: replay ? new TokenPlacer(replay, layout) : null,
      frame: replay ? createFrame(replay) : null,
      buffer: replay ? createTokenBuffer(replay) : null,
      points: replay ? createTokenPoints(replay) : null,
      deadlockText,
    };

    userCamera = false;
    fit();
    playback.load(replay?.end ?? 0, replay);
    controls.setRun(replay, outcomeText(next.result));
    requestDraw();
  };

  const showBanner = (s: Scene, frame: Frame): void => {
    // A loop block shows in the machine strip and flashes its node; a deadlock, which ends
    // the run, gets the banner.
    const deadlocked = s.replay?.outcome === 'deadlock' && frame.t >= s.replay.end;
    const text = deadlocked ? `Deadlock: nothing can move. ${s.deadlockText.join('; ')}.` : '';
    if (banner.textContent !== text) {
      banner.textContent = text;
      banner.title = text;
    }
    banner.hidden = text === '';
  };

  const draw = (now: number): void => {
    drawRequest = 0;
    if (destroyed || !scene || stage.clientWidth === 0) return;
    const dt = now - lastDraw;
    lastDraw = now;
    const s = scene;
    let animating = false;
    if (
      s.replay &&
      s.frame &&
      s.buffer &&
      s.points &&
      s.placer &&
      s.tokens &&
      s.workers &&
      s.alerts &&
      s.strip
    ) {
      const t = playback.time;
      const travelUs = reducedMotion ? 0 : playback.speed * TRAVEL_WALL_MS * 1000;
      frameAt(s.replay, t, s.frame);
      locateTokens(s.replay, t, travelUs, s.buffer);
      s.placer.place(s.buffer, s.points);
      s.tokens.update(s.buffer, s.points, playback.selectedJob, s.frame.onCore);
      s.workers.update(s.frame, s.points.sitting);
      s.strip.update(s.frame, dt, playback.playing && !reducedMotion);
      s.alerts.showPath(playback.selectedJob);
      s.alerts.update(t, s.frame.loopBlock, reducedMotion ? 0 : now);
      showBanner(s, s.frame);
      animating = s.frame.loopBlock !== null && !reducedMotion;
      let moving = 0;
      for (let k = 0; k < s.buffer.count; k++) if (s.buffer.to[k]! >= 0) moving++;
      host.dataset.tokens = String(s.buffer.count);
      host.dataset.moving = String(moving);
      host.dataset.time = String(t);
    } else {
      banner.hidden = true;
    }
    app.render();
    if (animating) requestDraw();
  };

  function requestDraw(): void {
    if (drawRequest === 0 && !destroyed) drawRequest = requestAnimationFrame(draw);
  }

  const unsubscribe = playback.onChange(() => requestDraw());

  const resize = new ResizeObserver(() => {
    const w = stage.clientWidth;
    const hgt = stage.clientHeight;
    if (w === 0 || hgt === 0) return;
    app.renderer.resize(w, hgt);

    fit();
    requestDraw();
  });
  resize.observe(stage);

  // ——— the player's hands: hover a token for its job, click to follow it, wheel to zoom, drag to pan ———
  const toWorld = (event: PointerEvent | WheelEvent): { x: number; y: number } | null => {
    if (!scene) return null;
    const r = app.canvas.getBoundingClientRect();
    const w = scene.world;
    return {
      x: (event.clientX - r.left - w.x) / w.scale.x,
      y: (event.clientY - r.top - w.y) / w.scale.y,
    };
  };
  const pickAt = (event: PointerEvent): number | null => {
    const s = scene;
    const p = toWorld(event);
    if (!s || !p || !s.tokens || !s.buffer || !s.points) return null;
    return s.tokens.pick(s.buffer, s.points, p.x, p.y, 9 / s.world.scale.x);
  };
  let drag: { x: number; y: number; moved: boolean } | null = null;
  const canvas = app.canvas;
  canvas.addEventListener('pointerdown', (event) => {
    drag = { x: event.clientX, y: event.clientY, moved: false };
    canvas.setPointerCapture(event.pointerId);
  });
  canvas.addEventListener('pointermove', (event) => {
    if (drag && scene) {
      const dx = event.clientX - drag.x;
      const dy = event.clientY - drag.y;
      if (drag.moved || Math.hypot(dx, dy) > 4) {
        drag.moved = true;
        userCamera = true;
        scene.world.x += dx;
        scene.world.y += dy;
        drag.x = event.clientX;
        drag.y = event.clientY;
        requestDraw();
      }
      return;
    }
    const job = pickAt(event);
    if (job === null || !scene?.replay) {
      tooltip.hidden = true;
      canvas.style.cursor = '';
      return;
    }
    canvas.style.cursor = 'pointer';
    const kind = scene.replay.jobs.kinds[scene.replay.jobs.kind[job]!] ?? '';
    const visits = jobPath(scene.replay, job).filter((v) => v.t <= playback.time);
    const here = visits.at(-1)?.node;
    const title = here ? (scene.layout.boxes.get(here)?.title ?? here) : '';
    tooltip.textContent = `Job ${job} · ${kind}${title ? ` · in ${title}` : ''}`;
    const r = stage.getBoundingClientRect();
    tooltip.style.left = `${event.clientX - r.left + 12}px`;
    tooltip.style.top = `${event.clientY - r.top + 12}px`;
    tooltip.hidden = false;
  });
  canvas.addEventListener('pointerup', (event) => {
    const wasDrag = drag?.moved ?? false;
    drag = null;
    if (wasDrag || !scene?.replay) return;
    const job = pickAt(event);
    const next = job === playback.selectedJob ? null : job;
    playback.select(next);
    const nodes = next === null ? [] : [...new Set(jobPath(scene.replay, next).map((v) => v.node))];
    options.onPickJob?.(next, nodes);
  });
  canvas.addEventListener('pointerleave', () => (tooltip.hidden = true));
  canvas.addEventListener('dblclick', () => {
    userCamera = false;
    fit();
    requestDraw();
  });
  canvas.addEventListener(
    'wheel',
    (event) => {
      const p = toWorld(event);
      if (!scene || !p) return;
      event.preventDefault();
      userCamera = true;
      const w = scene.world;
      const scale = Math.min(4, Math.max(0.15, w.scale.x * Math.exp(-event.deltaY * 0.0015)));
      w.scale.set(scale);
      const r = canvas.getBoundingClientRect();
      w.position.set(event.clientX - r.left - p.x * scale, event.clientY - r.top - p.y * scale);
      requestDraw();
    },
    { passive: false },
  );
  tooltip.hidden = true;

  build(input);

  return {
    playback,
    update(next: RunInput): void {
      if (
        scene &&
        next.result === scene.input.result &&
        next.solution === scene.input.solution &&
        next.level === scene.input.level
      ) {
        return;
      }
      build(next);
    },
    render(): void {
      cancelAnimationFrame(drawRequest);
      draw(performance.now());
    },
    destroy(): void {
      destroyed = true;
      cancelAnimationFrame(drawRequest);
      unsubscribe();
      resize.disconnect();
      controls.destroy();
      release();
      texture.destroy(true);
      app.destroy(true, { children: true });
      host.replaceChildren();
    },
  };
}
