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

/** How many problems one input reports: enough to fix it, few enough to read (and print). */
export const MAX_REPORTED_ERRORS = 20;

/** The line that stands for the problems past the first MAX_REPORTED_ERRORS. */
export class MoreInputErrors extends InputError {
  constructor(
    readonly count: number,
    source = 'input',
  ) {
    const detail = `and ${count} more ${count === 1 ? 'problem' : 'problems'}`;
    super('', detail, source);
    this.message = `${source}: ${detail}`;
    this.name = 'MoreInputErrors';
  }
}

/**
 * Several input errors found in one pass; the message lists them. Past MAX_REPORTED_ERRORS
 * the rest are summed up in one MoreInputErrors line, so a file with a million bad entries
 * gives a short message.
 */
export class InputErrors extends Error {
  readonly errors: readonly InputError[];
  constructor(errors: readonly InputError[]) {
    const summaries = errors.filter((e): e is MoreInputErrors => e instanceof MoreInputErrors);
    const problems = errors.filter((e) => !(e instanceof MoreInputErrors));
    const kept = problems.slice(0, MAX_REPORTED_ERRORS);
    const more = problems.length - kept.length + summaries.reduce((sum, e) => sum + e.count, 0);
    const source = kept[0]?.source ?? summaries[0]?.source;
    const listed = more > 0 ? [...kept, new MoreInputErrors(more, source)] : kept;
    super(listed.map((e) => e.message).join('\n'));
    this.errors = listed;
    this.name = 'InputErrors';
  }
}

/** Appends a JSON Pointer segment, escaping "~" and "/" as RFC 6901 says. */
export function pointer(base: string, segment: string | number): string {
  return `${base}/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}
