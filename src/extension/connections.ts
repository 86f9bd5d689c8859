import * as vscode from 'vscode';
import { QueryCache } from '../engine/run/cache';
import { GongClient, type Credentials } from '../gong/http/client';
import type { UsageStore } from '../gong/http/rateLimit';
import { startSandbox, type Sandbox } from '../sandbox';
import { OAuthSession } from '../gong/http/oauth';
import { oauthApp } from './commands/signIn';
import { appSecret, SecretTokenStore } from './oauthSecrets';
import { GongError } from '../gong/http/errors';
import { baseUrlProblem } from '../gong/http/hosts';
import { hostChanges, hostsOf, secretHosts, type HostChange } from './secretHosts';
import { activeConnectionName, listConnections, SANDBOX, usageKey, usageToday, type ConnectionSetting } from './connectionSettings';
import type { Destination } from '../mirror/destination';
import { findMirror, liveFromMirrorSetting } from './mirrorSettings';
import { Mirrors } from './mirrors';

/**
 * A connection the engine can run on: Gong (a client) or a mirror (a destination), and its
 * cache. `release()` when the run is over: a mirror it uses may then be closed when idle.
 */
export type ActiveConnection = (LiveConnection | MirrorConnection) & { release(): void };

/** The sandbox or a Gong connection. */
export interface LiveConnection {
  readonly kind: 'live';
  readonly id: string;
  readonly label: string;
  readonly client: GongClient;
  readonly cache: QueryCache;
  /** The mirror it may answer from, when the user's setting says so (off by default). */
  readonly answerFrom?: { readonly destination: Destination; readonly maxAgeMinutes: number };
}

/** A mirror connection: queries read the mirror, 0 API calls. */
export interface MirrorConnection {
  readonly kind: 'mirror';
  readonly id: string;
  readonly label: string;
  readonly destination: Destination;
  readonly cache: QueryCache;
}

const SECRET_PREFIX = 'gongsql.connection.';

/**
 * The connections: the built-in sandbox (no configuration, the default, started on first
 * use and kept for the session) and Gong connections whose access key and secret live in
 * SecretStorage only; settings hold the name and base URL.
 */
