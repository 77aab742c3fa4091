/**
 * Makes share links from the command line, for authors and tests.
 *
 *   npm run share -- <level.json> [solution.json] [--base <url>] [--contract]
 *
 * Prints the link's path and hash: `/#s=<contract>.<revision>.<data>` for a campaign
 * contract, with the level's reference solution when no solution file is given. A contract
 * that is not part of the campaign (or differs from the campaign's copy) travels in the
 * link itself: `/#l=<contract>&s=<…>`; so does any contract with --contract.
 * --base replaces the leading "/" (e.g. --base https://example.org/loopwork/).
 *
 * Exit 0 with the link on stdout; 2 with a message naming the file and the JSON path when
 * an input cannot be used.
 */
import { loadCampaign } from '../../levels/campaign';
import { InputError, InputErrors } from '../model/errors';
import type { Level } from '../model/level';
import { levelHash, solutionHash } from '../share/link';
import { ShareEncodeError } from '../share/solutionBody';
import { EXIT, readLevelAndSolution, runCommand } from './io';

const USAGE = 'usage: npm run share -- <level.json> [solution.json] [--base <url>] [--contract]';

interface Args {
  readonly level: string;
  readonly solution?: string;
  readonly base: string;
  readonly contract: boolean;
}

function parseArgs(argv: readonly string[]): Args | string {
  const files: string[] = [];
  let base = '/';
  let contract = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (arg === '--contract') contract = true;
    else if (arg === '--base') {
      const value = argv[(i += 1)];
      if (value === undefined) return '--base needs a URL or path';
      base = value;
    } else if (arg.startsWith('-')) return `unknown option ${arg}`;
    else files.push(arg);
  }
  if (files.length === 0) return 'name a level file';
  if (files.length > 2) return 'at most a level file and a solution file';
  return { level: files[0] as string, solution: files[1], base, contract };
}

/** Is this exactly the campaign's contract, so a link may name it instead of carrying it? */
function inCampaign(level: Level): boolean {
  const shipped = loadCampaign().find((l) => l.id === level.id);
  return shipped !== undefined && JSON.stringify(shipped) === JSON.stringify(level);
}

function main(): number {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    console.error(`share: ${args}\n${USAGE}`);
    return EXIT.invalidInput;
  }
  const { level, solution } = readLevelAndSolution(args.level, args.solution);
  try {
    const hash =
      args.contract || !inCampaign(level)
        ? levelHash(level, solution)
        : solutionHash(level, solution);
    console.log(`${args.base}${hash}`);
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof ShareEncodeError)) throw error;
    const where = args.solution ?? `${args.level} (its reference solution)`;
    throw new InputErrors([new InputError('', error.message, where)]);
  }
}

void runCommand(main);
