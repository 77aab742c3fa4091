/**
 * Small helpers every command-line tool shares: read a JSON file as untrusted input,
 * report input errors, and the exit codes the commands agree on.
 */
import { readFileSync } from 'node:fs';
import { InputError, InputErrors } from '../model/errors';
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
    text = readFileSync(path, 'utf8');
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

/** Prints every input error, one per line, on stderr. */
export function printInputErrors(error: InputErrors | InputError): void {
  const errors = error instanceof InputErrors ? error.errors : [error];
  for (const e of errors) console.error(e.message);
}

/** Prints the input errors and exits with code 2. */
export function reportInputErrors(error: InputErrors | InputError): never {
  printInputErrors(error);
  process.exit(EXIT.invalidInput);
}

/**
 * Runs a command's main function and exits with the code it returns. Input errors that
 * escape it exit with code 2 and their message; anything else is a bug and is rethrown.
 */
export async function runCommand(main: () => number | Promise<number>): Promise<never> {
  try {
    process.exit(await main());
  } catch (error) {
    if (error instanceof InputErrors || error instanceof InputError) reportInputErrors(error);
    throw error;
  }
}
