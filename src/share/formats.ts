/**
 * What older link formats wrote differently, so a link shared then opens to the same
 * wiring now. The current format writes every parameter of NODE_SPECS, in order; an older
 * one is read with the parameters it had, and what it lacked reads as its default (the
 * solution loader fills in LATER_PARAMS).
 */
import { NODE_SPECS, type NodeType, type ParamSpec } from '../model/vocabulary';
import { LINK_FORMAT_VERSION } from './envelope';

interface FormatChanges {
  /** Parameters the format did not carry. */
  readonly absent: Readonly<Partial<Record<NodeType, readonly string[]>>>;
  /** Whole numbers it wrote above a higher minimum than today's. */
  readonly min: Readonly<Partial<Record<NodeType, Readonly<Record<string, number>>>>>;
}

/** Format 1: no Queue said how its workers stop; no pool had a default size (0). */
const FORMAT_1: FormatChanges = {
  absent: { queue: ['stop'] },
  min: { threadPool: { workers: 1 }, processPool: { workers: 1 } },
};

/** The parameters a node's bytes hold in link `format`, in the order they were written. */
export function paramsInFormat(type: NodeType, format: number): readonly ParamSpec[] {
  const specs = NODE_SPECS[type].params;
  if (format >= LINK_FORMAT_VERSION) return specs;
  const absent = FORMAT_1.absent[type] ?? [];
  const min = FORMAT_1.min[type] ?? {};
  return specs
    .filter((spec) => !absent.includes(spec.name))
    .map((spec) =>
      spec.kind === 'int' && min[spec.name] !== undefined
        ? { ...spec, min: min[spec.name] as number }
        : spec,
    );
}
