/**
 * The exported trace opens in a real trace parser: Chrome DevTools' own trace engine (the
 * Performance panel's model, published as @paulirish/trace_engine) reads the file, and its
 * processes and threads are the run's — a track per simulated process, its GIL, and every
 * worker — with the slices and counters the run's figures say there must be.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import * as DevToolsTrace from '@paulirish/trace_engine';
import { loadCampaign } from '../../../levels/campaign';
import { simulate } from '../../../src/engine/simulate';
import type { TraceEvent } from '../../../src/engine/trace';
import type { Level } from '../../../src/model/level';
import { chromeTraceFile, type ChromeTraceEvent } from '../../../src/traceFile/chromeTrace';

type ParsedProcess = DevToolsTrace.Handlers.ModelHandlers.Renderer.RendererProcess;
type ParsedThread = DevToolsTrace.Handlers.ModelHandlers.Renderer.RendererThread;

/** The file's process id for a simulated process: the run's own track is 1, process p is p + 2. */
const pid = (n: number) => DevToolsTrace.Types.Events.ProcessID(n);

beforeAll(() => {
  // The engine measures layout boxes with DOMRect, which node lacks; nothing here draws.
  if (!('DOMRect' in globalThis)) {
    Object.defineProperty(globalThis, 'DOMRect', {
      value: class {
        constructor(
          readonly x = 0,
          readonly y = 0,
          readonly width = 0,
          readonly height = 0,
        ) {}
      },
    });
  }
});

function contract(id: string): Level {
  const level = loadCampaign().find((l) => l.id === id);
  if (level === undefined) throw new Error(`no contract ${id}`);
  return level;
}

function run(level: Level, traceLimit?: number) {
  const result = simulate(level, level.reference, traceLimit === undefined ? {} : { traceLimit });
  if (!result.ok || result.trace === null) throw new Error(`${level.id} did not run`);
  return { result, trace: result.trace };
}

/** The file as a player downloads it: JSON text, read back. */
function roundTrip(trace: readonly TraceEvent[], level: Level, recordedUntilUs?: number) {
  const file = chromeTraceFile(trace, {
    contract: level.title,
    solution: 'reference',
    ...(recordedUntilUs === undefined ? {} : { recordedUntilUs }),
  });
  return JSON.parse(JSON.stringify(file)) as {
    traceEvents: ChromeTraceEvent[];
    otherData: Record<string, string>;
  };
}

async function parse(events: readonly ChromeTraceEvent[]) {
  const model = DevToolsTrace.TraceModel.Model.createWithAllHandlers();
  await model.parse(events as never);
  const parsed = model.parsedTrace();
  if (parsed === null) throw new Error('the trace engine read nothing');
  return parsed.data.Renderer.processes;
}

