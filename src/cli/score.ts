/**
 * npm run score -- <level.json> [solution.json]
 *
 * Scores a wiring (the level's reference when none is given) and prints its metrics and
 * verdict as JSON. Exit 0 when every goal is met, 1 when not, 2 for input we cannot use.
 */
import { simulate } from '../engine/simulate';
import { EXIT, aboutFile, printProblem, readLevelAndSolution, runCommand } from './io';

const USAGE = 'usage: npm run score -- <level.json> [solution.json]';

void runCommand(() => {
  const [levelPath, solutionPath, ...extra] = process.argv.slice(2);
  if (levelPath === undefined || extra.length > 0) {
    console.error(USAGE);
    return EXIT.invalidInput;
  }
  const { level, solution } = readLevelAndSolution(levelPath, solutionPath);
  const result = aboutFile(levelPath, () => simulate(level, solution, { trace: false }));
  if (!result.ok) {
    for (const issue of result.issues)
      printProblem(
        `${solutionPath ?? levelPath}: ${issue.node ? `node "${issue.node}": ` : ''}${issue.message}`,
      );
    return EXIT.invalidInput;
  }
  const { metrics, verdict } = result;
  console.log(
    JSON.stringify({ level: level.id, solution: solution.name ?? null, metrics, verdict }, null, 2),
  );
  return verdict.passed ? EXIT.ok : EXIT.failed;
});
