// npm run bench:connector — a 50-page Calls scan against a sandbox that enforces Gong's
// 3 requests/s. Budget (PRODUCT.md §4): wall time within 10% of 50/3 s, zero 429s.
// Then `PrimaryUserId IN (…)` on Calls: pushed down as filter.primaryUserIds, it must cost
// the minimum, one request per 100 of the hosts' calls (not a scan of every call).
import { emptyStats, findTable, GongClient, planRead, readRows } from '../src/gong';
import { startSandbox, type Sandbox } from '../src/sandbox';

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
  await hostsCase(sandbox, client);
  await client.close();
  await sandbox.close();
}

void main();

/** `PrimaryUserId IN (three hosts)`: the API calls made against the minimum. */
async function hostsCase(sandbox: Sandbox, client: GongClient): Promise<void> {
  const visible = sandbox.store.visibleCalls;
  const hosts = [...new Set(visible.map((c) => c.meta.primaryUserId))].slice(0, 3);
  const hosted = visible.filter((c) => hosts.includes(c.meta.primaryUserId)).length;
  const minimum = Math.max(1, Math.ceil(hosted / 100));
  const plan = planRead(findTable('Calls')!, [{ column: 'PrimaryUserId', op: 'IN', value: hosts }]);
  const stats = emptyStats();
  const started = performance.now();
  for await (const rows of readRows(client, plan, {}, stats)) void rows;
  const seconds = (performance.now() - started) / 1000;
  const ok = stats.apiCalls === minimum && stats.rows === hosted;
  console.log(`connector: Calls WHERE PrimaryUserId IN (3 hosts)   ${seconds.toFixed(2)} s   rows ${stats.rows} of ${hosted}, API calls ${stats.apiCalls} (minimum ${minimum}, a full scan ${Math.ceil(visible.length / 100)})   ${ok ? 'OK' : 'OVER BUDGET'}`);
}
