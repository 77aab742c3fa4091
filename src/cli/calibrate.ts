/**
 * npm run calibrate -- [--out machine-profile.json] [--name "my laptop"]
 *
 * Measures this machine's CPython costs with python3 (calibrate/calibrate.py: timer
 * lateness, thread start, the GIL taken back after blocking IO next to a CPU-bound
 * thread, process start per start method, a call's round trip into a process, pickling
 * per MB each way), writes them as a machine profile (levels/schema/profile.schema.json)
 * and prints them as a table. `npm run score -- --profile`, `npm run fidelity` and the
 * game's "simulate my machine" take the profile in place of a contract's machine costs.
 * Exit 0 when written, 1 when python3 could not measure, 2 for bad arguments.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { fileURLToPath } from 'node:url';
import {
  engineCosts,
  parseProfile,
  type MachineProfile,
  type MeasuredCosts,
} from '../model/profile';
import { EXIT, runCommand } from './io';

const USAGE = 'usage: npm run calibrate -- [--out machine-profile.json] [--name "my laptop"]';
const PROGRAM = fileURLToPath(new URL('./calibrate/calibrate.py', import.meta.url));

/** Reads `--flag value` pairs; null when an argument is not one of `flags`. */
function options(args: readonly string[], flags: readonly string[]): Map<string, string> | null {
  const found = new Map<string, string>();
  for (let i = 0; i < args.length; i += 2) {
    const value = args[i + 1];
    if (!flags.includes(args[i] as string) || value === undefined) return null;
    found.set(args[i] as string, value);
  }
  return found;
}

const ms = (us: number): string => `${(us / 1000).toFixed(3)} ms`;

/** The profile as the table calibrate prints. */
export function profileTable(profile: MachineProfile): string {
  const m = profile.measured;
  const rows: [string, string, string][] = [
    ['timer lateness (a 5 ms sleep wakes late by)', ms(m.timerLatenessUs), '—'],
    ['thread start (start() to first line)', ms(m.threadStartUs), '—'],
    ['GIL re-acquire after blocking IO, beside a CPU-bound thread', ms(m.gilReacquireUs), '—'],
    ['switch interval (sys.getswitchinterval)', ms(m.switchIntervalUs), 'the contract sets it'],
    [
      'process start: fork',
      ms(m.processStartUs.fork),
      m.defaultStartMethod === 'fork' ? 'startup' : '—',
    ],
    [
      'process start: forkserver',
      ms(m.processStartUs.forkserver),
      m.defaultStartMethod === 'forkserver' ? 'startup' : '—',
    ],
    [
      'process start: spawn',
      ms(m.processStartUs.spawn),
      m.defaultStartMethod === 'spawn' ? 'startup' : '—',
    ],
    ['call round trip into a process', ms(m.callRoundTripUs), 'callOverhead'],
    ['pickle.dumps per MB', ms(m.dumpsPerMBUs), 'picklePerMB (dumps + loads)'],
    ['pickle.loads per MB', ms(m.loadsPerMBUs), 'picklePerMB (dumps + loads)'],
  ];
  const head: [string, string, string] = ['cost', 'measured', 'engine takes it as'];
  const widths = [0, 1, 2].map((c) => Math.max(...[head, ...rows].map((r) => r[c]!.length)));
  const line = (r: readonly string[]): string =>
    r
      .map((cell, c) => (c === 1 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
      .join('  ')
      .trimEnd();
  const p = profile.machine.process;
  return [
    `${profile.name}: Python ${profile.python}, ${profile.cores} cores, default start method ${m.defaultStartMethod}`,
    line(head),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    `engine costs: startup ${p.startup}, callOverhead ${p.callOverhead}, picklePerMB ${p.picklePerMB}`,
  ].join('\n');
}

void runCommand(() => {
  const given = options(process.argv.slice(2), ['--out', '--name']);
  if (given === null) {
    console.error(USAGE);
    return EXIT.invalidInput;
  }
  const out = given.get('--out') ?? 'machine-profile.json';
  let printed: string;
  try {
    printed = execFileSync('python3', [PROGRAM], { encoding: 'utf8', timeout: 300_000 });
  } catch (error) {
    console.error(`python3 could not measure this machine: ${(error as Error).message}`);
    return EXIT.failed;
  }
  const { python, cores, ...measured } = JSON.parse(
    printed.trim().split('\n').pop() as string,
  ) as MeasuredCosts & {
    python: string;
    cores: number;
  };
  const profile = parseProfile(
    {
      kind: 'loopwork/machine-profile',
      version: 1,
      name: (given.get('--name') ?? hostname()).slice(0, 60),
      python,
      cores,
      measured,
      machine: engineCosts(measured),
    },
    'the measurements',
  );
  writeFileSync(out, `${JSON.stringify(profile, null, 2)}\n`);
  console.log(profileTable(profile));
  console.log(`\nwrote ${out}`);
  return EXIT.ok;
});
