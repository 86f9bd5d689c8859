import * as vscode from 'vscode';

/**
 * Opens a URL in the user's browser exactly as written. Give it an address already resolved
 * with `vscode.env.asExternalUri`, so the workbench has nothing left to rewrite.
 *
 * `vscode.Uri` decodes the query when it parses and re-encodes it when the workbench opens
 * it, so a parameter whose value is itself a URL with a query (the redirect_uri of a browser
 * VS Code: `…/callback?vscode-reqid=…&vscode-scheme=…`) arrives cut at its first `&`. The
 * extension host also takes a string and hands it on untouched; that is the workaround the
 * VS Code team points to (microsoft/vscode#85930, #173239) until the API takes a URL.
 */
export function openInBrowser(url: string): Thenable<boolean> {
  return vscode.env.openExternal(url as unknown as vscode.Uri);
}
