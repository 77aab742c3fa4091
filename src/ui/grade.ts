/** Grade medals: a shape and a word as well as a colour, so no one has to tell gold from bronze by hue. */
import type { Grade } from '../engine/result';
import { h } from '../shell/dom';

const LABEL: Readonly<Record<Grade, string>> = {
  none: 'Met',
  bronze: 'Bronze',
  silver: 'Silver',
  gold: 'Gold',
};

/** `finished`: the contract is done; a 'none' grade then reads "Met" (goals met, no medal). */
export function gradeBadge(grade: Grade, finished: boolean): HTMLElement {
  if (grade === 'none' && !finished) return h('span', { class: 'grade grade-none' }, 'No grade');
  return h(
    'span',
    { class: `grade grade-${grade}`, data: { grade } },
    h('span', { class: 'medal', attrs: { 'aria-hidden': 'true' } }, grade === 'none' ? '✓' : '★'),
    LABEL[grade],
  );
}

export function gradeLabel(grade: Grade): string {
  return LABEL[grade];
}
