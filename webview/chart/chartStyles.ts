/** The chart's CSS: VS Code theme variables only, like the grid's (styles.ts). */
export const CHART_CSS = `
.gs-chart { min-width: 0; display: flex; flex-direction: column; height: 100%; min-height: 0; font-family: var(--vscode-font-family); font-size: var(--vscode-font-size, 13px); color: var(--vscode-foreground); }
.gs-chart-bar { flex: none; display: flex; flex-wrap: wrap; gap: 4px 12px; align-items: center; padding: 4px 0; }
.gs-chart-choice { display: inline-flex; gap: 4px; align-items: center; min-width: 0; max-width: 100%; }
.gs-chart-label { color: var(--vscode-descriptionForeground); }
.gs-chart-choice select { min-width: 0; max-width: 14em; height: 24px; background: var(--vscode-dropdown-background); color: var(--vscode-dropdown-foreground); border: 1px solid var(--vscode-dropdown-border, transparent); border-radius: 2px; font: inherit; padding: 0 4px; outline: none; }
.gs-chart-choice select:focus { border-color: var(--vscode-focusBorder); }
.gs-chart-choice select:disabled { opacity: .6; }
/* A narrow panel wraps the choices and the buttons onto more rows: nothing is cut off. */
.gs-chart-actions { display: flex; flex-wrap: wrap; gap: 4px; margin-left: auto; }
.gs-chart-button { height: 24px; padding: 0 8px; border: 1px solid var(--vscode-button-border, transparent); border-radius: 2px; background: var(--vscode-button-secondaryBackground, transparent); color: var(--vscode-button-secondaryForeground, var(--vscode-foreground)); font: inherit; cursor: pointer; white-space: nowrap; }
.gs-chart-button:hover { background: var(--vscode-button-secondaryHoverBackground, var(--vscode-toolbar-hoverBackground)); }
.gs-chart-button:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 1px; }
.gs-chart-canvas { flex: 1 1 auto; min-height: 160px; min-width: 0; overflow: hidden; }
.gs-chart-notes { flex: none; color: var(--vscode-descriptionForeground); padding: 2px 0; }
.gs-chart-notes:empty { display: none; }
.gs-chart-data { flex: none; max-height: 40%; overflow: auto; color: var(--vscode-descriptionForeground); padding-bottom: 4px; }
.gs-chart-data summary { cursor: pointer; }
.gs-chart-data table { border-collapse: collapse; font-family: var(--vscode-editor-font-family); color: var(--vscode-foreground); }
.gs-chart-data th, .gs-chart-data td { padding: 1px 10px 1px 0; text-align: left; font-variant-numeric: tabular-nums; }
`;
