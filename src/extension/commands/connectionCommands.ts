import * as vscode from 'vscode';
import { GongError } from '../../gong/http/errors';
import { baseUrlProblem } from '../../gong/http/hosts';
import type { Connections, MirrorConnection } from '../connections';
import { SANDBOX, type ConnectionSetting } from '../connectionSettings';
import { SignInCancelled } from '../oauthRedirects';
import { offerSignInAgain } from '../credentialsFix';

/** The connection commands by id, registered lazily by activate.ts. */
export const CONNECTION_COMMANDS = ['gongsql.signInWithGong', 'gongsql.addConnection', 'gongsql.editConnection', 'gongsql.removeConnection', 'gongsql.switchConnection', 'gongsql.testConnection', 'gongsql.resetSandbox'] as const;
export type ConnectionCommand = (typeof CONNECTION_COMMANDS)[number];

/** Add / edit / remove / switch / test connections. Secrets go to SecretStorage only. */
export function connectionCommandHandlers(connections: Connections, signIn: (again?: ConnectionSetting) => Promise<{ setting: ConnectionSetting } | undefined>): Record<ConnectionCommand, (arg?: unknown) => Promise<void>> {
  return {
    // With a connection name (from "Sign in again"), the flow starts from that connection.
    'gongsql.signInWithGong': async (again?: unknown) => {
      try {
        const done = await signIn(connections.list().find((c) => c.kind === 'oauth' && c.name === again));
        if (!done) return;
        await connections.save(done.setting);
        await connections.setActive(done.setting.name);
        void vscode.window.showInformationMessage(`Signed in with Gong as ${done.setting.name}.`);
      } catch (error) {
        if (!(error instanceof SignInCancelled)) offerSignInAgain(`Sign in with Gong: ${(error as Error).message}`, typeof again === 'string' ? again : undefined);
      }
    },
    'gongsql.addConnection': () => editConnection(connections),
    // With a connection name (from "Edit Connection" on a refused key), that one.
    'gongsql.editConnection': async (name?: unknown) => {
      const pick = typeof name === 'string' ? name : await vscode.window.showQuickPick(connections.list().map((c) => c.name), { title: 'Edit which connection?' });
      if (!pick) return;
      // A "Sign in with Gong" connection changes by signing in again, not by typing a key.
      if (connections.setting(pick)?.kind === 'oauth') await vscode.commands.executeCommand('gongsql.signInWithGong', pick);
      else await editConnection(connections, pick);
    },
    'gongsql.removeConnection': async () => {
      const mirrors = connections.mirrors.list();
      const pick = await vscode.window.showQuickPick([...connections.list().map((c) => c.name), ...mirrors.map((m) => m.name)], { title: 'Remove which connection?' });
      if (!pick) return;
      const mirror = mirrors.some((m) => m.name === pick);
      // A mirror connection only names the mirror: its file or database stays.
      const what = mirror ? `the mirror connection ${pick} (the mirror itself is kept)` : `the connection ${pick} and its stored secret`;
      if ((await vscode.window.showWarningMessage(`Remove ${what}?`, { modal: true }, 'Remove')) !== 'Remove') return;
      await connections.remove(pick);
    },
    'gongsql.switchConnection': async () => {
      const active = (label: string) => (label === connections.activeLabel ? 'active' : undefined);
      const items = [SANDBOX, ...connections.list().map((c) => c.name)].map((label) => ({ label, description: active(label) }));
      const mirrors = connections.mirrors.list().map((m) => ({ label: m.name, description: ['mirror', active(m.name)].filter(Boolean).join(' · '), detail: m.location }));
      const add = { label: '$(add) Add Connection…', description: 'access key and secret' };
      const signIn = { label: '$(sign-in) Sign in with Gong…', description: 'OAuth, for a Gong app' };
      const addMirror = { label: '$(database) Add Mirror Connection…', description: 'a SQLite file or PostgreSQL filled by Sync to Local Mirror' };
      const pick = await vscode.window.showQuickPick([...items, ...mirrors, add, signIn, addMirror], { title: 'Active Gong connection' });
      if (!pick) return;
      if (pick === add) await editConnection(connections);
      else if (pick === signIn) await vscode.commands.executeCommand('gongsql.signInWithGong');
      else if (pick === addMirror) await vscode.commands.executeCommand('gongsql.addMirrorConnection');
      else await connections.setActive(pick.label);
    },
    'gongsql.testConnection': async () => {
      const connection = await connections.active();
      try {
        if (connection.kind === 'mirror') await testMirror(connection);
        else await testConnection(connection.client, connection.label);
      } finally {
        connection.release();
      }
    },
    'gongsql.resetSandbox': async () => {
      await connections.resetSandbox();
      void vscode.window.showInformationMessage('The sandbox will start with fresh data on the next query.');
    },
  };
}

