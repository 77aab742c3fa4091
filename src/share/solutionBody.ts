/**
 * A wiring as compact bytes: the body of a solution link (link format 1).
 *
 * Everything is written as an index or a small number, never as text, where the game's
 * own tables already say what the values can be:
 * - a node's type: its code in NODE_CODES (nodeCodes.ts); a choice parameter: its index in the
 *   spec's options;
 * - a step reference: its index in the contract's steps; an output port: its index in the
 *   node's outputs (for Route, in the contract's job kinds);
 * - whole numbers as varints above the parameter's minimum; durations as microseconds;
 * - positions on an 8-pixel grid, each relative to the node before it;
 * - ids are not written at all: the reader names nodes n1, n2, … in order.
 * Wires are written sorted, so the order an editor happened to create them in does not
 * change the link: the same wiring always gives the same bytes.
 *
 * The reader trusts nothing: every count, index and value is bounded before use. What it
 * returns is plain JSON for the solution loader to validate, as if from a file.
 */
import { strFromU8, strToU8 } from 'fflate';
import type { Level } from '../model/level';
import type { Connection, Solution, SolutionNode } from '../model/solution';
import { formatDuration, parseDuration } from '../model/units';
import {
  HARD_LIMITS,
  NODE_SPECS,
  routePort,
  type NodeType,
  type ParamSpec,
} from '../model/vocabulary';
import { ByteError, ByteReader, ByteWriter } from './bytes';
import { LINK_FORMAT_VERSION } from './envelope';
import { paramsInFormat } from './formats';
import { LAST_NODE_CODE, NODE_CODES, nodeTypeOfCode } from './nodeCodes';

/** Positions are kept to this grid: finer than anyone can see, coarser than an editor's floats. */
export const POSITION_GRID = 8;
/** Positions further out than this (in pixels) are not representable. */
export const POSITION_LIMIT = 1_000_000;
/** Longest solution name a link carries, in UTF-8 bytes: 80 characters of up to 4 bytes each. */
export const MAX_NAME_BYTES = 320;
const MAX_LOCK_NAME = 16;
const LOCK_NAME = /^[A-Za-z0-9_]{1,16}$/;
const FLAG_NAME = 0x01;
const GRID_LIMIT = Math.ceil(POSITION_LIMIT / POSITION_GRID);

/** A wiring that cannot be put into a link, and why (names the node). */
export class ShareEncodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShareEncodeError';
  }
}

/** The job kinds of a contract, in the order Route's ports are numbered. */
export function jobKinds(level: Level): readonly string[] {
  return [...new Set(level.workload.streams.map((s) => s.kind))];
}

function outputPorts(type: NodeType, kinds: readonly string[]): readonly string[] {
  return type === 'route' ? kinds.map(routePort) : NODE_SPECS[type].outputs;
}

const utf8 = (text: string): Uint8Array => strToU8(text);

/** UTF-8 back to text, refusing byte sequences that are not the exact encoding of some text. */
function fromUtf8(bytes: Uint8Array, what: string): string {
  const text = strFromU8(bytes);
  const again = strToU8(text);
  if (again.length !== bytes.length || again.some((b, i) => b !== bytes[i]))
    throw new ByteError('invalid', `${what} is not valid text`);
  return text;
}

function gridOf(value: number, what: string): number {
  if (!Number.isFinite(value) || Math.abs(value) > POSITION_LIMIT)
    throw new ShareEncodeError(`${what} is not a position on the board`);
  return Math.round(value / POSITION_GRID);
}

function writeParam(
  out: ByteWriter,
  spec: ParamSpec,
  value: unknown,
  level: Level,
  where: string,
): void {
  const fail = (): never => {
    throw new ShareEncodeError(`${where}: ${spec.label} has a value a link cannot carry`);
  };
  switch (spec.kind) {
    case 'int':
      if (typeof value !== 'number' || !Number.isInteger(value)) return fail();
      if (value < spec.min || value > spec.max) return fail();
      return out.uint(value - spec.min);
    case 'duration': {
      if (typeof value !== 'string') return fail();
      let us: number;
      try {
        us = parseDuration(value);
      } catch {
        return fail();
      }
      if (us < spec.minUs || us > spec.maxUs) return fail();
      return out.uint(us - spec.minUs);
    }
    case 'choice': {
      const index = spec.options.indexOf(value as string);
      return index < 0 ? fail() : out.uint(index);
    }
    case 'name': {
      if (typeof value !== 'string' || !LOCK_NAME.test(value)) return fail();
      out.uint(value.length);
      return out.raw(utf8(value));
    }
    case 'stepRef': {
      const index = level.steps.findIndex((s) => s.id === value);
      return index < 0 ? fail() : out.uint(index);
    }
  }
}

