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
 * Ctrl+Enter runs that statement (a write's warning stays in view above it).
 */
async function openInEditor(example: Example): Promise<void> {
  const content = exampleText(example);
  const document = await vscode.workspace.openTextDocument({ language: 'gongsql', content });
  const [first] = statementSpans(content);
  const end = document.positionAt(first ? content.indexOf(';', first.end) + 1 : content.length);
  await vscode.window.showTextDocument(document, { selection: new vscode.Range(end, end) });
}

/** A new untitled notebook: a cell per statement, the example's comment atop the first. */
async function openInNotebook(example: Example): Promise<void> {
  const text = exampleText(example);
  const cells = cellsFromScript(text, statementSpans(text)).map((c) => new vscode.NotebookCellData(vscode.NotebookCellKind.Code, c.source.join('\n'), 'gongsql'));
  await vscode.window.showNotebookDocument(await vscode.workspace.openNotebookDocument(NOTEBOOK_TYPE, new vscode.NotebookData(cells)));
}
