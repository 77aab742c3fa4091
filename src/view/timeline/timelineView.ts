/**
 * The timeline: the run as a profiler shows it. A lane per worker (coroutine, thread,
 * process) coloured by what it does, a band of who holds each shared GIL, queue depth and
 * throughput plotted under them. Hover for the job and step; click a bar to follow its
 * job (in every view); wheel to zoom, drag to pan, double-click to see the whole run.
 *
 * Mount it (no pixi: a 2D canvas, light enough to load with the run view):
 *
 *     const timeline = await mountTimeline(host, { level, solution, result }, { playback });
 *     timeline.update({ level, solution, result });
 *     timeline.destroy();
 *
 * Share one `playback` with the run view so both show the same moment; `onPickJob(job,
 * nodes)` hears when the player picks a job. The host's `data-rows`, `data-lanes` and
 * `data-selected-job` attributes tell tests what the timeline shows.

 */
import { NODE_SPECS } from '../../model/vocabulary';
import { h } from '../../shell/dom';

import { duration } from '../../shell/format';
import { Controls } from '../controls';

import { Playback } from '../playback';
import { occupancyColumns, segmentAt, type ColumnWindow } from '../replay/columns';
import type { Replay } from '../replay/replay';
import { lastAtOrBefore, valueAt } from '../replay/series';
import { STATE_COUNT, STATE_LABELS, WORKER_STATES, stateName } from '../replay/states';
import { jobPath } from '../replay/tokens';
import { emptyReason, outcomeText, replayOf, type RunInput } from '../runInput';
import { drivePlayback } from '../ticker';
import { AXIS, GUTTER, paintPlayhead, placeRows, TimelinePainter, type RowPlace } from './paint';
import { buildRows } from './rows';
import { traceDownloadButton } from './traceDownload';
import '../view.css';

export interface TimelineOptions {
  readonly playback?: Playback;
  readonly onPickJob?: (job: number | null, nodes: readonly string[]) => void;
}

export interface TimelineHandle {
  readonly playback: Playback;
  update(input: RunInput): void;
  /** Paints now rather than at the next animation frame. */
  render(): void;
  destroy(): void;
}

interface Model {
  readonly input: RunInput;
  readonly replay: Replay;
  readonly places: readonly RowPlace[];
  readonly total: number;
  readonly painter: TimelinePainter;
}

/** A node as the player knows it: a step by its label, anything else by its kind. */
function nodeName(input: RunInput, id: string): string {
  const node = input.solution?.nodes.find((n) => n.id === id);
  if (!node) return id;
  if (node.type !== 'step') return NODE_SPECS[node.type].label;
  const step = (node.params as { step: string }).step;
  return input.level?.steps.find((s) => s.id === step)?.label ?? step;
}