/**
 * The wiring as link bytes.
 * @throws ShareEncodeError naming the node when a value cannot be carried (an unknown step,
 *   a parameter outside its range, a wire from a port the node does not have).
 */
export function encodeSolutionBody(solution: Solution, level: Level): Uint8Array {
  const nodes = solution.nodes;
  if (nodes.length > HARD_LIMITS.nodes)
    throw new ShareEncodeError(`more than ${HARD_LIMITS.nodes} nodes`);
  if (solution.connections.length > HARD_LIMITS.connections)
    throw new ShareEncodeError(`more than ${HARD_LIMITS.connections} wires`);
  const index = new Map<string, number>();
  nodes.forEach((node, i) => {
    if (index.has(node.id)) throw new ShareEncodeError(`two nodes share the id "${node.id}"`);
    index.set(node.id, i);
  });
  const kinds = jobKinds(level);
  const out = new ByteWriter();
  const name = solution.name === undefined || solution.name === '' ? null : utf8(solution.name);
  if (name && name.length > MAX_NAME_BYTES) throw new ShareEncodeError('the name is too long');
  out.uint(name ? FLAG_NAME : 0);
  if (name) {
    out.uint(name.length);
    out.raw(name);
  }
  out.uint(nodes.length);
  let x = 0;
  let y = 0;
  nodes.forEach((node, i) => {
    const where = `node "${node.id}"`;
    const type = Object.hasOwn(NODE_CODES, node.type) ? NODE_CODES[node.type] : undefined;
    if (type === undefined) throw new ShareEncodeError(`${where} has an unknown type`);
    out.uint(type);
    const parent = node.parent === undefined ? -1 : (index.get(node.parent) ?? -2);
    if (parent === -2 || parent === i)
      throw new ShareEncodeError(`${where} sits in a container that is not in the wiring`);
    out.uint(parent + 1);
    const gx = gridOf(node.position.x, where);
    const gy = gridOf(node.position.y, where);
    out.int(gx - x);
    out.int(gy - y);
    x = gx;
    y = gy;
    const params = node.params as unknown as Readonly<Record<string, unknown>>;
    for (const spec of NODE_SPECS[node.type].params)
      writeParam(out, spec, params[spec.name], level, where);
  });
  const wires = solution.connections.map((wire) => {
    const from = index.get(wire.from);
    const to = index.get(wire.to);
    if (from === undefined || to === undefined)
      throw new ShareEncodeError(`a wire joins a node that is not in the wiring`);
    const port = outputPorts((nodes[from] as SolutionNode).type, kinds).indexOf(wire.fromPort);
    if (port < 0)
      throw new ShareEncodeError(`node "${wire.from}" has no output "${wire.fromPort}"`);
    return [from, port, to] as const;
  });
  wires.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
  out.uint(wires.length);
  let previousFrom = 0;
  for (const [from, port, to] of wires) {
    out.uint(from - previousFrom);
    out.uint(port);
    out.int(to - from);
    previousFrom = from;
  }
  return out.finish();
}

function readParam(input: ByteReader, spec: ParamSpec, level: Level): string | number {
  switch (spec.kind) {
    case 'int':
      return spec.min + input.uint(spec.name, spec.max - spec.min);
    case 'duration':
      return formatDuration(spec.minUs + input.uint(spec.name, spec.maxUs - spec.minUs));
    case 'choice':
      return spec.options[input.uint(spec.name, spec.options.length - 1)] as string;
    case 'name': {
      const length = input.uint(spec.name, MAX_LOCK_NAME);
      const text = fromUtf8(input.raw(spec.name, length), spec.name);
      if (!LOCK_NAME.test(text)) throw new ByteError('invalid', `${spec.name} is not a lock name`);
      return text;
    }
    case 'stepRef':
      if (level.steps.length === 0) throw new ByteError('invalid', 'the contract has no steps');
      return (level.steps[input.uint(spec.name, level.steps.length - 1)] as { id: string }).id;
  }
}

