/**
 * Numbers distinct strings in order of first appearance, so a replay's typed columns can
 * name a node or a worker's detail by index instead of holding the text.
 */
export class Interner {
  readonly list: string[] = [];
  readonly index = new Map<string, number>();

  of(text: string): number {
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(text);
      this.index.set(text, i);
    }
    return i;
  }
}
