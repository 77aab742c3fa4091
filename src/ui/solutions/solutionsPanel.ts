/**
 * The player's solutions for this contract: open, rename, duplicate, delete, start afresh.
 * The best grade of any of them is the contract's grade.
 */
import type { Level } from '../../model/level';
import type { ContractRecord } from '../../storage/save';
import { MAX_NAME, MAX_SOLUTIONS } from '../../storage/save';
import { h, replace } from '../../shell/dom';
import { duration, money } from '../../shell/format';
import { gradeBadge } from '../grade';
import { solutionsChart } from './chart';
import './solutions.css';

export interface SolutionActions {
  open(id: string): void;
  rename(id: string, name: string): void;
  duplicate(id: string): void;
  remove(id: string): void;
  fresh(): void;
  /** Keeps the wiring on the board (opened from a link) as a new solution. */
  keepBoard(): void;
}

export class SolutionsPanel {
  readonly element = h('div', { class: 'solutions panel-pad', data: { testid: 'solutions' } });

  constructor(
    private readonly level: Level,
    private readonly actions: SolutionActions,
  ) {}

  /**
   * `record` null: a contract played outside the campaign, whose wiring is not kept.
   * `unsaved`: the board shows a wiring that is not one of the player's solutions.
   */
  show(record: ContractRecord | null, unsaved = false): void {
    if (!record) {
      replace(
        this.element,
        h(
          'p',
          { class: 'muted' },
          'This contract is not part of your campaign, so its wirings are not saved. Share a link to keep one.',
        ),
      );
      return;
    }
    const full = record.solutions.length >= MAX_SOLUTIONS;
    replace(
      this.element,
      h(
        'div',
        { class: 'solutions-head' },
        h(
          'div',
          null,
          h('span', { class: 'faint' }, 'Contract grade: '),
          record.paid
            ? gradeBadge(record.bestGrade, true)
            : h('span', { class: 'muted' }, 'not delivered yet'),
        ),
        h(
          'button',
          {
            class: 'btn small',
            data: { action: 'new-solution' },
            attrs: { disabled: full },
            on: { click: () => this.actions.fresh() },
          },
          '+ New',
        ),
      ),
      unsaved
        ? h(
            'div',
            { class: 'unsaved-note', data: { testid: 'unsaved-wiring' } },
            h(
              'p',
              null,
              'The wiring on the board is not one of your solutions yet: edits to it are not saved, and its runs do not count.',
            ),
            h(
              'button',
              {
                class: 'btn small primary',
                attrs: { disabled: full },
                on: { click: () => this.actions.keepBoard() },
              },
              'Keep it as a solution',
            ),
          )
        : null,
      h(
        'ul',
        { class: 'solution-list' },
        ...record.solutions.map((s) => this.row(record, s.id, unsaved)),
      ),
      solutionsChart(this.level, record.solutions, record.active),
    );
  }

  private row(record: ContractRecord, id: string, unsaved: boolean): HTMLElement {
    const solution = record.solutions.find((s) => s.id === id)!;
    const active = !unsaved && record.active === id;
    const name = h('input', {
      class: 'solution-name',
      attrs: {
        value: solution.name,
        maxlength: MAX_NAME,
        'aria-label': 'Solution name',
        spellcheck: 'false',
      },
      on: {
        change: (event) => this.actions.rename(id, (event.target as HTMLInputElement).value),
        keydown: (event) => {
          if (event.key === 'Enter') (event.target as HTMLInputElement).blur();
        },
      },
    });
    const score = solution.score;
    const summary = score
      ? h(
          'span',
          { class: 'solution-score' },
          score.passed
            ? gradeBadge(score.grade, true)
            : h('span', { class: 'missed-tag' }, '✗ goals missed'),
          h('span', { class: 'mono' }, `${duration(score.makespanUs)} · ${money(score.cost)}`),
        )
      : h('span', { class: 'solution-score faint' }, 'not scored yet');
    return h(
      'li',
      {
        class: `solution${active ? ' active' : ''}`,
        data: { solution: id },
        attrs: { 'aria-current': active ? 'true' : undefined },
      },
      h('div', { class: 'solution-main' }, name, summary),
      h(
        'div',
        { class: 'solution-actions' },
        active
          ? h('span', { class: 'editing-tag' }, 'Editing')
          : h(
              'button',
              {
                class: 'btn small',
                data: { action: 'open' },
                on: { click: () => this.actions.open(id) },
              },
              'Open',
            ),
        h(
          'button',
          {
            class: 'btn small ghost',
            data: { action: 'duplicate' },
            attrs: { title: 'Duplicate', disabled: record.solutions.length >= MAX_SOLUTIONS },
            on: { click: () => this.actions.duplicate(id) },
          },
          'Duplicate',
        ),
        h(
          'button',
          {
            class: 'btn small ghost',
            data: { action: 'delete' },
            attrs: { title: 'Delete', disabled: record.solutions.length <= 1 },
            on: { click: () => this.actions.remove(id) },
          },
          'Delete',
        ),
      ),
    );
  }
}
