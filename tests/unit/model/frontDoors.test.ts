/**
 * Every way in (a file, a pasted contract, a link) stays linear and bounded: a huge count of
 * bad items gives a short message quickly, deep nesting is refused before anything recurses.
 * The inputs under repro/ once overflowed the stack or froze the page.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCampaign } from '../../../levels/campaign';
import { InputErrors, MAX_REPORTED_ERRORS, MoreInputErrors } from '../../../src/model/errors';
import { MAX_NESTING } from '../../../src/model/depth';
import { parseLevel, parseSolution } from '../../../src/model/load';
import type { Solution } from '../../../src/model/solution';
import { simulate } from '../../../src/engine/simulate';

function errorsOf(read: () => unknown): InputErrors {
  try {
    read();
  } catch (error) {
    if (error instanceof InputErrors) return error;
    throw error;
  }
  throw new Error('expected the input to be refused');
}

const campaign = loadCampaign();
const someLevel = campaign[0];
if (someLevel === undefined) throw new Error('no campaign');

describe('a contract with a million bad entries', () => {
  it('reports the first problems and counts the rest, in one short message', () => {
    const json = { ...structuredClone(someLevel), requires: new Array<number>(1_000_000).fill(7) };
    const refused = errorsOf(() => parseLevel(json, 'huge.json'));
    expect(refused.errors).toHaveLength(MAX_REPORTED_ERRORS + 1);
    expect(refused.errors[0]?.message).toBe('huge.json /requires/0: expected string');
    const last = refused.errors.at(-1);
    expect(last).toBeInstanceOf(MoreInputErrors);
    expect(last?.message).toBe(`huge.json: and ${1_000_000 - MAX_REPORTED_ERRORS} more problems`);
    expect(refused.message.split('\n')).toHaveLength(MAX_REPORTED_ERRORS + 1);
    // Generous: linear takes seconds on a busy machine; the quadratic collector took hours.
  }, 60_000);

  it('lists every problem when there are few', () => {
    const json = { ...structuredClone(someLevel), requires: [1, 2] };
    const refused = errorsOf(() => parseLevel(json, 'few.json'));
    expect(refused.errors.map((e) => e.path)).toEqual(['/requires/0', '/requires/1']);
  });
});

describe('deep nesting', () => {
  it('refuses repeats nested 1,000 deep, naming the limit and the path', () => {
    const json: unknown = JSON.parse(
      readFileSync(new URL('./repro/level-repeat-nested-1000.json', import.meta.url), 'utf8'),
    );
    const refused = errorsOf(() => parseLevel(json, 'deep.json'));
    expect(refused.errors).toHaveLength(1);
    const [error] = refused.errors;
    expect(error?.detail).toBe(`nests deeper than ${MAX_NESTING} levels of lists and objects`);
    expect(error?.path).toMatch(/^\/steps\/0\/ops\/0\/(ops\/0\/)+ops\/0$/);
    expect(error?.path.split('/')).toHaveLength(MAX_NESTING + 1);
  });

  it('refuses a solution nested 100,000 deep without overflowing the stack', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    const refused = errorsOf(() =>
      parseSolution({ kind: 'loopwork/solution', version: 1, nodes: deep }, 'deep.json'),
    );
    expect(refused.errors).toHaveLength(1);
    expect(refused.message).toMatch(/^deep\.json /);
  });

  it('lets every shipped contract through', () => {
    for (const level of campaign) expect(() => parseLevel(level, level.id)).not.toThrow();
  });
});

describe('a node called __proto__', () => {
  it('keeps its queue figures', () => {
    const level = campaign.find((l) => l.reference.nodes.some((n) => n.type === 'queue'));
    if (level === undefined) throw new Error('no contract with a queue');
    const queue = level.reference.nodes.find((n) => n.type === 'queue')?.id as string;
    const rename = (id: string): string => (id === queue ? '__proto__' : id);
    const json = JSON.parse(JSON.stringify(level.reference)) as Solution;
    const renamed = {
      ...json,
      nodes: json.nodes.map((n) => ({
        ...n,
        id: rename(n.id),
        ...(n.parent !== undefined ? { parent: rename(n.parent) } : {}),
      })),
      connections: json.connections.map((c) => ({ ...c, from: rename(c.from), to: rename(c.to) })),
    };
    const solution = parseSolution(renamed, 'renamed', level);
    const before = simulate(level, level.reference);
    const after = simulate(level, solution);
    if (!before.ok || !after.ok) throw new Error('the reference does not run');
    expect(Object.hasOwn(after.metrics.queues, '__proto__')).toBe(true);
    expect(after.metrics.queues['__proto__']).toEqual(before.metrics.queues[queue]);
  });
});
