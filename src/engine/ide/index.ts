/** The editor's language service, pure (no vscode): the extension adapts it to providers. */
export { complete, type CompletionItem } from './completion';
export { hover, type Hover } from './hover';
export { signatureHelp, type SignatureHelp } from './signature';
export { diagnostics, statementSymbols, type StatementSymbol } from './outline';
export { format, applyEdits, type TextEdit } from './sqlFormatter';
export { statementSpans, statementAt, statementEditedAt } from './statements';
export { locateError, locatedMessage, positionText, type ErrorLocation } from './errorLocation';
