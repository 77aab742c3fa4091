/**
 * Writes a wiring's run as a Chrome Trace Event file, to open in ui.perfetto.dev or
 * chrome://tracing (the same file as the timeline's "Trace file" button).
 *
 *   npm run trace -- <level.json> [solution.json] [--out run-trace.json]
 *
 * Without --out the file goes to stdout. The trace keeps at most TRACE_LIMIT events, as the
 * game does; the file says when it holds only the run's beginning.
 * Exit 0 with the file written; 1 when the wiring cannot run (its problems on stderr);
 * 2 with a message naming the file and the JSON path when an input cannot be used.
 */
import { writeFileSync } from 'node:fs';
import { simulate } from '../engine/simulate';
import { TRACE_LIMIT } from '../model/workload';
import { chromeTraceFile } from '../traceFile/chromeTrace';
import { EXIT, printProblem, readLevelAndSolution, runCommand } from './io';

const USAGE = 'usage: npm run trace -- <level.json> [solution.json] [--out <file>]';

function parseArgs(
  argv: readonly string[],
): { level: string; solution?: string; out?: string } | string {
  const files: string[] = [];
  let out: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (arg === '--out') {
      out = argv[(i += 1)];
      if (out === undefined) return '--out needs a file name';
    } else if (arg.startsWith('-')) return `unknown option ${arg}`;
    else files.push(arg);
  }
  if (files.length === 0) return 'name a level file';
  if (files.length > 2) return 'at most a level file and a solution file';
  return { level: files[0] as string, solution: files[1], out };
}

function main(): number {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    console.error(`trace: ${args}\n${USAGE}`);
    return EXIT.invalidInput;
  }
  const { level, solution } = readLevelAndSolution(args.level, args.solution);
  const result = simulate(level, solution, { traceLimit: TRACE_LIMIT });
  if (!result.ok) {
    for (const issue of result.issues)
      printProblem(`${args.solution ?? args.level}: ${issue.message}`);
    return EXIT.failed;
  }
  const file = chromeTraceFile(result.trace ?? [], {
    contract: level.title,
    solution: solution.name ?? (args.solution === undefined ? 'reference' : args.solution),
    ...(result.recordedUntilUs === undefined ? {} : { recordedUntilUs: result.recordedUntilUs }),
  });
  const text = JSON.stringify(file);
  if (args.out === undefined) process.stdout.write(`${text}\n`);
  else {
    writeFileSync(args.out, text);
    console.error(`trace: wrote ${file.traceEvents.length} events to ${args.out}`);
  }
  return EXIT.ok;
}

void runCommand(main);
