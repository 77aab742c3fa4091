import { describe, expect, it } from 'vitest';
import { InputErrors } from '../../../src/model/errors';
import { LEVEL_FORMAT_VERSION, LEVEL_KIND } from '../../../src/model/level';
import {
  LEVEL_LADDER,
  SOLUTION_LADDER,
  migrate,
  type JsonObject,
  type Ladder,
} from '../../../src/model/migrations';
import { SOLUTION_FORMAT_VERSION } from '../../../src/model/solution';

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    Object.freeze(value);
    Object.values(value).forEach(deepFreeze);
  }
  return value;
}

/** The first error's path and message, from a call that must throw InputErrors. */
function failure(fn: () => unknown): { path: string; message: string } {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InputErrors);
    const first = (error as InputErrors).errors[0]!;
    return { path: first.path, message: first.message };
  }
  throw new Error('expected InputErrors');
}

/** A made-up format with two rungs, to prove the ladder machinery on real steps. */
const TOY: Ladder = {
  kind: 'toy/doc',
  current: 3,
  rungs: [
    {
      from: 1,
      name: 'RenameColourToColor',
      up: ({ colour, ...rest }: JsonObject) => ({ ...rest, color: colour }),
    },
    {
      from: 2,
      name: 'WrapSizeInObject',
      up: (doc: JsonObject) => ({ ...doc, size: { value: doc.size, unit: 'px' } }),
    },
  ],
};

describe('the shipped ladders', () => {
  it('end at the format versions the model reads, one rung per older version', () => {
    for (const [ladder, current] of [
      [LEVEL_LADDER, LEVEL_FORMAT_VERSION],
      [SOLUTION_LADDER, SOLUTION_FORMAT_VERSION],
    ] as const) {
      expect(ladder.current).toBe(current);
      expect(ladder.rungs.map((r) => r.from)).toEqual(
        Array.from({ length: current - 1 }, (_, i) => i + 1),
      );
      expect(new Set(ladder.rungs.map((r) => r.name)).size).toBe(ladder.rungs.length);
    }
  });

  it('pass a current document through unchanged', () => {
    const doc = deepFreeze({ kind: LEVEL_KIND, version: LEVEL_FORMAT_VERSION, id: 'x' });
    expect(migrate(doc, LEVEL_LADDER, 'level')).toEqual(doc);
  });
});

describe('migrate', () => {
  it('climbs every rung in order and stamps each new version', () => {
    const old = deepFreeze({ kind: 'toy/doc', version: 1, colour: 'red', size: 3 });
    expect(migrate(old, TOY, 'toy')).toEqual({
      kind: 'toy/doc',
      version: 3,
      color: 'red',
      size: { value: 3, unit: 'px' },
    });
  });

  it('starts from the version the document has', () => {
    const v2 = deepFreeze({ kind: 'toy/doc', version: 2, color: 'red', size: 3 });
    expect(migrate(v2, TOY, 'toy')).toMatchObject({ version: 3, size: { value: 3 } });
  });

  it('never mutates its input (the input is frozen: a write would throw)', () => {
    const old = deepFreeze({ kind: 'toy/doc', version: 1, colour: 'red', size: 3 });
    const copy = JSON.parse(JSON.stringify(old)) as unknown;
    migrate(old, TOY, 'toy');
    expect(old).toEqual(copy);
  });

  it('refuses a version newer than the game knows, saying so', () => {
    const f = failure(() => migrate({ kind: 'toy/doc', version: 4 }, TOY, 'toy.json'));
    expect(f.path).toBe('/version');
    expect(f.message).toMatch(/version 4 is newer than this game reads \(3\)/);
    expect(f.message).toMatch(/^toy\.json /);
  });

  it.each([
    [{ kind: 'toy/doc' }, '/version'],
    [{ kind: 'toy/doc', version: 0 }, '/version'],
    [{ kind: 'toy/doc', version: 1.5 }, '/version'],
    [{ kind: 'toy/doc', version: '1' }, '/version'],
    [{ kind: 'other', version: 1 }, '/kind'],
    [[], ''],
    [null, ''],
  ])('refuses a bad header %j at %s', (doc, path) => {
    expect(failure(() => migrate(doc, TOY, 'toy')).path).toBe(path);
  });

  it('says when a solution is given where a level was expected', () => {
    const f = failure(() =>
      migrate({ kind: 'loopwork/solution', version: 1 }, LEVEL_LADDER, 'x.json'),
    );
    expect(f.path).toBe('/kind');
    expect(f.message).toMatch(/this is a solution, not a level/);
  });

  it('names the embedding path of a document inside another', () => {
    expect(failure(() => migrate({ kind: 'toy/doc', version: 9 }, TOY, 'x', '/naive/2')).path).toBe(
      '/naive/2/version',
    );
  });

  it('refuses a ladder with a missing rung rather than skipping a version', () => {
    const gappy: Ladder = { ...TOY, rungs: [TOY.rungs[1]!] };
    expect(failure(() => migrate({ kind: 'toy/doc', version: 1 }, gappy, 'x')).message).toMatch(
      /no migration from format version 1/,
    );
  });
});
