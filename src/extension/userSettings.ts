import * as vscode from 'vscode';

/**
 * A gongsql setting as the user set it (user settings only, else `fallback`). The settings
 * that decide where a secret is sent, or whether an export is safe to open in a spreadsheet,
 * are "application" scoped, which VS Code never reads from a workspace; reading only the user
 * value keeps that true in a VS Code that would honour a repository's settings anyway.
 */
export function userSetting<T>(key: string, fallback: T): T {
  return vscode.workspace.getConfiguration('gongsql').inspect<T>(key)?.globalValue ?? fallback;
}
