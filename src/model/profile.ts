/**
 * A machine profile: one machine's CPython costs, measured by `npm run calibrate`
 * (levels/schema/profile.schema.json). In place of a contract's own machine costs, it
 * makes the engine predict what CPython takes on that machine: "simulate my machine".
 */
import { InputErrors } from './errors';
import type { Level } from './level';
import { describeSchemaErrors } from './schema/describe';
import { validateProfile } from './schema/validators.js';

export type StartMethod = 'fork' | 'forkserver' | 'spawn';

/** What calibrate measured, in microseconds (pickling per MB), each a median of several tries. */
export interface MeasuredCosts {
  readonly timerLatenessUs: number;
  readonly threadStartUs: number;
  readonly gilReacquireUs: number;
  readonly switchIntervalUs: number;
  readonly processStartUs: Readonly<Record<StartMethod, number>>;
  readonly defaultStartMethod: StartMethod;
  readonly callRoundTripUs: number;
  readonly dumpsPerMBUs: number;
  readonly loadsPerMBUs: number;
}

export interface MachineProfile {
  readonly kind: 'loopwork/machine-profile';
  readonly version: 1;
  /** What the player calls the machine, shown beside a prediction made with it. */
  readonly name: string;
  readonly python: string;
  readonly cores: number;
  readonly measured: MeasuredCosts;
  /** The costs the engine takes, written as a level's machine writes them. */
  readonly machine: {
    readonly process: {
      readonly startup: string;
      readonly callOverhead: string;
      readonly picklePerMB: string;
    };
  };
}

/**
 * Reads a machine profile.
 * @throws InputErrors naming the JSON path and the expectation of every problem.
 */
export function parseProfile(json: unknown, source: string): MachineProfile {
  if (!validateProfile(json)) {
    throw new InputErrors(describeSchemaErrors(validateProfile.errors ?? [], source));
  }
  return json;
}

const us = (n: number): string => `${Math.max(0, Math.round(n))}us`;

/**
 * The engine's costs from the measurements: a worker process starts as the default
 * start method starts one, a call costs its empty round trip, and a payload costs its
 * pickling plus its unpickling per MB (paid each way, as the level's figure is).
 */
export function engineCosts(measured: MeasuredCosts): MachineProfile['machine'] {
  return {
    process: {
      startup: us(measured.processStartUs[measured.defaultStartMethod]),
      callOverhead: us(measured.callRoundTripUs),
      picklePerMB: us(measured.dumpsPerMBUs + measured.loadsPerMBUs),
    },
  };
}

/**
 * The contract on the profiled machine: its process costs in place of the level's. Memory,
 * cores and the switch interval (which the program itself sets) stay the contract's.
 */
export function withProfile(level: Level, profile: MachineProfile): Level {
  const machine = level.machine;
  return {
    ...level,
    machine: {
      ...machine,
      process: { ...machine.process, ...profile.machine.process },
    },
  };
}
