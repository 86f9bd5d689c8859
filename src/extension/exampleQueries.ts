import { homedir } from 'node:os';
import * as vscode from 'vscode';
import { statementSpans } from '../engine/ide/statements';
import { exampleBadge, EXAMPLES, exampleText, TOPICS, type Example } from '../gallery/examples';
import { cellsFromScript, NOTEBOOK_TYPE } from '../notebook/notebookFile';

interface ExampleItem extends vscode.QuickPickItem {
  readonly example?: Example;
}

/** Writes stand out in the list before their badge is read. */
const ICONS: Partial<Record<Example['effect'], string>> = { write: '$(edit) ', irreversible: '$(warning) ' };

const OPEN_AS_NOTEBOOK: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('notebook'), tooltip: 'Open as Notebook' };

/** *Gong: Example Queries*: the gallery as a quick pick grouped by topic; an example opens in a new editor or notebook. */
export function registerExampleQueries(): vscode.Disposable {
  return vscode.commands.registerCommand('gongsql.exampleQueries', async () => {
    const chosen = await pickExample();
    if (chosen?.asNotebook) await openInNotebook(chosen.example);
    else if (chosen) await openInEditor(chosen.example);
  });
}

function items(): ExampleItem[] {
  return TOPICS.flatMap((topic) => [
    { label: topic, kind: vscode.QuickPickItemKind.Separator },
    ...EXAMPLES.filter((e) => e.topic === topic).map((example): ExampleItem => ({
      label: `${ICONS[example.effect] ?? (example.onMirror ? '$(database) ' : '')}${example.title}`,
      description: exampleBadge(example),
      // What it answers, on one line (the quick pick cuts it to the width).
      detail: example.about.replace(/\s+/g, ' '),
      buttons: [OPEN_AS_NOTEBOOK],
      example,
    })),
  ]);
}

/** The example the user chose, and whether they asked for a notebook (the row's button). */
function pickExample(): Promise<{ example: Example; asNotebook: boolean } | undefined> {
  const pick = vscode.window.createQuickPick<ExampleItem>();
  pick.title = 'Gong: Example Queries';
  pick.placeholder = 'Filter the examples; Enter opens one in an editor';
  pick.matchOnDetail = true;
  pick.matchOnDescription = true;
  pick.items = items();
  return new Promise((resolve) => {
    const done = (example: Example | undefined, asNotebook: boolean) => {
      resolve(example && { example, asNotebook });
      pick.dispose();
    };
    pick.onDidAccept(() => done(pick.selectedItems[0]?.example, false));
    pick.onDidTriggerItemButton((e) => done(e.item.example, true));
    pick.onDidHide(() => done(undefined, false));
    pick.show();
  });
}

/**
 * A new untitled editor with the example, the cursor just after its first statement's `;`:
 * Ctrl+Enter runs that statement (a write's warning stays in view above it). It is named after
 * the example (`calls-per-week-by-workspace.gongsql`, in the workspace folder or else the home
 * folder) rather than after its first line, which is a `-- Example: …` comment: saved, it gets
 * that name.
 */
async function openInEditor(example: Example): Promise<void> {
  const content = exampleText(example);
  const document = await vscode.workspace.openTextDocument(await untitledUri(example.id, 'gongsql'));
  const edit = new vscode.WorkspaceEdit();
  edit.insert(document.uri, new vscode.Position(0, 0), content);
  await vscode.workspace.applyEdit(edit);
  if (document.languageId !== 'gongsql') await vscode.languages.setTextDocumentLanguage(document, 'gongsql');
  const [first] = statementSpans(content);
  const end = document.positionAt(first ? content.indexOf(';', first.end) + 1 : content.length);
  await vscode.window.showTextDocument(document, { selection: new vscode.Range(end, end) });
}

/**
 * An untitled document's name from the example's id, free on disk and among the open documents
 * (`name-2.gongsql` when `name.gongsql` is taken): VS Code refuses an untitled name that exists.
 */
async function untitledUri(id: string, extension: string): Promise<vscode.Uri> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(homedir());
  const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.path));
  for (let n = 1; ; n++) {
    const file = vscode.Uri.joinPath(folder, `${id}${n === 1 ? '' : `-${n}`}.${extension}`);
    if (!open.has(file.path) && !(await exists(file))) return file.with({ scheme: 'untitled' });
  }
}

async function exists(file: vscode.Uri): Promise<boolean> {
  return vscode.workspace.fs.stat(file).then(() => true, () => false);
}

/** A new untitled notebook: a cell per statement, the example's comment atop the first. */
async function openInNotebook(example: Example): Promise<void> {
  const text = exampleText(example);
  const cells = cellsFromScript(text, statementSpans(text)).map((c) => new vscode.NotebookCellData(vscode.NotebookCellKind.Code, c.source.join('\n'), 'gongsql'));
  await vscode.window.showNotebookDocument(await vscode.workspace.openNotebookDocument(NOTEBOOK_TYPE, new vscode.NotebookData(cells)));
}