async function editConnection(connections: Connections, existing?: string): Promise<void> {
  const current = connections.list().find((c) => c.name === existing);
  const name = await vscode.window.showInputBox({
    title: 'Gong connection (1/4): name', value: current?.name ?? 'Gong', ignoreFocusOut: true,
    validateInput: (v) => (!v.trim() ? 'A name is required' : v.trim() === SANDBOX ? 'Sandbox is the built-in connection'
      : connections.mirrors.list().some((m) => m.name === v.trim()) ? `${v.trim()} is a mirror connection` : undefined),
  });
  if (!name) return;
  const baseUrl = await vscode.window.showInputBox({
    title: 'Gong connection (2/4): API base URL', value: current?.baseUrl ?? 'https://api.gong.io', ignoreFocusOut: true,
    validateInput: (v) => baseUrlProblem(v.trim()),
  });
  if (!baseUrl) return;
  const accessKey = await vscode.window.showInputBox({ title: 'Gong connection (3/4): access key', value: current && (await connections.accessKey(current.name)), ignoreFocusOut: true, validateInput: (v) => (v.trim() ? undefined : 'Required') });
  if (!accessKey) return;
  const stored = current && (await connections.storedSecret(current.name));
  const typed = await askSecret(stored !== undefined, current !== undefined && sameHost(current.baseUrl, baseUrl));
  if (typed === undefined) return;
  const accessKeySecret = typed || (stored as string);
  const client = connections.client(baseUrl, { kind: 'basic', accessKey, accessKeySecret }, name.trim());
  try {
    const ok = await testConnection(client, name.trim());
    // Modal: a question that could slip away with the toasts would leave the user guessing.
    if (!ok && (await vscode.window.showWarningMessage('The test failed. Save the connection anyway?', { modal: true, detail: 'The error is in the notification. You can fix the connection later with "Gong: Edit Connection".' }, 'Save')) !== 'Save') return;
  } finally {
    await client.close();
  }
  await connections.save({ name: name.trim(), baseUrl }, { accessKey: accessKey.trim(), accessKeySecret });
  await connections.setActive(name.trim());
}

/**
 * The secret step. Editing a connection with a stored secret, empty keeps it, unless the API
 * host changed: a secret saved for one host is not sent to another without being typed again.
 * Undefined when the user cancels; '' to keep the stored secret.
 */
async function askSecret(hasStored: boolean, hostUnchanged: boolean): Promise<string | undefined> {
  const keep = hasStored && hostUnchanged;
  const required = hasStored
    ? 'Required: the API host changed, and the stored secret is only sent to the host it was saved for. Enter the secret for the new host.'
    : 'Required';
  return vscode.window.showInputBox({
    title: 'Gong connection (4/4): access key secret',
    password: true,
    ignoreFocusOut: true,
    placeHolder: keep ? 'Leave empty to keep the stored secret' : undefined,
    validateInput: (v) => (v || keep ? undefined : required),
  });
}

/** Whether two base URLs name the same API host (a stored secret may go to it). */
function sameHost(a: string, b: string): boolean {
  try {
    return new URL(a.trim()).host === new URL(b.trim()).host;
  } catch {
    return false;
  }
}

/** A mirror connection is tested by reading its sync state: no API call. */
async function testMirror(connection: MirrorConnection): Promise<void> {
  try {
    const objects = (await connection.destination.readState()).size;
    void vscode.window.showInformationMessage(`${connection.label}: mirror ${connection.destination.label} opened; ${objects} object${objects === 1 ? '' : 's'} synced.`);
  } catch (error) {
    void vscode.window.showErrorMessage(`${connection.label}: ${(error as Error).message}`);
  }
}

/** "Test Connection" is GET /v2/workspaces, Gong's cheapest authenticated call. */
async function testConnection(client: import('../../gong/http/client').GongClient, label: string): Promise<boolean> {
  try {
    const response = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Testing ${label}…` }, () =>
      client.request({ method: 'GET', path: '/v2/workspaces' }));
    const count = Array.isArray(response.body?.workspaces) ? response.body.workspaces.length : 0;
    void vscode.window.showInformationMessage(`${label}: connected; ${count} workspace${count === 1 ? '' : 's'} visible.`);
    return true;
  } catch (error) {
    void vscode.window.showErrorMessage(`${label}: ${error instanceof GongError || error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}
