/**
 * The run view: the wiring as a floor plan on which the run replays. Jobs are tokens
 * that travel along the wires and wait in the boxes, queues fill, workers light up in
 * the colour of what they do; a strip above shows the machine: its cores, the event loop
 * and who holds the GIL. It replays the engine's trace and decides nothing.
 *
 * Mount it (pixi.js is heavy: load this module with `import()`):
 *
 *     const view = await mountRunView(host, { level, solution, result }, { playback });
 *     view.update({ level, solution, result });   // another run, or another wiring
 *     view.destroy();
 *
 * `playback` (optional) is a Playback shared with the timeline so both show the same
 * moment; `onPickJob(job, nodes)` hears when the player clicks a token (null: cleared).
 * The host's `data-tokens`, `data-drawn`, `data-moving`, `data-time`, `data-selected-job`
 * and `data-boxes` (each box's screen rectangle) attributes tell tests what the scene shows.

 *
 * Two canvases: the floor (boxes, wires, titles) is drawn only when the camera moves,
 * under a transparent canvas that draws what changes every frame.
 */
import 'pixi.js/unsafe-eval';
import { Container, type Texture } from 'pixi.js';

import { h } from '../shell/dom';
import { COLORS } from './colors';
import { Controls } from './controls';
import { AlertLayer } from './floor/alertLayer';
import { Camera } from './floor/camera';
import { describeDeadlock } from './floor/deadlock';
import { layoutFloor, type FloorLayout } from './floor/layout';
import { pixiApp } from './floor/renderer';
import { drawStaticFloor } from './floor/staticLayer';
import { TokenLayer, tokenTexture } from './floor/tokenLayer';
import { createTokenPoints, TokenPlacer, type TokenPoints } from './floor/tokenPlaces';
import { WorkerLayer } from './floor/workerLayer';
import { MachineStrip } from './machineStrip';
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
  /** Plays the loaded run enlarged as the show before its verdict; resolves when it ends or is skipped. */
  present(): Promise<void>;
  destroy(): void;
}

/** How long a token's journey between two nodes lasts on screen, at any speed. */
const TRAVEL_WALL_MS = 320;
const MARGIN = 28;

/** What a run adds to the floor; absent when there is no run to replay. */
interface Live {
  readonly replay: Replay;
  readonly strip: MachineStrip;
  readonly workers: WorkerLayer;
  readonly alerts: AlertLayer;
  readonly tokens: TokenLayer;
  readonly placer: TokenPlacer;
  readonly frame: Frame;
  readonly buffer: TokenBuffer;
  readonly points: TokenPoints;
  readonly deadlockText: string;
}

/** Everything drawn for one run of one wiring; rebuilt when either changes. */
interface Scene {
  readonly input: RunInput;
  readonly layout: FloorLayout;
  readonly floor: Container;
  readonly world: Container;
  readonly live: Live | null;
}

