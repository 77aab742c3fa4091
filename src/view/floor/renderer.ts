/**
 * How the run view's renderer is set up; the benchmark's bare scene uses the same, so the
 * two are compared like for like.
 */
import { Application, type ApplicationOptions } from 'pixi.js';

export const RENDERER_OPTIONS: Partial<ApplicationOptions> = {
  // The floor, the only thing with curved edges, is drawn once with antialiasing into a
  // cached texture; tokens are smooth-edged textures. Multisampling every frame would
  // only cost fill rate.
  antialias: false,
  autoStart: false,
  preference: 'webgl',
};

/** A pixi application drawing into a canvas appended to `stage`, at its size. */
export async function pixiApp(
  stage: HTMLElement,
  options: Partial<ApplicationOptions>,
): Promise<Application> {
  const app = new Application();
  await app.init({
    ...RENDERER_OPTIONS,
    autoDensity: true,
    resolution: Math.min(2, window.devicePixelRatio || 1),
    width: Math.max(1, stage.clientWidth),
    height: Math.max(1, stage.clientHeight),
    ...options,
  });
  stage.append(app.canvas);
  return app;
}
