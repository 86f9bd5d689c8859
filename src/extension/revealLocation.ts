import * as vscode from 'vscode';
import type { ErrorLocation } from '../engine/ide';

/** Puts the cursor on a 1-based line and column of a document, opening it if needed. */
export async function revealLocation(uri: vscode.Uri, location: Pick<ErrorLocation, 'line' | 'column'>): Promise<void> {
  const position = new vscode.Position(location.line - 1, location.column - 1);
  const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
  await vscode.window.showTextDocument(uri, { viewColumn: visible?.viewColumn, selection: new vscode.Range(position, position), preserveFocus: false });
}