function buildLive(input: RunInput, layout: FloorLayout, texture: Texture): Live | null {
  const replay = replayOf(input);
  const result = input.result;
  if (!replay || !result?.ok || !input.solution) return null;
  const lines = describeDeadlock(result.verdict.deadlock ?? [], (id) => {
    const box = layout.boxes.get(id);
    return box && (box.detail ? `${box.title} “${box.detail}”` : box.title);
  });
  return {
    replay,
    strip: new MachineStrip(replay, input.level),
    workers: new WorkerLayer(replay, layout, input.solution),
    alerts: new AlertLayer(replay, layout, result.verdict.deadlock),
    tokens: new TokenLayer(replay, texture),
    placer: new TokenPlacer(replay, layout),
    frame: createFrame(replay),
    buffer: createTokenBuffer(replay),
    points: createTokenPoints(replay),
    deadlockText: `Deadlock: nothing can move. ${lines.join('; ')}.`,
  };
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
  const stripSlot = h('div', { class: 'lw-strip-slot' });
  const controls = new Controls(
    playback,
    'Tokens are jobs, coloured by kind; a larger token is on a core. Hover one for its job; click it to follow it. Wheel: zoom; drag: pan; double-click: fit.',
  );
  // The banner sits between the strip and the floor, so the floor refits around it.
  host.replaceChildren(h('div', { class: 'lw-run' }, stripSlot, banner, stage, controls.element));
  tooltip.hidden = true;
  banner.hidden = true;

  // The floor is antialiased and drawn when the camera moves; the live layer, on top and
  // transparent, every frame.
  const floorApp = await pixiApp(stage, { antialias: true, background: COLORS.background });
  const app = await pixiApp(stage, { backgroundAlpha: 0 });
  stage.append(tooltip, empty);
  const texture = tokenTexture(app.renderer);
  const reducedMotion = prefersReducedMotion();

  let scene: Scene | null = null;
  /** The editor's layout as last handed in: its zoom and pan move while the wiring stays. */
  let board = input.board ?? null;
  let floorDirty = true;
  let drawRequest = 0;
  let lastDraw = performance.now();
  let destroyed = false;
  const camera = new Camera(() => {
    floorDirty = true;
    requestDraw();
  });
  const fit = (force = false): void => {
    // A short panel (the dock under the editor) keeps a thinner margin.
    const margin = Math.min(MARGIN, Math.round(app.screen.height * 0.07));
    if (scene) camera.fit(scene.layout.bounds, app.screen.width, app.screen.height, margin, force);
  };

  /**
   * The show draws the board as the player left it: the same zoom, and every node on the
   * same spot of the screen as in the editor (the stage lies over the board).
   */
  const showAsBoard = (): void => {
    if (!board) return;
    const at = stage.getBoundingClientRect();
    const { k, x, y } = board.transform;
    camera.set(k, x + board.screen.left - at.left, y + board.screen.top - at.top);
  };

  const build = (next: RunInput): void => {
    if (scene) {
      floorApp.stage.removeChildren();
      app.stage.removeChildren();
      scene.floor.destroy({ children: true });
      scene.world.destroy({ children: true });
    }
    scene = null;
    const reason = emptyReason(next);
    empty.textContent = reason ?? '';
    empty.hidden = reason === null;
    banner.hidden = true;
    if (!next.solution) {
      stripSlot.replaceChildren();
      controls.setRun(null, '');
      playback.load(0);
      requestDraw();
      return;
    }
    const layout = layoutFloor(next.solution, next.level, next.board ?? null);
    const floor = drawStaticFloor(layout);
    const world = new Container({ label: 'live' });
    const live = buildLive(next, layout, texture);
    if (live) world.addChild(live.alerts.view, live.workers.view, live.tokens.view);
    floorApp.stage.addChild(floor);
    app.stage.addChild(world);
    stripSlot.replaceChildren(...(live ? [live.strip.element] : []));
    scene = { input: next, layout, floor, world, live };
    camera.show([floor, world]);
    fit(true);
    playback.load(live?.replay.end ?? 0, live?.replay ?? null);
    controls.setRun(live?.replay ?? null, outcomeText(next.result));
    requestDraw();
  };

  const drawLive = (live: Live, now: number, dt: number): boolean => {
    const t = playback.time;
    const travelUs = reducedMotion ? 0 : playback.speed * TRAVEL_WALL_MS * 1000;
    frameAt(live.replay, t, live.frame);
    locateTokens(live.replay, t, travelUs, live.buffer);
    live.placer.place(live.buffer, live.points);
    const drawn = live.tokens.update(
      live.buffer,
      live.points,
      playback.selectedJob,
      live.frame.onCore,
    );
    live.workers.update(live.frame, live.points.sitting);
    live.strip.update(live.frame, dt, playback.playing && !reducedMotion);
    live.alerts.showPath(playback.selectedJob);
    live.alerts.update(t, live.frame.loopBlock, reducedMotion ? 0 : now);
    // A loop block shows in the strip and flashes its node; a deadlock, which ends the run, gets the banner.
    const deadlocked = live.replay.outcome === 'deadlock' && t >= live.replay.end;
    if (banner.hidden === deadlocked) {
      banner.textContent = live.deadlockText;
      banner.title = live.deadlockText;
      banner.hidden = !deadlocked;
    }
    let moving = 0;
    for (let k = 0; k < live.buffer.count; k++) if (live.buffer.to[k]! >= 0) moving++;
    host.dataset.tokens = String(live.buffer.count);
    host.dataset.drawn = String(drawn);
    host.dataset.moving = String(moving);
    host.dataset.time = String(t);
    host.dataset.selectedJob = String(playback.selectedJob ?? '');

    return live.frame.loopBlock !== null && !reducedMotion;
  };

  const draw = (now: number): void => {
    drawRequest = 0;
    if (destroyed || !scene || stage.clientWidth === 0) return;
    const dt = now - lastDraw;
    lastDraw = now;
    const animating = scene.live ? drawLive(scene.live, now, dt) : false;
    if (floorDirty) {
      floorDirty = false;
      floorApp.render();
      host.dataset.boxes = JSON.stringify(
        camera.screenRects(scene.layout.boxes.values(), stage.getBoundingClientRect()),
      );
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
    floorApp.renderer.resize(w, hgt);
    app.renderer.resize(w, hgt);
    floorDirty = true;
    fit();
    requestDraw();
  });
  resize.observe(stage);

  // ——— the player's hands: hover a token for its job, click to follow it, wheel to zoom, drag to pan ———
  const canvas = app.canvas;
  const local = (event: MouseEvent) => {
    const r = canvas.getBoundingClientRect();
    return { x: event.clientX - r.left, y: event.clientY - r.top };
  };
  const pickAt = (event: MouseEvent): number | null => {
    const live = scene?.live;
    if (!live) return null;
    const s = local(event);
    const p = camera.toWorld(s.x, s.y);
    return live.tokens.pick(live.buffer, live.points, p.x, p.y, 9 / camera.scale);
  };
  const showTooltip = (event: MouseEvent): void => {
    const live = scene?.live;
    const job = pickAt(event);
    if (!scene || !live || job === null) {
      tooltip.hidden = true;
      canvas.style.cursor = '';
      return;
    }
    canvas.style.cursor = 'pointer';
    const kind = live.replay.jobs.kinds[live.replay.jobs.kind[job]!] ?? '';
    const here = jobPath(live.replay, job)
      .filter((v) => v.t <= playback.time)
      .at(-1)?.node;
    const where = here ? (scene.layout.boxes.get(here)?.title ?? here) : '';
    tooltip.textContent = `Job ${job} · ${kind}${where ? ` · in ${where}` : ''}`;
    const s = local(event);
    tooltip.style.left = `${s.x + 12}px`;
    tooltip.style.top = `${s.y + 12}px`;
    tooltip.hidden = false;
  };
  let drag: { x: number; y: number; moved: boolean } | null = null;
  canvas.addEventListener('pointerdown', (event) => {
    drag = { x: event.clientX, y: event.clientY, moved: false };
    canvas.setPointerCapture(event.pointerId);
  });
  canvas.addEventListener('pointermove', (event) => {
    if (!drag) {
      showTooltip(event);
      return;
    }
    const dx = event.clientX - drag.x;
    const dy = event.clientY - drag.y;
    if (!drag.moved && Math.hypot(dx, dy) <= 4) return;
    drag = { x: event.clientX, y: event.clientY, moved: true };
    tooltip.hidden = true;
    camera.panBy(dx, dy);
  });
  canvas.addEventListener('pointerup', (event) => {
    const wasDrag = drag?.moved ?? false;
    drag = null;
    const live = scene?.live;
    if (wasDrag || !live) return;
    const job = pickAt(event);
    const next = job === playback.selectedJob ? null : job;
    playback.select(next);
    const nodes = next === null ? [] : [...new Set(jobPath(live.replay, next).map((v) => v.node))];
    options.onPickJob?.(next, nodes);
  });
  canvas.addEventListener('pointerleave', () => (tooltip.hidden = true));
  canvas.addEventListener('dblclick', () => fit(true));
  canvas.addEventListener(
    'wheel',
    (event) => {
      if (!scene) return;
      event.preventDefault();
      const s = local(event);
      camera.zoomAt(s.x, s.y, Math.exp(-event.deltaY * 0.0015));
    },
    { passive: false },
  );

  build(input);

  return {
    playback,
    update(next: RunInput): void {
      board = next.board ?? null;
      const same =
        scene !== null &&
        next.result === scene.input.result &&
        next.solution === scene.input.solution &&
        next.level === scene.input.level;
      if (!same) build(next);
    },
    async present(): Promise<void> {
      const shown = controls.present();
      showAsBoard();
      await shown;
      // Back in its place, the view shows the whole wiring again.
      fit(true);
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
      floorApp.destroy(true, { children: true });
      host.replaceChildren();
    },
  };
}
