/**
 * An error in something a person wrote or sent us: a level file, a solution, a save, a URL.
 * It always says where (a JSON path like `/workload/streams/0/count`) and what was expected,
 * so the message alone is enough to fix the input.
 */
export class InputError extends Error {
  constructor(
    /** JSON Pointer to the offending value; "" for the whole file. */
    readonly path: string,
    readonly detail: string,
    /** What the source was: "level", "solution", "save", "link". */
    readonly source = 'input',
  ) {
    super(`${source} ${path === '' ? '(as a whole)' : path}: ${detail}`);
    this.name = 'InputError';
  }
}

/** Several input errors found in one pass; the message lists them all. */
export class InputErrors extends Error {
  constructor(readonly errors: readonly InputError[]) {
    super(errors.map((e) => e.message).join('\n'));
    this.name = 'InputErrors';
  }
}

/** Appends a JSON Pointer segment, escaping "~" and "/" as RFC 6901 says. */
export function pointer(base: string, segment: string | number): string {
  return `${base}/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}
