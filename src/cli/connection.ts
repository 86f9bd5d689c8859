import { GongClient } from '../gong/http/client';
import { baseUrlProblem } from '../gong/http/hosts';
import { startSandbox, type Sandbox } from '../sandbox';
import { UsageError } from './usage';

export interface Connection {
  client: GongClient;
  connectionId: string;
  close(): Promise<void>;
}

/**
 * Where the CLI's queries go: an in-process sandbox, or Gong (or any Gong-compatible URL)
 * with credentials from the environment only — never from arguments, which land in shell
 * history and process lists.
 */
export async function openConnection(options: { sandbox: boolean; seed?: string; baseUrl?: string }, env: NodeJS.ProcessEnv): Promise<Connection> {
  if (options.sandbox) {
    const sandbox: Sandbox = await startSandbox({ seed: options.seed });
    const client = new GongClient({
      baseUrl: sandbox.url,
      connectionId: 'sandbox',
      credentials: { kind: 'basic', accessKey: sandbox.credentials.accessKey, accessKeySecret: sandbox.credentials.accessKeySecret },
    });
    return { client, connectionId: 'sandbox', close: async () => { await client.close(); await sandbox.close(); } };
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
  return { client, connectionId: baseUrl, close: () => client.close() };
}
