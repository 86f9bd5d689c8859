import { existsSync, statSync } from 'node:fs';
import { GongClient } from '../gong/http/client';
import { baseUrlProblem } from '../gong/http/hosts';
import type { Destination } from '../mirror/destination';
import { isPostgresUrl, openDestination } from '../mirror/open';
import { redactUrl } from '../mirror/postgres';
import { startSandbox, type Sandbox } from '../sandbox';
import { UsageError } from './usage';

/** Gong (a client) or a mirror (a destination), as the engine's run options take them. */
export interface Connection {
  client?: GongClient;
  mirror?: Destination;
  connectionId: string;
  /** Its name in the query history: spelled as the editor names the same connection (`Sandbox`). */
  label: string;
  close(): Promise<void>;
}

/** A connection to Gong (the sandbox or a URL): it always has the client. */
export interface LiveConnection extends Connection {
  client: GongClient;
}

/**
 * A mirror to query (`--mirror FILE|URL`): no Gong credentials, no request. A file that is not
 * there is an error, never a new empty mirror; a mirror nothing was synced into says how to sync.
 */
/** How long a query waits for a mirror file another process holds (a sync, another query). */
export const MIRROR_WAIT_MS = 10_000;

export async function openMirrorConnection(location: string, onWait: (message: string) => void = () => undefined): Promise<Connection> {
  const postgres = isPostgresUrl(location);
  const label = postgres ? redactUrl(location) : location;
  if (!postgres && !existsSync(location)) throw new UsageError(`no mirror at ${location}: create it with gongsql sync --to ${location}`);
  if (!postgres && statSync(location).isDirectory()) throw new UsageError(`--mirror ${location} is a folder: give the mirror's file`);
  if (!postgres && statSync(location).size === 0) throw new UsageError(`${location} is an empty file, not a gongsql mirror: create one with gongsql sync --to ${location}`);
  const mirror = await openDestination(location, { ms: MIRROR_WAIT_MS, onWait });
  if ((await mirror.readState()).size === 0) {
    await mirror.close();
    throw new UsageError(`${label} holds no mirror yet (nothing was synced into it): run gongsql sync --to ${label}`);
  }
  return { mirror, connectionId: `mirror ${mirror.label}`, label: `mirror ${mirror.label}`, close: () => mirror.close() };
}

/**
 * Where the CLI's queries go: an in-process sandbox, or Gong (or any Gong-compatible URL)
 * with credentials from the environment only — never from arguments, which land in shell
 * history and process lists.
 */
export async function openConnection(options: { sandbox: boolean; seed?: string; baseUrl?: string }, env: NodeJS.ProcessEnv): Promise<LiveConnection> {
  if (options.sandbox) {
    const sandbox: Sandbox = await startSandbox({ seed: options.seed });
    const client = new GongClient({
      baseUrl: sandbox.url,
      connectionId: 'sandbox',
      credentials: { kind: 'basic', accessKey: sandbox.credentials.accessKey, accessKeySecret: sandbox.credentials.accessKeySecret },
    });
    return { client, connectionId: 'sandbox', label: 'Sandbox', close: async () => { await client.close(); await sandbox.close(); } };
  }
  const baseUrl = options.baseUrl ?? env.GONG_BASE_URL ?? 'https://api.gong.io';
  const problem = baseUrlProblem(baseUrl, '--base-url');
  if (problem) throw new UsageError(problem);
  const key = env.GONG_ACCESS_KEY;
  const secret = env.GONG_ACCESS_KEY_SECRET;
  const token = env.GONG_ACCESS_TOKEN;
  if (!token && !(key && secret)) {
    throw new UsageError('no connection: use --sandbox, or set GONG_ACCESS_KEY and GONG_ACCESS_KEY_SECRET (or GONG_ACCESS_TOKEN), and optionally GONG_BASE_URL');
  }
  const client = new GongClient({
    baseUrl,
    connectionId: baseUrl,
    credentials: token ? { kind: 'bearer', accessToken: token } : { kind: 'basic', accessKey: key as string, accessKeySecret: secret as string },
  });
  return { client, connectionId: baseUrl, label: baseUrl, close: () => client.close() };
}
