/**
 * npm run score -- <level.json> [solution.json] [--profile machine-profile.json]
 *
 * Scores a wiring (the level's reference when none is given) and prints its metrics and
 * verdict as JSON. With --profile, the run uses a measured machine's costs (`npm run
 * calibrate`) in place of the level's. Exit 0 when every goal is met, 1 when not, 2 for
 * input we cannot use.
 */
import { simulate } from '../engine/simulate';
import { parseProfile } from '../model/profile';
import {
  EXIT,
  aboutFile,
  printProblem,
  readJsonFile,
  readLevelAndSolution,
  runCommand,
} from './io';

const USAGE =
  'usage: npm run score -- <level.json> [solution.json] [--profile machine-profile.json]';

void runCommand(() => {
  const args = process.argv.slice(2);
  const at = args.indexOf('--profile');
  const profilePath = at >= 0 ? args[at + 1] : undefined;
  if (at >= 0) args.splice(at, 2);
  const [levelPath, solutionPath, ...extra] = args;
  if (levelPath === undefined || extra.length > 0 || (at >= 0 && profilePath === undefined)) {
    console.error(USAGE);
    return EXIT.invalidInput;
  }
  const profile =
    profilePath === undefined ? undefined : parseProfile(readJsonFile(profilePath), profilePath);
  const { level, solution } = readLevelAndSolution(levelPath, solutionPath);
  const result = aboutFile(levelPath, () =>
    simulate(level, solution, { trace: false, ...(profile ? { profile } : {}) }),
  );
  if (!result.ok) {
    for (const issue of result.issues)
      printProblem(
        `${solutionPath ?? levelPath}: ${issue.node ? `node "${issue.node}": ` : ''}${issue.message}`,
      );
    return EXIT.invalidInput;
  }
  const { metrics, verdict } = result;
  console.log(
    JSON.stringify(
      {
        level: level.id,
        solution: solution.name ?? null,
        ...(profile ? { profile: profile.name } : {}),
        metrics,
        verdict,
      },
      null,
      2,
    ),
  );
  return verdict.passed ? EXIT.ok : EXIT.failed;
});
