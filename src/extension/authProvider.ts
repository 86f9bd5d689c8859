import * as vscode from 'vscode';
import { listConnections } from './connectionSettings';
import { isTokensKey, SecretTokenStore } from './oauthSecrets';


/**
 * "Gong" in VS Code's Accounts: one session per "Sign in with Gong" connection that holds
 * tokens. Signing in runs the connection flow; signing out forgets the connection, its tokens
 * and its app secret. Sessions follow the stored tokens and the connection settings, however
 * they change (the command, a refresh, a removed connection), so the Accounts menu is never stale.
 */
export class GongAuthenticationProvider implements vscode.AuthenticationProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.AuthenticationProviderAuthenticationSessionsChangeEvent>();
  readonly onDidChangeSessions = this.changed.event;
  private known = new Map<string, vscode.AuthenticationSession>();
  private readonly watches: vscode.Disposable[];

  constructor(private readonly secrets: vscode.SecretStorage, private readonly removeConnection: (name: string) => Promise<void>) {
    this.watches = [
      secrets.onDidChange((e) => { if (isTokensKey(e.key)) void this.announce(); }),
      vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('gongsql.connections')) void this.announce(); }),
    ];
    void this.getSessions().then((sessions) => { this.known = byId(sessions); });
  }

  async getSessions(): Promise<vscode.AuthenticationSession[]> {
    const sessions: vscode.AuthenticationSession[] = [];
    for (const c of listConnections().filter((x) => x.kind === 'oauth')) {
      const tokens = await new SecretTokenStore(this.secrets, c.name).load();
      if (!tokens) continue;
      sessions.push({ id: c.name, accessToken: tokens.accessToken, account: { id: c.name, label: c.name }, scopes: tokens.scope.split(' ') });
    }
    return sessions;
  }

  async createSession(): Promise<vscode.AuthenticationSession> {
    const before = new Set((await this.getSessions()).map((s) => s.id));
    await vscode.commands.executeCommand('gongsql.signInWithGong');
    const added = (await this.getSessions()).find((s) => !before.has(s.id));
    if (!added) throw new Error('Sign in with Gong did not complete.');
    return added;
  }

  async removeSession(sessionId: string): Promise<void> {
    await this.removeConnection(sessionId);
    await this.announce();
  }

  dispose(): void {
    for (const w of this.watches) w.dispose();
    this.changed.dispose();
  }

  /** Tells VS Code which sessions appeared, went or got new tokens since it last heard. */
  private async announce(): Promise<void> {
    const now = byId(await this.getSessions());
    const added = [...now.values()].filter((s) => !this.known.has(s.id));
    const removed = [...this.known.values()].filter((s) => !now.has(s.id));
    const changed = [...now.values()].filter((s) => this.known.has(s.id) && this.known.get(s.id)!.accessToken !== s.accessToken);
    this.known = now;
    if (added.length || removed.length || changed.length) this.changed.fire({ added, removed, changed });
  }
}

function byId(sessions: vscode.AuthenticationSession[]): Map<string, vscode.AuthenticationSession> {
  return new Map(sessions.map((s) => [s.id, s]));
}
