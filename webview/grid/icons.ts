/**
 * Small inline SVG icons drawn in the codicon style (16 px, one stroke weight, currentColor),
 * so they follow the theme's foreground. Inline because @vscode/codicons is not a dependency
 * and the webview's CSP allows no font or image from elsewhere.
 */
const SVG = 'http://www.w3.org/2000/svg';

type Shape = readonly [tag: 'path' | 'rect' | 'circle', attributes: Record<string, string | number>];

const ICONS = {
  copy: [['rect', { x: 5.5, y: 5.5, width: 8, height: 8, rx: 1 }], ['path', { d: 'M10.5 3.5v-1a1 1 0 0 0-1-1h-7a1 1 0 0 0-1 1v7a1 1 0 0 0 1 1h1' }]],
  export: [['path', { d: 'M8 1.5v8M4.5 6 8 9.5 11.5 6M2.5 10.5v3h11v-3' }]],
  more: [['circle', { cx: 3, cy: 8, r: 1.1 }], ['circle', { cx: 8, cy: 8, r: 1.1 }], ['circle', { cx: 13, cy: 8, r: 1.1 }]],
  close: [['path', { d: 'M4 4l8 8M12 4l-8 8' }]],
} satisfies Record<string, readonly Shape[]>;

export type IconName = keyof typeof ICONS;

export function icon(name: IconName): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('width', '16');
  svg.setAttribute('height', '16');
  svg.setAttribute('aria-hidden', 'true');
  svg.classList.add('gs-icon');
  for (const [tag, attributes] of ICONS[name] as readonly Shape[]) {
    const shape = document.createElementNS(SVG, tag);
    for (const [key, value] of Object.entries(attributes)) shape.setAttribute(key, String(value));
    svg.append(shape);
  }
  return svg;
}

/** A VS Code-style action: an icon, its name as tooltip and accessible name. */
export function iconButton(name: IconName, label: string, onClick: (event: MouseEvent) => void): HTMLButtonElement {
  const button = document.createElement('button');
  button.className = 'gs-action';
  button.type = 'button';
  button.title = label;
  button.setAttribute('aria-label', label);
  button.append(icon(name));
  button.addEventListener('click', onClick);
  return button;
}
