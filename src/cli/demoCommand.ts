import { startSandbox } from '../sandbox';
import { formatTable } from './table';

/**
 * `npm run demo`: starts a sandbox with Gong's rate limit on and shows what it serves and
 * what each step costs in API calls. (Once the engine lands it runs SQL queries instead.)
 */
export async function demoCommand(out: NodeJS.WritableStream): Promise<void> {
  const sandbox = await startSandbox();
  const { accessKey, accessKeySecret } = sandbox.credentials;
  const authorization = `Basic ${Buffer.from(`${accessKey}:${accessKeySecret}`).toString('base64')}`;
  const get = async (path: string) => {
    const response = await fetch(`${sandbox.url}${path}`, { headers: { authorization } });
    return (await response.json()) as Record<string, unknown>;
  };
  try {
    out.write(`Gong API sandbox at ${sandbox.url} (seed 42, 2,000 calls, 3 requests/s)\n\n`);
    const { workspaces } = (await get('/v2/workspaces')) as { workspaces: { id: string; name: string; description: string | null }[] };
    out.write(`GET /v2/workspaces\n${formatTable(['Id', 'Name', 'Description'], workspaces.map((w) => [w.id, w.name, w.description]))}\n\n`);

    const from = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 19) + 'Z';
    let cursor: string | undefined;
    let pages = 0;
    const calls: { id: string; title: string | null; started: string; direction: string; duration: number }[] = [];
    do {
      const page = await get(`/v2/calls?fromDateTime=${from}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      const records = page.records as { cursor?: string } | undefined;
      calls.push(...((page.calls as typeof calls | undefined) ?? []));
      cursor = records?.cursor;
      pages++;
    } while (cursor);
    out.write(`GET /v2/calls?fromDateTime=${from} — ${calls.length} calls in ${pages} page(s); the last 10:\n`);
    out.write(`${formatTable(['Id', 'Started', 'Direction', 'Duration', 'Title'], calls.slice(-10).map((c) => [c.id, c.started, c.direction, c.duration, c.title]))}\n\n`);

    const apiCalls = sandbox.log.entries();
    out.write(`API calls made: ${apiCalls.length} (${apiCalls.map((e) => `${e.method} ${e.path} → ${e.status}`).join(', ')})\n`);
  } finally {
    await sandbox.close();
  }
}
