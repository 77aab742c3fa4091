/**
 * The workers of each box, drawn in the box's bottom margin: a slot per worker lit in
 * its state's colour, a gold ring on the thread holding its process's GIL — or, for a
 * box with more workers than slots fit (a Tasks box makes one task per job), a bar of
 * how many are in each state. Each state has its pattern too (statePatterns.ts), so a
 * slot or a bar is read without its colour. Also the gauges of queues and the counts of Source and
 * Sink. Everything is a tinted sprite, so a frame changes numbers, never geometry.
 */
import { Container, Graphics, Sprite, Texture, TilingSprite, type BitmapText } from 'pixi.js';
import type { WorkerState } from '../../engine/trace';
import { stateTile } from '../statePatterns';
import type { Solution } from '../../model/solution';
import { COLORS, STATE_COLORS } from '../colors';
import type { Frame } from '../replay/frame';
import {
  buildOccupancy,
  groupWorkers,
  sharedGils,
  type Occupancy,
  type WorkerGroup,
} from '../replay/groups';
import type { Replay } from '../replay/replay';
import { lastAtOrBefore } from '../replay/series';
import { DONE, NONE, STATE_COUNT, WORKER_STATES } from '../replay/states';
import { CONTAINER, type FloorLayout, type NodeBox } from './layout';
import { counter, setText } from './text';
import { pileCapacity, pileOf } from './tokenPlaces';

const SLOT = 8;
const SLOT_STEP = 11;

function rect(
  parent: Container,
  x: number,
  y: number,
  w: number,
  h: number,
  tint: number,
  texture: Texture = Texture.WHITE,
): Sprite {
  const s = new Sprite(texture);
  s.position.set(x, y);
  s.width = w;
  s.height = h;
  s.tint = tint;
  parent.addChild(s);
  return s;
}

/** One white tile per state, tinted with the state's colour by the sprite. */
const markTextures = new Map<WorkerState, Texture>();
function markTexture(state: WorkerState): Texture {
  let texture = markTextures.get(state);
  if (!texture) {
    texture = Texture.from(stateTile(state, 'white'));
    markTextures.set(state, texture);
  }
  return texture;
}

interface SlotRow {
  readonly workers: readonly number[];
  readonly slots: Sprite[];
}

interface StateBar {
  readonly group: WorkerGroup;
  readonly occupancy: Occupancy;
  readonly x: number;
  readonly width: number;
  readonly segments: TilingSprite[];
  readonly count: BitmapText;
}

/** The count of a box's tokens, shown when more sit there than its pile can draw. */
interface PileCount {
  readonly node: number;
  readonly capacity: number;
  readonly text: BitmapText;
}

interface Gauge {
  readonly node: string;
  readonly capacity: number;
  readonly peak: number;
  readonly fill: Sprite;
  readonly x: number;
  readonly width: number;
  readonly count: BitmapText;
}

export class WorkerLayer {
  readonly view = new Container({ label: 'workers' });
  private readonly rows: SlotRow[] = [];
  private readonly bars: StateBar[] = [];
  private readonly gauges: Gauge[] = [];
  private readonly pileCounts: PileCount[] = [];
  private readonly slotOf = new Map<number, Sprite>();
  private readonly rings = new Graphics();
  /** Processes whose GIL is worth showing: more than one worker ever held it. */
  private readonly sharedGils: readonly number[];
  private readonly sinkCount: BitmapText | null = null;
  private readonly sourceCount: BitmapText | null = null;
  private lastRingKey = '';
  private readonly indexOf = new Map<number, number>();
  /**
   * How far along a box's bottom margin earlier groups' slots reach: a process pool's box
   * shows its processes, then the main process's threads that pickle for them.
   */
  private readonly taken = new Map<string, number>();

  constructor(
    private readonly replay: Replay,
    layout: FloorLayout,
    solution: Solution,
  ) {
    for (const group of groupWorkers(replay)) {
      const box = group.node === null ? undefined : layout.boxes.get(group.node);
      if (box) this.addGroup(group, box);
    }
    this.sharedGils = sharedGils(replay);
    for (const node of solution.nodes) {
      const box = layout.boxes.get(node.id);
      if (!box) continue;
      if (node.type === 'queue') this.addGauge(box, (node.params as { capacity: number }).capacity);
      if (node.type === 'sink') this.sinkCount = this.boxCounter(box, COLORS.text);
      if (node.type === 'source') this.sourceCount = this.boxCounter(box, COLORS.textDim);
    }
    for (const box of layout.boxes.values()) {
      const node = replay.nodeIndex.get(box.id);
      // A queue's gauge says how many wait in it.
      if (node === undefined || box.type === 'queue') continue;
      const text = counter(9, COLORS.text);
      text.anchor.set(1, 0);
      text.position.set(box.x + box.w - 8, box.y + (box.container ? 19 : 6));
      this.view.addChild(text);
      this.pileCounts.push({ node, capacity: pileCapacity(pileOf(box)), text });
    }
    this.view.addChild(this.rings);
    replay.workers.forEach((w, i) => this.indexOf.set(w.id, i));
  }

