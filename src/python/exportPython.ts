/**
 * Solution + Level → a standalone Python 3.11 program (standard library only) that does
 * the contract's work with stand-ins and times it. The program's parts, top to bottom:
 * the contract's steps as functions, the shared objects (semaphores, locks, pools,
 * services), the wiring (handlers and main), the stand-ins, and the contract's data.
 *
 * Every line remembers the node it stands for, so the code view can mark a node's code
 * and select a node from a line.
 */
import { compileLevel } from '../engine/compileLevel';
import { compileWiring } from '../engine/compileWiring';
import type { Instr, WiringIssue } from '../engine/program';
import { OpCode, type RunSpec, type StreamSpec } from '../engine/spec';
import type { Level } from '../model/level';
import type { Solution } from '../model/solution';
import { NameTable, ProgramNames, commentText, pyString, seconds } from './names';
import { preludeLines } from './prelude';
import { type ArrivalType } from './prelude/jobs';
import { writeSteps } from './steps';
import { WiringWriter } from './wiring';
import { allInstrs } from './wiring/instrGraph';
import { PythonWriter, linesByNode, type PythonLine } from './writer';

export interface PythonProgram {
  /** A file name for the download: `<level id>.py`. */
  readonly fileName: string;
  readonly source: string;
  readonly lines: readonly PythonLine[];
  /** Line indexes (0-based) of each node's code. */
  readonly nodeLines: Readonly<Record<string, readonly number[]>>;
  /** The program's default time scale: real seconds per contract second. */
  readonly scale: number;
  /** The wiring's mistakes. When there are any, the program is only a comment listing them. */
  readonly issues: readonly WiringIssue[];
  /** Where the program's own code starts (after the file's header): a view opens here. */
  readonly codeStart: number;
}

export interface ExportOptions {
  /** Real seconds per contract second; default 1. See `suggestScale`. */
  readonly scale?: number;
}

/** Names the stand-ins and the program's own variables use: no step or object may take them. */
const HELPERS = (
  'SCALE T0 WALL RESULTS STATE WRITES SEED STREAMS JOBS CONTRACT GIL_SWITCH CALL_OVERHEAD_US ' +
  'PICKLE_US_PER_MB Job Service ServiceError Batch burn_cpu deliver fail lose now arrivals ' +
  'main run timed report make_jobs arrival_times exponential uniform time_of op_key ' +
  'uniform_draw exponential_us uniform_us js_round Payload unpickled_payload pickle_seconds ' +
  'call_overhead ' +
  'start_process job part chunk loop value turn attempt error task select_loop ' +
  'collections dataclasses itertools math selectors'
).split(' ');

/**
 * A scale that makes a run of `makespanUs` contract time take about two real seconds,
 * rounded down to 1, 2 or 5 times a power of ten (and never above 1).
 */
export function suggestScale(makespanUs: number, targetSeconds = 2): number {
  if (!(makespanUs > 0)) return 1;
  const raw = Math.min(1, (targetSeconds * 1_000_000) / makespanUs);
  const power = 10 ** Math.floor(Math.log10(raw));
  const mantissa = raw / power;
  const nice = mantissa >= 5 ? 5 : mantissa >= 2 ? 2 : 1;
  return Number((nice * power).toPrecision(1));
}

function fileNameOf(level: Level): string {
  const id = level.id.replace(/[^A-Za-z0-9_-]+/g, '-') || 'contract';
  return `${id}.py`;
}

function finish(
  level: Level,
  lines: readonly PythonLine[],
  scale: number,
  issues: readonly WiringIssue[],
  codeStart = 0,
): PythonProgram {
  return {
    codeStart,
    fileName: fileNameOf(level),
    source: lines.map((l) => l.text).join('\n') + '\n',
    lines,
    nodeLines: linesByNode(lines),
    scale,
    issues,
  };
}

/** The program for a wiring that does not compile: what to fix, one line per mistake. */
function issuesProgram(level: Level, issues: readonly WiringIssue[], scale: number): PythonProgram {
  const w = new PythonWriter();
  w.line('# This wiring is not a program yet. Fix these first:');
  for (const issue of issues) {
    const where = issue.node === undefined ? '' : `${issue.node}: `;
    w.line(`#   - ${commentText(where + issue.message)}`, issue.node ?? null);
  }
  return finish(level, w.written, scale, issues);
}

function arrivalTuple(stream: StreamSpec): string {
  const a = stream.arrival;
  switch (a.type) {
    case 'atOnce':
      return `("atOnce", ${a.atUs})`;
    case 'interval':
      return `("interval", ${a.everyUs}, ${a.startUs})`;
    case 'bursts':
      return `("bursts", ${a.size}, ${a.everyUs}, ${a.spreadUs}, ${a.startUs})`;
    case 'poisson':
      return `("poisson", ${String(a.meanGapUs)}, ${a.startUs})`;
  }
}

function timeTuple(time: RunSpec['services'][number]['latency']): string {
  switch (time.kind) {
    case 'fixed':
      return `("fixed", ${time.us})`;
    case 'exponential':
      return `("exponential", ${time.meanUs})`;
    case 'uniform':
      return `("uniform", ${time.minUs}, ${time.maxUs})`;
  }
}

