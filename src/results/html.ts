import { randomBytes } from 'node:crypto';

/**
 * The results webview's page: CSP `default-src 'none'`, the one script allowed by a nonce
 * from a CSPRNG, styles only from VS Code theme variables.
 */
export function resultsHtml(scriptUri: string, cspSource: string): string {
  const nonce = randomBytes(16).toString('base64');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-${nonce}'; style-src ${cspSource} 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Gong SQL Results</title>
<style nonce="${nonce}">
  html, body { height: 100%; margin: 0; }
  body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 8px; box-sizing: border-box; }
  #root { display: flex; flex-direction: column; height: 100%; }
  .panes { flex: 1; min-height: 0; position: relative; }
  .pane { height: 100%; }
  .pane[hidden] { display: none; }
  .run-progress { flex: none; height: 2px; margin-top: -6px; margin-bottom: 4px; overflow: hidden; position: relative; visibility: hidden; }
  .running .run-progress { visibility: visible; }
  .run-progress::before { content: ''; position: absolute; inset: 0 auto 0 0; width: 20%; background: var(--vscode-progressBar-background); animation: run-progress 1.2s linear infinite; }
  @keyframes run-progress { from { transform: translateX(-100%); } to { transform: translateX(500%); } }
  .msg-group { margin: 0 0 12px; }
  .msg-head { display: flex; gap: 10px; align-items: baseline; min-width: 0; }
  .msg-time { flex: none; color: var(--vscode-descriptionForeground); font-variant-numeric: tabular-nums; }
  .msg-statement { min-width: 0; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; font-family: var(--vscode-editor-font-family); }
  .msg-group .message, .msg-group .error { margin: 2px 0 0; padding-left: calc(8ch + 10px); overflow-wrap: anywhere; }
  .tabs { display: flex; flex-wrap: wrap; gap: 0 4px; border-bottom: 1px solid var(--vscode-panel-border); margin-bottom: 6px; }
  .tabs button { background: none; border: none; color: var(--vscode-foreground); padding: 4px 10px; cursor: pointer; border-bottom: 2px solid transparent; }
  .tabs button[aria-selected="true"] { border-bottom-color: var(--vscode-focusBorder); }
  .chart-tab { display: flex; flex-direction: column; height: 100%; }
  .chart-pick { flex: none; padding: 2px 0; color: var(--vscode-descriptionForeground); }
  .chart-pick select { background: var(--vscode-dropdown-background); color: var(--vscode-dropdown-foreground); border: 1px solid var(--vscode-dropdown-border, transparent); font: inherit; }
  .chart-holder { flex: 1; min-height: 0; }
  .error { color: var(--vscode-errorForeground); white-space: pre-wrap; }
  .error .location { color: var(--vscode-textLink-foreground); }
  .error .location:hover { color: var(--vscode-textLink-activeForeground); }
  .statement { font-family: var(--vscode-editor-font-family); color: var(--vscode-descriptionForeground); white-space: pre; overflow: hidden; text-overflow: ellipsis; }
  .status, .message { color: var(--vscode-descriptionForeground); }
  .restored { max-width: 80ch; padding-top: 4px; }
  .restored .statement { font-family: var(--vscode-editor-font-family); font-size: var(--vscode-editor-font-size); background: var(--vscode-textCodeBlock-background); padding: 6px 8px; margin: 0 0 10px; max-height: 40vh; overflow: auto; white-space: pre-wrap; overflow-wrap: anywhere; }
  .restored button { font: inherit; color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: 1px solid var(--vscode-button-border, transparent); border-radius: 2px; padding: 4px 14px; cursor: pointer; }
  .restored button:hover { background: var(--vscode-button-hoverBackground); }
  .restored button:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 2px; }
</style>
</head>
<body>
<div id="root"><p class="status">Run a query to see results here.</p></div>
<script nonce="${nonce}" src="${scriptUri}"></script>
</body>
</html>`;
}