export async function mountTimeline(
  host: HTMLElement,
  input: RunInput,
  options: TimelineOptions = {},
): Promise<TimelineHandle> {
  const playback = options.playback ?? new Playback();
  const release = drivePlayback(playback);
  const canvas = h('canvas', {
    class: 'lw-timeline-canvas',
    attrs: { 'aria-label': 'Timeline of the run' },
  });
  const base = document.createElement('canvas');
  const tooltip = h('div', { class: 'lw-tooltip', attrs: { role: 'status' } });
  const empty = h('div', { class: 'lw-empty' });
  const stage = h('div', { class: 'lw-stage lw-timeline' }, canvas, tooltip, empty);
  const controls = new Controls(
    playback,
    'Hover a bar for its job and step; click it to follow that job. Wheel: zoom; drag: pan; wheel over the names: scroll; double-click: the whole run; click the time axis: jump there.',
  );

  let shown: RunInput | null = null;
  const traceFile = traceDownloadButton(() => shown);
  controls.addAction(traceFile.element);
  host.replaceChildren(h('div', { class: 'lw-run' }, stage, controls.element));
  tooltip.hidden = true;

  let model: Model | null = null;
  let view = { t0: 0, t1: 1 };
  let scrollY = 0;
  let baseDirty = true;
  let frame = 0;
  let destroyed = false;
  let width = 0;
  let height = 0;
  const dpr = Math.min(2, window.devicePixelRatio || 1);

  const columns = (): number => Math.max(1, Math.floor(width - GUTTER));
  const window0 = (): ColumnWindow => ({ t0: view.t0, t1: view.t1, columns: columns() });
  const xOf = (t: number): number => GUTTER + ((t - view.t0) / (view.t1 - view.t0)) * columns();
  const tOf = (x: number): number => view.t0 + ((x - GUTTER) / columns()) * (view.t1 - view.t0);
  const maxScroll = (): number => (model ? Math.max(0, model.total - (height - AXIS)) : 0);
  const fitAll = (): void => {
    const end = Math.max(1, model?.replay.end ?? 1);
    view = { t0: 0, t1: end * 1.02 };
    baseDirty = true;
  };

  const build = (next: RunInput): void => {
    shown = next;
    traceFile.refresh();
    const replay = replayOf(next);
    const reason = emptyReason(next);
    empty.textContent = reason ?? '';
    empty.hidden = reason === null;
    model = null;
    if (replay) {
      const rows = buildRows(replay, next.solution, next.level);
      const { places, total } = placeRows(rows);
      model = { input: next, replay, places, total, painter: new TimelinePainter(replay, places) };
      host.dataset.rows = String(rows.length);
      host.dataset.lanes = String(
        rows.filter((r) => r.kind === 'lane' || r.kind === 'summary').length,
      );
    }
    playback.load(replay?.end ?? 0, replay);
    controls.setRun(replay, outcomeText(next.result));
    scrollY = 0;
    fitAll();
    requestPaint();
  };

  const paint = (): void => {
    frame = 0;
    host.dataset.selectedJob = String(playback.selectedJob ?? '');
    if (destroyed || width === 0 || height === 0) return;

    const ctx = canvas.getContext('2d')!;
    if (baseDirty) {
      baseDirty = false;
      const b = base.getContext('2d')!;
      b.setTransform(dpr, 0, 0, dpr, 0, 0);
      if (model) model.painter.paint(b, width, height, window0(), scrollY, playback.selectedJob);
      else {
        b.fillStyle = '#0a0d11';
        b.fillRect(0, 0, width, height);
      }
    }
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(base, 0, 0);
    if (model) {
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      const x = xOf(playback.time);
      if (x >= GUTTER && x <= width) paintPlayhead(ctx, x, height);
    }
  };

  function requestPaint(): void {
    if (frame === 0 && !destroyed) frame = requestAnimationFrame(paint);
  }

  // While playing, a zoomed-in view pages along with the playhead.
  const unsubscribe = playback.onChange((change) => {
    if (change === 'selection') baseDirty = true;
    if (change === 'time' && playback.playing && playback.time > view.t1) {
      const span = view.t1 - view.t0;
      view = { t0: playback.time - span * 0.1, t1: playback.time + span * 0.9 };
      baseDirty = true;
    }
    requestPaint();
  });

  const resize = new ResizeObserver(() => {
    width = stage.clientWidth;
    height = stage.clientHeight;
    if (width === 0 || height === 0) return;
    for (const c of [canvas, base]) {
      c.width = Math.round(width * dpr);
      c.height = Math.round(height * dpr);
    }
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
    scrollY = Math.min(scrollY, maxScroll());
    baseDirty = true;
    requestPaint();
  });
  resize.observe(stage);

  // ——— what is under the pointer ———
  const placeAt = (y: number): RowPlace | null => {
    if (!model || y < AXIS) return null;
    const inner = y - AXIS + scrollY;
    return model.places.find((p) => inner >= p.y && inner < p.y + p.h) ?? null;
  };

  const describe = (place: RowPlace, t: number): { text: string; job: number | null } | null => {
    if (!model) return null;
    const replay = model.replay;
    const row = place.row;
    switch (row.kind) {
      case 'lane': {
        const track = replay.track(row.worker);
        const i = segmentAt(track, t);
        if (i < 0) return { text: `${row.label}\nnot started yet`, job: null };
        const state = stateName(track.states[i]!);
        const job = track.jobs[i]!;
        const detail = replay.strings[track.details[i]!] ?? '';
        const end = i + 1 < track.times.length ? track.times[i + 1]! : replay.end;
        const kind = job >= 0 ? replay.jobs.kinds[replay.jobs.kind[job]!] : '';
        const node = track.nodes[i]!;
        const where = node >= 0 ? nodeName(model.input, replay.nodes[node]!) : '';
        const lines = [`${row.label} · ${STATE_LABELS[state]}`];
        if (job >= 0)
          lines.push(`job ${job}${kind ? ` (${kind})` : ''}${where ? ` · in ${where}` : ''}`);
        if (detail) lines.push(detail);

        lines.push(
          `${duration(track.times[i]!)} → ${duration(end)} (${duration(end - track.times[i]!)})`,
        );
        return { text: lines.join('\n'), job: job >= 0 ? job : null };
      }
      case 'summary': {
        const counts = new Int32Array(STATE_COUNT);
        occupancyColumns(model.painter.occupancy(row), { t0: t, t1: t + 1, columns: 1 }, counts);
        const parts = WORKER_STATES.map((s, i) => [s, counts[i]!] as const)
          .filter(([s, n]) => n > 0 && s !== 'done')
          .map(([s, n]) => `${n} ${STATE_LABELS[s]}`);
        return {
          text: `${row.label} at ${duration(t)}\n${parts.join('\n') || 'none alive'}`,
          job: null,
        };
      }
      case 'gil': {
        const series = replay.gil.get(row.process);
        const holder = series ? valueAt(series, t, -1) : -1;
        const who = replay.workers.find((w) => w.id === holder)?.label;
        return {
          text:
            holder >= 0
              ? `${row.label}\nheld by ${who ?? `worker ${holder}`}`
              : `${row.label}\nfree`,
          job: null,
        };
      }
      case 'queue': {
        const depth = valueAt(replay.queues.get(row.node)!, t, 0);
        return {
          text: `${row.label}: ${depth}${row.capacity > 0 ? ` of ${row.capacity}` : ''} waiting`,
          job: null,
        };
      }
      case 'throughput': {
        const done = lastAtOrBefore(replay.deliveredAt, t) + 1;
        return { text: `${done} jobs delivered by ${duration(t)}`, job: null };
      }
      case 'heading':
        return null;
    }
  };

  const local = (event: MouseEvent) => {
    const r = canvas.getBoundingClientRect();
    return { x: event.clientX - r.left, y: event.clientY - r.top };
  };

  let drag: { x: number; y: number; moved: boolean; onAxis: boolean } | null = null;
  canvas.addEventListener('pointerdown', (event) => {
    const p = local(event);
    drag = { x: p.x, y: p.y, moved: false, onAxis: p.y < AXIS };
    canvas.setPointerCapture(event.pointerId);
    if (drag.onAxis && p.x > GUTTER) {
      playback.pause();
      playback.seek(tOf(p.x));
    }
  });
  canvas.addEventListener('pointermove', (event) => {
    const p = local(event);
    if (drag) {
      const dx = p.x - drag.x;
      const dy = p.y - drag.y;
      if (drag.onAxis) {
        if (p.x > GUTTER) playback.seek(tOf(p.x));
        return;
      }
      if (drag.moved || Math.hypot(dx, dy) > 4) {
        drag.moved = true;
        const span = view.t1 - view.t0;
        const shift = (-dx / columns()) * span;
        view = { t0: view.t0 + shift, t1: view.t1 + shift };
        scrollY = Math.min(maxScroll(), Math.max(0, scrollY - dy));
        drag.x = p.x;
        drag.y = p.y;
        baseDirty = true;
        tooltip.hidden = true;
        requestPaint();
      }
      return;
    }
    const place = p.x > GUTTER ? placeAt(p.y) : null;
    const info = place ? describe(place, tOf(p.x)) : null;
    if (!info) {
      tooltip.hidden = true;
      canvas.style.cursor = p.y < AXIS && p.x > GUTTER ? 'col-resize' : '';
      return;
    }
    canvas.style.cursor = info.job !== null ? 'pointer' : '';
    tooltip.textContent = info.text;
    tooltip.hidden = false;
    const left = Math.min(p.x + 14, Math.max(0, width - tooltip.offsetWidth - 6));
    tooltip.style.left = `${left}px`;
    tooltip.style.top = `${Math.min(p.y + 14, Math.max(0, height - tooltip.offsetHeight - 6))}px`;
  });
  canvas.addEventListener('pointerup', (event) => {
    const wasClick = drag !== null && !drag.moved && !drag.onAxis;
    drag = null;
    if (!wasClick || !model) return;
    const p = local(event);
    const place = p.x > GUTTER ? placeAt(p.y) : null;
    const info = place ? describe(place, tOf(p.x)) : null;
    const job = info?.job ?? null;
    const next = job === playback.selectedJob ? null : job;
    playback.select(next);
    const nodes = next === null ? [] : [...new Set(jobPath(model.replay, next).map((v) => v.node))];
    options.onPickJob?.(next, nodes);
  });
  canvas.addEventListener('pointerleave', () => (tooltip.hidden = true));
  canvas.addEventListener('dblclick', () => {
    fitAll();
    requestPaint();
  });
  canvas.addEventListener(
    'wheel',
    (event) => {
      if (!model) return;
      event.preventDefault();
      const p = local(event);
      if (p.x < GUTTER || event.shiftKey) {
        scrollY = Math.min(maxScroll(), Math.max(0, scrollY + event.deltaY));
      } else {
        const at = tOf(p.x);
        const factor = Math.exp(event.deltaY * 0.0015);
        const span = Math.max(10, (view.t1 - view.t0) * factor);
        const share = (at - view.t0) / (view.t1 - view.t0);
        view = { t0: at - share * span, t1: at + (1 - share) * span };
        if (event.deltaX !== 0) {
          const shift = (event.deltaX / columns()) * span;
          view = { t0: view.t0 + shift, t1: view.t1 + shift };
        }
      }
      baseDirty = true;
      tooltip.hidden = true;
      requestPaint();
    },
    { passive: false },
  );

  build(input);

  return {
    playback,
    update(next: RunInput): void {
      if (
        model &&
        next.result === model.input.result &&
        next.solution === model.input.solution &&
        next.level === model.input.level
      ) {
        return;
      }
      build(next);
    },
    render(): void {
      cancelAnimationFrame(frame);
      paint();
    },
    destroy(): void {
      destroyed = true;
      cancelAnimationFrame(frame);
      unsubscribe();
      resize.disconnect();
      controls.destroy();
      release();
      host.replaceChildren();
    },
  };
}
