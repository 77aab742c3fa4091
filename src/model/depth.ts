/**
 * How deep a JSON input nests, checked without recursion before anything that recurses
 * (the validators, the migrations, the unroller) sees it. About 1,000 nested `repeat` ops
 * overflowed the stack inside validation; past this limit an input is refused with a
 * message that names the limit and where it was crossed.
 */
import { InputError, InputErrors, pointer } from './errors';

/**
 * Deepest nesting of arrays and objects a level or solution may have. The deepest shipped
 * contract nests 9 levels; a step's `repeat` ops add 3 each, so this leaves room for
 * repeats nested about 20 deep.
 */
export const MAX_NESTING = 64;

/**
 * Throws InputErrors when `json` nests arrays and objects deeper than MAX_NESTING, naming
 * the JSON path where it does. Iterative, so any depth is safe to check.
 */
export function checkNesting(json: unknown, source: string): void {
  const stack: { value: unknown; path: string; depth: number }[] = [
    { value: json, path: '', depth: 0 },
  ];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { value, path, depth } = item;
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_NESTING)
      throw new InputErrors([
        new InputError(
          path,
          `nests deeper than ${MAX_NESTING} levels of lists and objects`,
          source,
        ),
      ]);
    // Keys are read in reverse so the first offending path in document order is found first.
    const entries = Object.entries(value);
    for (let i = entries.length - 1; i >= 0; i -= 1) {
      const [key, child] = entries[i] as [string, unknown];
      if (child !== null && typeof child === 'object')
        stack.push({ value: child, path: pointer(path, key), depth: depth + 1 });
    }
  }
}
