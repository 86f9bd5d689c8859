/** The grid's CSS: VS Code theme variables only, so light, dark and high-contrast all read well. */
export const GRID_CSS = `
.gs-grid { display: flex; flex-direction: column; height: 100%; min-height: 0; font-family: var(--vscode-editor-font-family); font-size: var(--vscode-editor-font-size, 13px); color: var(--vscode-foreground); outline: none; }
.gs-toolbar { display: flex; gap: 8px; align-items: center; padding: 4px 0; font-family: var(--vscode-font-family); }
.gs-toolbar input { background: var(--vscode-input-background); color: var(--vscode-input-foreground); border: 1px solid var(--vscode-input-border, transparent); padding: 2px 6px; min-width: 14em; }
.gs-toolbar button { background: var(--vscode-button-secondaryBackground); color: var(--vscode-button-secondaryForeground); border: none; padding: 3px 8px; cursor: pointer; }
.gs-toolbar button:hover { background: var(--vscode-button-secondaryHoverBackground); }
.gs-toolbar .gs-count { color: var(--vscode-descriptionForeground); margin-left: auto; }
.gs-head { flex: none; overflow: hidden; border-bottom: 1px solid var(--vscode-panel-border); background: var(--vscode-editorWidget-background); }
.gs-viewport { flex: 1; overflow: auto; position: relative; min-height: 0; contain: strict; }
.gs-spacer { position: relative; }
.gs-rows { position: absolute; top: 0; left: 0; }
.gs-rows .gs-row { position: absolute; top: 0; left: 0; width: var(--gs-width); contain: strict; border-bottom: 1px solid var(--vscode-editorGroup-border, rgba(128,128,128,.12)); box-sizing: border-box; }
.gs-row { display: grid; grid-template-columns: var(--gs-cols); height: var(--gs-row-height); }
.gs-cell { padding: 0 6px; line-height: calc(var(--gs-row-height) - 1px); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; border-right: 1px solid var(--vscode-editorGroup-border, rgba(128,128,128,.2)); box-sizing: border-box; }
.gs-cell.num { text-align: right; font-variant-numeric: tabular-nums; }
.gs-cell.null { color: var(--vscode-disabledForeground); font-style: italic; }
.gs-cell.json { color: var(--vscode-textLink-foreground); cursor: zoom-in; }
.gs-cell.gutter { color: var(--vscode-editorLineNumber-foreground); text-align: right; cursor: pointer; background: var(--vscode-editorGutter-background, transparent); }
.gs-cell.selected { background: var(--vscode-list-inactiveSelectionBackground); color: var(--vscode-list-inactiveSelectionForeground, inherit); }
.gs-grid:focus-within .gs-cell.selected { background: var(--vscode-list-activeSelectionBackground); color: var(--vscode-list-activeSelectionForeground); }
.gs-cell.focus { outline: 1px solid var(--vscode-focusBorder); outline-offset: -1px; }
.gs-hcell { position: relative; font-weight: 600; cursor: pointer; user-select: none; font-family: var(--vscode-font-family); }
.gs-hcell .gs-sort { margin-left: 4px; color: var(--vscode-descriptionForeground); }
.gs-hcell .gs-resize { position: absolute; right: 0; top: 0; width: 6px; height: 100%; cursor: col-resize; }
.gs-hcell.drop { box-shadow: inset 2px 0 0 var(--vscode-focusBorder); }
.gs-filter input { width: 100%; box-sizing: border-box; background: var(--vscode-input-background); color: var(--vscode-input-foreground); border: 1px solid var(--vscode-input-border, transparent); font: inherit; padding: 0 4px; }
.gs-viewer { position: absolute; right: 8px; top: 40px; bottom: 8px; width: min(50%, 40em); overflow: auto; background: var(--vscode-editorWidget-background); border: 1px solid var(--vscode-widget-border, var(--vscode-panel-border)); padding: 8px; z-index: 2; box-shadow: 0 2px 8px var(--vscode-widget-shadow, rgba(0,0,0,.3)); }
.gs-viewer pre { white-space: pre-wrap; word-break: break-word; margin: 0; font-family: var(--vscode-editor-font-family); }
.gs-viewer button { float: right; }
`;
