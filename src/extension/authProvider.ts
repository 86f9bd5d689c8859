import * as vscode from 'vscode';
import { listConnections } from './connectionSettings';

/**
 * "Gong" in VS Code's Accounts: one session per "Sign in with Gong" connection. Signing in
 * runs the connection flow; signing out forgets the connection's tokens and app secret.
 */
export class GongAuthenticationProvider implements vscode.AuthenticationProvider {
  private readonly changed = new vscode.EventEmitter<vscode.AuthenticationProviderAuthenticationSessionsChangeEvent>();
  readonly onDidChangeSessions = this.changed.event;

  constructor(private readonly secrets: vscode.SecretStorage, private readonly removeConnection: (name: string) => Promise<void>) {}

  async getSessions(): Promise<vscode.AuthenticationSession[]> {
    const sessions: vscode.AuthenticationSession[] = [];
    for (const c of listConnections().filter((x) => x.kind === 'oauth')) {
      const stored = await this.secrets.get(`gongsql.oauth.${c.name}`);
      if (!stored) continue;
      const tokens = JSON.parse(stored) as { accessToken: string; scope: string };
      sessions.push({ id: c.name, accessToken: tokens.accessToken, account: { id: c.name, label: c.name }, scopes: tokens.scope.split(' ') });
    }
    return sessions;
  }

  async createSession(): Promise<vscode.AuthenticationSession> {
    const before = new Set((await this.getSessions()).map((s) => s.id));
    await vscode.commands.executeCommand('gongsql.signInWithGong');
    const added = (await this.getSessions()).find((s) => !before.has(s.id));
    if (!added) throw new Error('Sign in with Gong did not complete.');
    this.changed.fire({ added: [added], removed: [], changed: [] });
    return added;
  }

  async removeSession(sessionId: string): Promise<void> {
    const session = (await this.getSessions()).find((s) => s.id === sessionId);
    await this.removeConnection(sessionId);
    if (session) this.changed.fire({ added: [], removed: [session], changed: [] });
  }
}
