import { describe, expect, it } from 'vitest';
import { IdAllocator, compareIds } from '../../../src/editor/ids';

describe('node ids', () => {
  it('continue after the highest id in use and are never reused', () => {
    const ids = new IdAllocator();
    ids.see(['n1', 'n2', 'source', 'n10']);
    expect(ids.next()).toBe('n11');
    ids.see(['n3']);
    expect(ids.next()).toBe('n12');
  });

  it('sort as people count, other shapes after', () => {
    expect(['n10', 'sink', 'n2', 'n1', 'boards'].sort(compareIds)).toEqual([
      'n1',
      'n2',
      'n10',
      'boards',
      'sink',
    ]);
  });
});
