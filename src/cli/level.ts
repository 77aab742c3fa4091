/**
 * The contract author's tool.
 *
 *   npm run level -- check [files or folders...]   (default: levels/)
 *     Validates each level, runs its reference solution (it must meet every goal and earn
 *     gold) and each naive solution (each must miss a goal), checks that the campaign's
 *     chapters, orders and requirements hang together, and prints a table of scores.
 *     Exit 0 when everything holds, 1 when a check fails, 2 when a file is not a valid level.
 *
 *   npm run level -- new <id> [folder]   (default folder: levels/)
 *     Writes <folder>/<id>.json: a small contract that passes `check`, to edit into yours.
 */
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { simulate } from '../engine/simulate';
import type { Metrics, SimResult } from '../engine/result';
import { InputErrors } from '../model/errors';
import type { Level } from '../model/level';
import { parseLevel } from '../model/load';
import type { Solution } from '../model/solution';
import { EXIT, aboutFile, printInputErrors, printProblem, readJsonFile, runCommand } from './io';

const LEVELS_DIR = 'levels';
const STARTER = 'levels/templates/starter.json';

/** Every level file a path names: the file itself, or the *.json files directly in a folder. */
function levelFiles(path: string): string[] {
  if (existsSync(path) && statSync(path).isDirectory()) {
    return readdirSync(path)
      .filter((name) => name.endsWith('.json'))
      .sort()
      .map((name) => join(path, name));
  }
  return [path];
}

/** One line of the table: a solution of a level and how it scored. */
interface Line {
  readonly label: string;
  readonly metrics: Metrics | null;
  /** Reference: its grade. Naive: which goals it misses, or how the run ended. */
  readonly result: string;
  readonly ok: boolean;
}

interface LevelReport {
  readonly file: string;
  readonly lines: readonly Line[];
  readonly problems: readonly string[];
}

/** "1.5 s", "3655 s", "12 h": three significant figures, for reading, not for parsing. */
function short(us: number): string {
  if (us >= 3_600_000_000 * 2) return `${round(us / 3_600_000_000)} h`;
  if (us >= 1_000_000) return `${round(us / 1_000_000)} s`;
  if (us >= 1_000) return `${round(us / 1_000)} ms`;
  return `${us} µs`;
}

function round(value: number): string {
  return value >= 100 ? String(Math.round(value)) : String(Number(value.toPrecision(3)));
}

function run(level: Level, solution: Solution): SimResult {
  return simulate(level, solution, { trace: false });
}

function missed(result: SimResult): string[] {
  if (!result.ok)
    return result.issues.map((i) => `wiring: ${i.node ? `${i.node}: ` : ''}${i.message}`);
  return result.verdict.goals.filter((g) => !g.met).map((g) => g.summary);
}

function referenceLine(level: Level, problems: string[]): Line {
  const result = run(level, level.reference);
  if (!result.ok) {
    problems.push(...missed(result).map((m) => `reference: ${m}`));
    return { label: level.id, metrics: null, result: 'unrunnable', ok: false };
  }
  const { verdict } = result;
  if (!verdict.passed) {
    problems.push(`reference does not pass (run ${verdict.outcome})`);
    problems.push(...missed(result).map((m) => `reference: ${m}`));
    problems.push(...verdict.problems.map((p) => `reference: ${p}`));
  } else if (verdict.grade !== 'gold') {
    problems.push(`reference earns ${verdict.grade}, not gold: a par tier is out of reach`);
  }
  const ok = verdict.passed && verdict.grade === 'gold';
  return { label: level.id, metrics: result.metrics, result: verdict.grade, ok };
}

function naiveLine(level: Level, solution: Solution, index: number, problems: string[]): Line {
  const name = solution.name ?? `naive ${index + 1}`;
  const label = `  naive: ${name}`;
  const result = run(level, solution);
  if (!result.ok) {
    problems.push(`naive "${name}" is not a runnable wiring: ${missed(result).join('; ')}`);
    return { label, metrics: null, result: 'unrunnable', ok: false };
  }
  const { verdict } = result;
  if (verdict.passed) problems.push(`naive "${name}" meets every goal: it teaches nothing`);
  const misses: string[] = verdict.goals.filter((g) => !g.met).map((g) => g.goal.metric);
  if (result.metrics.corrupted > 0) misses.push('race');
  const how = verdict.outcome === 'finished' ? `misses ${misses.join(', ')}` : verdict.outcome;
  return {
    label,
    metrics: result.metrics,
    result: verdict.passed ? 'passes' : how,
    ok: !verdict.passed,
  };
}

