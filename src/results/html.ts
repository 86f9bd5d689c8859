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
  body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 8px; }
  .tabs { display: flex; gap: 4px; border-bottom: 1px solid var(--vscode-panel-border); margin-bottom: 6px; }
  .tabs button { background: none; border: none; color: var(--vscode-foreground); padding: 4px 10px; cursor: pointer; border-bottom: 2px solid transparent; }
  .tabs button[aria-selected="true"] { border-bottom-color: var(--vscode-focusBorder); }
  table { border-collapse: collapse; font-family: var(--vscode-editor-font-family); }
  th, td { border: 1px solid var(--vscode-panel-border); padding: 2px 6px; text-align: left; max-width: 40em; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  th { background: var(--vscode-editorWidget-background); position: sticky; top: 0; }
  td.number { text-align: right; }
  td.null { color: var(--vscode-disabledForeground); font-style: italic; }
  .error { color: var(--vscode-errorForeground); white-space: pre-wrap; }
  .status, .message { color: var(--vscode-descriptionForeground); }
</style>
</head>
<body>
<div id="root"><p class="status">Run a query to see results here.</p></div>
<script nonce="${nonce}" src="${scriptUri}"></script>
</body>
</html>`;
}
