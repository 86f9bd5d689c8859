/**
 * The results webview (browser bundle): one tab per result set plus Messages, rendered as
 * plain, text-only tables. Every value goes through textContent, never HTML.
 */
import type { HostToWebview, ResultSetMessage, WebviewToHost } from '../../src/results/protocol';

declare function acquireVsCodeApi(): { postMessage(message: WebviewToHost): void };
const vscode = acquireVsCodeApi();

const root = document.getElementById('root') as HTMLElement;

window.addEventListener('message', (event: MessageEvent<HostToWebview>) => {
  const message = event.data;
  switch (message.type) {
    case 'running':
      root.replaceChildren(paragraph(`Running… ${message.text}`, 'status'));
      break;
    case 'error':
      root.replaceChildren(paragraph(message.message, 'error'));
      break;
    case 'results':
      showResults(message.results, message.messages);
      break;
  }
});

function showResults(results: readonly ResultSetMessage[], messages: readonly string[]): void {
  const tabs = document.createElement('div');
  tabs.className = 'tabs';
  tabs.setAttribute('role', 'tablist');
  const panes: HTMLElement[] = [];
  const select = (i: number) => {
    panes.forEach((p, j) => { p.hidden = i !== j; });
    [...tabs.children].forEach((t, j) => t.setAttribute('aria-selected', String(i === j)));
  };
  const add = (title: string, pane: HTMLElement) => {
    const i = panes.length;
    const tab = document.createElement('button');
    tab.textContent = title;
    tab.setAttribute('role', 'tab');
    tab.addEventListener('click', () => select(i));
    tabs.append(tab);
    panes.push(pane);
  };
  results.forEach((r, i) => add(r.title || `Result ${i + 1}`, table(r)));
  const log = document.createElement('div');
  log.className = 'messages';
  for (const m of messages) log.append(paragraph(m, 'message'));
  add('Messages', log);
  root.replaceChildren(tabs, ...panes);
  select(0);
}

function table(result: ResultSetMessage): HTMLElement {
  const wrap = document.createElement('div');
  wrap.className = 'result';
  const t = document.createElement('table');
  t.setAttribute('role', 'grid');
  const head = t.createTHead().insertRow();
  for (const c of result.columns) {
    const th = document.createElement('th');
    th.textContent = c.name;
    th.title = c.type;
    head.append(th);
  }
  const body = t.createTBody();
  for (const row of result.rows) {
    const tr = body.insertRow();
    row.forEach((value, i) => {
      const td = tr.insertCell();
      if (value === null) {
        td.textContent = 'NULL';
        td.className = 'null';
      } else {
        td.textContent = String(value);
        if (typeof value === 'number' || result.columns[i]?.type === 'integer' || result.columns[i]?.type === 'real') td.className = 'number';
      }
    });
  }
  wrap.append(t);
  if (result.omitted > 0) wrap.append(paragraph(`${result.omitted} more rows not shown`, 'status'));
  return wrap;
}

function paragraph(text: string, className: string): HTMLElement {
  const p = document.createElement('p');
  p.className = className;
  p.textContent = text;
  return p;
}

vscode.postMessage({ type: 'ready' });
