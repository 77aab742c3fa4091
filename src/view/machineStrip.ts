/**
 * The machine, in a strip above the floor: its cores and how many are busy, the event
 * loop turning (or stuck, in red, on the step that blocks it), who holds each shared GIL,
 * jobs delivered, memory against the budget. Plain DOM: text stays crisp and readable by
 * screen readers, and the floor keeps the whole width of the panel.
 */
import type { Level } from '../model/level';
import { parseSize } from '../model/units';
import { h } from '../shell/dom';
import { bytes, duration } from '../shell/format';

import type { Frame } from './replay/frame';
import { sharedGils } from './replay/groups';
import type { Replay } from './replay/replay';
import { CPU, IDLE } from './replay/states';

const SVG = 'http://www.w3.org/2000/svg';
const MAX_CORE_BOXES = 16;
const MAX_GILS = 2;

/** The event loop's icon: a circular arrow that turns while the loop runs. */
function loopIcon(): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '-10 -10 20 20');
  svg.setAttribute('width', '16');
  svg.setAttribute('height', '16');
  svg.setAttribute('aria-hidden', 'true');
  svg.classList.add('lw-loop-icon');
  const arc = document.createElementNS(SVG, 'path');
  arc.setAttribute('d', 'M 6.9 -2.5 A 7.3 7.3 0 1 0 7.3 1.2');
  arc.setAttribute('fill', 'none');
  arc.setAttribute('stroke', 'currentColor');
  arc.setAttribute('stroke-width', '2.2');
  arc.setAttribute('stroke-linecap', 'round');
  const head = document.createElementNS(SVG, 'path');
  head.setAttribute('d', 'M 3.2 -4.6 L 8.8 -5.6 L 7.6 0.2 Z');
  head.setAttribute('fill', 'currentColor');
  svg.append(arc, head);
  return svg;
}

function setText(element: HTMLElement, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}

export class MachineStrip {
  readonly element: HTMLElement;
  private readonly cores: HTMLElement[] = [];
  private readonly coreText = h('span', { class: 'lw-strip-text' });
  private readonly loop = h('span', { class: 'lw-strip-item lw-loop' });
  private readonly icon = loopIcon();
  private readonly loopText = h('span', { class: 'lw-strip-text' });
  private readonly gils: { process: number; dot: HTMLElement; text: HTMLElement }[] = [];
  private readonly jobsText = h('span', { class: 'lw-strip-text' });
  private readonly memoryFill = h('span', { class: 'lw-meter-fill' });
  private readonly memoryText = h('span', { class: 'lw-strip-text' });
  private readonly coreCount: number;
  private readonly memoryBudget: number;
  private readonly labels = new Map<number, string>();
  private readonly loopWorker: number;
  private angle = 0;

  constructor(
    private readonly replay: Replay,
    level: Level | null,
  ) {
    this.coreCount = level?.machine.cores ?? 1;
    this.memoryBudget = level ? parseSize(level.machine.memory) : 0;
    replay.workers.forEach((w) => this.labels.set(w.id, w.label));
    this.loopWorker = replay.workers.findIndex((w) => w.kind === 'loop');

    const coreBoxes = h('span', { class: 'lw-cores', attrs: { 'aria-hidden': 'true' } });
    for (let i = 0; i < Math.min(this.coreCount, MAX_CORE_BOXES); i++) {
      const core = h('span', { class: 'lw-core' });
      this.cores.push(core);
      coreBoxes.append(core);
    }
    this.loop.append(this.icon, this.loopText);
    const gilItems = sharedGils(replay)
      .slice(0, MAX_GILS)
      .map((process) => {
        const dot = h('span', { class: 'lw-gil-dot', attrs: { 'aria-hidden': 'true' } });
        const text = h('span', { class: 'lw-strip-text' });
        this.gils.push({ process, dot, text });
        return h(
          'span',
          { class: 'lw-strip-item', attrs: { title: "Who holds the process's GIL" } },
          dot,
          h('span', { class: 'lw-strip-label' }, process === 0 ? 'GIL' : `GIL p${process}`),
          text,
        );
      });
    this.element = h(
      'div',
      { class: 'lw-strip', attrs: { 'data-testid': 'machine', 'aria-label': 'The machine' } },
      h(
        'span',
        { class: 'lw-strip-item', attrs: { title: 'Cores running Python code or a process' } },
        coreBoxes,
        this.coreText,
      ),
      this.loopWorker >= 0 ? this.loop : null,
      ...gilItems,
      h(
        'span',
        { class: 'lw-strip-item', attrs: { 'data-testid': 'machine-jobs' } },
        h('span', { class: 'lw-strip-label' }, 'Jobs'),
        this.jobsText,
      ),
      h(
        'span',
        { class: 'lw-strip-item', attrs: { title: 'Memory in use, against the machine’s budget' } },
        h('span', { class: 'lw-strip-label' }, 'Memory'),
        h('span', { class: 'lw-meter' }, this.memoryFill),
        this.memoryText,
      ),
    );
  }

  /** Shows `frame`; `dtMs` of real time passed since the last update, which turns the loop's icon. */
  update(frame: Frame, dtMs: number, animate: boolean): void {
    const busy = Math.min(frame.running, this.coreCount);
    this.cores.forEach((c, i) => c.classList.toggle('busy', i < busy));
    const wanting = frame.running - busy;
    setText(
      this.coreText,
      `${busy}/${this.coreCount} cores${wanting > 0 ? ` · ${wanting} waiting` : ''}`,
    );

    if (this.loopWorker >= 0) {
      const state = frame.state[this.loopWorker]!;
      const block = frame.loopBlock;
      let text = state === IDLE ? 'loop waiting for events' : 'loop running';
      if (state === CPU) {
        const detail = this.replay.strings[frame.detail[this.loopWorker]!] ?? '';
        text = detail ? `loop running ${detail}` : 'loop running';
      }
      if (block) text = `loop blocked ${duration(block.delay)} by ${block.step}`;
      setText(this.loopText, text);
      this.loop.title = text;
      this.loop.classList.toggle('blocked', block !== null);
      this.loop.classList.toggle('busy', state === CPU && block === null);
      if (animate && block === null)
        this.angle = (this.angle + (dtMs / 1000) * (state === CPU ? 400 : 60)) % 360;
      this.icon.style.transform = `rotate(${Math.round(this.angle)}deg)`;
    }

    for (const gil of this.gils) {
      const holder = frame.gilHolder.get(gil.process) ?? -1;
      gil.dot.classList.toggle('held', holder >= 0);
      setText(gil.text, holder >= 0 ? (this.labels.get(holder) ?? `worker ${holder}`) : 'free');
    }

    // The same words as the score's jobs line: failed and lost are told apart.
    const failed = frame.failed > 0 ? ` · ${frame.failed.toLocaleString('en-US')} failed` : '';
    const lost = frame.lost > 0 ? ` · ${frame.lost.toLocaleString('en-US')} lost` : '';
    setText(
      this.jobsText,
      `${frame.delivered.toLocaleString('en-US')}/${this.replay.jobs.count.toLocaleString('en-US')} done${failed}${lost}`,
    );

    const share = this.memoryBudget > 0 ? Math.min(1, frame.memoryBytes / this.memoryBudget) : 0;
    this.memoryFill.style.width = `${Math.round(share * 100)}%`;
    this.memoryFill.classList.toggle('high', share > 0.9);
    setText(
      this.memoryText,
      this.memoryBudget > 0
        ? `${bytes(frame.memoryBytes)} / ${bytes(this.memoryBudget)}`
        : bytes(frame.memoryBytes),
    );
  }
}
