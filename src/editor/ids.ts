/**
 * The model's node ids: "n1", "n2"… Never reused within an editing session, so a node
 * brought back by undo cannot collide with one placed after it was deleted.
 */
const ID = /^n(\d+)$/;

export class IdAllocator {
  private highest = 0;

  /** Makes sure future ids come after every id in use. */
  see(ids: Iterable<string>): void {
    for (const id of ids) {
      const match = ID.exec(id);
      if (match) this.highest = Math.max(this.highest, Number(match[1]));
    }
  }

  next(): string {
    this.highest += 1;
    return `n${this.highest}`;
  }
}

/** Orders ids as people count: n2 before n10; ids of other shapes after, alphabetically. */
export function compareIds(a: string, b: string): number {
  const ma = ID.exec(a);
  const mb = ID.exec(b);
  if (ma && mb) return Number(ma[1]) - Number(mb[1]);
  if (ma) return -1;
  if (mb) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
