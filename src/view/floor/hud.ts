/**
 * The machine beside the floor: its cores and how many are busy, the event loop turning
 * (or stuck, in red, on the step that blocks it), who holds each shared GIL, jobs
 * delivered and memory against the budget. Screen space: it does not pan or zoom.
 */
import { Container, Graphics, Sprite, Texture, type BitmapText } from 'pixi.js';
import type { Level } from '../../model/level';
import { parseSize } from '../../model/units';
import { bytes } from '../../ui/format';
import { COLORS, STATE_COLORS } from '../colors';
import type { Frame } from '../replay/frame';
import type { Replay } from '../replay/replay';
import { CPU, IDLE } from '../replay/states';
import { counter, fit, label, setText } from './text';

export const HUD_WIDTH = 200;
const PAD = 14;
const MAX_CORE_BOXES = 16;
const MAX_GIL_ROWS = 3;

function box(parent: Container, x: number, y: number, w: number, h: number, tint: number): Sprite {
  const s = new Sprite(Texture.WHITE);
  s.position.set(x, y);
  s.width = w;
  s.height = h;
  s.tint = tint;
  parent.addChild(s);
  return s;
}

interface GilRow {
  readonly process: number;
  readonly dot: Graphics;
  readonly holder: BitmapText;
}

export class Hud {
  readonly view = new Container({ label: 'hud' });
  private readonly background: Sprite;
  private readonly edge: Sprite;
  private readonly cores: Sprite[] = [];
  private readonly coreText: BitmapText;
  private readonly wheel = new Graphics();
  private readonly loopText: BitmapText;
  private readonly loopWorker: number;
  private readonly gilRows: GilRow[] = [];
  private readonly jobsText: BitmapText;
  private readonly failedText: BitmapText;
  private readonly memoryFill: Sprite;
  private readonly memoryText: BitmapText;
  private readonly coreCount: number;
  private readonly memoryBudget: number;
  private readonly labels = new Map<number, string>();
  private angle = 0;
  private wheelColor: number = COLORS.textDim;

  constructor(
    private readonly replay: Replay,
    level: Level | null,
  ) {
    this.coreCount = level?.machine.cores ?? 1;
    this.memoryBudget = level ? parseSize(level.machine.memory) : 0;
    replay.workers.forEach((w) => this.labels.set(w.id, w.label));
    this.background = box(this.view, 0, 0, HUD_WIDTH, 100, COLORS.panel);
    this.edge = box(this.view, HUD_WIDTH - 1, 0, 1, 100, COLORS.line);
    let y = PAD;

    this.heading('MACHINE', y);
    y += 20;
    const shown = Math.min(this.coreCount, MAX_CORE_BOXES);
    const size = Math.min(14, Math.floor((HUD_WIDTH - 2 * PAD) / shown) - 3);
    for (let i = 0; i < shown; i++)
      this.cores.push(box(this.view, PAD + i * (size + 3), y, size, size, COLORS.raised2));
    y += size + 5;
    this.coreText = this.text(PAD, y, 10);
    y += 22;

    this.loopWorker = replay.workers.findIndex((w) => w.kind === 'loop');
    this.wheel.position.set(PAD + 9, y + 9);
    this.drawWheel(COLORS.textDim);
    this.view.addChild(this.wheel);
    const loopLabel = label('event loop', 11, COLORS.text, '600');
    loopLabel.position.set(PAD + 26, y - 1);
    this.view.addChild(loopLabel);
    this.loopText = this.text(PAD + 26, y + 13, 9);
    y += 38;

    const shared = [...replay.gil].filter(
      ([, s]) => new Set(Array.from(s.values).filter((h) => h >= 0)).size > 1,
    );
    if (shared.length > 0) {
      this.heading('GIL HOLDER', y);
      y += 18;
      for (const [process] of shared.slice(0, MAX_GIL_ROWS)) {
        const dot = new Graphics().circle(0, 0, 4.5).fill({ color: 0xffffff });
        dot.position.set(PAD + 4.5, y + 6);
        this.view.addChild(dot);
        const name = label(process === 0 ? 'main' : `proc ${process}`, 10, COLORS.textDim);
        name.position.set(PAD + 14, y);
        this.view.addChild(name);
        this.gilRows.push({ process, dot, holder: this.text(PAD + 62, y + 1, 10, COLORS.text) });
        y += 17;
      }
      y += 8;
    }

    this.heading('JOBS', y);
    y += 18;
    this.jobsText = this.text(PAD, y, 10, COLORS.text);
    y += 15;
    this.failedText = this.text(PAD, y, 10);
    y += 24;

    this.heading('MEMORY', y);
    y += 18;
    box(this.view, PAD, y, HUD_WIDTH - 2 * PAD, 5, COLORS.raised2);
    this.memoryFill = box(this.view, PAD, y, 0, 5, COLORS.accent);
    y += 10;
    this.memoryText = this.text(PAD, y, 9);
  }