describe('a run as a Chrome Trace Event file', () => {
  test('threads and a GIL: every worker is a named thread of the main process, and the GIL is held by one at a time', async () => {
    const level = contract('gil-ceiling');
    const { trace } = run(level);
    const file = roundTrip(trace, level);
    const processes = await parse(file.traceEvents);
    const main = processes.get(pid(2));
    expect(main, 'the main process has a track').toBeDefined();
    const names = [...(main as ParsedProcess).threads.values()].map((t) => t.name);

    const workers = trace.filter((e) => e.type === 'workerCreated');
    for (const w of workers) expect(names).toContain(w.label);
    expect(names).toContain('GIL');
    expect(names).toContain('event loop');

    const gil = [...(main as ParsedProcess).threads.values()].find((t) => t.name === 'GIL');
    const held = (gil as ParsedThread).entries;
    expect(held.length).toBeGreaterThan(10);
    for (let i = 1; i < held.length; i += 1) {
      const before = held[i - 1] as { ts: number; dur?: number };
      expect((held[i] as { ts: number }).ts).toBeGreaterThanOrEqual(before.ts + (before.dur ?? 0));
    }
    const labels = new Set(workers.map((w) => `held by ${w.label}`));
    for (const slice of held) expect(labels.has(slice.name)).toBe(true);
  });

  test('a worker’s slices are its states, back to back and never overlapping, and its CPU time is the trace’s', async () => {
    const level = contract('gil-ceiling');
    const { trace } = run(level);
    const file = roundTrip(trace, level);
    const slices = file.traceEvents.filter((e) => e.ph === 'X' && e.cat !== 'gil');
    const byWorker = new Map<number, { ts: number; dur: number }[]>();
    for (const s of slices) {
      if (s.ph !== 'X') continue;
      byWorker.set(s.tid, [...(byWorker.get(s.tid) ?? []), { ts: s.ts, dur: s.dur }]);
    }
    for (const list of byWorker.values()) {
      for (let i = 1; i < list.length; i += 1) {
        const a = list[i - 1] as { ts: number; dur: number };
        expect((list[i] as { ts: number }).ts).toBeGreaterThanOrEqual(a.ts + a.dur);
      }
    }
    // CPU time counted independently from the engine's state changes.
    const since = new Map<number, { t: number; cpu: boolean }>();
    let cpu = 0;
    for (const e of trace) {
      if (e.type !== 'workerState') continue;
      const open = since.get(e.worker);
      if (open?.cpu === true) cpu += e.t - open.t;
      since.set(e.worker, { t: e.t, cpu: e.state === 'cpu' });
    }
    const exported = slices.reduce(
      (sum, s) => sum + (s.ph === 'X' && s.cat === 'cpu' ? s.dur : 0),
      0,
    );
    expect(cpu).toBeGreaterThan(0);
    expect(exported).toBe(cpu);
  });

  test('worker processes are processes of their own, and queue depths are counters that reach the run’s peak', async () => {
    const level = contract('the-pipeline');
    const { result, trace } = run(level);
    const file = roundTrip(trace, level);
    const processes = await parse(file.traceEvents);
    const started = new Set(
      trace.flatMap((e) => (e.type === 'workerCreated' && e.process > 0 ? [e.process] : [])),
    );
    expect(started.size).toBeGreaterThan(0);
    for (const process of started)
      expect(processes.has(pid(process + 2)), `process ${process}`).toBe(true);
    const names = file.traceEvents.flatMap((e) =>
      e.ph === 'M' && e.name === 'process_name' && 'name' in e.args ? [e.args.name] : [],
    );
    expect(names).toContain('main process');
    expect(names).toContain('worker process 1');

    if (!result.ok) throw new Error('unreachable');
    for (const [node, figures] of Object.entries(result.metrics.queues)) {
      const depths = file.traceEvents.flatMap((e) =>
        e.ph === 'C' && e.name === `queue ${node}` ? [e.args.depth as number] : [],
      );
      expect(Math.max(0, ...depths), `queue ${node}`).toBe(figures.peakDepth);
    }
  });

  test('each job is one async slice from its arrival to its end, and a failure is an alert at its moment', async () => {
    const level = contract('flaky-payments');
    const { result, trace } = run(level);
    if (!result.ok) throw new Error('unreachable');
    const file = roundTrip(trace, level);
    const begins = file.traceEvents.filter((e) => e.ph === 'b');
    const ends = file.traceEvents.filter((e) => e.ph === 'e');
    expect(begins.length).toBe(result.metrics.jobs);
    expect(ends.length).toBe(result.metrics.done + result.metrics.failed + result.metrics.lost);
    const alerts = file.traceEvents.filter((e) => e.ph === 'i' && e.name.endsWith('failed'));
    expect(alerts.length).toBe(result.metrics.failed);
    expect(file.traceEvents.some((e) => e.ph === 'i' && e.name.startsWith('run ended'))).toBe(true);
  });

  test('a trace cut at its limit says so, and closes what was still open at its last event', async () => {
    const level = contract('gil-ceiling');
    const full = run(level).trace.length;
    const { result, trace } = run(level, Math.floor(full / 2));
    expect(result.ok && result.recordedUntilUs).toBeGreaterThan(0);
    const until = result.ok ? result.recordedUntilUs : undefined;
    const file = roundTrip(trace, level, until);
    expect(file.otherData.recorded).toContain('only');
    const last = (trace[trace.length - 1] as TraceEvent).t;
    for (const e of file.traceEvents)
      if (e.ph === 'X') expect(e.ts + e.dur).toBeLessThanOrEqual(last);
    expect((await parse(file.traceEvents)).get(pid(2))).toBeDefined();
  });
});
