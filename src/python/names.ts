/**
 * Python names for the program's functions and objects, made from the contract's ids.
 *
 * Every name is a valid identifier that shadows no keyword, no builtin and nothing the
 * program itself defines, and each is unique: two step ids that clean up to the same
 * text get distinct names.
 */

const RESERVED = new Set(
  [
    // keywords and soft keywords
    'False None True and as assert async await break case class continue def del elif else',
    'except finally for from global if import in is lambda match nonlocal not or pass raise',
    'return try type while with yield _',
    // builtins a reader would trip over
    'abs all any bytes dict filter float format hash id input int iter len list map max min',
    'next object open print range round set sorted str sum super tuple zip exit quit',
    // modules the program imports
    'asyncio concurrent json sys threading time argparse os',
  ]
    .join(' ')
    .split(' '),
);

/** `fetch-page` → `fetch_page`; `2fa` → `step_2fa`. Not yet unique: see `NameTable`. */
export function pythonIdentifier(text: string, prefix = 'step'): string {
  let name = text
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '');
  if (name === '') name = prefix;
  if (/^[0-9]/.test(name)) name = `${prefix}_${name}`;
  return name;
}

/** Hands out unique names; names the program's own helpers use are taken from the start. */
export class NameTable {
  private readonly taken = new Set<string>(RESERVED);

  constructor(helpers: readonly string[]) {
    for (const helper of helpers) this.taken.add(helper);
  }

  /** Is this exact name still free? */
  free(name: string): boolean {
    return !this.taken.has(name);
  }

  /** A fresh name built from `text`: `fetch`, then `fetch_2`, `fetch_3`… */
  claim(text: string, prefix?: string, constant = false): string {
    const cleaned = pythonIdentifier(text, prefix);
    const base = constant ? cleaned.toUpperCase() : cleaned;
    let name = base;
    for (let n = 2; this.taken.has(name); n++) name = `${base}_${n}`;
    this.taken.add(name);
    return name;
  }
}

/** A Python string literal for any text: JSON's escaping is valid Python too. */
export function pyString(text: string): string {
  return JSON.stringify(text);
}

/** Microseconds as a Python literal of seconds: 300000 → `0.3`, 55000000 → `55`. */
export function seconds(us: number): string {
  return String(us / 1_000_000);
}

/**
 * The program's names for the contract's things (steps, services, shared objects), each
 * claimed once and then reused, so every mention of a step calls the same function.
 */
export class ProgramNames {
  private readonly steps = new Map<string, string>();
  private readonly services = new Map<string, string>();

  constructor(readonly table: NameTable) {}

  step(id: string): string {
    let name = this.steps.get(id);
    if (name === undefined) this.steps.set(id, (name = this.table.claim(id, 'step')));
    return name;
  }

  /** Services read as constants: `PAYMENTS_API`. */
  service(id: string): string {
    let name = this.services.get(id);
    if (name === undefined) {
      name = this.table.claim(id, 'service', true);
      this.services.set(id, name);
    }
    return name;
  }

  claim(text: string, prefix?: string): string {
    return this.table.claim(text, prefix);
  }

  /** The first of these names still free (they read better than a numbered one), else a numbered first. */
  claimFirst(names: readonly [string, ...string[]]): string {
    const free = names.find((n) => this.table.free(n));
    return this.table.claim(free ?? names[0]);
  }
}

/** Text safe inside a `#` comment: one line, no control characters. */
export function commentText(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
}
