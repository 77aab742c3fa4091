/**
 * The machine beside the floor: its cores and how many are busy, the event loop turning
 * (or stuck, in red, on the step that blocks it), who holds each shared GIL, jobs
 * delivered and memory against the budget. Screen space: it does not pan or zoom.
 */
import { Container, Graphics, Sprite, Texture, type Text } from 'pixi.js';
import type { Level } from '../../model/level';
import { parseSize } from '../../model/units';
import { bytes } from '../../ui/format';
import { COLORS, STATE_COLORS } from '../colors';
import type { Frame } from '../replay/frame';
import { sharedGils } from '../replay/groups';
import type { Replay } from '../replay/replay';
import { CPU, IDLE } from '../replay/states';
import { fit, label, setText } from './text';

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
  readonly holder: Text;
}

export class Hud {
  readonly view = new Container({ label: 'hud' });
  private readonly background: Sprite;
  private readonly edge: Sprite;
  private readonly cores: Sprite[] = [];
  private readonly coreText: Text;
  private readonly wheel = new Graphics();
  private readonly loopText: Text;
  private readonly loopWorker: number;
  private readonly gilRows: GilRow[] = [];
  private readonly jobsText: Text;
  private readonly failedText: Text;
  private readonly memoryFill: Sprite;
  private readonly memoryText: Text;
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
    this.coreText = this.text(PAD, y, 11);
    y += 22;

    this.loopWorker = replay.workers.findIndex((w) => w.kind === 'loop');
    this.wheel.position.set(PAD + 9, y + 9);
    this.drawWheel(COLORS.textDim);
    this.view.addChild(this.wheel);
    const loopLabel = label('event loop', 11, COLORS.text, '600');
    loopLabel.position.set(PAD + 26, y - 1);
    this.view.addChild(loopLabel);
    this.loopText = this.text(PAD + 26, y + 14, 10);
    this.loopText.style.wordWrap = true;
    this.loopText.style.wordWrapWidth = HUD_WIDTH - PAD - 30;
    y += 48;

    const shared = sharedGils(replay);
    if (shared.length > 0) {
      this.heading('GIL HOLDER', y);
      y += 18;
      for (const process of shared.slice(0, MAX_GIL_ROWS)) {
        const dot = new Graphics().circle(0, 0, 4.5).fill({ color: 0xffffff });
        dot.position.set(PAD + 4.5, y + 6);
        this.view.addChild(dot);
        const name = label(process === 0 ? 'main' : `proc ${process}`, 10, COLORS.textDim);
        name.position.set(PAD + 14, y);
        this.view.addChild(name);
        this.gilRows.push({ process, dot, holder: this.text(PAD + 62, y, 11, COLORS.text) });
        y += 17;
      }
      y += 8;
    }

    this.heading('JOBS', y);
    y += 18;
    this.jobsText = this.text(PAD, y, 11, COLORS.text);
    y += 15;
    this.failedText = this.text(PAD, y, 11);
    y += 24;

    this.heading('MEMORY', y);
    y += 18;
    box(this.view, PAD, y, HUD_WIDTH - 2 * PAD, 5, COLORS.raised2);
    this.memoryFill = box(this.view, PAD, y, 0, 5, COLORS.accent);
    y += 10;
    this.memoryText = this.text(PAD, y, 10);
  }

  private heading(text: string, y: number): void {
    const t = label(text, 9, COLORS.textFaint, '700');
    t.style.letterSpacing = 1.2;
    t.position.set(PAD, y);
    this.view.addChild(t);
  }

  private text(x: number, y: number, size: number, color: number = COLORS.textDim): Text {
    const t = label('', size, color);
    t.position.set(x, y);
    this.view.addChild(t);
    return t;
  }

  /** The event loop's icon: a circular arrow that turns while the loop runs. */
  private drawWheel(color: number): void {
    const g = this.wheel.clear();
    g.arc(0, 0, 7.5, 0.35, Math.PI * 2 - 0.35).stroke({ width: 2.2, color, cap: 'round' });
    const ax = 7.5 * Math.cos(-0.35);
    const ay = 7.5 * Math.sin(-0.35);
    g.poly([ax - 4, ay - 1, ax + 3.5, ay - 2.5, ax + 0.5, ay + 4.5]).fill({ color });
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
        text = fit(detail ? `running ${detail}` : 'running a coroutine', 300, 10);
      }
      if (block) {
        color = COLORS.danger;
        text = fit(`blocked by ${block.step}`, 300, 10);
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
