import * as vscode from 'vscode';
import type { Span } from '../engine/syntax/tokens';

/** Engine spans are UTF-16 offsets, as VS Code's document offsets are. */
export function toRange(document: vscode.TextDocument, span: Span): vscode.Range {
  return new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
}
