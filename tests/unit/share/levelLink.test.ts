import { describe, expect, it } from 'vitest';
import { loadCampaign } from '../../../levels/campaign';
import * as loader from '../../../src/model/load';
import { toBase64url } from '../../../src/share/base64url';
import { seal } from '../../../src/share/envelope';
import { levelHash, readShareHash, solutionHash } from '../../../src/share/link';
import type { Level } from '../../../src/model/level';

const [first] = loadCampaign() as [Level];
const noCampaign = { findLevel: () => undefined, loader };

function refusal(hash: string) {
  const result = readShareHash(hash, noCampaign);
  if (result === null || result.ok) throw new Error('expected a refusal');
  return result;
}

describe('a custom contract link', () => {
  it('brings back the same contract', () => {
    const result = readShareHash(levelHash(first), noCampaign);
    expect(result).toEqual({ ok: true, value: { kind: 'level', level: first } });
  });

  it('is deterministic and compressed', () => {
    expect(levelHash(first)).toBe(levelHash(JSON.parse(JSON.stringify(first)) as Level));
    expect(levelHash(first).length).toBeLessThan(JSON.stringify(first).length);
  });

  it('refuses an invalid contract, naming each problem by its JSON path', () => {
    const broken = { ...first, machine: { ...first.machine, cores: 0 }, title: 7 };
    const result = refusal(levelHash(broken as unknown as Level));
    expect(result.reason).toBe('invalid');
    expect(result.message).toContain('contract');
    expect(result.details.join('\n')).toMatch(/\/machine\/cores/);
    expect(result.details.join('\n')).toMatch(/\/title/);
  });

  it('refuses a body that is not JSON, and a solution link for a different contract', () => {
    const notJson = `#l=${toBase64url(seal(new TextEncoder().encode('{"kind":'), new TextEncoder().encode('loopwork/level')))}`;
    expect(refusal(notJson).reason).toBe('tampered');
    const wrong = `${levelHash(first)}&s=${solutionHash({ ...first, id: 'other-desk' }, { ...first.reference, level: { id: 'other-desk', revision: first.revision } }).slice(3)}`;
    expect(refusal(wrong).reason).toBe('unknownContract');
  });

  it('refuses a solution link whose wiring the loader rejects', () => {
    // A name may not start with a space: the checksum is right, so only the loader can tell.
    const named = { ...first.reference, name: ' spaced' };
    const result = readShareHash(solutionHash(first, named), {
      findLevel: (id) => (id === first.id ? first : undefined),
      loader,
    });
    if (result === null || result.ok) throw new Error('expected a refusal');
    expect(result.reason).toBe('invalid');
    expect(result.details.join('\n')).toMatch(/\/name/);
  });
});
