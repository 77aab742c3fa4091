/**
 * Clean-up on cancellation, against CPython on a simulated clock: the clean-up takes its
 * own time, and a timeout that cancelled the body ends only after it — late by the
 * clean-up's time, with asyncio.timeout and wait_for alike.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../../src/engine/simulate';
import type { Level } from '../../../../src/model/level';
import { io, jobs, makeLevel, step, wire, type Item } from '../build';
import { cpython } from './virtualClock';

/** When each job was resolved, and how: `[ms, 'delivered' | reason]`. */
function outcomes(level: Level, chain: readonly Item[]): unknown[][] {
  const result = simulate(level, wire(level, chain));
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  const rows: unknown[][] = [];
  for (const e of result.trace ?? []) {
    if (e.type === 'jobDelivered') rows.push([e.t / 1000, 'delivered']);
    if (e.type === 'jobFailed') rows.push([e.t / 1000, e.reason]);
  }
  return rows;
}

const slow = makeLevel({ steps: [step('fetch', io('1s'))], streams: [jobs(1, ['fetch'])] });

describe('a clean-up on cancellation, as CPython runs it', () => {
  it('makes asyncio.timeout end late by the clean-up time', () => {
    const python = cpython(`
async def fetch():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        log('cleaning up')
        await asyncio.sleep(0.03)
        log('cleaned up')
        raise
async def main():
    try:
        async with asyncio.timeout(0.1):
            await fetch()
    except TimeoutError:
        log('timeout')
run(main)`);
    expect(python).toEqual([
      [100, 'cleaning up'],
      [130, 'cleaned up'],
      [130, 'timeout'],
    ]);
    const engine = outcomes(slow, [
      [
        'timeout',
        { after: '100ms' },
        [['cleanup', { takes: '30ms', on: 'cancel' }, ['step:fetch']]],
      ],
    ]);
    expect(engine).toEqual([[130, 'timeout']]);
  });

  it('makes wait_for end late by the same clean-up time', () => {
    const python = cpython(`
async def fetch():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        await asyncio.sleep(0.03)
        raise
async def main():
    try:
        await asyncio.wait_for(fetch(), 0.1)
    except TimeoutError:
        log('timeout')
run(main)`);
    expect(python).toEqual([[130, 'timeout']]);
  });

  it('runs a finally clean-up on success too, and no clean-up on cancel only', () => {
    const python = cpython(`
async def body(always):
    try:
        await asyncio.sleep(0.2)
    except asyncio.CancelledError:
        await asyncio.sleep(0.03)
        raise
    finally:
        if always:
            await asyncio.sleep(0.05)
async def main():
    await body(False)
    log('cancel-only done')
    await body(True)
    log('finally done')
run(main)`);
    expect(python).toEqual([
      [200, 'cancel-only done'],
      [450, 'finally done'],
    ]);
    const two = makeLevel({ steps: [step('fetch', io('200ms'))], streams: [jobs(1, ['fetch'])] });
    expect(outcomes(two, [['cleanup', { takes: '30ms', on: 'cancel' }, ['step:fetch']]])).toEqual([
      [200, 'delivered'],
    ]);
    expect(outcomes(two, [['cleanup', { takes: '50ms', on: 'always' }, ['step:fetch']]])).toEqual([
      [250, 'delivered'],
    ]);
  });

  it('is refused on cancel inside a thread, which nothing cancels', () => {
    const result = simulate(
      slow,
      wire(slow, [
        [
          'tasks',
          {},
          [['threadPool', { workers: 1 }, [['cleanup', { on: 'cancel' }, ['step:fetch']]]]],
        ],
      ]),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.message).toContain('nothing cancels a thread');
  });
});
