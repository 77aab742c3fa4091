/**
 * Questions the Python writer asks of the compiled instruction graph (src/engine/program.ts):
 * what a chain can reach, and where the branches of a Route, a Timeout or a Retry meet again.
 */
import { childrenOf, type Instr, type Program } from '../../engine/program';

/** Instructions reachable from `starts`, bodies included (spawns end a chain). */
export function reachable(...starts: Instr[]): Set<Instr> {
  const seen = new Set<Instr>();
  const stack = [...starts];
  while (stack.length > 0) {
    const instr = stack.pop() as Instr;
    if (seen.has(instr)) continue;
    seen.add(instr);
    stack.push(...childrenOf(instr));
  }
  return seen;
}

/** Every instruction of a program: main's and each stage's. */
export function allInstrs(program: Program): Set<Instr> {
  return reachable(
    program.main,
    ...program.stages.map((s) => s.entry),
    ...program.tickers.map((t) => t.body),
  );
}

/** Does any instruction reachable from `start` pass `test`? */
export function reachableAny(start: Instr, test: (instr: Instr) => boolean): boolean {
  return [...reachable(start)].some(test);
}

/**
 * The instructions a chain runs through at its own level (not into bodies), in order.
 * `memo` keeps each chain's sequence: branches that join share their tails.
 */
function levelSequence(start: Instr | null, memo: Map<Instr, Instr[]>): Instr[] {
  if (start === null) return [];
  const known = memo.get(start);
  if (known) return known;
  const rest = ((): Instr | null => {
    switch (start.op) {
      case 'step':
      case 'semaphore':
      case 'lock':
      case 'offload':
      case 'cleanup':
      case 'unbatch':
        return start.next;
      case 'fanOut':
      case 'taskGroup':
        return start.onError ? joinOf([start.next, start.onError], memo) : start.next;
      case 'timeout':
        return start.onTimeout ? joinOf([start.next, start.onTimeout], memo) : start.next;
      case 'retry':
        return start.onFail ? joinOf([start.next, start.onFail], memo) : start.next;
      case 'route':
        return joinOf(
          start.branches.filter((b): b is Instr => b !== null),
          memo,
        );
      default:
        return null;
    }
  })();
  const sequence = [start, ...levelSequence(rest, memo)];
  memo.set(start, sequence);
  return sequence;
}

/** Where branches meet again: the first instruction every branch runs through, or null. */
export function joinOf(branches: readonly Instr[], memo: Map<Instr, Instr[]>): Instr | null {
  const [first, ...others] = branches;
  if (first === undefined) return null;
  const sets = others.map((b) => new Set(levelSequence(b, memo)));
  return levelSequence(first, memo).find((instr) => sets.every((s) => s.has(instr))) ?? null;
}
