/** The workbench's own side tabs: Score, Solutions, Hints and the contract's Brief. */
import type { Grade } from '../../engine/result';
import type { Level } from '../../model/level';
import type { DockTab } from '../dock';
import { h } from '../../shell/dom';
import { contractTerms } from '../inbox/terms';

export interface SideContent {
  readonly score: HTMLElement;
  readonly solutions: HTMLElement;
  readonly hints: HTMLElement;
  readonly level: Level;
  /** The contract's best grade so far and whether it is delivered, for the Brief's par list. */
  progress(): { best: Grade; finished: boolean };
}

function brief(content: SideContent): HTMLElement {
  const { level } = content;
  const { best, finished } = content.progress();
  return h(
    'div',
    { class: 'panel-pad brief' },
    h('h2', { class: 'brief-subject' }, level.email.subject),
    h('p', { class: 'faint' }, `From ${level.email.from}`),
    h('div', { class: 'brief-body' }, level.email.body),
    contractTerms(level, best, finished),
  );
}

export function sideTabs(content: SideContent): DockTab[] {
  return [
    { id: 'score', title: 'Score', order: 0, mount: (host) => void host.append(content.score) },
    {
      id: 'solutions',
      title: 'Solutions',
      order: 10,
      mount: (host) => void host.append(content.solutions),
    },
    { id: 'hints', title: 'Hints', order: 20, mount: (host) => void host.append(content.hints) },
    { id: 'brief', title: 'Brief', order: 30, mount: (host) => void host.append(brief(content)) },
  ];
}
