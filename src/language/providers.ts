import * as vscode from 'vscode';
import { complete, diagnostics, format, hover, signatureHelp, statementSpans, statementSymbols, type CompletionItem } from '../engine/ide';
import type { Diagnostic } from '../engine/syntax/tokens';
import { toRange } from './convert';
import { SqliteDiagnostics, type SqliteCheck } from './sqliteDiagnostics';

const SELECTOR: vscode.DocumentSelector = { language: 'gongsql' };
function kindOf(kind: CompletionItem['kind']): vscode.CompletionItemKind {
  const kinds: Record<CompletionItem['kind'], vscode.CompletionItemKind> = {
    keyword: vscode.CompletionItemKind.Keyword,
    object: vscode.CompletionItemKind.Class,
    column: vscode.CompletionItemKind.Field,
    function: vscode.CompletionItemKind.Function,
    procedure: vscode.CompletionItemKind.Method,
    alias: vscode.CompletionItemKind.Variable,
    value: vscode.CompletionItemKind.Value,
  };
  return kinds[kind];
}

/** Completion, hover, signature help, diagnostics, quick fixes, CodeLens, outline and formatting for .gongsql. */
export function registerLanguageFeatures(context: vscode.ExtensionContext, checkSqlite?: SqliteCheck): void {
  const collection = vscode.languages.createDiagnosticCollection('gongsql');
  const fixes = new WeakMap<vscode.Diagnostic, NonNullable<Diagnostic['fixes']>>();
  const timers = new Map<string, NodeJS.Timeout>();
  // gongsql's own diagnostics (at once), then SQLite's (when typing pauses), shown together.
  const own = new Map<string, vscode.Diagnostic[]>();
  const publish = (document: vscode.TextDocument) => collection.set(document.uri, [...(own.get(document.uri.toString()) ?? []), ...(sqlite?.of(document) ?? [])]);
  const sqlite = checkSqlite && new SqliteDiagnostics(checkSqlite, publish);
  const validate = (document: vscode.TextDocument) => {
    if (document.languageId !== 'gongsql') return;
    const found = diagnostics(document.getText()).map((d) => {
      const severity = d.severity === 'error' ? vscode.DiagnosticSeverity.Error : d.severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information;
      const diagnostic = new vscode.Diagnostic(toRange(document, d.span), d.message, severity);
      diagnostic.code = d.code;
      diagnostic.source = 'gongsql';
      if (d.fixes) fixes.set(diagnostic, d.fixes);
      return diagnostic;
    });
    own.set(document.uri.toString(), found);
    sqlite?.changed(document, found);
    publish(document);
  };
  // Debounced while typing; immediate on open.
  const schedule = (document: vscode.TextDocument) => {
    const key = document.uri.toString();
    clearTimeout(timers.get(key));
    timers.set(key, setTimeout(() => {
      timers.delete(key);
      validate(document);
    }, 150));
  };

  context.subscriptions.push(
    collection,
    { dispose: () => timers.forEach(clearTimeout) },
    ...(sqlite ? [sqlite] : []),
    vscode.workspace.onDidOpenTextDocument(validate),
    vscode.workspace.onDidChangeTextDocument((e) => schedule(e.document)),
    vscode.workspace.onDidCloseTextDocument((d) => {
      collection.delete(d.uri);
      own.delete(d.uri.toString());
      sqlite?.closed(d);
    }),
    vscode.languages.registerCompletionItemProvider(SELECTOR, {
      provideCompletionItems(document, position) {
        return complete(document.getText(), document.offsetAt(position)).map((c) => {
          const item = new vscode.CompletionItem(c.label, kindOf(c.kind));
          item.detail = c.detail;
          if (c.documentation) item.documentation = new vscode.MarkdownString(c.documentation);
          if (c.insertText) item.insertText = c.snippet ? new vscode.SnippetString(c.insertText) : c.insertText;
          item.sortText = c.sortText;
          if (c.replace) item.range = toRange(document, c.replace);
          return item;
        });
      },
    }, '.', ' ', '('),
    vscode.languages.registerHoverProvider(SELECTOR, {
      provideHover(document, position) {
        const h = hover(document.getText(), document.offsetAt(position));
        return h && new vscode.Hover(new vscode.MarkdownString(h.markdown), toRange(document, h.span));
      },
    }),
    vscode.languages.registerSignatureHelpProvider(SELECTOR, {
      provideSignatureHelp(document, position) {
        const s = signatureHelp(document.getText(), document.offsetAt(position));
        if (!s) return undefined;
        const help = new vscode.SignatureHelp();
        const info = new vscode.SignatureInformation(s.label, s.documentation);
        info.parameters = s.parameters.map((p) => new vscode.ParameterInformation(p.label, new vscode.MarkdownString(p.documentation)));
        help.signatures = [info];
        help.activeSignature = 0;
        help.activeParameter = s.activeParameter;
        return help;
      },
    }, '(', ','),
    vscode.languages.registerCodeActionsProvider(SELECTOR, {
      provideCodeActions(document, _range, ctx) {
        return ctx.diagnostics.flatMap((d) => (fixes.get(d) ?? []).map((fix) => {
          const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
          action.edit = new vscode.WorkspaceEdit();
          action.edit.replace(document.uri, toRange(document, fix.span), fix.text);
          action.diagnostics = [d];
          action.isPreferred = true;
          return action;
        }));
      },
    }, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
    vscode.languages.registerCodeLensProvider(SELECTOR, {
      provideCodeLenses(document) {
        // Notebook cells run through the notebook's own controls.
        if (document.uri.scheme === 'vscode-notebook-cell') return [];
        return statementSpans(document.getText()).flatMap((span) => {
          const range = toRange(document, span);
          return [
            new vscode.CodeLens(range, { title: '▶ Run', command: 'gongsql.runStatement', arguments: [document.uri, span.start, span.end] }),
            new vscode.CodeLens(range, { title: 'Refresh', tooltip: 'Run, reading Gong again instead of the 5-minute cache', command: 'gongsql.runStatementRefresh', arguments: [document.uri, span.start, span.end] }),
            new vscode.CodeLens(range, { title: 'Explain', command: 'gongsql.explainStatement', arguments: [document.uri, span.start, span.end] }),
          ];
        });
      },
    }),
    vscode.languages.registerDocumentSymbolProvider(SELECTOR, {
      provideDocumentSymbols(document) {
        return statementSymbols(document.getText()).map((s) => {
          const range = toRange(document, s.span);
          return new vscode.DocumentSymbol(s.name || s.kind, s.kind, vscode.SymbolKind.Event, range, range);
        });
      },
    }),
    vscode.languages.registerDocumentFormattingEditProvider(SELECTOR, {
      provideDocumentFormattingEdits: (document) => format(document.getText()).map((e) => vscode.TextEdit.replace(toRange(document, e.span), e.text)),
    }),
    vscode.languages.registerDocumentRangeFormattingEditProvider(SELECTOR, {
      provideDocumentRangeFormattingEdits: (document, range) =>
        format(document.getText(), { start: document.offsetAt(range.start), end: document.offsetAt(range.end) }).map((e) => vscode.TextEdit.replace(toRange(document, e.span), e.text)),
    }),
  );
  vscode.workspace.textDocuments.forEach(validate);
}
