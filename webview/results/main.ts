/**
 * Entry point of the results webview (browser bundle). The grid arrives with the results
 * issue; until then the panel renders rows as a plain, text-only table.
 */
interface ShowRows { type: 'showRows'; columns: string[]; rows: unknown[][] }

window.addEventListener('message', (event: MessageEvent<ShowRows>) => {
  if (event.data?.type !== 'showRows') return;
  const table = document.createElement('table');
  const head = table.createTHead().insertRow();
  for (const c of event.data.columns) head.insertCell().textContent = c;
  const body = table.createTBody();
  for (const row of event.data.rows) {
    const tr = body.insertRow();
    for (const v of row) tr.insertCell().textContent = v === null ? 'NULL' : String(v);
  }
  document.body.replaceChildren(table);
});