  private heading(text: string, y: number): void {
    const t = label(text, 9, COLORS.textFaint, '700');
    t.style.letterSpacing = 1.2;
    t.position.set(PAD, y);
    this.view.addChild(t);
  }

  private text(x: number, y: number, size: number, color: number = COLORS.textDim): BitmapText {
    const t = counter(size, color);
    t.position.set(x, y);
    this.view.addChild(t);
    return t;
  }

  private drawWheel(color: number): void {
    const g = this.wheel.clear();
    g.circle(0, 0, 8).stroke({ width: 2, color });
    for (let i = 0; i < 4; i++) {
      const a = (i * Math.PI) / 2;
      g.moveTo(0, 0).lineTo(Math.cos(a) * 8, Math.sin(a) * 8);
    }
    g.stroke({ width: 1.5, color });
    g.circle(8, 0, 2.5).fill({ color });
  }

  resize(height: number): void {
    this.background.height = height;
    this.edge.height = height;
  }

  /** Shows `frame`; `dtMs` of wall time passed since the last update (turns the loop's wheel). */
  update(frame: Frame, dtMs: number, playing: boolean): void {
    const busy = Math.min(frame.running, this.coreCount);
    this.cores.forEach((c, i) => (c.tint = i < busy ? STATE_COLORS.cpu : COLORS.raised2));
    const over =
      frame.running > this.coreCount ? ` (+${frame.running - this.coreCount} sharing)` : '';
    setText(this.coreText, `${busy} of ${this.coreCount} cores busy${over}`);

    if (this.loopWorker >= 0) {
      const state = frame.state[this.loopWorker]!;
      const block = frame.loopBlock;
      let color: number = COLORS.textDim;
      let text = state === IDLE ? 'waiting for events' : 'running';
      if (state === CPU) {
        color = STATE_COLORS.cpu;
        const detail = this.replay.strings[frame.detail[this.loopWorker]!] ?? '';
        text = fit(detail ? `running ${detail}` : 'running', HUD_WIDTH - 40, 9);
      }
      if (block) {
        color = COLORS.danger;
        text = fit(`BLOCKED by ${block.step}`, HUD_WIDTH - 40, 9);
      }
      if (this.wheelColor !== color) {
        this.drawWheel(color);
        this.wheelColor = color;
      }
      if (playing && !block) this.angle += (dtMs / 1000) * (state === CPU ? 7 : 1.2);
      this.wheel.rotation = this.angle;
      setText(this.loopText, text);
    } else {
      setText(this.loopText, 'no event loop');
    }

    for (const row of this.gilRows) {
      const holder = frame.gilHolder.get(row.process) ?? -1;
      row.dot.tint = holder >= 0 ? COLORS.gold : COLORS.raised2;
      setText(
        row.holder,
        holder >= 0 ? fit(this.labels.get(holder) ?? `#${holder}`, 110, 10) : 'free',
      );
    }

    setText(
      this.jobsText,
      `${frame.delivered.toLocaleString('en-US')} / ${this.replay.jobs.count.toLocaleString('en-US')} delivered`,
    );
    setText(
      this.failedText,
      frame.failed > 0 ? `${frame.failed.toLocaleString('en-US')} failed or lost` : 'none failed',
    );
    const share = this.memoryBudget > 0 ? frame.memoryBytes / this.memoryBudget : 0;
    this.memoryFill.width = (HUD_WIDTH - 2 * PAD) * Math.min(1, share);
    this.memoryFill.tint = share > 0.9 ? COLORS.danger : COLORS.accent;
    setText(
      this.memoryText,
      this.memoryBudget > 0
        ? `${bytes(frame.memoryBytes)} of ${bytes(this.memoryBudget)}`
        : bytes(frame.memoryBytes),
    );
  }
}
