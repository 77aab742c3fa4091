/** One symbol per node type, shared by the nodes and the palette so they are recognised at a glance. */
import type { NodeType } from '../model/vocabulary';

export const GLYPHS: Readonly<Record<NodeType, string>> = {
  source: '▶',
  sink: '■',
  step: 'ƒ',
  tasks: '⇉',
  queue: '☰',
  batch: '▦',
  semaphore: '⊘',
  lock: '⊠',
  timeout: '◷',
  retry: '↻',
  threadPool: '≋',
  processPool: '⊞',
  fanOut: '⋔',
  route: '⎇',
};
