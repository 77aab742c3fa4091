/** Where a node sits on screen, and the two questions the board specs ask of it. */
import type { Page } from '@playwright/test';
import { node } from './game';

export type Box = { x: number; y: number; width: number; height: number };

/** The on-screen box of a board node. */
export async function boxOf(page: Page, id: string): Promise<Box> {
  const box = await node(page, id).boundingBox();
  if (!box) throw new Error(`${id} not visible`);
  return box;
}

/** Whether `inner` lies inside `outer`, allowing `slack` pixels of rounding on every side. */
export const within = (inner: Box, outer: Box, slack = 0): boolean =>
  inner.x >= outer.x - slack &&
  inner.y >= outer.y - slack &&
  inner.x + inner.width <= outer.x + outer.width + slack &&
  inner.y + inner.height <= outer.y + outer.height + slack;