  private addGroup(group: WorkerGroup, box: NodeBox): void {
    const y = box.y + box.h - (box.container ? CONTAINER.pad / 2 + SLOT / 2 : 12);
    const before = this.taken.get(box.id);
    const x0 = box.x + 10 + (before ?? 0);
    const room = box.w - 20 - (before ?? 0);
    const fits = Math.floor((room + SLOT_STEP - SLOT) / SLOT_STEP);
    if (group.workers.length <= fits) {
      const slots = group.workers.map((w, i) => {
        const s = rect(
          this.view,
          x0 + i * SLOT_STEP,
          y,
          SLOT,
          SLOT,
          STATE_COLORS.idle,
          // Every state's tile has one size, so changing it keeps the slot's size.
          markTexture('idle'),
        );
        this.slotOf.set(w, s);
        return s;
      });
      this.rows.push({ workers: group.workers, slots });
      // A gap of one slot sets the next group apart.
      this.taken.set(box.id, (before ?? 0) + (group.workers.length + 1) * SLOT_STEP);
      return;
    }
    // A later group that does not fit beside the first is left to the timeline.
    if (before !== undefined) return;
    this.taken.set(box.id, room);
    const width = room - 52;
    rect(this.view, x0, y, width, SLOT, COLORS.raised);
    const segments = WORKER_STATES.map((state) => {
      const segment = new TilingSprite({ texture: markTexture(state), width: 0, height: SLOT });
      segment.position.set(x0, y);
      segment.tint = STATE_COLORS[state];
      this.view.addChild(segment);
      return segment;
    });
    const count = counter(9);
    count.position.set(x0 + width + 5, y - 2);
    this.view.addChild(count);
    this.bars.push({
      group,
      occupancy: buildOccupancy(this.replay, group.workers),
      x: x0,
      width,
      segments,
      count,
    });
  }

  private addGauge(box: NodeBox, capacity: number): void {
    const series = this.replay.queues.get(box.id);
    let peak = 1;
    if (series) for (const v of series.values) peak = Math.max(peak, v);
    // A bar along the foot of the header, and the depth under the waiting tokens.
    const x = box.x + 1;
    const width = box.w - 2;
    const y = box.y + box.header - 3;
    rect(this.view, x, y, width, 3, COLORS.raised);
    const fill = rect(this.view, x, y, 0, 3, COLORS.accent);
    const count = counter(9, COLORS.text);
    count.anchor.set(1, 0);
    count.position.set(box.x + box.w - 8, box.y + 19);
    this.view.addChild(count);
    this.gauges.push({ node: box.id, capacity, peak, fill, x, width, count });
  }

  private boxCounter(box: NodeBox, color: number): BitmapText {
    const text = counter(10, color);
    text.position.set(box.x + 11, box.y + 22);
    this.view.addChild(text);
    return text;
  }

  /** Shows `frame`; `sitting` counts the tokens in each node (by replay node index). */
  update(frame: Frame, sitting: Int32Array): void {
    for (const pile of this.pileCounts) {
      const n = sitting[pile.node]!;
      setText(pile.text, n > pile.capacity ? `${n.toLocaleString('en-US')} here` : '');
    }
    for (const row of this.rows) {
      row.workers.forEach((w, i) => {
        const slot = row.slots[i]!;
        const code = frame.state[w]!;
        slot.visible = code !== NONE && code !== DONE;
        if (!slot.visible) return;
        const state = WORKER_STATES[code]!;
        slot.tint = STATE_COLORS[state];
        slot.texture = markTexture(state);
      });
    }
    for (const bar of this.bars) this.updateBar(bar, frame.t);
    for (const gauge of this.gauges) {
      const depth = frame.queueDepth.get(gauge.node) ?? 0;
      const scale = gauge.capacity > 0 ? gauge.capacity : gauge.peak;
      gauge.fill.width = gauge.width * Math.min(1, depth / scale);
      gauge.fill.tint = gauge.capacity > 0 && depth >= gauge.capacity ? COLORS.gold : COLORS.accent;
      setText(
        gauge.count,
        gauge.capacity > 0 ? `${depth}/${gauge.capacity} queued` : `${depth} queued`,
      );
    }
    if (this.sinkCount)
      setText(this.sinkCount, `${frame.delivered.toLocaleString('en-US')} delivered`);
    if (this.sourceCount) {
      const arrived = lastAtOrBefore(this.replay.jobs.arrival, frame.t) + 1;
      const left = this.replay.jobs.count - arrived;
      setText(this.sourceCount, left > 0 ? `${left.toLocaleString('en-US')} to come` : 'all sent');
    }
    this.updateRings(frame);
  }

  private updateBar(bar: StateBar, t: number): void {
    const i = lastAtOrBefore(bar.occupancy.times, t);
    const scale = bar.width / Math.max(1, bar.occupancy.peakAlive);
    let x = bar.x;
    let alive = 0;
    for (let s = 0; s < STATE_COUNT; s++) {
      const n = s === DONE || i < 0 ? 0 : bar.occupancy.counts[i * STATE_COUNT + s]!;
      alive += n;
      const seg = bar.segments[s]!;
      seg.x = x;
      seg.width = n * scale;
      x += n * scale;
    }
    setText(bar.count, `${alive.toLocaleString('en-US')}`);
  }

  /** A gold ring around the slot of each shared GIL's holder. */
  private updateRings(frame: Frame): void {
    let key = '';
    for (const process of this.sharedGils) key += `${frame.gilHolder.get(process) ?? -1},`;
    if (key === this.lastRingKey) return;
    this.lastRingKey = key;
    this.rings.clear();
    for (const process of this.sharedGils) {
      const holder = frame.gilHolder.get(process) ?? -1;
      const slot = this.slotOf.get(this.indexOf.get(holder) ?? -1);
      if (!slot) continue;
      this.rings
        .roundRect(slot.x - 2.5, slot.y - 2.5, SLOT + 5, SLOT + 5, 2)
        .stroke({ width: 1.5, color: COLORS.gold });
    }
  }
}
