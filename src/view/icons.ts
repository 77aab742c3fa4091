/** The control bar's icons, as inline SVG built node by node (no markup strings). */
const SVG = 'http://www.w3.org/2000/svg';

const PATHS = {
  restart: 'M3 3h2v10H3z M13 3v10L6 8z',
  play: 'M5 2.5v11L14 8z',
  pause: 'M4 3h3v10H4z M9 3h3v10H9z',
  step: 'M3 3v10l7-5z M11 3h2v10h-2z',
} as const;

export type IconName = keyof typeof PATHS;

export function icon(name: IconName): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('width', '14');
  svg.setAttribute('height', '14');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', PATHS[name]);
  path.setAttribute('fill', 'currentColor');
  svg.append(path);
  return svg;
}
