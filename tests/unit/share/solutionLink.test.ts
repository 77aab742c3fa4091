import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as loader from '../../../src/model/load';
import type { Solution } from '../../../src/model/solution';
import { toBase64url, fromBase64url } from '../../../src/share/base64url';
import { readShareHash, solutionHash, type ReadOptions } from '../../../src/share/link';
import { ShareEncodeError, encodeSolutionBody } from '../../../src/share/solutionBody';
import { expectedAfterLink, wiringArbitrary } from './arbitraries';
import { photoDesk } from './fixtures';

const options: ReadOptions = {
  findLevel: (id) => (id === photoDesk.id ? photoDesk : undefined),
  loader,
};

function open(hash: string) {
  const result = readShareHash(hash, options);
  if (result === null) throw new Error('not a link');
  return result;
}

const reasonOf = (hash: string): string => {
  const result = open(hash);
  return result.ok ? 'opened' : result.reason;
};

describe('a solution link', () => {
  it('brings back the same wiring, for any wiring of the contract', () => {
    fc.assert(
      fc.property(wiringArbitrary(photoDesk), (solution) => {
        const result = open(solutionHash(photoDesk, solution));
        if (!result.ok) throw new Error(`${result.message} ${result.details.join('; ')}`);
        expect(result.value).toMatchObject({ kind: 'solution', customLevel: false });
        if (result.value.kind !== 'solution') return;
        expect(result.value.solution).toEqual(expectedAfterLink(solution, photoDesk));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a zero wait written as the game writes it: "0ms" stays "0ms"', () => {
    const base = photoDesk.reference!;
    const retry = {
      id: 'r',
      type: 'retry',
      params: { attempts: 3, backoff: '0ms' },
      position: { x: 0, y: 200 },
    } as const;
    const solution = { ...base, nodes: [...base.nodes, retry] } as Solution;
    const result = open(solutionHash(photoDesk, solution));
    if (!result.ok || result.value.kind !== 'solution') throw new Error('not opened');
    const back = result.value.solution.nodes.find((n) => n.type === 'retry');
    expect(back?.params).toEqual({ attempts: 3, backoff: '0ms' });
  });

  it('is the same for the same wiring, whatever its ids and wire order', () => {
    fc.assert(
      fc.property(wiringArbitrary(photoDesk), fc.nat(), (solution, seed) => {
        const renamed = new Map(solution.nodes.map((n, i) => [n.id, `x${i}_${seed % 97}`]));
        const rename = (id: string): string => renamed.get(id) as string;
        const shuffled = [...solution.connections].sort(
          (a, b) => ((a.to.length * 31 + seed) % 7) - ((b.to.length * 31 + seed) % 7),
        );
        const twin: Solution = {
          ...solution,
          nodes: solution.nodes.map((n) => ({
            ...n,
            id: rename(n.id),
            ...(n.parent !== undefined ? { parent: rename(n.parent) } : {}),
          })),
          connections: shuffled
            .reverse()
            .map((c) => ({ ...c, from: rename(c.from), to: rename(c.to) })),
        };
        const hash = solutionHash(photoDesk, solution);
        expect(solutionHash(photoDesk, twin)).toBe(hash);
        const reopened = open(hash);
        if (!reopened.ok || reopened.value.kind !== 'solution') throw new Error('did not open');
        expect(solutionHash(photoDesk, reopened.value.solution)).toBe(hash);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps its format: this wiring always gives this link', () => {
    // A change here means old links no longer open as they did: bump LINK_FORMAT_VERSION instead.
    expect(solutionHash(photoDesk, photoDesk.reference)).toBe(GOLDEN);
  });

  it('written by this version, keeps opening as the same wiring', () => {
    const result = open(GOLDEN);
    if (!result.ok || result.value.kind !== 'solution') throw new Error('did not open');
    expect(result.value.solution).toEqual(expectedAfterLink(photoDesk.reference, photoDesk));
  });

  it('written in format 1, keeps opening as the same wiring', () => {
    const result = open(FORMAT_1_GOLDEN);
    if (!result.ok || result.value.kind !== 'solution') throw new Error('did not open');
    expect(result.value.solution).toEqual(expectedAfterLink(photoDesk.reference, photoDesk));
  });

  it('is short', () => {
    // 80 characters since format 2, whose Queue says how its workers stop (one byte more).
    expect(solutionHash(photoDesk, photoDesk.reference).length).toBeLessThanOrEqual(80);
  });

  it('carries the largest wiring the game runs', () => {
    const nodes = Array.from({ length: 200 }, (_, i) => ({
      id: `node${i}`,
      ...(i % 2 === 0
        ? { type: 'lock' as const, params: { name: `L${i}`.padEnd(16, '_') } }
        : { type: 'retry' as const, params: { attempts: 20, backoff: '9.999999m' } }),
      ...(i < 199 ? { parent: 'node199' } : {}),
      position: { x: i % 2 === 0 ? 1e6 : -1e6, y: i % 2 === 0 ? -1e6 : 1e6 },
    }));
    const connections = nodes.flatMap((node, i) =>
      // A Lock has one output: it gets two wires from it (a mistake, but one a link can carry).
      (node.type === 'lock' ? ['out', 'out'] : ['out', 'failed']).map((port, p) => ({
        from: node.id,
        fromPort: port,
        to: `node${(i + 100 + p) % 200}`,
      })),
    );
    const largest: Solution = {
      ...photoDesk.reference,
      name: '\u{1F600}'.repeat(80),
      nodes: nodes as Solution['nodes'],
      connections,
    };
    expect(encodeSolutionBody(largest, photoDesk).length).toBeGreaterThan(6000);
    const result = open(solutionHash(photoDesk, largest));
    if (!result.ok) throw new Error(`${result.message} ${result.details.join('; ')}`);
    expect(result.value.kind === 'solution' && result.value.solution.connections).toHaveLength(400);
  });

  it('refuses what it cannot carry, naming the node', () => {
    const bad = (change: Partial<Solution>) => () =>
      solutionHash(photoDesk, { ...photoDesk.reference, ...change });
    expect(
      bad({
        nodes: [{ id: 'a', type: 'step', params: { step: 'nope' }, position: { x: 0, y: 0 } }],
      }),
    ).toThrow(ShareEncodeError);
    expect(
      bad({
        nodes: [{ id: 'a', type: 'step', params: { step: 'fetch' }, position: { x: NaN, y: 0 } }],
      }),
    ).toThrow(/node "a"/);
    expect(bad({ connections: [{ from: 'src', fromPort: 'timedOut', to: 'sink' }] })).toThrow(
      /no output "timedOut"/,
    );
  });
});

const GOLDEN = '#s=photo-desk.3.AgEp6gJ5YGNkD8jPz1HILGFlAAJuBhsGFiYmNgFGJgYHfiZGIJeZgQFIszAxMAEA';
/** The same wiring's link in format 1, whose pool sizes counted from 1 (there was no default size). */
const FORMAT_1_GOLDEN =
  '#s=photo-desk.3.AQEoJFKFyGNkD8jPz1HILGFlAAJuBhsGZiYmNgFGJgYHfiZGEJeBAUizMDEwAQA';

describe('a damaged solution link', () => {
  const hash = solutionHash(photoDesk, photoDesk.reference);
  const [head, payload] = [
    hash.slice(0, hash.lastIndexOf('.') + 1),
    hash.slice(hash.lastIndexOf('.') + 1),
  ];

  it('is refused as cut short when its end is missing', () => {
    for (let cut = 1; cut < payload.length; cut += 1)
      expect(reasonOf(head + payload.slice(0, payload.length - cut))).toBe('truncated');
  });

  it('is refused as changed when any character is changed', () => {
    for (let i = 0; i < payload.length; i += 1) {
      const swapped = payload[i] === 'A' ? 'B' : 'A';
      const reason = reasonOf(head + payload.slice(0, i) + swapped + payload.slice(i + 1));
      expect(['tampered', 'truncated', 'newerFormat', 'olderFormat']).toContain(reason);
    }
  });

  it('is refused as changed when its revision or contract is edited', () => {
    expect(reasonOf(hash.replace('.3.', '.2.'))).toBe('tampered');
    expect(reasonOf(hash.replace('photo-desk', 'photo-desks'))).toBe('tampered');
  });

  it('names a contract the game does not have, and a newer revision', () => {
    const elsewhere = { ...photoDesk, id: 'night-shift', revision: 5 };
    const foreign = solutionHash(elsewhere, {
      ...photoDesk.reference,
      level: { id: 'night-shift', revision: 5 },
    });
    const unknown = open(foreign);
    expect(unknown.ok ? 'opened' : unknown.reason).toBe('unknownContract');
    expect(unknown.ok ? '' : unknown.message).toContain('night-shift');
    const newer = solutionHash({ ...photoDesk, revision: 4 }, photoDesk.reference);
    expect(reasonOf(newer)).toBe('newerRevision');
  });

  it('opens a link made for an earlier revision, saying so', () => {
    const older = solutionHash({ ...photoDesk, revision: 2 }, photoDesk.reference);
    const result = open(older);
    if (!result.ok || result.value.kind !== 'solution') throw new Error('did not open');
    expect(result.value.madeForRevision).toBe(2);
    expect(result.value.solution.level.revision).toBe(3);
  });

  it('names a format from another version of the game', () => {
    const { bytes } = fromBase64url(payload) as { bytes: Uint8Array };
    const withVersion = (v: number) =>
      head + toBase64url(Uint8Array.from([v, ...bytes.subarray(1)]));
    expect(reasonOf(withVersion(0))).toBe('olderFormat');
    expect(reasonOf(withVersion(9))).toBe('newerFormat');
  });

  it('is refused with a message for every odd shape', () => {
    for (const odd of [
      '#s=',
      '#s=photo-desk',
      '#s=photo-desk.3',
      '#s=Photo.3.AAAA',
      '#s=photo-desk.03.AAAA',
      '#s=photo-desk.3.AA$A',
      '#s=a.1.b.c',
      '#s=x&s=y',
      '#s',
      `#s=photo-desk.3.${'A'.repeat(20_000)}`,
    ]) {
      const result = open(odd);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message.length).toBeGreaterThan(20);
    }
  });

  it('is not mistaken for a link when the hash is something else', () => {
    expect(readShareHash('', options)).toBeNull();
    expect(readShareHash('#inbox', options)).toBeNull();
    expect(readShareHash('#x=1&y=2', options)).toBeNull();
  });
});
