/** A step's work in a few words, under a Step node: "CPU 80 ms · IO 300 ms". */
import type { Level, Op, TimeSpec } from '../../model/level';
import { parseDuration } from '../../model/units';
import { duration } from '../../shell/format';

function time(spec: TimeSpec): string {
  try {
    if (typeof spec === 'string') return duration(parseDuration(spec));
    if ('exponential' in spec) return `~${duration(parseDuration(spec.exponential))}`;
    return `${duration(parseDuration(spec.uniform[0]))}–${duration(parseDuration(spec.uniform[1]))}`;
  } catch {
    return '?';
  }
}

function op(o: Op): string {
  if ('cpu' in o) return `CPU ${time(o.cpu)}`;
  if ('io' in o) return `${o.mode === 'blocking' ? 'blocking IO' : 'IO'} ${time(o.io)}`;
  if ('call' in o) return `${o.mode === 'blocking' ? 'blocking call' : 'call'} ${o.call}`;
  if ('repeat' in o) return `${o.repeat} × (${o.ops.map(op).join(', ')})`;
  return `update ${o.update}`;
}

export function stepSummary(level: Level, stepId: string): string {
  const step = level.steps.find((s) => s.id === stepId);
  if (!step) return 'pick the work this step does';
  const text = step.ops.map(op).join(' · ');
  return text.length > 34 ? `${text.slice(0, 33)}…` : text;
}

/** The full description, for a tooltip. */
export function stepDescription(level: Level, stepId: string): string {
  const step = level.steps.find((s) => s.id === stepId);
  return step ? `${step.label}: ${step.ops.map(op).join(' · ')}` : '';
}
