/**
 * Remembers the player's first gesture (a click, a tap, a key). Browsers allow sound only
 * after one; this is installed at start-up — it is tiny and loads nothing — so the sound
 * board, loaded later, knows whether that moment has already come.
 */
let seen = false;
const waiting: (() => void)[] = [];

/** Starts listening on `target` (the window) for the first gesture. */
export function watchFirstGesture(target: EventTarget): void {
  const done = (): void => {
    target.removeEventListener('pointerdown', done, true);
    target.removeEventListener('keydown', done, true);
    if (seen) return;
    seen = true;
    for (const callback of waiting.splice(0)) callback();
  };
  target.addEventListener('pointerdown', done, true);
  target.addEventListener('keydown', done, true);
}

/** Calls `callback` once the player has made a gesture: now, if they already have. */
export function afterFirstGesture(callback: () => void): void {
  if (seen) callback();
  else waiting.push(callback);
}
