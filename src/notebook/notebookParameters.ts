import * as vscode from 'vscode';
import { namedParameters } from '../engine/ide/parameters';
import { isSecretName } from '../history/entry';
import { parameterPrompt } from '../extension/parameterPrompt';
import { activeValues, readParameterSets, withActive, withValues, type ParameterSets } from './parameterSets';
import { NOTEBOOK_TYPE } from './notebookFile';

/**
 * The values a cell's `:name` parameters run with: the notebook's active parameter set, and
 * for a name it lacks, the user's answer, which joins the set (saved with the notebook) unless
 * the name says secret, token, key or password. Undefined when the user pressed Escape.
 */
export async function cellParameters(notebook: vscode.NotebookDocument, text: string): Promise<Record<string, string> | undefined> {
  let sets = readParameterSets(notebook.metadata.parameters);
  const values: Record<string, string> = { ...activeValues(sets) };
  const asked: Record<string, string> = {};
  for (const { name, written, erased } of namedParameters(text)) {
    if (name in values) continue;
    const secret = isSecretName(name);
    const kept = secret || erased ? {} : { prompt: `Parameter ${written}, kept in the notebook's parameter set "${sets.active ?? 'Default'}"` };
    const value = await vscode.window.showInputBox({ ...parameterPrompt(written, secret, erased, false), ...kept, ignoreFocusOut: true });
    if (value === undefined) return undefined;
    values[name] = value;
    if (!erased) asked[name] = value;
  }
  if (Object.keys(asked).length > 0) {
    sets = withValues(sets, asked);
    await saveSets(notebook, sets);
  }
  return values;
}

async function saveSets(notebook: vscode.NotebookDocument, sets: ParameterSets): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.set(notebook.uri, [vscode.NotebookEdit.updateNotebookMetadata({ ...notebook.metadata, parameters: sets })]);
  await vscode.workspace.applyEdit(edit);
}

interface SetPick extends vscode.QuickPickItem { readonly apply: (sets: ParameterSets) => Promise<ParameterSets | undefined> }

/** Gong: Notebook Parameter Set…: which named set cells run with, a new set, or forget the active set's values. */
export function registerParameterSetCommand(): vscode.Disposable {
  return vscode.commands.registerCommand('gongsql.notebookParameterSet', async () => {
    const notebook = vscode.window.activeNotebookEditor?.notebook;
    if (!notebook || notebook.notebookType !== NOTEBOOK_TYPE) {
      void vscode.window.showInformationMessage('Open a Gong SQL notebook first.');
      return;
    }
    const sets = readParameterSets(notebook.metadata.parameters);
    const describe = (values: Readonly<Record<string, string>>) => Object.entries(values).map(([n, v]) => `:${n} = ${v}`).join(', ') || 'no values yet: cells ask';
    const picks: SetPick[] = [
      ...Object.entries(sets.sets).map(([name, values]): SetPick => ({ label: `${name === sets.active ? '$(check) ' : ''}${name}`, description: describe(values), apply: async (s) => withActive(s, name) })),
      { label: '$(add) New Parameter Set…', apply: async (s) => {
        const name = await vscode.window.showInputBox({ title: 'Name of the new parameter set', validateInput: (v) => (v.trim() === '' ? 'Give it a name' : v.trim() in s.sets ? `"${v.trim()}" exists` : undefined) });
        return name === undefined ? undefined : withActive(s, name.trim());
      } },
      ...(sets.active ? [{ label: `$(clear-all) Forget the values of "${sets.active}"`, description: 'cells ask again', apply: async (s: ParameterSets) => ({ ...s, sets: { ...s.sets, [sets.active as string]: {} } }) }] : []),
    ];
    const picked = await vscode.window.showQuickPick(picks, { title: 'Notebook Parameter Set', placeHolder: 'The values cells run their :name parameters with (saved in the notebook)' });
    const next = picked && await picked.apply(sets);
    if (next) await saveSets(notebook, next);
  });
}
