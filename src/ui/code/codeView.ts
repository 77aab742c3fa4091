/**
 * The code view: the current wiring as the Python program it stands for, rebuilt as the
 * player edits. The selected nodes' lines are marked; clicking a line (or Enter on it)
 * selects its node in the editor. "Download .py" saves the runnable program. A line below
 * the bar says which machine the prediction uses, and loads a measured one.
 */
import type { ContextChange, PanelContext } from '../../shell/panels';
import { InputErrors } from '../../model/errors';
import type { Level } from '../../model/level';
import { exportPython, suggestScale, type PythonProgram } from '../../python/exportPython';
import { h, replace } from '../../shell/dom';
import { downloadText } from '../../shell/download';
import { machineLine } from './machineLine';
import { renderLines } from './render';
import './code.css';

/** Wait this long after an edit before rebuilding, so a drag does not rebuild on every frame. */
const REBUILD_DELAY_MS = 120;

/** Keeps a scale while the predicted run stays within these real seconds; else picks a new one. */
const SCALE_RANGE_S = [0.25, 20] as const;

export function mountCodeView(host: HTMLElement, context: PanelContext): () => void {
  const status = h('span', { class: 'code-status muted' });
  const copy = h('button', { class: 'btn small', attrs: { type: 'button' } }, 'Copy');
  const download = h(
    'button',
    { class: 'btn small primary', attrs: { type: 'button', 'data-action': 'download-py' } },
    'Download .py',
  );
  const machine = machineLine(context);
  const body = h('div', {
    class: 'code-body',
    attrs: { tabindex: '0', role: 'region', 'aria-label': 'The wiring as Python' },
  });
  host.append(
    h(
      'div',
      { class: 'code-view' },
      h('div', { class: 'code-bar' }, status, h('span', { class: 'code-spacer' }), copy, download),
      machine.element,
      body,
    ),
  );

  let program: PythonProgram | null = null;
  let lineElements: HTMLElement[] = [];
  let scaleFor: { level: Level; scale: number } | null = null;
  /** The contract last shown: a new one opens at its code, past the file's header. */
  let shownLevel: Level | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const scaleOf = (level: Level): number => {
    const live = context.live;
    const makespan = live?.ok ? live.metrics.makespanUs : 0;
    const kept = scaleFor?.level === level ? scaleFor.scale : null;
    if (kept !== null) {
      const realSeconds = (makespan / 1_000_000) * kept;
      if (makespan === 0 || (realSeconds >= SCALE_RANGE_S[0] && realSeconds <= SCALE_RANGE_S[1]))
        return kept;
    }
    const scale = makespan > 0 ? suggestScale(makespan) : (kept ?? 1);
    scaleFor = { level, scale };
    return scale;
  };

  const rebuild = (): void => {
    timer = null;
    const { level, solution } = context;
    if (level === null || solution === null) {
      program = null;
      lineElements = [];
      replace(
        body,
        h('p', { class: 'code-empty muted' }, 'Open a contract to see its wiring as Python.'),
      );
      status.textContent = '';
      copy.disabled = download.disabled = true;
      return;
    }
    try {
      program = exportPython(level, solution, { scale: scaleOf(level) });
    } catch (error) {
      program = null;
      lineElements = [];
      const why = error instanceof InputErrors ? error.message : String(error);
      replace(
        body,
        h('p', { class: 'panel-error' }, `This contract cannot be written as Python: ${why}`),
      );
      copy.disabled = download.disabled = true;
      return;
    }
    const scrollTop = body.scrollTop;
    lineElements = renderLines(program.lines);
    replace(body, h('div', { class: 'code-lines' }, ...lineElements));
    if (shownLevel === level) body.scrollTop = scrollTop;
    else body.scrollTop = lineElements[program.codeStart]?.offsetTop ?? 0;
    shownLevel = level;
    const broken = program.issues.length > 0;
    status.textContent = broken
      ? `${program.issues.length} thing${program.issues.length === 1 ? '' : 's'} to fix first`
      : `${program.fileName} · ${program.lines.length} lines · --scale ${program.scale}`;
    copy.disabled = download.disabled = broken;
    mark(context.selection, false);
    machine.refresh();
  };

  const schedule = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(rebuild, REBUILD_DELAY_MS);
  };

  /** Marks the lines of these nodes; scrolls the first into view when asked. */
  const mark = (nodes: readonly string[], scroll: boolean): void => {
    const wanted = new Set(nodes);
    let first: HTMLElement | null = null;
    for (const element of lineElements) {
      const on = element.dataset.node !== undefined && wanted.has(element.dataset.node);
      element.classList.toggle('is-marked', on);
      if (on && first === null) first = element;
    }
    if (scroll && first !== null) first.scrollIntoView({ block: 'nearest' });
  };

  const hover = (node: string | null): void => {
    for (const element of lineElements)
      element.classList.toggle('is-hover', node !== null && element.dataset.node === node);
  };

  const lineOf = (target: EventTarget | null): HTMLElement | null =>
    target instanceof Element ? target.closest<HTMLElement>('.code-line') : null;

  const choose = (line: HTMLElement | null): void => {
    const node = line?.dataset.node;
    if (node !== undefined) context.select([node]);
  };

  body.addEventListener('click', (event) => {
    // A click that ends a text selection is someone copying code, not choosing a node.
    if (!window.getSelection()?.isCollapsed) return;
    choose(lineOf(event.target));
  });
  body.addEventListener('mouseover', (event) => hover(lineOf(event.target)?.dataset.node ?? null));
  body.addEventListener('mouseleave', () => hover(null));
  body.addEventListener('keydown', (event) => {
    const nodeLines = lineElements.filter((l) => l.dataset.node !== undefined);
    const current = lineOf(document.activeElement);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (nodeLines.length === 0) return;
      event.preventDefault();
      const at = current === null ? -1 : nodeLines.indexOf(current);
      const next =
        event.key === 'ArrowDown'
          ? nodeLines[Math.min(nodeLines.length - 1, at + 1)]
          : nodeLines[Math.max(0, at - 1)];
      next?.focus();
      hover(next?.dataset.node ?? null);
    } else if ((event.key === 'Enter' || event.key === ' ') && current !== null) {
      event.preventDefault();
      choose(current);
    }
  });

  copy.addEventListener('click', () => {
    if (program === null) return;
    navigator.clipboard.writeText(program.source).then(
      () => context.notify('The program is on the clipboard.', 'good'),
      () => context.notify('The clipboard is not available here: use Download .py.', 'bad'),
    );
  });
  download.addEventListener('click', () => {
    if (program !== null) downloadText(program.fileName, program.source, 'text/x-python');
  });

  const unsubscribe = context.onChange((change: ContextChange) => {
    switch (change.type) {
      case 'level':
      case 'solution':
        schedule();
        break;
      case 'live':
        machine.liveChanged();
        // A new prediction may call for another time scale.
        if (context.level !== null && program !== null && scaleOf(context.level) !== program.scale)
          schedule();
        break;
      case 'selection':
        mark(change.nodes, true);
        break;
      default:
        break;
    }
  });
  rebuild();

  return () => {
    unsubscribe();
    if (timer !== null) clearTimeout(timer);
  };
}