function checkLevel(file: string, level: Level): LevelReport {
  const problems: string[] = [];
  if (basename(file) !== `${level.id}.json`)
    problems.push(`the file should be named ${level.id}.json after its id`);
  if (level.naive.length === 0) problems.push('no naive solution: show the tempting mistake');
  const lines = [
    referenceLine(level, problems),
    ...level.naive.map((solution, i) => naiveLine(level, solution, i, problems)),
  ];
  return { file, lines, problems };
}

const COLUMNS = [
  'solution',
  'makespan',
  'jobs/s',
  'p95',
  'memory',
  'cost',
  '×bound',
  'result',
  'ok',
];

function cells(line: Line): string[] {
  const m = line.metrics;
  return [
    line.label,
    m ? short(m.makespanUs) : '-',
    m ? round(m.throughput) : '-',
    m ? short(m.p95Us) : '-',
    m ? `${round(m.peakMemoryBytes / 1024 / 1024)} MB` : '-',
    m ? round(m.cost) : '-',
    m ? m.ratioToBound.toFixed(2) : '-',
    line.result,
    line.ok ? 'yes' : 'NO',
  ];
}

function printTable(rows: readonly string[][]): void {
  const widths = COLUMNS.map((c, i) => Math.max(c.length, ...rows.map((r) => (r[i] ?? '').length)));
  const align = (r: readonly string[]): string =>
    r
      .map((cell, i) =>
        i === 0 || i >= COLUMNS.length - 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!),
      )
      .join('  ')
      .trimEnd();
  console.log(align(COLUMNS));
  for (const r of rows) console.log(align(r));
}

/** Parses every file; the invalid ones are reported and left out. */
function loadAll(files: readonly string[]): { levels: Map<string, Level>; invalid: number } {
  const levels = new Map<string, Level>();
  let invalid = 0;
  for (const file of files) {
    try {
      levels.set(file, parseLevel(readJsonFile(file), file));
    } catch (error) {
      if (!(error instanceof InputErrors)) throw error;
      printInputErrors(error);
      invalid++;
    }
  }
  return { levels, invalid };
}

/**
 * What must hold across contracts: unique ids, requirements that exist and form no cycle,
 * and, in the campaign (chapter ≥ 1), one contract per (chapter, order), requirements that
 * come earlier, and two to four hints.
 * @param checked the levels being checked; @param others the rest of the shipped levels.
 */
function campaignProblems(checked: readonly Level[], others: readonly Level[]): string[] {
  const problems: string[] = [];
  const byId = new Map<string, Level>();
  for (const level of [...checked, ...others]) {
    if (byId.has(level.id)) problems.push(`${level.id}: two level files use this id`);
    byId.set(level.id, level);
  }
  const slots = new Map<string, string>();
  for (const level of byId.values()) {
    if (level.chapter === 0) continue;
    const slot = `chapter ${level.chapter}, order ${level.order}`;
    const taken = slots.get(slot);
    if (taken !== undefined) problems.push(`${level.id}: ${slot} is already ${taken}`);
    slots.set(slot, level.id);
  }
  for (const level of checked) {
    if (level.chapter > 0 && (level.hints.length < 2 || level.hints.length > 4))
      problems.push(
        `${level.id}: a campaign contract gives 2 to 4 hints, not ${level.hints.length}`,
      );
    for (const id of level.requires) {
      const required = byId.get(id);
      if (required === undefined)
        problems.push(`${level.id}: requires "${id}", which no level file has`);
      else if (
        level.chapter > 0 &&
        (required.chapter === 0 ||
          required.chapter > level.chapter ||
          (required.chapter === level.chapter && required.order >= level.order))
      )
        problems.push(`${level.id}: requires "${id}", which comes later in the campaign`);
    }
    const cycle = requirementCycle(level.id, byId);
    if (cycle !== null)
      problems.push(`${level.id}: requirements go round in a circle: ${cycle.join(' → ')}`);
  }
  return problems;
}

/** A chain of requirements from `start` back to itself, or null. */
function requirementCycle(start: string, byId: ReadonlyMap<string, Level>): string[] | null {
  const seen = new Set<string>();
  const walk = (id: string, path: string[]): string[] | null => {
    for (const next of byId.get(id)?.requires ?? []) {
      if (next === start) return [...path, next];
      if (seen.has(next)) continue;
      seen.add(next);
      const found = walk(next, [...path, next]);
      if (found !== null) return found;
    }
    return null;
  };
  return walk(start, [start]);
}