export class Connections implements vscode.Disposable {
  private sandbox: Promise<{ sandbox: Sandbox; connection: LiveConnection }> | undefined;
  /** Clients by connection name, with the setting's hosts they were made for. */
  private readonly gong = new Map<string, { connection: LiveConnection; hosts: string }>();
  /** Mirror connections' caches by name (their destinations are shared by `mirrors`). */
  private readonly mirrorCaches = new Map<string, QueryCache>();
  readonly mirrors: Mirrors;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly context: vscode.ExtensionContext, private readonly log: vscode.LogOutputChannel) {
    this.mirrors = new Mirrors(context.secrets);
  }

  /** The stored access key of a key connection (not its secret), to start an edit from. */
  async accessKey(name: string): Promise<string | undefined> {
    return (await this.keyPair(name))?.accessKey;
  }

  /** The stored secret of a key connection, so that an edit may keep it; never shown. */
  async storedSecret(name: string): Promise<string | undefined> {
    return (await this.keyPair(name))?.accessKeySecret;
  }

  /** A saved Gong connection by name (the sandbox has none). */
  setting(name: string): ConnectionSetting | undefined {
    return this.list().find((c) => c.name === name);
  }

  /** Gong connections from settings. */
  list(): ConnectionSetting[] {
    return listConnections();
  }

  get activeLabel(): string {
    return activeConnectionName();
  }

  /** Something the explorer shows changed (a sync wrote a mirror). */
  notifyChanged(): void {
    this.changed.fire();
  }

  async setActive(name: string): Promise<void> {
    await vscode.workspace.getConfiguration('gongsql').update('activeConnection', name, vscode.ConfigurationTarget.Global);
    this.changed.fire();
  }

  async active(): Promise<ActiveConnection> {
    const name = this.activeLabel;
    const mirror = findMirror(name);
    if (mirror) return this.mirrorConnection(mirror.name);
    const live = await this.live(name);
    const fallback = liveFromMirrorSetting();
    const nothing = { ...live, release: () => undefined };
    if (!fallback) return nothing;
    try {
      const lease = await this.mirrors.lease(fallback.mirror);
      return { ...live, answerFrom: { destination: lease.destination, maxAgeMinutes: fallback.maxAgeMinutes }, release: lease.release };
    } catch (error) {
      // The mirror is an optimisation: when it cannot be opened, Gong answers, and the log says why.
      this.log.warn(`Not answering from the mirror ${fallback.mirror.name}: ${(error as Error).message}`);
      return nothing;
    }
  }

  /** A live connection by name (the sandbox or a Gong connection): what a sync reads. */
  live(name: string): Promise<LiveConnection> {
    return name === SANDBOX ? this.sandboxConnection() : this.gongConnection(name);
  }

  private async mirrorConnection(name: string): Promise<ActiveConnection> {
    const setting = findMirror(name);
    if (!setting) throw new Error(`There is no mirror connection named ${name}.`);
    const { destination, release } = await this.mirrors.lease(setting);
    let cache = this.mirrorCaches.get(name);
    if (!cache) this.mirrorCaches.set(name, (cache = newCache()));
    return { kind: 'mirror', id: `mirror:${name}`, label: name, destination, cache, release };
  }

  /**
   * Saves a Gong connection: name and URL in user settings, the key and secret in
   * SecretStorage with the host they are for. Only the user's own connections are written
   * back (list() never holds a repository's).
   */
  async save(setting: ConnectionSetting, credentials?: { accessKey: string; accessKeySecret: string }): Promise<void> {
    if (credentials) {
      await this.context.secrets.store(SECRET_PREFIX + setting.name, JSON.stringify(credentials));
      await secretHosts.store(this.context.secrets, setting.name, hostsOf(setting));
    }
    const others = this.list().filter((c) => c.name !== setting.name);
    await vscode.workspace.getConfiguration('gongsql').update('connections', [...others, setting], vscode.ConfigurationTarget.Global);
    await this.forget(setting.name);
    this.changed.fire();
  }

  async remove(name: string): Promise<void> {
    const wasActive = this.activeLabel === name;
    if (findMirror(name)) {
      await this.mirrors.remove(name);
      this.mirrorCaches.delete(name);
      if (wasActive) await this.setActive(SANDBOX);
      this.changed.fire();
      return;
    }
    await this.context.secrets.delete(SECRET_PREFIX + name);
    // Signing out forgets the tokens and the app secret kept here; Gong's grant stays until revoked there.
    await new SecretTokenStore(this.context.secrets, name).clear();
    await appSecret.delete(this.context.secrets, name);
    await secretHosts.delete(this.context.secrets, name);
    await vscode.workspace.getConfiguration('gongsql').update('connections', this.list().filter((c) => c.name !== name), vscode.ConfigurationTarget.Global);
    await this.forget(name);
    if (wasActive) await this.setActive(SANDBOX);
    this.changed.fire();
  }

  /** Throws away the sandbox's data: the next query starts a fresh one. */
  async resetSandbox(): Promise<void> {
    const current = this.sandbox;
    this.sandbox = undefined;
    if (current) await closeSandbox(await current);
    this.changed.fire();
  }

  /** API calls used today on the active connection, once it has been used. */
  usage(): { used: number; limit: number } | undefined {
    const used = usageToday(this.context.globalState, this.activeLabel);
    return used === undefined ? undefined : { used, limit: 10_000 };
  }

  /** A client for a connection that may not be saved yet (Test Connection). */
  client(baseUrl: string, credentials: Credentials, id: string): GongClient {
    return new GongClient({ baseUrl, credentials, connectionId: id, usageStore: this.usageStore(), onEvent: (e) => {
      if (e.type === 'request') this.log.trace(`${e.endpoint} → ${e.status} in ${e.durationMs} ms`);
      else if (e.long) this.log.info(`Waiting ${Math.ceil(e.ms / 1000)} s before retrying ${e.endpoint} (${e.reason})`);
      this.changed.fire();
    } });
  }

  private sandboxConnection(): Promise<LiveConnection> {
    this.sandbox ??= (async () => {
      const sandbox = await startSandbox();
      this.log.info(`Sandbox started at ${sandbox.url} (seed 42, 2,000 calls, 3 requests/s)`);
      const client = this.client(sandbox.url, { kind: 'basic', accessKey: sandbox.credentials.accessKey, accessKeySecret: sandbox.credentials.accessKeySecret }, SANDBOX);
      return { sandbox, connection: { kind: 'live' as const, id: SANDBOX, label: SANDBOX, client, cache: newCache() } };
    })();
    return this.sandbox.then((s) => s.connection);
  }

  private async gongConnection(name: string): Promise<LiveConnection> {
    const setting = this.setting(name);
    const hosts = setting ? `${setting.kind ?? 'key'} ${setting.baseUrl} ${setting.authUrl ?? ''}` : '';
    const existing = this.gong.get(name);
    if (existing?.hosts === hosts) return existing.connection;
    // Its hosts changed in settings (by hand, a settings sync): a new client, past the host check.
    if (existing) await this.forget(name);
    const connection = { kind: 'live' as const, id: name, label: name, client: await this.gongClient(name, setting), cache: newCache() };
    this.gong.set(name, { connection, hosts });
    return connection;
  }

  private async gongClient(name: string, setting: ConnectionSetting | undefined): Promise<GongClient> {
    if (setting?.kind === 'oauth') {
      const app = await oauthApp(this.context.secrets, setting);
      await this.checkHosts(setting, 'app secret and tokens');
      return this.client(setting.baseUrl, { kind: 'oauth', session: new OAuthSession(app, new SecretTokenStore(this.context.secrets, name)) }, name);
    }
    const stored = await this.keyPair(name);
    if (!setting || !stored) throw new Error(`Connection ${name} has no stored access key; use "Gong: Edit Connection" to enter it again.`);
    await this.checkHosts(setting, 'access key');
    return this.client(setting.baseUrl, { kind: 'basic', ...stored }, name);
  }

  /**
   * Sends nothing to a host the connection's secrets were not saved for: the user is asked,
   * naming both hosts, and agreeing binds the secrets to the new host; otherwise an AUTH
   * error (which offers to enter the secret again) and no request.
   */
  private async checkHosts(setting: ConnectionSetting, secret: string): Promise<void> {
    const problem = baseUrlProblem(setting.baseUrl) ?? (setting.authUrl === undefined ? undefined : baseUrlProblem(setting.authUrl, 'The sign-in address'));
    if (problem) throw new GongError('VALIDATION', `Connection ${setting.name}: ${problem}. Nothing was sent.`);
    const now = hostsOf(setting);
    const saved = await secretHosts.get(this.context.secrets, setting.name);
    const changes = hostChanges(saved, now);
    if (changes.length > 0 && !(await confirmNewHosts(setting.name, secret, changes))) {
      const fix = setting.kind === 'oauth' ? 'sign in with Gong again' : 'use "Gong: Edit Connection" to enter it';
      throw new GongError('AUTH', `Nothing was sent: the ${secret} of ${setting.name} ${describeChanges(changes)}. If you changed the connection yourself, ${fix} for the new host.`);
    }
    if (changes.length > 0 || !saved) await secretHosts.store(this.context.secrets, setting.name, now);
  }

  private async keyPair(name: string): Promise<{ accessKey: string; accessKeySecret: string } | undefined> {
    const stored = await this.context.secrets.get(SECRET_PREFIX + name);
    return stored ? (JSON.parse(stored) as { accessKey: string; accessKeySecret: string }) : undefined;
  }

  private async forget(name: string): Promise<void> {
    const existing = this.gong.get(name);
    this.gong.delete(name);
    await existing?.connection.client.close();
  }

  /** The daily counter, kept in the extension's global state per UTC day. */
  private usageStore(): UsageStore {
    const state = this.context.globalState;
    return {
      get: (id, day) => state.get<Record<string, number>>(usageKey(day), {})[id] ?? 0,
      add: (id, day, count) => {
        const key = usageKey(day);
        const counts = state.get<Record<string, number>>(key, {});
        void state.update(key, { ...counts, [id]: (counts[id] ?? 0) + count });
      },
    };
  }

  async dispose(): Promise<void> {
    this.changed.dispose();
    for (const c of this.gong.values()) await c.connection.client.close();
    if (this.sandbox) await closeSandbox(await this.sandbox);
    await this.mirrors.dispose();
  }
}

