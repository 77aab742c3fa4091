/**
 * The page's main-thread tasks as a PerformanceObserver sees them (wall time) and as
 * Chromium's own trace counts them (the thread's CPU time). On a machine shared by many
 * processes a task of a few milliseconds of work can take hundreds of milliseconds of wall
 * time while its thread waits for a core; the trace tells the page's own work from that wait.
 */
import type { Browser, Page } from '@playwright/test';

export interface PageTask {
  /** On the page's performance.now() clock. */
  readonly startMs: number;
  readonly wallMs: number;
  /** The main thread's CPU time in the task; null if the trace has no such task. */
  readonly cpuMs: number | null;
}

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly ts: number;
  readonly dur?: number;
  readonly tdur?: number;
  readonly args?: { readonly name?: string };
}

const SYNC_MARK = 'main-thread-trace-sync';

/** Starts the PerformanceObserver on long tasks and Chromium's trace of the page. */
export async function watchMainThread(browser: Browser, page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: { start: number; duration: number }[] = [];
    (window as unknown as { longTasks: typeof seen }).longTasks = seen;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        seen.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask' });
  });
  await browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing'] });
  // A mark both clocks see, to place the observer's tasks on the trace.
  await page.evaluate((name) => performance.mark(name), SYNC_MARK);
}

/** Stops both; every long task the observer saw, with the CPU time the trace gives it. */
export async function longTasks(browser: Browser, page: Page): Promise<PageTask[]> {
  const seen = await page.evaluate(() => ({
    tasks: (window as unknown as { longTasks: { start: number; duration: number }[] }).longTasks,
    mark: performance.getEntriesByName('main-thread-trace-sync')[0]!.startTime,
  }));
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as {
    traceEvents: TraceEvent[];
  };
  const events = trace.traceEvents;
  const mark = events.find((e) => e.name === SYNC_MARK);
  if (!mark) throw new Error('the trace has no sync mark');
  const main = events.find(
    (e) => e.name === 'thread_name' && e.pid === mark.pid && e.args?.name === 'CrRendererMain',
  );
  const runs = events.filter(
    (e) =>
      e.ph === 'X' &&
      e.pid === mark.pid &&
      e.tid === (main?.tid ?? mark.tid) &&
      e.name.endsWith('RunTask'),
  );
  // Trace µs → page ms: the mark is at `seen.mark` on the page's clock.
  const toPage = (ts: number): number => (ts - mark.ts) / 1000 + seen.mark;
  return seen.tasks.map((task) => {
    const match = runs
      .filter((r) => Math.abs(toPage(r.ts) - task.start) < 5)
      .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))[0];
    return {
      startMs: task.start,
      wallMs: task.duration,
      cpuMs: match?.tdur !== undefined ? match.tdur / 1000 : null,
    };
  });
}