/**
 * The Python program of a wiring.
 * @throws InputErrors when the level itself is invalid (a wiring's mistakes are returned as issues).
 */
export function exportPython(
  level: Level,
  solution: Solution,
  options: ExportOptions = {},
): PythonProgram {
  const scale = options.scale ?? 1;
  const spec = compileLevel(level);
  const { program, issues } = compileWiring(solution, level, spec);
  if (program === null) return issuesProgram(level, issues, scale);

  const instrs = allInstrs(program);
  const stepInstrs = [...instrs].filter((i): i is Instr & { op: 'step' } => i.op === 'step');
  const usedSteps = new Set(stepInstrs.map((i) => spec.steps[i.step]?.id ?? ''));
  const nodesOf = new Map<string, string[]>();
  for (const node of solution.nodes) {
    if (node.type !== 'step' || program.contexts[node.id] === undefined) continue;
    const step = (node.params as { step: string }).step;
    nodesOf.set(step, [...(nodesOf.get(step) ?? []), node.id]);
  }
  const usedSpecs = spec.steps.filter((s) => usedSteps.has(s.id));
  const usedServices = new Set(
    usedSpecs.flatMap((s) =>
      s.ops
        .filter((op) => op.code === OpCode.CallAsync || op.code === OpCode.CallBlocking)
        .map((op) => op.ref),
    ),
  );
  const usedStates = new Set(
    usedSpecs.flatMap((s) => s.ops.filter((op) => op.code === OpCode.Read).map((op) => op.ref)),
  );
  const hasProcesses = program.pools.some((p) => p.kind === 'process');
  const arrivalTypes = [...new Set(spec.streams.map((s) => s.arrival.type))];

  const names = new ProgramNames(new NameTable(HELPERS));
  const w = new PythonWriter();

  // ——— header ———
  w.line('#!/usr/bin/env python3');
  w.line(
    `# Loopwork contract: ${commentText(level.title)} (${commentText(level.id)}, revision ${level.revision})`,
  );
  if (solution.name !== undefined) w.line(`# Wiring: ${commentText(solution.name)}`);
  w.lines([
    '"""The wiring as a Python 3.11 program, standard library only.',
    '',
    "The contract's work is done by stand-ins (see the end of the file): IO is a sleep,",
    'CPU work a busy loop, both at a time scale so that the program runs in seconds:',
    '',
    `    python3 ${fileNameOf(level)} --scale ${scale}    # real seconds per contract second`,
    '',
    "It prints one JSON line: the measured makespan and each job's completion time, in",
    'seconds of contract time.',
    '"""',
  ]);
  const imports = ['asyncio'];
  if (usedServices.size > 0) imports.push('collections');
  if (program.pools.length > 0) imports.push('concurrent.futures');
  imports.push('dataclasses');
  if (usedStates.size > 0) imports.push('itertools');
  imports.push('json', 'math', 'os', 'selectors', 'sys');
  const threading =
    usedServices.size > 0 ||
    program.semaphores.some((s) => s.context === 'thread') ||
    program.locks.some((l) => l.context === 'thread');
  if (threading) imports.push('threading');
  imports.push('time');
  for (const module of imports) w.line(`import ${module}`);
  w.blank();
  w.line("# Real seconds per second of the contract's time: `--scale 0.01` runs 100 times faster.");
  w.line(
    `SCALE = float(sys.argv[sys.argv.index("--scale") + 1]) if "--scale" in sys.argv[1:-1] else ${scale}`,
  );

  // ——— the contract's work ———
  w.blank(2);
  const codeStart = w.written.length;
  w.line("# ── The contract's work: one function per step ─────────────────────────────────");
  const asyncSteps = new Set(spec.steps.filter((s) => s.isAsync).map((s) => s.id));
  const steps = writeSteps(w, level, names, usedSteps, nodesOf, asyncSteps);

  // ——— shared objects ———
  const semaphores = program.semaphores.map(() => names.claim('semaphore'));
  const locks = program.locks.map((l) => names.claim(`lock_${l.name}`));
  const pools = program.pools.map((p) =>
    names.claim(p.kind === 'thread' ? 'threads' : 'processes'),
  );
  const shared = new PythonWriter();
  program.semaphores.forEach((s, i) => {
    const kind = s.context === 'thread' ? 'threading' : 'asyncio';
    shared.line(`${semaphores[i]} = ${kind}.Semaphore(${s.permits})`, s.node);
  });
  program.locks.forEach((l, i) => {
    const kind = l.context === 'thread' ? 'threading' : 'asyncio';
    shared.line(`${locks[i]} = ${kind}.Lock()  # "${commentText(l.name)}"`, l.nodes[0] ?? null);
  });
  if (hasProcesses) {
    shared.blank(2);
    shared.block('def start_process():', null, () => {
      shared.line(`"""A worker process starting up: the contract charges it as CPU time."""`);
      shared.line(`burn_cpu(${seconds(spec.processStartupUs)} * SCALE)`);
    });
    shared.blank(2);
  }
  program.pools.forEach((p, i) => {
    const executor =
      p.kind === 'thread'
        ? `concurrent.futures.ThreadPoolExecutor(max_workers=${p.workers})`
        : `concurrent.futures.ProcessPoolExecutor(max_workers=${p.workers}, initializer=start_process)`;
    // A default-sized pool is written with the size it has on the contract's machine, so
    // the program runs as the contract's machine would run it, not as this one's cores say.
    const size =
      p.kind === 'thread'
        ? `ThreadPoolExecutor()'s default on ${spec.cores} cores: min(32, cores + 4)`
        : `ProcessPoolExecutor()'s default on ${spec.cores} cores: one per core`;
    shared.line(`${pools[i]} = ${executor}${p.defaultSize ? `  # ${size}` : ''}`, p.node);
  });
  if (usedStates.size > 0) {
    const states = [...usedStates].sort((a, b) => a - b).map((r) => pyString(spec.states[r] ?? ''));
    shared.line(`STATE = {${states.map((s) => `${s}: 0`).join(', ')}}  # shared state`);
    shared.line(
      `WRITES = {${states.map((s) => `${s}: itertools.count()`).join(', ')}}  # updates made`,
    );
  }
  if (shared.written.length > 0) {
    w.blank(2);
    w.line('# ── Shared objects ───────────────────────────────────────────────────────────────');
    w.append(shared);
  }

  // ——— the wiring ———
  const retries = [...instrs].some((i) => i.op === 'retry');
  const randomTimes = steps.drawsUsed;
  const randomServices = [...usedServices].some((r) => {
    const s = spec.services[r]!;
    return s.latency.kind !== 'fixed' || s.failRate > 0 || s.slowChance > 0;
  });
  const wiring = new WiringWriter(
    program,
    spec,
    names,
    {
      stepFunction: (step) => {
        const s = spec.steps[step]!;
        return {
          name: steps.names.get(s.id) ?? names.step(s.id),
          isAsync: s.isAsync,
          perPart: s.perPart,
        };
      },
      semaphores,
      locks,
      pools,
    },
    retries && (randomTimes || randomServices),
  );
  const source = solution.nodes.find((n) => n.type === 'source')?.id ?? 'source';
  const wiringLines = wiring.write(source);
  w.blank(2);
  w.line('# ── The wiring ───────────────────────────────────────────────────────────────────');
  w.blank(2).append(wiringLines);

  // ——— stand-ins and data ———
  const needs = {
    draws: randomTimes || usedServices.size > 0 || arrivalTypes.includes('poisson'),
    services: usedServices.size > 0,
    failures: wiring.canFail || wiring.usesRetry,
    losses: wiring.usesLose,
    batches: program.stages.some((s) => s.kind === 'batch'),
    processes: hasProcesses,
    arrivals: arrivalTypes as ArrivalType[],
  };
  w.blank(2);
  w.lines(
    preludeLines(
      needs,
      usedStates.size > 0,
      pools.map((p) => `${p}.shutdown(cancel_futures=True)`),
    ),
  );
  w.blank(2);
  w.line("# ── The contract's data ──────────────────────────────────────────────────────────");
  w.line(`CONTRACT = ${pyString(level.id)}`);
  if (needs.draws) w.line(`SEED = ${spec.seed}`);
  w.line(
    `GIL_SWITCH = ${seconds(spec.gilSwitchUs)}  # sys.getswitchinterval() of the contract's machine`,
  );
  for (const ref of [...usedServices].sort((a, b) => a - b)) {
    const s = spec.services[ref]!;
    const args = [pyString(s.label), `latency=${timeTuple(s.latency)}`];
    if (s.maxConcurrent !== Infinity) args.push(`max_concurrent=${s.maxConcurrent}`);
    if (s.rateRequests !== Infinity)
      args.push(`rate_limit=(${s.rateRequests}, ${seconds(s.rateWindowUs)})`);
    if (s.failRate > 0) args.push(`fail_rate=${s.failRate}`);
    if (s.slowChance > 0) args.push(`slow=(${s.slowChance}, ${timeTuple(s.slowLatency)})`);
    args.push(`refuse_after=${seconds(s.refuseAfterUs)}`);
    w.line(`${names.service(s.id)} = Service(${args.join(', ')})`);
  }
  if (hasProcesses) {
    w.line(`CALL_OVERHEAD_US = ${spec.callOverheadUs}`);
    w.line(`PICKLE_US_PER_MB = ${spec.picklePerMBUs}`);
  }
  w.line('STREAMS = [  # kind, jobs, arrival (times in us), payload bytes, parts');
  for (const stream of spec.streams) {
    const kind = pyString(spec.kinds[stream.kind] ?? '');
    w.line(
      `    (${kind}, ${stream.count}, ${arrivalTuple(stream)}, ${stream.payloadBytes}, ${stream.parts}),`,
    );
  }
  w.line(']');
  w.blank(2);
  w.line('if __name__ == "__main__":');
  w.line('    run()');
  return finish(level, w.written, scale, [], codeStart);
}
