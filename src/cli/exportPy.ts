/**
 * npm run export-py -- <level.json> [solution.json] [--scale S]
 *
 * Prints the wiring (the level's reference when none is given) as a standalone Python
 * program. Without --scale, the scale makes the engine's predicted run last about two
 * real seconds. Exit 0 on success, 2 for input we cannot use (with a message naming it).
 */
import { simulate } from '../engine/simulate';
import { exportPython, suggestScale } from '../python/exportPython';
import { EXIT, aboutFile, printProblem, readLevelAndSolution, runCommand } from './io';

const USAGE = 'usage: npm run export-py -- <level.json> [solution.json] [--scale S]';

interface Args {
  readonly levelPath: string;
  readonly solutionPath: string | undefined;
  readonly scale: number | undefined;
}

/** The arguments, or a message saying what is wrong with them. */
function parseArgs(argv: readonly string[]): Args | string {
  const paths: string[] = [];
  let scale: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--scale' || arg.startsWith('--scale=')) {
      const text = arg === '--scale' ? argv[++i] : arg.slice('--scale='.length);
      const value = Number(text);
      if (text === undefined || text.trim() === '' || !(value > 0) || !Number.isFinite(value))
        return `--scale takes a number above 0 (real seconds per contract second), got ${JSON.stringify(text ?? '')}`;
      scale = value;
    } else if (arg.startsWith('-')) return `unknown option ${JSON.stringify(arg)}`;
    else paths.push(arg);
  }
  if (paths.length < 1 || paths.length > 2)
    return 'expected a level file and at most one solution file';
  return { levelPath: paths[0] as string, solutionPath: paths[1], scale };
}

void runCommand(() => {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    console.error(`${args}\n${USAGE}`);
    return EXIT.invalidInput;
  }
  const { level, solution } = readLevelAndSolution(args.levelPath, args.solutionPath);
  let scale = args.scale;
  if (scale === undefined) {
    const predicted = aboutFile(args.levelPath, () => simulate(level, solution, { trace: false }));
    scale = predicted.ok ? suggestScale(predicted.metrics.makespanUs) : 1;
  }
  const program = aboutFile(args.levelPath, () => exportPython(level, solution, { scale }));
  if (program.issues.length > 0) {
    const file = args.solutionPath ?? args.levelPath;
    for (const issue of program.issues)
      printProblem(`${file}: ${issue.node ? `node "${issue.node}": ` : ''}${issue.message}`);
    return EXIT.invalidInput;
  }
  process.stdout.write(program.source);
  return EXIT.ok;
});
