/** Numbers as a player reads them: "3.65 s", "12 h 0 min", "1.5 MB". */

export function humanTime(us: number): string {
  if (!Number.isFinite(us)) return '∞';
  const abs = Math.abs(us);
  if (abs < 1_000) return `${Math.round(us)} µs`;
  if (abs < 1_000_000) return `${trim(us / 1_000)} ms`;
  if (abs < 60_000_000) return `${trim(us / 1_000_000)} s`;
  const totalS = Math.round(us / 1_000_000);
  const h = Math.floor(totalS / 3600);
  const m = Math.floor((totalS % 3600) / 60);
  const s = totalS % 60;
  if (h > 0) return `${h} h ${m} min${s > 0 ? ` ${s} s` : ''}`;
  return `${m} min${s > 0 ? ` ${s} s` : ''}`;
}

export function humanBytes(bytes: number): string {
  const abs = Math.abs(bytes);
  if (abs < 1024) return `${bytes} B`;
  if (abs < 1024 ** 2) return `${trim(bytes / 1024)} KB`;
  if (abs < 1024 ** 3) return `${trim(bytes / 1024 ** 2)} MB`;
  return `${trim(bytes / 1024 ** 3)} GB`;
}

export function humanMoney(amount: number): string {
  return `$${trim(amount)}`;
}

/** Three significant digits at most, no trailing zeros. */
export function trim(value: number): string {
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  return String(Number(value.toFixed(digits)));
}

/**
 * The node id in a deadlock party as the engine names it ("job 3 at n5"); null for a party
 * at no node ("main()").
 */
export function partyNode(party: string): string | null {
  return / at (\S+)$/.exec(party)?.[1] ?? null;
}
