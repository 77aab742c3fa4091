import { describe, expect, it } from 'vitest';
import { loadCampaign } from '../../../levels/campaign';
import * as loader from '../../../src/model/load';
import { levelHash, readShareHash, solutionHash } from '../../../src/share/link';
import { expectedAfterLink } from './arbitraries';

/** The longest a link to a shipped contract's reference solution may be, path and hash together. */
const MAX_LINK = 600;

const campaign = loadCampaign();
const options = { findLevel: (id: string) => campaign.find((l) => l.id === id), loader };

describe.each(campaign.map((level) => [level.id, level] as const))('contract %s', (_, level) => {
  it(`links its reference and naive solutions in at most ${MAX_LINK} characters, and back`, () => {
    for (const solution of [level.reference, ...level.naive]) {
      const hash = solutionHash(level, solution);
      expect(`/${hash}`.length).toBeLessThanOrEqual(MAX_LINK);
      const result = readShareHash(hash, options);
      if (!result?.ok) throw new Error(result?.message ?? 'not a link');
      expect(result.value).toMatchObject({ kind: 'solution', customLevel: false });
      if (result.value.kind === 'solution')
        expect(result.value.solution).toEqual(expectedAfterLink(solution, level));
    }
  });

  it('travels whole as a custom contract link', () => {
    const result = readShareHash(levelHash(level, level.reference), {
      ...options,
      findLevel: () => undefined,
    });
    if (!result?.ok) throw new Error(result?.message ?? 'not a link');
    expect(result.value).toMatchObject({ kind: 'solution', customLevel: true, level });
  });
});
