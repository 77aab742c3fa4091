/**
 * Links already shared keep opening to the same wiring. `corpus/format-N.json` holds links
 * written by the codec of link format N (one per shipped contract's reference, a custom
 * contract, and wirings that use every node type), each with the wiring it opened to
 * when it was written. A new format adds a file; no file is ever rewritten.
 *
 * A link whose wiring asks for more than the machine can run (`src/model/paramLimits.ts`,
 * e.g. 50,000 queue workers from the random wirings of format 1) is refused instead, naming
 * each such field: those limits came after the format, and a link must not crash the tab.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCampaign } from '../../../levels/campaign';
import * as loader from '../../../src/model/load';
import { LINK_FORMAT_VERSION } from '../../../src/share/envelope';
import { readShareHash } from '../../../src/share/link';
import { NODE_CODES, nodeTypeOfCode } from '../../../src/share/nodeCodes';
import { paramLimitProblem } from '../../../src/model/paramLimits';
import { parseDuration } from '../../../src/model/units';
import { NODE_SPECS, type NodeType } from '../../../src/model/vocabulary';
import { photoDesk } from './fixtures';

/**
 * A wiring with each duration as its microseconds: a link carries a duration's value, not
 * how it was written, so "0us" and "0ms" open to the same wiring.
 */
function byValue(wiring: unknown): unknown {
  const w = wiring as { nodes: { type: NodeType; params: Record<string, unknown> }[] };
  return {
    ...w,
    nodes: w.nodes.map((node) => ({
      ...node,
      params: Object.fromEntries(
        Object.entries(node.params).map(([name, value]) => {
          const spec = NODE_SPECS[node.type].params.find((p) => p.name === name);
          return [name, spec?.kind === 'duration' ? parseDuration(String(value)) : value];
        }),
      ),
    })),
  };
}

/** Each parameter of the wiring beyond what the machine runs, as the loader words it. */
function beyondLimits(wiring: unknown): string[] {
  const w = wiring as { nodes: { type: NodeType; params: Record<string, unknown> }[] };
  return w.nodes.flatMap((node) =>
    Object.entries(node.params).flatMap(([name, value]) => {
      const problem = paramLimitProblem(node.type, name, value);
      return problem === null ? [] : [problem];
    }),
  );
}

interface CorpusLink {
  readonly note: string;
  readonly hash: string;
  readonly wiring: unknown;
}

const dir = new URL('./corpus/', import.meta.url);
const files = readdirSync(dir).filter((f) => /^format-\d+\.json$/.test(f));
const campaign = loadCampaign();
const levels = [...campaign, photoDesk];
const options = { findLevel: (id: string) => levels.find((l) => l.id === id), loader };

/** Every code a released link format gave out. Append here; never edit a line. */
const SHIPPED_CODES = [
  [0, 'source'],
  [1, 'sink'],
  [2, 'step'],
  [3, 'tasks'],
  [4, 'queue'],
  [5, 'batch'],
  [6, 'semaphore'],
  [7, 'lock'],
  [8, 'timeout'],
  [9, 'retry'],
  [10, 'threadPool'],
  [11, 'processPool'],
  [12, 'fanOut'],
  [13, 'route'],
] as const;

describe('node type codes', () => {
  it('keep every code that was ever shipped', () => {
    for (const [code, type] of SHIPPED_CODES) {
      expect(nodeTypeOfCode(code)).toBe(type);
      expect(NODE_CODES[type]).toBe(code);
    }
  });

  it('give each node type its own code', () => {
    const codes = Object.values(NODE_CODES);
    expect(new Set(codes).size).toBe(codes.length);
  });
});

describe('the corpus of shared links', () => {
  it('has a file for every link format', () => {
    for (let format = 1; format <= LINK_FORMAT_VERSION; format++)
      expect(files).toContain(`format-${format}.json`);
  });

  describe.each(files)('%s', (file) => {
    const corpus = JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as {
      links: CorpusLink[];
    };
    it.each(corpus.links.map((link) => [link.note, link] as const))('%s', (_, link) => {
      const result = readShareHash(link.hash, options);
      const beyond = beyondLimits(link.wiring);
      if (beyond.length > 0) {
        expect(result).toMatchObject({ ok: false, reason: 'invalid' });
        const details = result?.ok === false ? result.details : [];
        // "link /nodes/3/params/workers: Queue + Workers "n4": Workers can be at most …"
        expect(details.map((d) => d.slice(d.indexOf('": ') + 3))).toEqual(beyond);
        return;
      }
      if (!result?.ok) throw new Error(result?.message ?? 'not a link');
      expect(result.value.kind).toBe('solution');
      if (result.value.kind !== 'solution') return;
      // The wiring as the loader reads it today: with the parameters nodes gained since.
      const then = loader.parseSolution(link.wiring, file, result.value.level);
      expect(byValue(result.value.solution)).toEqual(byValue(then));
    });
  });

  it('uses every node type', () => {
    const used = new Set<string>();
    for (const file of files) {
      const corpus = JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as {
        links: { wiring: { nodes: { type: string }[] } }[];
      };
      for (const link of corpus.links) for (const node of link.wiring.nodes) used.add(node.type);
    }
    expect([...used].sort()).toEqual(SHIPPED_CODES.map(([, type]) => type).sort());
  });
});
