/**
 * The results webview: one tab per result set (a virtualized grid each) plus Messages.
 * Every value is rendered with textContent, never as HTML.
 */
import type { HostToWebview, WebviewToHost } from '../../src/results/protocol';
import { Grid } from '../grid/grid';
import { ChartTab } from './chartTab';
import { HostSource } from './hostSource';
import { errorLine, messageGroups, type Reveal } from './messagesView';
import { restoredView } from './restored';

declare function acquireVsCodeApi(): { postMessage(message: WebviewToHost): void; setState(state: unknown): void };
const vscode = acquireVsCodeApi();
const send = (m: WebviewToHost) => vscode.postMessage(m);
const reveal: Reveal = (location) => send({ type: 'reveal', line: location.line, column: location.column });

const root = document.getElementById('root') as HTMLElement;
let run = 0;
let sources = new Map<number, HostSource>();
let tabs: HTMLElement;
let panes: HTMLElement;
let messages: HTMLElement;
let chart: ChartTab | undefined;

window.addEventListener('message', (event: MessageEvent<HostToWebview>) => {
  const m = event.data;
  switch (m.type) {
    case 'begin':
      run = m.run;
      sources = new Map();
      layout();
      root.classList.add('running');
      break;
    case 'running':
      status(`Running… ${m.text}`);
      break;
    case 'result': {
      if (m.run !== run) return;
      const source = new HostSource(m.result.columns, run, m.result.id, send);
      sources.set(m.result.id, source);
      const grid = new Grid(source, { exportAs: (format) => send({ type: 'export', run, result: m.result.id, format }), layout: m.result.layout });
      addTab(m.result.title, grid.element, sources.size === 1, m.result.statement, m.result.id);
      // An EXPLAIN (shown as records) is sentences, not data to draw.
      if (m.result.layout !== 'record') chartTab().add(m.result.id, m.result.title, source);
      break;
    }
    case 'count':
      if (m.run === run) sources.get(m.result)?.setCount(m.count, m.done);
      break;
    case 'rows':
      if (m.run === run) sources.get(m.result)?.receive(m.request, m.rows);
      break;
    case 'messages':
      if (m.run !== run) return;
      root.classList.remove('running');
      messages.replaceChildren(...messageGroups(m.messages, reveal));
      // A failed statement: its error is what to read first.
      if (sources.size === 0 || m.messages.some((g) => g.error !== undefined)) select(tabs.children.length - 1);
      break;
    case 'error':
      if (!messages) layout();
      root.classList.remove('running');
      messages.replaceChildren(...errorParagraphs(m));
      select(tabs.children.length - 1);
      break;
    // Restoring the panel after a window reload (see ResultsPanels.deserializeWebviewPanel).
    case 'remember':
      vscode.setState(m.state);
      break;
    case 'restored':
      root.replaceChildren(restoredView(m.statement, () => send({ type: 'rerun' })));
      break;
  }
});

/** The Chart tab, made with the run's first result set (before Messages). */
function chartTab(): ChartTab {
  if (chart) return chart;
  chart = new ChartTab((title, format, data) => send({ type: 'saveChart', title, format, data }));
  addTab('Chart', chart.element, false, 'A chart of the result', undefined, 'chart-tab-button');
  return chart;
}

/** Tabs: result sets first, then Chart, Messages last. */
function layout(): void {
  chart = undefined;
  tabs = document.createElement('div');
  tabs.className = 'tabs';
  tabs.setAttribute('role', 'tablist');
  panes = document.createElement('div');
  panes.className = 'panes';
  messages = document.createElement('div');
  messages.className = 'messages';
  // The run's progress: a bar under the tabs until its messages (or error) arrive.
  const progress = document.createElement('div');
  progress.className = 'run-progress';
  root.replaceChildren(tabs, progress, panes);
  addTab('Messages', messages, false);
}

function addTab(title: string, pane: HTMLElement, show: boolean, tooltip?: string, result?: number, className?: string): void {
  const tab = document.createElement('button');
  tab.textContent = title;
  if (tooltip) tab.title = tooltip;
  if (className) tab.classList.add(className);
  tab.setAttribute('role', 'tab');
  const wrapper = document.createElement('div');
  wrapper.className = 'pane';
  wrapper.setAttribute('role', 'tabpanel');
  wrapper.append(pane);
  // Result tabs go before Chart and Messages (Messages is the first tab made), whatever their names.
  const before = tabs.querySelector('.chart-tab-button') ?? tabs.querySelector('.messages-tab');
  if (before) {
    panes.insertBefore(wrapper, panes.children[[...tabs.children].indexOf(before)] ?? null);
    tabs.insertBefore(tab, before);
  } else {
    tab.classList.add('messages-tab');
    tabs.append(tab);
    panes.append(wrapper);
  }
  tab.addEventListener('click', () => {
    // The chart follows the result set chosen last.
    if (result !== undefined) chart?.choose(result);
    select([...tabs.children].indexOf(tab));
  });
  if (show || tabs.children.length === 1) select([...tabs.children].indexOf(tab));
}

function select(i: number): void {
  [...panes.children].forEach((p, j) => { (p as HTMLElement).hidden = i !== j; });
  [...tabs.children].forEach((t, j) => t.setAttribute('aria-selected', String(i === j)));
  chart?.setVisible(tabs.children[i]?.classList.contains('chart-tab-button') ?? false);
}

function status(text: string): void {
  if (!messages) layout();
  messages.replaceChildren(paragraph(text, 'status'));
}

function paragraph(text: string, className: string): HTMLElement {
  const p = document.createElement('p');
  p.className = className;
  p.textContent = text;
  return p;
}

/** The error; with a location, "Line 7, column 12" is a link to it and the statement follows. */
function errorParagraphs(m: Extract<HostToWebview, { type: 'error' }>): HTMLElement[] {
  const error = errorLine(m.message, m.location, reveal);
  return m.location?.statement ? [error, paragraph(m.location.statement, 'statement')] : [error];
}

send({ type: 'ready' });
