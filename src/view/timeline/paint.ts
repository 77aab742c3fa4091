/**
 * Paints the timeline on a 2D canvas: the gutter of row names, the time axis, and each
 * row over the visible window, one pixel column at a time (see replay/columns.ts). The
 * playhead is painted separately, over a copy of the rest, so playing back repaints one
 * line, not every lane.
 */
import { duration } from '../../shell/format';
import { COLORS, css } from '../colors';
import { stateFill } from '../statePatterns';
import {
  createRunBuffer,
  laneRuns,
  occupancyColumns,
  rateColumns,
  seriesMaxColumns,
  type ColumnWindow,
  type RunBuffer,
} from '../replay/columns';
import { buildOccupancy, type Occupancy } from '../replay/groups';
import type { Replay } from '../replay/replay';
import { lastAtOrBefore } from '../replay/series';
import { DONE, IDLE, STATE_COUNT, WORKER_STATES } from '../replay/states';
import { ticks } from './axis';
import { rowHeight, type Row } from './rows';

export const GUTTER = 190;
export const AXIS = 24;
const FONT = "11px system-ui, 'Segoe UI', Roboto, 'DejaVu Sans', Arial, sans-serif";
const SMALL = "10px system-ui, 'Segoe UI', Roboto, 'DejaVu Sans', Arial, sans-serif";
/** Colours told apart in a GIL band: one per holder, cycling. */
const HOLDER_COLORS = [0xf0c419, 0xb08a12, 0xe8d36a, 0x8f6f0b];

export interface RowPlace {
  readonly row: Row;
  readonly y: number;
  readonly h: number;
}

/** Where each row sits, from the top of the lanes area (below the axis). */
export function placeRows(rows: readonly Row[]): { places: RowPlace[]; total: number } {
  let y = 4;
  const places = rows.map((row) => {
    const h = rowHeight(row);
    const place = { row, y, h };
    y += h + (row.kind === 'lane' ? 2 : 4);
    return place;
  });
  return { places, total: y };
}

