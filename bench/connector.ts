// npm run bench:connector — a 50-page Calls scan against a sandbox that enforces Gong's
// 3 requests/s. Budget (PRODUCT.md §4): wall time within 10% of 50/3 s, zero 429s.
import { emptyStats, findTable, GongClient, planRead, readRows } from '../src/gong';
import { startSandbox } from '../src/sandbox';

const PAGES = 50;

async function main(): Promise<void> {
  const sandbox = await startSandbox({ scale: 5400 });
  const visible = sandbox.store.visibleCalls;
  const from = new Date(visible[0]!.filterTimeMs).toISOString();
  const to = new Date(visible[PAGES * 100]!.filterTimeMs).toISOString();
  const client = new GongClient({
    baseUrl: sandbox.url,
    credentials: { kind: 'basic', accessKey: sandbox.credentials.accessKey, accessKeySecret: sandbox.credentials.accessKeySecret },
  });
  // Start from a full server bucket, as a fresh run would.
  await new Promise((r) => setTimeout(r, 1100));
  const plan = planRead(findTable('Calls')!, [{ column: 'Scheduled', op: '>=', value: from.replace('.000Z', 'Z') }, { column: 'Scheduled', op: '<', value: to.replace('.000Z', 'Z') }]);
  const stats = emptyStats();
  const started = performance.now();
  let firstRowMs = 0;
  for await (const rows of readRows(client, plan, {}, stats)) if (!firstRowMs && rows.length) firstRowMs = performance.now() - started;
  const seconds = (performance.now() - started) / 1000;
  const bound = stats.apiCalls / 3;
  const throttled = sandbox.log.entries().filter((e) => e.status === 429).length;
  const within = seconds <= bound * 1.1;
  console.log(`connector: ${stats.pages}-page Calls scan at 3 req/s   ${seconds.toFixed(2)} s   (bound ${stats.apiCalls}/3 = ${bound.toFixed(2)} s, budget ≤ ${(bound * 1.1).toFixed(2)} s)   ${within ? 'OK' : 'OVER BUDGET'}`);
  console.log(`           rows ${stats.rows}, API calls ${stats.apiCalls}, 429s received ${throttled} (budget 0)   ${throttled === 0 ? 'OK' : 'OVER BUDGET'}`);
  console.log(`           first page after ${firstRowMs.toFixed(0)} ms`);
  await client.close();
  await sandbox.close();
}

void main();
