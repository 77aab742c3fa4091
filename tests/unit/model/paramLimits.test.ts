/**
 * The machine's limits on what a player types into a node: one table, read by the loader
 * (a link, a file, a save), the engine and the editor.
 */
import { describe, expect, it } from 'vitest';
import { loadCampaign } from '../../../levels/campaign';
import * as loader from '../../../src/model/load';
import { InputErrors } from '../../../src/model/errors';
import { PARAM_LIMITS, paramLimitProblem } from '../../../src/model/paramLimits';
import type { Solution } from '../../../src/model/solution';
import { isNodeType, NODE_SPECS } from '../../../src/model/vocabulary';
import { simulate } from '../../../src/engine/simulate';
import { readShareHash, solutionHash } from '../../../src/share/link';

const campaign = loadCampaign();
const photos = campaign.find((l) => l.id === 'photo-resize')!;
const options = { findLevel: (id: string) => campaign.find((l) => l.id === id), loader };

/** photo-resize's reference with its Process pool set to `workers`. */
function withProcesses(workers: number): Solution {
  const reference = photos.reference;
  return {
    ...reference,
    nodes: reference.nodes.map((n) =>
      n.type === 'processPool' ? { ...n, params: { ...n.params, workers } } : n,
    ),
  } as Solution;
}
const poolId = photos.reference.nodes.find((n) => n.type === 'processPool')!.id;
const poolIndex = photos.reference.nodes.findIndex((n) => n.type === 'processPool');

describe('the limits table', () => {
  it("names only real parameters of each node, of the right kind, inside the vocabulary's range", () => {
    for (const [type, params] of Object.entries(PARAM_LIMITS)) {
      expect(isNodeType(type), type).toBe(true);
      if (!isNodeType(type)) continue;
      for (const [name, limit] of Object.entries(params)) {
        const spec = NODE_SPECS[type].params.find((p) => p.name === name);
        if (limit.kind === 'count') {
          expect(spec?.kind, `${type}.${name}`).toBe('int');
          if (spec?.kind === 'int') expect(limit.max).toBeLessThanOrEqual(spec.max);
        } else {
          expect(spec?.kind, `${type}.${name}`).toBe('duration');
          if (spec?.kind === 'duration') {
            expect(limit.minUs).toBeGreaterThanOrEqual(spec.minUs);
            expect(limit.maxUs).toBeLessThanOrEqual(spec.maxUs);
          }
        }
      }
    }
  });

  it("keeps each node type's default inside the limit", () => {
    for (const [type, params] of Object.entries(PARAM_LIMITS)) {
      if (!isNodeType(type)) continue;
      for (const spec of NODE_SPECS[type].params)
        if (spec.name in params && spec.kind !== 'stepRef')
          expect(paramLimitProblem(type, spec.name, spec.default), `${type}.${spec.name}`).toBe(
            null,
          );
    }
  });

  it('says what the limit is and why, in the words the node shows', () => {
    expect(paramLimitProblem('processPool', 'workers', 64)).toBe(null);
    expect(paramLimitProblem('processPool', 'workers', 100_000)).toBe(
      'Processes can be at most 64: each process is a whole Python interpreter, and past the cores they only take turns',
    );
    expect(paramLimitProblem('queue', 'capacity', 2_000_000)).toMatch(
      /^Capacity can be at most 1,000,000: /,
    );
    expect(paramLimitProblem('ticker', 'every', '1ms')).toMatch(
      /^Sleeps between must be at least 10ms: /,
    );
    expect(paramLimitProblem('retry', 'backoff', '1h')).toMatch(
      /^Wait between can be at most 10m: /,
    );
    // Shapes are the schema's business: nothing to say about them here.
    expect(paramLimitProblem('processPool', 'workers', 'many')).toBe(null);
    expect(paramLimitProblem('lock', 'name', 'A')).toBe(null);
    expect(paramLimitProblem('__proto__', 'workers', 1e9)).toBe(null);
  });
});

describe('a wiring beyond a limit', () => {
  it('sent in a share link with 100,000 worker processes, is refused naming the node and the field', () => {
    const hash = solutionHash(photos, withProcesses(100_000));
    const result = readShareHash(hash, options);
    expect(result).toMatchObject({ ok: false, reason: 'invalid' });
    expect(result?.ok === false && result.details).toEqual([
      // A link names its nodes n1…nN in order.
      `link /nodes/${poolIndex}/params/workers: Process pool "n${poolIndex + 1}": Processes can be at most 64: each process is a whole Python interpreter, and past the cores they only take turns`,
    ]);
  });

  it('at the limit, opens', () => {
    const result = readShareHash(solutionHash(photos, withProcesses(64)), options);
    expect(result?.ok).toBe(true);
  });

  it('read from a file or a save, is refused at its JSON path', () => {
    let refusal: unknown;
    try {
      loader.parseSolution(withProcesses(100_000), 'photo-resize.solution.json', photos);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(InputErrors);
    expect((refusal as InputErrors).errors.map((e) => e.path)).toEqual([
      `/nodes/${poolIndex}/params/workers`,
    ]);
  });

  it('handed straight to the engine, is refused on its node before any process starts', () => {
    const result = simulate(photos, withProcesses(100_000));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toContainEqual({
      node: poolId,
      message:
        'Processes can be at most 64: each process is a whole Python interpreter, and past the cores they only take turns',
    });
  });
});
