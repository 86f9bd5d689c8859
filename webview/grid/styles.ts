/** The grid's CSS: VS Code theme variables only, so light, dark and high-contrast all read well. */
export const GRID_CSS = `
.gs-grid { position: relative; display: flex; flex-direction: column; height: 100%; min-height: 0; font-family: var(--vscode-editor-font-family); font-size: var(--vscode-editor-font-size, 13px); color: var(--vscode-foreground); outline: none; }
.gs-toolbar { position: relative; display: flex; gap: 6px; align-items: center; padding: 4px 0; min-width: 0; font-family: var(--vscode-font-family); font-size: var(--vscode-font-size, 13px); }
.gs-toolbar .gs-quick { flex: 0 1 16em; min-width: 5em; height: 24px; box-sizing: border-box; background: var(--vscode-input-background); color: var(--vscode-input-foreground); border: 1px solid var(--vscode-input-border, transparent); border-radius: 2px; padding: 2px 6px; font: inherit; outline: none; }
.gs-toolbar .gs-quick:focus, .gs-filter input:focus { border-color: var(--vscode-focusBorder); }
.gs-toolbar .gs-count { flex: none; max-width: 40%; margin-left: auto; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; text-align: right; color: var(--vscode-descriptionForeground); }
.gs-actions { display: flex; flex: none; gap: 2px; }
.gs-action { display: inline-flex; align-items: center; justify-content: center; width: 24px; height: 24px; padding: 0; border: none; border-radius: 5px; background: transparent; color: var(--vscode-icon-foreground, var(--vscode-foreground)); cursor: pointer; }
.gs-action:hover { background: var(--vscode-toolbar-hoverBackground, rgba(90,93,94,.31)); }
.gs-action:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: -1px; }
.gs-icon { fill: none; stroke: currentColor; stroke-width: 1.2; stroke-linecap: round; stroke-linejoin: round; }
.gs-icon circle { fill: currentColor; stroke: none; }
.gs-menu { position: absolute; right: 0; top: 100%; z-index: 3; min-width: 13em; padding: 4px 0; background: var(--vscode-menu-background, var(--vscode-editorWidget-background)); color: var(--vscode-menu-foreground, var(--vscode-foreground)); border: 1px solid var(--vscode-menu-border, var(--vscode-widget-border, transparent)); border-radius: 5px; box-shadow: 0 2px 8px var(--vscode-widget-shadow, rgba(0,0,0,.36)); }
.gs-menuitem { display: flex; width: 100%; gap: 2em; justify-content: space-between; padding: 3px 12px; border: none; background: transparent; color: inherit; font: inherit; text-align: left; cursor: pointer; white-space: nowrap; }
.gs-menuitem:hover, .gs-menuitem:focus { background: var(--vscode-menu-selectionBackground, var(--vscode-list-activeSelectionBackground)); color: var(--vscode-menu-selectionForeground, var(--vscode-list-activeSelectionForeground)); outline: none; }
.gs-menukeys { opacity: .7; }
.gs-progress { flex: none; height: 2px; overflow: hidden; position: relative; visibility: hidden; }
.gs-grid.gs-loading .gs-progress { visibility: visible; }
.gs-progress::before { content: ''; position: absolute; top: 0; left: 0; width: 20%; height: 100%; background: var(--vscode-progressBar-background); animation: gs-progress 1.2s linear infinite; }
@keyframes gs-progress { from { transform: translateX(-100%); } to { transform: translateX(500%); } }
/* overscroll-behavior: a wheel past the edge stays in the grid (no history navigation in code-server, no scrolling the page). */
.gs-head { flex: none; overflow: hidden; overscroll-behavior: contain; border-bottom: 1px solid var(--vscode-panel-border); background: var(--vscode-editorWidget-background); }
.gs-head .gs-row { width: var(--gs-width); }
.gs-viewport { flex: 1; overflow: auto; overscroll-behavior: contain; position: relative; min-height: 0; contain: strict; }
.gs-spacer { position: relative; }
.gs-rows { position: absolute; top: 0; left: 0; user-select: none; }
.gs-rows .gs-row { position: absolute; top: 0; left: 0; width: var(--gs-width); contain: strict; border-bottom: 1px solid var(--vscode-editorGroup-border, rgba(128,128,128,.12)); box-sizing: border-box; }
.gs-row { display: grid; grid-template-columns: var(--gs-cols); height: var(--gs-row-height); }
.gs-cell { padding: 0 6px; line-height: calc(var(--gs-row-height) - 1px); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; border-right: 1px solid var(--vscode-editorGroup-border, rgba(128,128,128,.2)); box-sizing: border-box; }
.gs-cell.num { text-align: right; font-variant-numeric: tabular-nums; }
.gs-cell.null { color: var(--vscode-disabledForeground); font-style: italic; }
.gs-cell.json { color: var(--vscode-textLink-foreground); cursor: zoom-in; }
.gs-cell.gutter { padding: 0 6px 0 4px; color: var(--vscode-editorLineNumber-foreground); text-align: right; cursor: pointer; }
/* Selection: the editor's selection colour (clear in light themes, unlike list.activeSelectionBackground there), paler while the grid has no focus. */
.gs-cell.selected { background: color-mix(in srgb, var(--vscode-editor-selectionBackground, #264f78) 55%, transparent); }
.gs-grid:focus-within .gs-cell.selected { background: var(--vscode-editor-selectionBackground); color: var(--vscode-editor-selectionForeground, inherit); }
body.vscode-high-contrast .gs-grid:not(:focus-within) .gs-cell.selected { background: transparent; outline: 1px dashed var(--vscode-contrastActiveBorder); outline-offset: -1px; }
.gs-cell.gutter.selected { color: var(--vscode-editorLineNumber-activeForeground, var(--vscode-foreground)); }
/* The row numbers stay at the left while the rows scroll sideways: opaque, above the cells, the selection colour layered on the background. */
.gs-cell.gutter { position: sticky; left: 0; z-index: 1; background-color: var(--vscode-editorGutter-background, var(--vscode-editor-background)); }
.gs-head .gs-cell.gutter { background-color: var(--vscode-editorWidget-background); }
.gs-grid .gs-cell.gutter.selected { background: linear-gradient(color-mix(in srgb, var(--vscode-editor-selectionBackground, #264f78) 55%, transparent), color-mix(in srgb, var(--vscode-editor-selectionBackground, #264f78) 55%, transparent)), var(--vscode-editor-background); }
.gs-grid:focus-within .gs-cell.gutter.selected { background: linear-gradient(var(--vscode-editor-selectionBackground), var(--vscode-editor-selectionBackground)), var(--vscode-editor-background); }
body.vscode-high-contrast .gs-grid:not(:focus-within) .gs-cell.gutter.selected { background: var(--vscode-editor-background); }
.gs-cell.focus { outline: 1px solid var(--vscode-list-focusOutline, var(--vscode-focusBorder)); outline-offset: -1px; }
.gs-grid:focus-within .gs-cell.focus { outline: 2px solid var(--vscode-focusBorder); outline-offset: -2px; }
.gs-hcell { position: relative; display: flex; align-items: center; gap: 4px; font-weight: 600; cursor: pointer; user-select: none; font-family: var(--vscode-font-family); }
.gs-hcell .gs-label { min-width: 0; overflow: hidden; text-overflow: ellipsis; }
/* Numbers: the name at the right edge above the values, the sort arrow before it. */
.gs-hcell.num { flex-direction: row-reverse; text-align: right; }
.gs-hcell .gs-sort { flex: none; color: var(--vscode-descriptionForeground); }
.gs-hcell .gs-sort:empty { display: none; }
.gs-hcell .gs-resize { position: absolute; right: 0; top: 0; width: 6px; height: 100%; cursor: col-resize; }
.gs-hcell .gs-resize:hover { background: var(--vscode-sash-hoverBorder, var(--vscode-focusBorder)); }
.gs-hcell.drop { box-shadow: inset 2px 0 0 var(--vscode-focusBorder); }
.gs-filter input { width: 100%; box-sizing: border-box; background: var(--vscode-input-background); color: var(--vscode-input-foreground); border: 1px solid var(--vscode-input-border, transparent); font: inherit; padding: 0 4px; outline: none; }
.gs-filter input.num { text-align: right; }
.gs-viewer { position: absolute; z-index: 2; box-sizing: border-box; display: flex; flex-direction: column; width: max-content; min-width: 12em; max-width: min(calc(100% - 8px), 48em); overflow: hidden; background: var(--vscode-editorHoverWidget-background, var(--vscode-editorWidget-background)); color: var(--vscode-editorHoverWidget-foreground, var(--vscode-foreground)); border: 1px solid var(--vscode-editorHoverWidget-border, var(--vscode-widget-border, var(--vscode-panel-border))); border-radius: 4px; box-shadow: 0 2px 8px var(--vscode-widget-shadow, rgba(0,0,0,.36)); outline: none; }
.gs-viewer-title { flex: none; display: flex; align-items: center; gap: 4px; padding: 2px 2px 2px 8px; border-bottom: 1px solid var(--vscode-editorHoverWidget-border, var(--vscode-widget-border, transparent)); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size, 13px); color: var(--vscode-descriptionForeground); }
.gs-viewer-name { flex: 1; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.gs-viewer pre { flex: 1 1 auto; min-height: 0; overflow: auto; margin: 0; padding: 6px 8px; white-space: pre-wrap; word-break: break-word; font-family: var(--vscode-editor-font-family); user-select: text; }
/* Record view (recordView.ts): it replaces the header and rows; fields as rows, records as columns, values wrapped, never cut. */
.gs-records { display: none; }
.gs-grid.gs-record-mode > .gs-head, .gs-grid.gs-record-mode > .gs-viewport { display: none; }
.gs-grid.gs-record-mode > .gs-records { display: block; flex: 1; min-height: 0; overflow: auto; overscroll-behavior: contain; }
.gs-rec-table { display: grid; }
.gs-rec-row { display: contents; }
.gs-rec-row > * { padding: 2px 6px; border-right: 1px solid var(--vscode-editorGroup-border, rgba(128,128,128,.2)); border-bottom: 1px solid var(--vscode-editorGroup-border, rgba(128,128,128,.2)); white-space: pre-wrap; overflow-wrap: anywhere; min-width: 0; }
.gs-rec-corner, .gs-rec-head, .gs-rec-name { background: var(--vscode-editorWidget-background); font-family: var(--vscode-font-family); font-weight: 600; }
/* A field name breaks only if a single word is wider than the panel: its column is at least the longest word. */
.gs-rec-row > .gs-rec-name, .gs-rec-row > .gs-rec-corner { overflow-wrap: break-word; min-width: min-content; }
.gs-rec-corner, .gs-rec-head { position: sticky; top: 0; z-index: 1; border-bottom-color: var(--vscode-panel-border); }
.gs-rec-corner, .gs-rec-name { position: sticky; left: 0; }
.gs-rec-corner { z-index: 2; }
.gs-rec-value { user-select: text; }
.gs-rec-value.num { text-align: right; font-variant-numeric: tabular-nums; }
.gs-rec-value.null { color: var(--vscode-disabledForeground); font-style: italic; }
.gs-rec-note { margin: 4px 6px; color: var(--vscode-descriptionForeground); font-family: var(--vscode-font-family); }
.gs-rec-note:empty { display: none; }
`;

const added = new Set<string>();

/** Adds a stylesheet to the page once; it carries the page's nonce, which the CSP requires of inline styles. */
export function addStyleSheet(css: string): void {
  if (added.has(css)) return;
  added.add(css);
  const style = document.createElement('style');
  const nonce = document.querySelector<HTMLScriptElement>('script[nonce]')?.nonce;
  if (nonce) style.nonce = nonce;
  style.textContent = css;
  document.head.append(style);
}
