/**
 * A keyboard player's moves: Tab until the focus is where they want it, and read where the
 * focus is (inside the nodes' shadow roots too).
 */
import { expect, type Page } from '@playwright/test';

/** Where the focus should land: an element matching `css`, inside node `node` if given. */
export interface FocusTarget {
  readonly css: string;
  readonly node?: string;
}

/** Does the element that has the focus (through shadow roots) match the target? */
export function focusIs(page: Page, target: FocusTarget): Promise<boolean> {
  return page.evaluate(({ css, node }) => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    if (!active || !active.matches(css)) return false;
    if (node === undefined) return true;
    return active.closest('.node')?.getAttribute('data-node') === node;
  }, target);
}

/** Presses Tab (Shift+Tab with `back`) until the focus reaches the target, as a player would. */
export async function tabTo(page: Page, target: FocusTarget, back = false): Promise<void> {
  for (let presses = 0; presses < 300; presses++) {
    if (await focusIs(page, target)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  expect(await focusIs(page, target), `Tab never reached ${JSON.stringify(target)}`).toBe(true);
}

/** The port of a node, as a focus target. */
export function port(
  node: string,
  side: 'input' | 'output',
  key = side === 'input' ? 'in' : 'out',
): FocusTarget {
  return { css: `.socket-slot[data-socket="${side}:${key}"]`, node };
}