function cut(ctx: CanvasRenderingContext2D, text: string, width: number): string {
  if (ctx.measureText(text).width <= width) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (ctx.measureText(`${text.slice(0, mid)}…`).width <= width) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo)}…`;
}

export class TimelinePainter {
  private runs: RunBuffer = createRunBuffer(0);
  private readonly occupancies = new Map<Row, Occupancy>();
  private columnsBuffer = new Float64Array(0);
  private countsBuffer = new Int32Array(0);
  private readonly peakQueue = new Map<string, number>();

  constructor(
    private readonly replay: Replay,
    private readonly places: readonly RowPlace[],
  ) {
    for (const [node, series] of replay.queues) {
      let peak = 1;
      for (const v of series.values) peak = Math.max(peak, v);
      this.peakQueue.set(node, peak);
    }
  }

  /** How many of a summary row's workers do what, built the first time it is needed. */
  occupancy(row: Row & { kind: 'summary' }): Occupancy {
    let occupancy = this.occupancies.get(row);
    if (!occupancy) {
      occupancy = buildOccupancy(this.replay, row.group.workers);
      this.occupancies.set(row, occupancy);
    }
    return occupancy;
  }

  /**
   * Paints everything but the playhead. `scrollY` shifts the rows (not the axis);
   * `selected` outlines the picked job's work in every lane.
   */
  paint(
    ctx: CanvasRenderingContext2D,
    width: number,
    height: number,
    view: ColumnWindow,
    scrollY: number,
    selected: number | null,
  ): void {
    ctx.fillStyle = css(COLORS.background);
    ctx.fillRect(0, 0, width, height);
    ctx.fillStyle = css(COLORS.panel);
    ctx.fillRect(0, 0, GUTTER, height);
    if (view.columns > this.columnsBuffer.length) {
      this.columnsBuffer = new Float64Array(view.columns);
      this.countsBuffer = new Int32Array(view.columns * STATE_COUNT);
      this.runs = createRunBuffer(view.columns);
    }
    ctx.save();
    ctx.beginPath();
    ctx.rect(0, AXIS, width, height - AXIS);
    ctx.clip();
    for (const place of this.places) {
      const y = AXIS + place.y - scrollY;
      if (y + place.h < AXIS || y > height) continue;
      this.paintRow(ctx, place, y, view, selected);
    }
    ctx.restore();
    this.paintAxis(ctx, width, view);
  }

  private paintRow(
    ctx: CanvasRenderingContext2D,
    place: RowPlace,
    y: number,
    view: ColumnWindow,
    selected: number | null,
  ): void {
    const { row, h } = place;
    ctx.font = row.kind === 'heading' ? SMALL : FONT;
    ctx.textBaseline = 'middle';
    ctx.fillStyle = css(row.kind === 'heading' ? COLORS.textFaint : COLORS.textDim);
    const indent = row.kind === 'heading' ? 10 : 18;
    const plot = row.kind === 'queue' || row.kind === 'throughput';
    ctx.fillText(cut(ctx, row.label, GUTTER - indent - 8), indent, y + h / 2 - (plot ? 6 : 0));

    switch (row.kind) {
      case 'heading':
        ctx.fillStyle = css(COLORS.line);
        ctx.fillRect(GUTTER, y + h / 2, view.columns, 1);
        return;
      case 'lane':
        this.paintLane(ctx, row.worker, y, h, view, selected);
        return;
      case 'summary':
        this.paintSummary(ctx, this.occupancy(row), y, h, view);
        return;
      case 'gil':
        this.paintGil(ctx, row.process, y, h, view);
        return;
      case 'queue': {
        const series = this.replay.queues.get(row.node)!;
        const max = seriesMaxColumns(series, view, this.columnsBuffer);
        const scale = row.capacity > 0 ? row.capacity : (this.peakQueue.get(row.node) ?? 1);
        const top = row.capacity > 0 ? `top: capacity ${scale}` : `top: ${scale} (peak)`;
        this.paintPlot(ctx, max, y, h, view.columns, scale, COLORS.accent, top);

        return;
      }
      case 'throughput': {
        const rates = rateColumns(this.replay.deliveredAt, view, 12, this.columnsBuffer);
        let peak = 0;
        for (let c = 0; c < view.columns; c++) peak = Math.max(peak, rates[c]!);
        const label = peak > 0 ? `top: ${peak.toPrecision(3)}/s (peak in view)` : 'none in view';

        this.paintPlot(ctx, rates, y, h, view.columns, Math.max(peak, 1e-9), 0x009e73, label);
        return;
      }
    }
  }

  private paintLane(
    ctx: CanvasRenderingContext2D,
    worker: number,
    y: number,
    h: number,
    view: ColumnWindow,
    selected: number | null,
  ): void {
    ctx.fillStyle = css(COLORS.raised);
    ctx.fillRect(GUTTER, y, view.columns, h);
    const runs = laneRuns(this.replay.track(worker), view, this.runs);
    for (let i = 0; i < runs.count; i++) {
      const state = runs.state[i]!;
      if (state === DONE) continue;
      const x = GUTTER + runs.start[i]!;
      const w = runs.end[i]! - runs.start[i]!;
      ctx.fillStyle = stateFill(ctx, WORKER_STATES[state]!);
      const inset = state === IDLE ? 4 : 0;
      ctx.fillRect(x, y + inset, w, h - 2 * inset);
    }
    if (selected === null) return;
    ctx.strokeStyle = css(COLORS.selected);
    ctx.lineWidth = 1.5;
    for (let i = 0; i < runs.count; i++) {
      if (runs.job[i] !== selected || runs.state[i] === IDLE) continue;
      ctx.strokeRect(
        GUTTER + runs.start[i]! + 0.75,
        y + 0.75,
        runs.end[i]! - runs.start[i]! - 1.5,
        h - 1.5,
      );
    }
  }

  /** Stacked columns: how many of the group's workers are in each busy state, idle at the top. */
  private paintSummary(
    ctx: CanvasRenderingContext2D,
    occupancy: Occupancy,
    y: number,
    h: number,
    view: ColumnWindow,
  ): void {
    ctx.fillStyle = css(COLORS.raised);
    ctx.fillRect(GUTTER, y, view.columns, h);
    const counts = occupancyColumns(occupancy, view, this.countsBuffer);
    const scale = h / Math.max(1, occupancy.peakAlive);
    for (let c = 0; c < view.columns; c++) {
      let bottom = y + h;
      for (let s = 0; s < STATE_COUNT; s++) {
        if (s === DONE || s === IDLE) continue;
        const n = counts[c * STATE_COUNT + s]!;
        if (n === 0) continue;
        const hh = n * scale;
        ctx.fillStyle = stateFill(ctx, WORKER_STATES[s]!);
        ctx.fillRect(GUTTER + c, bottom - hh, 1, hh);
        bottom -= hh;
      }
    }
  }

  private paintGil(
    ctx: CanvasRenderingContext2D,
    process: number,
    y: number,
    h: number,
    view: ColumnWindow,
  ): void {
    const series = this.replay.gil.get(process);
    ctx.fillStyle = css(COLORS.raised);
    ctx.fillRect(GUTTER, y, view.columns, h);
    if (!series) return;
    const width = (view.t1 - view.t0) / view.columns;
    let runStart = 0;
    let runHolder = -2;
    const flush = (end: number) => {
      if (runHolder >= 0) {
        ctx.fillStyle = css(HOLDER_COLORS[runHolder % HOLDER_COLORS.length]!);
        ctx.fillRect(GUTTER + runStart, y, end - runStart, h);
      }
    };
    for (let c = 0; c < view.columns; c++) {
      const i = lastAtOrBefore(series.times, view.t0 + (c + 0.5) * width);
      const holder = i < 0 ? -1 : series.values[i]!;
      if (holder !== runHolder) {
        flush(c);
        runStart = c;
        runHolder = holder;
      }
    }
    flush(view.columns);
  }

  private paintPlot(
    ctx: CanvasRenderingContext2D,
    values: Float64Array,
    y: number,
    h: number,
    columns: number,
    scale: number,
    color: number,
    peakLabel: string,
  ): void {
    ctx.fillStyle = css(COLORS.raised);
    ctx.fillRect(GUTTER, y, columns, h);
    ctx.beginPath();
    ctx.moveTo(GUTTER, y + h);
    for (let c = 0; c < columns; c++) {
      ctx.lineTo(GUTTER + c + 0.5, y + h - Math.min(1, values[c]! / scale) * (h - 2));
    }
    ctx.lineTo(GUTTER + columns, y + h);
    ctx.closePath();
    ctx.fillStyle = css(color, 0.3);
    ctx.fill();
    ctx.strokeStyle = css(color);
    ctx.lineWidth = 1.25;
    ctx.stroke();
    // The plot's scale, under its name in the gutter.
    ctx.font = SMALL;
    ctx.fillStyle = css(COLORS.textFaint);
    ctx.textBaseline = 'middle';
    ctx.fillText(peakLabel, 18, y + h / 2 + 8);
  }

  private paintAxis(ctx: CanvasRenderingContext2D, width: number, view: ColumnWindow): void {
    ctx.fillStyle = css(COLORS.panel);
    ctx.fillRect(0, 0, width, AXIS);
    ctx.fillStyle = css(COLORS.line);
    ctx.fillRect(0, AXIS - 1, width, 1);
    ctx.font = SMALL;
    ctx.textBaseline = 'middle';
    const span = view.t1 - view.t0;
    for (const t of ticks(view.t0, view.t1, Math.max(2, Math.floor(view.columns / 110)))) {
      const x = GUTTER + ((t - view.t0) / span) * view.columns;
      ctx.fillStyle = css(COLORS.lineStrong);
      ctx.fillRect(Math.round(x), AXIS - 6, 1, 6);
      ctx.fillStyle = css(COLORS.textDim);
      ctx.fillText(t === 0 ? '0' : duration(t), Math.round(x) + 4, AXIS / 2 - 1);
    }
    ctx.fillStyle = css(COLORS.textFaint);
    ctx.fillText('time →', 10, AXIS / 2 - 1);
  }
}

/** The playhead: a line across the lanes with a handle on the axis. */
export function paintPlayhead(ctx: CanvasRenderingContext2D, x: number, height: number): void {
  ctx.fillStyle = css(COLORS.selected, 0.9);
  ctx.fillRect(Math.round(x) - 0.5, AXIS - 6, 1.5, height - AXIS + 6);
  ctx.beginPath();
  ctx.moveTo(x - 5, 2);
  ctx.lineTo(x + 5, 2);
  ctx.lineTo(x, AXIS - 6);
  ctx.closePath();
  ctx.fill();
}
