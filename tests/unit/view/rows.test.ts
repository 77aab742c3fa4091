/** The timeline's headings, in the player's words, for a real run. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/engine/simulate';
import { parseLevel } from '../../../src/model/load';
import { buildReplay } from '../../../src/view/replay/replay';
import { buildRows } from '../../../src/view/timeline/rows';

describe('buildRows', () => {
  it("heads a process pool's processes and its threads in the main process, each counted", () => {
    const file = 'levels/photo-resize.json';
    const level = parseLevel(JSON.parse(readFileSync(file, 'utf8')), file);
    const result = simulate(level, level.reference);
    if (!result.ok || result.trace === null) throw new Error('the reference must run');
    const nodes = level.reference.nodes;
    const replay = buildReplay(result.trace, { nodeIds: nodes.map((n) => n.id) });
    const pool = nodes.find((n) => n.type === 'processPool')!;
    const headings = buildRows(replay, level.reference, level)
      .filter((row) => row.kind === 'heading')
      .map((row) => row.label);
    expect(headings).toContain(`Process pool (${pool.id}) · 4 processes`);
    expect(headings).toContain(`Process pool (${pool.id}) · 2 threads in the main process`);
  });
});
