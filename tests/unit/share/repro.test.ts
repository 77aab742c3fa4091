/**
 * Links that were once accepted, misreported or froze the reader (repro/), and the parts a
 * link never has: each is refused with a message that says what is wrong.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCampaign } from '../../../levels/campaign';
import { MAX_REPORTED_ERRORS } from '../../../src/model/errors';
import * as loader from '../../../src/model/load';
import { shareHashStart } from '../../../src/share/hashStart';
import { readShareHash } from '../../../src/share/link';

const campaign = loadCampaign();
const options = { findLevel: (id: string) => campaign.find((l) => l.id === id), loader };
const repro = (name: string): string =>
  readFileSync(new URL(`./repro/${name}`, import.meta.url), 'utf8').trim();

function refusal(hash: string) {
  const result = readShareHash(hash, options);
  if (result === null) throw new Error('not read as a link');
  if (result.ok) throw new Error('opened');
  return result;
}

describe('links that were read wrongly', () => {
  it('refuses a link with stray bits after its compressed data', () => {
    const hash = repro('share-accepted-1265f9eb43c14c69.txt');
    expect(refusal(hash)).toMatchObject({
      reason: 'tampered',
      details: ['stray data after the compressed body'],
    });
  });

  it('says a contract nested too deep is too deep, not that the link is broken', () => {
    const result = refusal(repro('share-masked-56b0561120d14a7d.txt'));
    expect(result.reason).toBe('invalid');
    expect(result.message).toBe('This link opened, but the contract it carries is not valid.');
    expect(result.details).toHaveLength(1);
    expect(result.details[0]).toMatch(/^link \/steps\/0\/ops\/0\/.*: nests deeper than 64 levels/);
  });

  it('answers a link of 120,000 bad items with the first problems and a count', () => {
    const result = refusal(repro('share-link-freeze.txt'));
    expect(result.reason).toBe('invalid');
    expect(result.details).toHaveLength(MAX_REPORTED_ERRORS + 1);
    expect(result.details[0]).toBe('link /requires/0: expected string');
    expect(result.details.at(-1)).toBe(`link: and ${120_000 - MAX_REPORTED_ERRORS} more problems`);
  });
});

describe('parts a link never has', () => {
  it.each(['&S=AQE', '&x', '&ss=1'])('refuses a link with %s added', (extra) => {
    const result = refusal(`#s=polite-scraper.1.AQ${extra}`);
    expect(result.reason).toBe('malformed');
    expect(result.details[0]).toMatch(/^the link has a part it never has \("/);
  });

  it('names an unknown part without echoing it whole', () => {
    const result = refusal(`#s=a.1.AQ&${'x'.repeat(10_000)}=1`);
    expect(result.details[0]?.length).toBeLessThan(60);
  });

  it('still ignores a hash that is no share link', () => {
    expect(readShareHash('#S=1&x=2', options)).toBeNull();
  });
});

describe('finding a link in pasted text', () => {
  it('finds it after any text', () => {
    expect(shareHashStart('see https://x.test/#s=a.1.AQ')).toBe(19);
    expect(shareHashStart('#top then https://x.test/#l=AQ')).toBe(25);
    expect(shareHashStart('https://x.test/#v=2&s=a.1.AQ')).toBe(15);
    expect(shareHashStart('{"title": "#1"}')).toBe(-1);
  });

  it('reads 200,000 "#" and 200,000 "#&" in one pass', () => {
    expect(shareHashStart('#'.repeat(200_000))).toBe(-1);
    expect(shareHashStart('#&'.repeat(200_000))).toBe(-1);
    expect(shareHashStart(`${'#'.repeat(200_000)}s=`)).toBe(199_999);
  });
});
