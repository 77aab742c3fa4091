/**
 * Small helpers every command-line tool shares: read a JSON file as untrusted input,
 * report problems (each naming its file and JSON path, at most MAX_PRINTED_PROBLEMS of
 * them), and the exit codes the commands agree on.
 */
import { readFileSync } from 'node:fs';
import { InputError, InputErrors, MoreInputErrors } from '../model/errors';
import type { Level } from '../model/level';
import { parseLevel, parseSolution } from '../model/load';
import type { Solution } from '../model/solution';

/** Exit codes of every command: success, a check or goal that failed, input we cannot use. */
export const EXIT = { ok: 0, failed: 1, invalidInput: 2 } as const;

/**
 * Reads and parses a JSON file. The result is `unknown`: validate it before use.
 * @throws InputErrors naming the file when it cannot be read or is not JSON.
 */
export function readJsonFile(path: string): unknown {
  let text: string;
  try {
    // A byte-order mark is how some editors start a UTF-8 file; JSON.parse refuses it.
    text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : code;
    throw new InputErrors([new InputError('', `cannot read it (${why ?? 'unknown error'})`, path)]);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new InputErrors([
      new InputError('', `is not valid JSON: ${(error as Error).message}`, path),
    ]);
  }
}

/**
 * Reads a level file and the solution file given with it, or the level's own reference
 * solution when none is.
 * @throws InputErrors naming the file and the JSON path of what is wrong.
 */
export function readLevelAndSolution(
  levelPath: string,
  solutionPath: string | undefined,
): { level: Level; solution: Solution } {
  const level = parseLevel(readJsonFile(levelPath), levelPath);
  const solution =
    solutionPath === undefined
      ? level.reference
      : parseSolution(readJsonFile(solutionPath), solutionPath, level);
  return { level, solution };
}

/** Most problem lines one run prints; the rest are counted in one summary line. */
export const MAX_PRINTED_PROBLEMS = 50;
let printedProblems = 0;
let unprintedProblems = 0;

/** Prints a problem on stderr, or counts it once MAX_PRINTED_PROBLEMS have been printed. */
export function printProblem(line: string, count = 1): void {
  if (printedProblems < MAX_PRINTED_PROBLEMS) {
    printedProblems += 1;
    console.error(line);
    unprintedProblems += count - 1;
  } else unprintedProblems += count;
}

/** Prints every input error, one per line, on stderr (a summary line counts for its problems). */
export function printInputErrors(error: InputErrors | InputError): void {
  const errors = error instanceof InputErrors ? error.errors : [error];
  for (const e of errors)
    if (e instanceof MoreInputErrors) unprintedProblems += e.count;
    else printProblem(e.message);
}

/**
 * Runs `read`, naming `file` as the source of any input error it throws: the engine knows a
 * contract only as "level", the command knows which file it came from.
 */
export function aboutFile<T>(file: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof InputErrors)) throw error;
    throw new InputErrors(
      error.errors.map((e) =>
        e instanceof MoreInputErrors
          ? new MoreInputErrors(e.count, file)
          : new InputError(e.path, e.detail, file),
      ),
    );
  }
}

/**
 * Runs a command's main function and sets the exit code it returns. Input errors that
 * escape it set code 2 after their message; anything else is a bug and is rethrown. The
 * process is left to end by itself, so everything written reaches a pipe (exiting at once
 * cut piped output short).
 */
export async function runCommand(main: () => number | Promise<number>): Promise<void> {
  try {
    process.exitCode = await main();
  } catch (error) {
    if (!(error instanceof InputErrors || error instanceof InputError)) throw error;
    printInputErrors(error);
    process.exitCode = EXIT.invalidInput;
  }
  if (unprintedProblems > 0)
    console.error(
      `… and ${unprintedProblems} more problems (the first ${printedProblems} are above)`,
    );
}
