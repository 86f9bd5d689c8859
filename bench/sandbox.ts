// npm run bench:sandbox — how fast the sandbox serves 100-record pages with the rate limit
// off (it must never be the bottleneck: budget ≥ 2,000 requests/s on this machine), and how
// long generating 100,000 calls takes. The server runs in its own process, as in real use.
import { fork } from 'node:child_process';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { generateWorld } from '../src/sandbox/data/generate';

const DURATION_MS = 5000;
const CONCURRENCY = 16;

async function main(): Promise<void> {
  const child = fork(join(__dirname, 'sandboxServer.ts'), [], { execArgv: ['--import', 'tsx'] });
  const info = await new Promise<{ url: string; key: string; secret: string }>((resolve) => child.once('message', resolve as never));
  const auth = `Basic ${Buffer.from(`${info.key}:${info.secret}`).toString('base64')}`;
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const get = (path: string) => new Promise<string>((resolve, reject) => {
    const req = request(`${info.url}${path}`, { agent, headers: { authorization: auth } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => (res.statusCode === 200 ? resolve(Buffer.concat(chunks).toString()) : reject(new Error(`HTTP ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end();
  });

  // Every page of the full call list, so the benchmark pages through cursors like a client.
  const base = '/v2/calls?fromDateTime=2000-01-01T00:00:00Z';
  const paths = [base];
  for (let cursor = JSON.parse(await get(base)).records.cursor; cursor; ) {
    const path = `${base}&cursor=${encodeURIComponent(cursor)}`;
    paths.push(path);
    cursor = JSON.parse(await get(path)).records.cursor;
  }

  let served = 0;
  let bytes = 0;
  const deadline = performance.now() + DURATION_MS;
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, async (_, worker) => {
    for (let i = worker; performance.now() < deadline; i += CONCURRENCY) {
      const body = await get(paths[i % paths.length] as string);
      bytes += body.length;
      served++;
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  child.disconnect();

  const t0 = performance.now();
  generateWorld({ scale: 100_000 });
  const generateMs = performance.now() - t0;

  const rps = served / seconds;
  console.log(`sandbox: 100-record pages served   ${rps.toFixed(0)} requests/s   (budget ≥ 2000/s)   ${rps >= 2000 ? 'OK' : 'OVER BUDGET'}`);
  console.log(`         mean page size            ${(bytes / served / 1024).toFixed(1)} KiB, ${CONCURRENCY} connections, ${seconds.toFixed(1)} s`);
  console.log(`sandbox: generate 100,000 calls    ${(generateMs / 1000).toFixed(2)} s`);
}

void main();