function check(paths: readonly string[]): number {
  const files = (paths.length > 0 ? paths : [LEVELS_DIR]).flatMap(levelFiles);
  const loaded = loadAll(files);
  const { levels } = loaded;
  let { invalid } = loaded;
  // Requirements may name any shipped contract, so the campaign is always the context.
  const shipped = loadAll(levelFiles(LEVELS_DIR).filter((f) => !files.includes(f)));
  const inCampaignOrder = [...levels].sort(
    ([, a], [, b]) => a.chapter - b.chapter || a.order - b.order || a.id.localeCompare(b.id),
  );
  const reports: ReturnType<typeof checkLevel>[] = [];
  for (const [file, level] of inCampaignOrder) {
    try {
      // What the engine refuses (a step unrolling to too many ops) is this file's fault too.
      reports.push(aboutFile(file, () => checkLevel(file, level)));
    } catch (error) {
      if (!(error instanceof InputErrors)) throw error;
      printInputErrors(error);
      invalid += 1;
    }
  }
  printTable(reports.flatMap((r) => r.lines.map(cells)));
  const campaign = campaignProblems([...levels.values()], [...shipped.levels.values()]);
  const failures = [
    ...reports.flatMap((r) => r.problems.map((p) => `${r.file}: ${p}`)),
    ...campaign,
  ];
  for (const failure of failures) printProblem(failure);
  console.log(
    `${reports.length} level${reports.length === 1 ? '' : 's'} checked: ${failures.length} problem${failures.length === 1 ? '' : 's'}, ${invalid} invalid file${invalid === 1 ? '' : 's'}`,
  );
  if (invalid > 0) return EXIT.invalidInput;
  return failures.length > 0 ? EXIT.failed : EXIT.ok;
}

function create(id: string | undefined, folder = LEVELS_DIR): number {
  if (id === undefined || !/^(?=.{1,48}$)[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) {
    console.error(
      'usage: npm run level -- new <id> [folder]   (id: lowercase words joined by dashes)',
    );
    return EXIT.invalidInput;
  }
  const file = join(folder, `${id}.json`);
  if (existsSync(file)) {
    console.error(`${file} already exists: pick another id, or edit that file`);
    return EXIT.invalidInput;
  }
  const level = starterLevel(id, folder);
  // The starter must itself be a valid level: parse it before writing it.
  parseLevel(level, file);
  writeFileSync(file, `${JSON.stringify(level, null, 2)}\n`);
  console.log(`wrote ${file}`);
  console.log(
    'next: edit the e-mail, workload, steps, goals and solutions (see levels/README.md),',
  );
  console.log(`then run: npm run level -- check ${file}`);
  if (folder === LEVELS_DIR) console.log('to ship it, add it to levels/campaign.ts');
  return EXIT.ok;
}

/** The level schema's path as a level file in `folder` names it, for editors. */
function schemaPathFrom(folder: string): string {
  const path = relative(folder, join(LEVELS_DIR, 'schema', 'level.schema.json'))
    .split(sep)
    .join('/');
  return path.startsWith('.') ? path : `./${path}`;
}

/** The template with the new id everywhere it belongs. */
function starterLevel(id: string, folder: string): Record<string, unknown> {
  const template = readJsonFile(STARTER) as Record<string, unknown> & {
    reference: Record<string, unknown>;
    naive: Record<string, unknown>[];
  };
  const forLevel = (solution: Record<string, unknown>): Record<string, unknown> => ({
    ...solution,
    level: { id, revision: 1 },
  });
  return {
    ...template,
    $schema: schemaPathFrom(folder),
    id,
    revision: 1,
    reference: forLevel(template.reference),
    naive: template.naive.map(forLevel),
  };
}

const usage = `usage:
  npm run level -- check [files or folders...]   validate and score levels (default: ${LEVELS_DIR}/)
  npm run level -- new <id> [folder]             write a starter level (default folder: ${LEVELS_DIR}/)`;

await runCommand(() => {
  const [command, ...args] = process.argv.slice(2);
  if (command === 'check') return check(args);
  if (command === 'new') return create(args[0], args[1]);
  console.error(usage);
  return EXIT.invalidInput;
});