/** "was saved for https://api.gong.io, but the connection's API host is now http://…". */
function describeChanges(changes: readonly HostChange[]): string {
  return changes.map((c) => `${c.saved ? `was saved for ${c.saved}` : 'was saved before gongsql recorded its host'}, but the connection's ${c.what} is now ${c.now}`).join('; and ');
}

async function confirmNewHosts(name: string, secret: string, changes: readonly HostChange[]): Promise<boolean> {
  const send = `Send to ${changes.map((c) => new URL(c.now).host).join(' and ')}`;
  const answer = await vscode.window.showWarningMessage(`Send the ${secret} of ${name} to a new host?`, {
    modal: true,
    detail: `The ${secret} of ${name} ${describeChanges(changes)}. Nothing has been sent. Agree only if you changed this connection yourself.`,
  }, send);
  return answer === send;
}

async function closeSandbox({ sandbox, connection }: { sandbox: Sandbox; connection: LiveConnection }): Promise<void> {
  await connection.client.close();
  await sandbox.close();
}

/** A connection's cache, its lifetime read from the settings each time it stores rows. */
function newCache(): QueryCache {
  return new QueryCache({ ttlMs: () => vscode.workspace.getConfiguration('gongsql').get<number>('cacheMinutes', 5) * 60_000 });
}
