import * as vscode from 'vscode';
import { QueryCache } from '../engine/run/cache';
import { GongClient } from '../gong/http/client';
import { startSandbox, type Sandbox } from '../sandbox';

/** A connection the engine can run on: a client and its cache. */
export interface ActiveConnection {
  readonly id: string;
  readonly label: string;
  readonly client: GongClient;
  readonly cache: QueryCache;
}

/**
 * Connections known to the extension. The built-in sandbox needs no configuration and is
 * the default; it starts on first use (not on activation) and keeps its data for the session.
 */
export class Connections implements vscode.Disposable {
  private sandbox: Promise<{ sandbox: Sandbox; connection: ActiveConnection }> | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly log: vscode.LogOutputChannel) {}

  get activeLabel(): string {
    return 'Sandbox';
  }

  async active(): Promise<ActiveConnection> {
    this.sandbox ??= (async () => {
      const sandbox = await startSandbox();
      this.log.info(`Sandbox started at ${sandbox.url} (seed 42, 2,000 calls, 3 requests/s)`);
      const client = new GongClient({
        baseUrl: sandbox.url,
        connectionId: 'sandbox',
        credentials: { kind: 'basic', accessKey: sandbox.credentials.accessKey, accessKeySecret: sandbox.credentials.accessKeySecret },
        onEvent: (e) => {
          if (e.type === 'request') this.log.trace(`${e.endpoint} → ${e.status} in ${e.durationMs} ms`);
          else if (e.long) this.log.info(`Waiting ${Math.ceil(e.ms / 1000)} s before retrying ${e.endpoint} (${e.reason})`);
          this.changed.fire();
        },
      });
      return { sandbox, connection: { id: 'sandbox', label: 'Sandbox', client, cache: new QueryCache() } };
    })();
    return (await this.sandbox).connection;
  }

  /** API calls used today on the active connection, if it is started. */
  async usage(): Promise<{ used: number; limit: number } | undefined> {
    if (!this.sandbox) return undefined;
    const { client } = (await this.sandbox).connection;
    return { used: client.usedToday(), limit: client.dailyLimit };
  }

  async dispose(): Promise<void> {
    this.changed.dispose();
    if (this.sandbox) {
      const { sandbox, connection } = await this.sandbox;
      await connection.client.close();
      await sandbox.close();
    }
  }
}
