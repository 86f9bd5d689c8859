import * as vscode from 'vscode';

const KEYS = ['gongsql.connections', 'gongsql.activeConnection', 'gongsql.mirrors', 'gongsql.mirror.answerLiveQueriesFrom'];

/**
 * A repository's settings cannot define, switch or redirect a connection: they are read from
 * user settings only. When a workspace tries, say so once, so that a connection it names is
 * not silently missing. VS Code drops such values from a workspace before an extension sees
 * them, so the workspace's settings files are read as text.
 */
export async function warnAboutWorkspaceConnections(): Promise<void> {
  const keys = await workspaceConnectionKeys();
  if (keys.length === 0) return;
  void vscode.window.showWarningMessage(`This workspace's settings set ${keys.join(' and ')}: ignored. Gong and mirror connections, the hosts their secrets go to and the files they read, come only from your user settings.`);
}

async function workspaceConnectionKeys(): Promise<string[]> {
  const files = [
    ...(vscode.workspace.workspaceFolders ?? []).map((folder) => vscode.Uri.joinPath(folder.uri, '.vscode', 'settings.json')),
    ...(vscode.workspace.workspaceFile ? [vscode.workspace.workspaceFile] : []),
  ];
  const texts = await Promise.all(files.map((uri) => vscode.workspace.fs.readFile(uri).then((bytes) => new TextDecoder().decode(bytes), () => '')));
  const config = vscode.workspace.getConfiguration();
  return KEYS.filter((key) => {
    const values = config.inspect(key);
    return values?.workspaceValue !== undefined || values?.workspaceFolderValue !== undefined || texts.some((text) => text.includes(`"${key}"`));
  });
}
