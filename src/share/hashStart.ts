/**
 * Where a share link's hash starts in text a player pasted or typed: a `#` followed by
 * `s=` or `l=`, or by parts of which a later one is `s=` or `l=` (`#x=1&s=…`).
 *
 * Linear in the text's length: a pattern such as `/#(?:.*&)?[sl]=/` retries from every `#`
 * and scans to the end each time, so 200,000 `#` froze the page for seconds. Kept free of
 * imports so the first load can ask without loading the link reader.
 */
export function shareHashStart(text: string): number {
  // Any `#` before the last `&s=` or `&l=` starts a hash that reaches it.
  const lastPart = Math.max(text.lastIndexOf('&s='), text.lastIndexOf('&l='));
  for (let at = text.indexOf('#'); at >= 0; at = text.indexOf('#', at + 1)) {
    if (at < lastPart || text.startsWith('s=', at + 1) || text.startsWith('l=', at + 1)) return at;
  }
  return -1;
}
