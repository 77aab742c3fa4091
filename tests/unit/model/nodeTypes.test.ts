/**
 * The node type is a discriminated union read from the vocabulary: checking `node.type`
 * narrows `params`. The type-level half of this file is checked by `npm run typecheck`
 * (tests are in tsconfig.json): each `@ts-expect-error` fails the typecheck the day the
 * line under it stops being an error.
 */
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { nodeOf, type SolutionNode } from '../../../src/model/solution';
import {
  NODE_SPECS,
  NODE_TYPES,
  defaultParams,
  paramsFrom,
  type ErrorType,
  type NodeParams,
  type QueueStop,
} from '../../../src/model/vocabulary';

const at = { x: 0, y: 0 };

describe('a node’s type narrows its params', () => {
  it('types each node’s params from its vocabulary entry', () => {
    expectTypeOf<NodeParams['queue']>().toEqualTypeOf<{
      readonly capacity: number;
      readonly workers: number;
      readonly whenFull: 'block' | 'shed';
      readonly stop: QueueStop;
    }>();
    expectTypeOf<NodeParams['taskGroup']>().toEqualTypeOf<{ readonly catches: ErrorType }>();
    expectTypeOf<NodeParams['timeout']>().toEqualTypeOf<{ readonly after: string }>();
    expectTypeOf<NodeParams['step']>().toEqualTypeOf<{ readonly step: string }>();
    expectTypeOf<NodeParams['source']>().toEqualTypeOf<Readonly<Record<string, never>>>();
  });

  it('narrows params when the type is checked', () => {
    const describeNode = (node: SolutionNode): string => {
      switch (node.type) {
        case 'queue':
          expectTypeOf(node.params.whenFull).toEqualTypeOf<'block' | 'shed'>();
          // @ts-expect-error a Queue has no lock name
          return node.params.name;
        case 'lock':
          expectTypeOf(node.params.name).toEqualTypeOf<string>();
          // @ts-expect-error a Lock has no workers
          return String(node.params.workers);
        default:
          // @ts-expect-error before narrowing, no param is known to be there
          return String(node.params.workers);
      }
    };
    const lock: SolutionNode = { id: 'n1', type: 'lock', params: { name: 'A' }, position: at };
    expect(describeNode(lock)).toBe('undefined');
  });

  it('refuses a node whose params belong to another type', () => {
    const nodes: SolutionNode[] = [
      { id: 'n1', type: 'semaphore', params: { permits: 2 }, position: at },
      // @ts-expect-error a Semaphore's params are permits, not workers
      { id: 'n2', type: 'semaphore', params: { workers: 2 }, position: at },
      {
        id: 'n3',
        type: 'queue',
        // @ts-expect-error a Queue's whenFull is block or shed
        params: { capacity: 1, workers: 1, whenFull: 'drop', stop: 'never' },
        position: at,
      },
      // @ts-expect-error a duration is written as text ("1s"), not as a number
      { id: 'n4', type: 'timeout', params: { after: 1000 }, position: at },
      // @ts-expect-error a Source takes no params at all
      { id: 'n5', type: 'source', params: { workers: 2 }, position: at },
    ];
    expect(nodes).toHaveLength(5);
  });

  it('builds every type’s params from its specs, and only its specs', () => {
    for (const type of NODE_TYPES) {
      const params: Readonly<Record<string, unknown>> = defaultParams(type, 'resize');
      expect(Object.keys(params)).toEqual(NODE_SPECS[type].params.map((spec) => spec.name));
    }
    const queue = nodeOf(
      'queue',
      // The second option of each choice: "shed" when full, stopped by shutdown().
      paramsFrom('queue', (spec) =>
        spec.kind === 'int' ? 3 : spec.kind === 'choice' ? (spec.options[1] ?? '') : '',
      ),
      {
        id: 'q',
        position: at,
      },
    );
    expect(queue).toEqual({
      id: 'q',
      type: 'queue',
      params: { capacity: 3, workers: 3, whenFull: 'shed', stop: 'shutdown' },
      position: at,
    });
  });
});

describe('lint refuses casts through unknown in the game’s code', () => {
  const root = fileURLToPath(new URL('../../..', import.meta.url));
  const eslint = new ESLint({ cwd: root });
  const lint = async (path: string, code: string): Promise<(string | null)[]> => {
    const [result] = await eslint.lintText(code, { filePath: `${root}${path}` });
    return (result?.messages ?? []).map((m) => m.ruleId);
  };

  it('refuses `as unknown as` and `<T><unknown>` under src', async () => {
    const code = [
      'const raw: object = {};',
      'export const a = raw as unknown as { n: number };',
      'export const b = <{ n: number }>(<unknown>raw);',
      '',
    ].join('\n');
    expect(await lint('src/model/fixture.ts', code)).toEqual([
      'no-restricted-syntax',
      'no-restricted-syntax',
    ]);
  });

  it('accepts a single, checked cast', async () => {
    const code = ["const raw: unknown = 'x';", 'export const a = raw as string;', ''].join('\n');
    expect(await lint('src/model/fixture.ts', code)).toEqual([]);
  });
});
