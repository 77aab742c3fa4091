/**
 * How the run view's renderer is set up; the benchmark's bare scene uses the same, so the
 * two are compared like for like.
 */
import type { ApplicationOptions } from 'pixi.js';

export const RENDERER_OPTIONS: Partial<ApplicationOptions> = {
  // The floor, the only thing with curved edges, is drawn once with antialiasing into a
  // cached texture; tokens are smooth-edged textures. Multisampling every frame would
  // only cost fill rate.
  antialias: false,
  autoStart: false,
  preference: 'webgl',
};
