import type { ChartTheme } from './chartOption';

/**
 * The chart's colours from the VS Code theme variables of the page: text, lines and VS Code's
 * own chart palette (charts.blue, …), so light, dark and high-contrast themes all read well.
 */
export function currentTheme(): ChartTheme {
  const style = getComputedStyle(document.documentElement);
  const body = getComputedStyle(document.body);
  const read = (name: string, fallback: string) => (style.getPropertyValue(name) || body.getPropertyValue(name)).trim() || fallback;
  const dark = !document.body.classList.contains('vscode-light');
  return {
    foreground: read('--vscode-foreground', dark ? '#cccccc' : '#3b3b3b'),
    muted: read('--vscode-descriptionForeground', dark ? '#9d9d9d' : '#717171'),
    lines: read('--vscode-editorGroup-border', dark ? '#444444' : '#e5e5e5'),
    background: read('--vscode-editor-background', dark ? '#1e1e1e' : '#ffffff'),
    font: read('--vscode-font-family', 'sans-serif'),
    palette: ['blue', 'orange', 'green', 'purple', 'red', 'yellow'].map((c, i) => read(`--vscode-charts-${c}`, FALLBACK[i] as string)),
  };
}

const FALLBACK = ['#3794ff', '#d18616', '#89d185', '#b180d7', '#f14c4c', '#cca700'];

/** Calls `changed` when VS Code switches theme (it sets the body's class and the variables). */
export function onThemeChange(changed: () => void): void {
  new MutationObserver(changed).observe(document.body, { attributes: true, attributeFilter: ['class', 'data-vscode-theme-id'] });
}
