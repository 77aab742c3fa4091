/**
 * npm run fidelity -- [--profile machine-profile.json]
 *
 * How close the engine's times are to CPython's on this machine: runs every shipped
 * contract's reference export, and the scenario programs, under python3, and prints per
 * program the engine's prediction, CPython's time and the error. The prediction adds this
 * machine's own CPython costs (from `npm run calibrate`) to the contract's: a worker
 * process's start and a call's round trip, in contract time at the program's scale.
 *
 * Timings mean something only on a quiet machine: it waits for one before each run and
 * runs again when others used CPU meanwhile. Exit 0 when every program is within 5 %,
 * 1 when one is not, 2 for bad arguments or no profile, 3 when the machine never got
 * quiet enough to measure (no verdict either way).
 */
import { existsSync } from 'node:fs';
import { loadCampaign } from '../../levels/campaign';
import { simulate } from '../engine/simulate';
import { MACHINE_DEFAULTS, type Level } from '../model/level';
import { parseProfile, type MachineProfile } from '../model/profile';
import { formatDuration, parseDuration } from '../model/units';
import { exportPython } from '../python/exportPython';
import { EXIT, readJsonFile, runCommand } from './io';
import { planCheck } from './python/plan';
import { BUSY_MACHINE, othersCores, sampleCpu, waitForQuiet } from './python/quiet';
import { runProgram } from './python/run';
import { SCENARIOS, type Timed } from './python/scenarios';

const USAGE = 'usage: npm run fidelity -- [--profile machine-profile.json]';
/** Exit code when the machine stayed too busy to measure: neither a pass nor a failure. */
export const EXIT_TOO_BUSY = 3;
const TOLERANCE = 0.05;
const RUNS = 3;

/** The contract with this machine's CPython costs added to its own, in contract time at `scale`. */
function onThisMachine(level: Level, profile: MachineProfile, scale: number): Level {
  const own = { ...MACHINE_DEFAULTS.process, ...level.machine.process };
  const m = profile.measured;
  const plus = (d: string, realUs: number): string =>
    formatDuration(Math.round(parseDuration(d as never) + realUs / scale));
  return {
    ...level,
    machine: {
      ...level.machine,
      process: {
        ...own,
        startup: plus(own.startup, m.processStartUs[m.defaultStartMethod]),
        callOverhead: plus(own.callOverhead, m.callRoundTripUs),
      },
    },
  };
}

interface Row {
  readonly name: string;
  readonly predicted: number;
  readonly measured: number | null;
}

/** Times `t` on a quiet moment; `measured` is null when none came in a few tries. */
async function measure(t: Timed, profile: MachineProfile, patienceMs: number): Promise<Row> {
  const level = onThisMachine(t.level, profile, t.scale);
  const result = simulate(level, t.solution, { trace: false });
  if (!result.ok) throw new Error(`${t.name}: ${result.issues.map((i) => i.message).join('; ')}`);
  const predicted = result.metrics.makespanUs / 1e6;
  const program = exportPython(t.level, t.solution, { scale: t.scale });
  for (let run = 0; run < RUNS; run++) {
    if (!(await waitForQuiet(patienceMs))) break;
    const before = sampleCpu();
    const { report } = await runProgram(program.source, [], 300_000);
    if (othersCores(before, sampleCpu(), report.cpu) <= BUSY_MACHINE)
      return { name: t.name, predicted, measured: report.makespan };
  }
  return { name: t.name, predicted, measured: null };
}

function table(rows: readonly Row[]): string {
  const cells = rows.map((r) => {
    const error = r.measured === null ? null : (r.measured - r.predicted) / r.predicted;
    return [
      r.name,
      `${r.predicted.toFixed(3)} s`,
      r.measured === null ? 'busy' : `${r.measured.toFixed(3)} s`,
      error === null ? '—' : `${error >= 0 ? '+' : ''}${(error * 100).toFixed(1)} %`,
    ];
  });
  const head = ['program', 'predicted', 'measured', 'error'];
  const widths = head.map((_, c) => Math.max(...[head, ...cells].map((r) => r[c]!.length)));
  const line = (r: readonly string[]): string =>
    r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

void runCommand(async () => {
  const args = process.argv.slice(2);
  if (!(args.length === 0 || (args.length === 2 && args[0] === '--profile'))) {
    console.error(USAGE);
    return EXIT.invalidInput;
  }
  const path = args[1] ?? 'machine-profile.json';
  if (!existsSync(path)) {
    console.error(`${path}: no machine profile; measure this machine first with npm run calibrate`);
    return EXIT.invalidInput;
  }
  const profile = parseProfile(readJsonFile(path), path);
  const timed: Timed[] = [
    ...loadCampaign().map((original) => {
      const plan = planCheck(original);
      return {
        name: original.id,
        level: plan.level,
        solution: plan.level.reference,
        scale: plan.scale,
      };
    }),
    ...SCENARIOS,
  ];
  const rows: Row[] = [];
  // Once the machine has stayed busy for one program, the others do not wait as long.
  for (const t of timed)
    rows.push(await measure(t, profile, rows.some((r) => r.measured === null) ? 3_000 : 30_000));
  const busy = rows.filter((r) => r.measured === null).length;
  console.log(`fidelity on ${profile.name} (Python ${profile.python}, ${profile.cores} cores)`);
  console.log(table(rows));
  const off = rows.filter(
    (r) => r.measured !== null && Math.abs(r.measured - r.predicted) > TOLERANCE * r.predicted,
  );
  console.log(
    `\n${rows.length - busy - off.length} of ${rows.length} within 5 %, ${off.length} outside, ${busy} not measured`,
  );
  if (busy > 0) {
    console.log(
      `the machine was too busy (others used over ${BUSY_MACHINE} cores) to time ${busy} program(s): exit ${EXIT_TOO_BUSY}`,
    );
    return EXIT_TOO_BUSY;
  }
  return off.length === 0 ? EXIT.ok : EXIT.failed;
});