/** Ids the reader gives nodes: the model's own short form. */
export const nodeId = (index: number): string => `n${index + 1}`;

/** Runs `read`, naming the item (e.g. "node 3") in any error; labels are built only on failure. */
function within<T>(item: string, index: number, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof ByteError)
      throw new ByteError(error.kind, `${item} ${index + 1}: ${error.message}`);
    throw error;
  }
}

function readNodes(input: ByteReader, level: Level, format: number): Record<string, unknown>[] {
  const count = input.uint('the node count', HARD_LIMITS.nodes);
  const nodes: Record<string, unknown>[] = [];
  let x = 0;
  let y = 0;
  for (let i = 0; i < count; i += 1) {
    nodes.push(
      within('node', i, () => {
        const type = nodeTypeOfCode(input.uint('type', LAST_NODE_CODE));
        if (type === undefined) throw new ByteError('invalid', 'its type is not one the game has');
        const parent = input.uint('container', count);
        if (parent === i + 1) throw new ByteError('invalid', 'it sits inside itself');
        x += input.int('x', 2 * GRID_LIMIT);
        y += input.int('y', 2 * GRID_LIMIT);
        if (Math.abs(x) > GRID_LIMIT || Math.abs(y) > GRID_LIMIT)
          throw new ByteError('invalid', 'it is off the board');
        const params: Record<string, string | number> = {};
        for (const spec of paramsInFormat(type, format))
          params[spec.name] = readParam(input, spec, level);
        return {
          id: nodeId(i),
          type,
          params,
          ...(parent > 0 ? { parent: nodeId(parent - 1) } : {}),
          position: { x: x * POSITION_GRID, y: y * POSITION_GRID },
        };
      }),
    );
  }
  return nodes;
}

function readWires(
  input: ByteReader,
  types: readonly NodeType[],
  kinds: readonly string[],
): Connection[] {
  const count = input.uint('the wire count', HARD_LIMITS.connections);
  const wires: Connection[] = [];
  let from = 0;
  let lastPort = -1;
  let lastTo = -1;
  for (let i = 0; i < count; i += 1) {
    wires.push(
      within('wire', i, () => {
        const step = input.uint('start', Math.max(0, types.length - 1 - from));
        if (step > 0) [lastPort, lastTo] = [-1, -1];
        from += step;
        const type = types[from];
        if (type === undefined) throw new ByteError('invalid', 'it starts at no node');
        const ports = outputPorts(type, kinds);
        if (ports.length === 0) throw new ByteError('invalid', 'it leaves a node with no output');
        const port = input.uint('port', ports.length - 1);
        const to = from + input.int('end', types.length);
        if (to < 0 || to >= types.length) throw new ByteError('invalid', 'it ends at no node');
        // Wires are written sorted; any other order is not a link this game made.
        if (port < lastPort || (port === lastPort && to < lastTo))
          throw new ByteError('invalid', 'it is out of order');
        [lastPort, lastTo] = [port, to];
        return { from: nodeId(from), fromPort: ports[port] as string, to: nodeId(to) };
      }),
    );
  }
  return wires;
}

/**
 * Link bytes of link `format` back to a solution of the contract as it is now, as plain
 * JSON for the solution loader to validate (which fills in the parameters an older
 * format did not carry).
 * @throws ByteError when the bytes run out, run over, or hold a value out of bounds.
 */
export function decodeSolutionBody(
  body: Uint8Array,
  level: Level,
  format = LINK_FORMAT_VERSION,
): Record<string, unknown> {
  const input = new ByteReader(body);
  const flags = input.uint('the flags', FLAG_NAME);
  let name: string | undefined;
  if (flags & FLAG_NAME) {
    const length = input.uint('the name length', MAX_NAME_BYTES);
    name = fromUtf8(input.raw('the name', length), 'the name');
    if (name === '') throw new ByteError('invalid', 'an empty name is written as no name');
  }
  const nodes = readNodes(input, level, format);
  const connections = readWires(
    input,
    nodes.map((n) => n.type as NodeType),
    jobKinds(level),
  );
  input.end('the wiring');
  return {
    kind: 'loopwork/solution',
    // Link formats 1 and 2 carry solution format 1; the loader migrates it if the model has moved on.
    version: 1,
    level: { id: level.id, revision: level.revision },
    ...(name !== undefined ? { name } : {}),
    nodes,
    connections,
  };
}
