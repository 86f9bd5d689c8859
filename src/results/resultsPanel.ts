import { createWriteStream } from 'node:fs';
import * as vscode from 'vscode';
import { csvLine } from '../engine/format/csv';
import type { ResultColumn, StatementResult } from '../engine/run/result';
import type { SqlValue } from '../gong/catalog/types';
import { resultsHtml } from './html';
import { StatementLog } from './messages';
import type { HostToWebview, ResultInfo, WebviewToHost } from './protocol';
import { toTsv, viewIndex, type FilterSpec, type SortSpec } from './rowView';

/** A result set as the host keeps it: the rows once, and the current view over them. */
interface HeldResult {
  info: ResultInfo;
  rows: SqlValue[][];
  view: Uint32Array | undefined;
  sort?: SortSpec;
  filter: FilterSpec;
  done: boolean;
}

/** One run's results in a panel: fed by the engine's events, read by the webview in windows. */
export class ResultsRun {
  private readonly results = new Map<number, HeldResult>();
  private countTimer: NodeJS.Timeout | undefined;
  private readonly statements = new StatementLog();

  constructor(readonly id: number, private readonly post: (m: HostToWebview) => void) {}

  /** A statement produced columns: its result set starts (rows stream in after). */
  columns(statement: number, columns: readonly ResultColumn[], title?: string): void {
    if (this.results.has(statement)) return;
    const info: ResultInfo = { id: statement, title: title ?? `Result ${this.results.size + 1}`, columns: columns.map((c) => ({ name: c.name, type: c.type })) };
    this.results.set(statement, { info, rows: [], view: undefined, filter: {}, done: false });
    this.post({ type: 'result', run: this.id, result: info });
  }

  rows(statement: number, rows: readonly SqlValue[][]): void {
    const held = this.results.get(statement);
    if (!held) return;
    held.rows.push(...rows);
    if (held.view) held.view = viewIndex(held.rows, held.sort, held.filter);
    this.scheduleCounts();
  }

  /** A statement finished: DML, CALL and EXPLAIN results arrive whole here. */
  end(result: StatementResult): void {
    if (!this.results.has(result.index) && result.columns.length > 0) {
      this.columns(result.index, result.columns, result.kind === 'select' ? undefined : `${result.kind.toUpperCase()} ${this.results.size + 1}`);
      this.rows(result.index, result.rows);
    }
    const held = this.results.get(result.index);
    if (held) {
      held.done = true;
      // Column types are known once every row has been seen.
      held.info = { ...held.info, columns: result.columns.map((c) => ({ name: c.name, type: c.type })) };
    }
    this.sendCounts();
  }

  window(result: number, request: number, start: number, count: number): void {
    const held = this.results.get(result);
    if (!held) return;
    const rows: SqlValue[][] = [];
    const length = held.view ? held.view.length : held.rows.length;
    for (let i = start; i < Math.min(length, start + count); i++) rows.push(held.rows[held.view ? (held.view[i] as number) : i] as SqlValue[]);
    this.post({ type: 'rows', run: this.id, result, request, start, rows });
  }

  setView(result: number, sort: SortSpec | undefined, filter: FilterSpec): void {
    const held = this.results.get(result);
    if (!held) return;
    held.sort = sort;
    held.filter = filter;
    const filtered = Boolean(filter.quick?.trim()) || Object.values(filter.columns ?? {}).some((v) => v.trim());
    held.view = sort || filtered ? viewIndex(held.rows, sort, filter) : undefined;
    this.sendCounts();
  }

  copyText(result: number, from: number, to: number, columns: readonly number[], withHeaders: boolean): string {
    const held = this.results.get(result);
    if (!held) return '';
    const rows: SqlValue[][] = [];
    for (let i = from; i <= to; i++) {
      const row = held.rows[held.view ? (held.view[i] as number) : i];
      if (row) rows.push(columns.map((c) => row[c] ?? null));
    }
    return toTsv(withHeaders ? columns.map((c) => held.info.columns[c]?.name ?? '') : undefined, rows);
  }

  /** Writes the whole result (not just what is visible), streamed, in its original order. */
  async export(result: number, format: 'csv' | 'json', file: string): Promise<number> {
    const held = this.results.get(result);
    if (!held) return 0;
    const names = held.info.columns.map((c) => c.name);
    const out = createWriteStream(file, { encoding: 'utf8' });
    const write = (text: string) => (out.write(text) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
    if (format === 'csv') {
      await write(csvLine(names));
      for (const row of held.rows) await write(csvLine(row));
    } else {
      await write('[');
      for (const [i, row] of held.rows.entries()) await write(`${i ? ',' : ''}\n  ${JSON.stringify(Object.fromEntries(names.map((n, j) => [n, row[j] ?? null])))}`);
      await write('\n]\n');
    }
    await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
    return held.rows.length;
  }

  /** A statement of the run started: its messages will say which one, and when. */
  started(statement: number, text: string): void {
    this.statements.started(statement, text);
  }

  messages(results: readonly Pick<StatementResult, 'index' | 'messages'>[]): void {
    this.post({ type: 'messages', run: this.id, messages: this.statements.messages(results) });
  }

  titleOf(result: number): string {
    return this.results.get(result)?.info.title ?? 'result';
  }

  /** While rows stream in, counts go out at most every 100 ms. */
  private scheduleCounts(): void {
    if (this.countTimer) return;
    this.countTimer = setTimeout(() => {
      this.countTimer = undefined;
      this.sendCounts();
    }, 100);
  }

  private sendCounts(): void {
    for (const [id, held] of this.results) {
      this.post({ type: 'count', run: this.id, result: id, count: held.view ? held.view.length : held.rows.length, done: held.done });
    }
  }
}

/** One results panel per editor, reused across runs (not a new tab each time). */
export class ResultsPanels implements vscode.Disposable {
  private readonly panels = new Map<string, { panel: vscode.WebviewPanel; ready: Promise<void>; run?: ResultsRun }>();
  private runs = 0;

  constructor(private readonly extensionUri: vscode.Uri) {}

  /** Shows the editor's panel and starts a new run in it. */
  async start(document: vscode.Uri, title: string, text: string): Promise<ResultsRun> {
    const entry = this.get(document, title);
    entry.panel.reveal(vscode.ViewColumn.Beside, true);
    await entry.ready;
    const post = (m: HostToWebview) => void entry.panel.webview.postMessage(m);
    const run = new ResultsRun(++this.runs, post);
    entry.run = run;
    post({ type: 'begin', run: run.id });
    post({ type: 'running', text: text.length > 80 ? `${text.slice(0, 77)}…` : text });
    return run;
  }

  async error(document: vscode.Uri, title: string, message: string): Promise<void> {
    const entry = this.get(document, title);
    await entry.ready;
    await entry.panel.webview.postMessage({ type: 'error', message } satisfies HostToWebview);
  }

  private get(document: vscode.Uri, title: string) {
    const key = document.toString();
    const existing = this.panels.get(key);
    if (existing) return existing;
    const webviewRoot = vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview');
    const panel = vscode.window.createWebviewPanel('gongsql.results', `Results: ${title}`, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      retainContextWhenHidden: true,
      localResourceRoots: [webviewRoot],
    });
    const script = panel.webview.asWebviewUri(vscode.Uri.joinPath(webviewRoot, 'results.js'));
    panel.webview.html = resultsHtml(script.toString(), panel.webview.cspSource);
    let resolveReady: () => void = () => undefined;
    const ready = new Promise<void>((resolve) => { resolveReady = resolve; });
    const entry: { panel: vscode.WebviewPanel; ready: Promise<void>; run?: ResultsRun } = { panel, ready };
    panel.webview.onDidReceiveMessage((m: WebviewToHost) => void this.onMessage(entry, m, resolveReady));
    panel.onDidDispose(() => this.panels.delete(key));
    this.panels.set(key, entry);
    return entry;
  }

  private async onMessage(entry: { run?: ResultsRun }, m: WebviewToHost, ready: () => void): Promise<void> {
    if (m.type === 'ready') return ready();
    const run = entry.run;
    if (!run || m.run !== run.id) return;
    switch (m.type) {
      case 'window':
        return run.window(m.result, m.request, m.start, m.count);
      case 'view':
        return run.setView(m.result, m.sort, m.filter);
      case 'copy':
        return vscode.env.clipboard.writeText(run.copyText(m.result, m.from, m.to, m.columns, m.withHeaders));
      case 'export': {
        const target = await vscode.window.showSaveDialog({
          title: `Export ${run.titleOf(m.result)} as ${m.format.toUpperCase()}`,
          filters: m.format === 'csv' ? { CSV: ['csv'] } : { JSON: ['json'] },
          defaultUri: vscode.workspace.workspaceFolders?.[0] ? vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, `result.${m.format}`) : undefined,
        });
        if (!target) return;
        const rows = await run.export(m.result, m.format, target.fsPath);
        void vscode.window.showInformationMessage(`Exported ${rows.toLocaleString('en-US')} rows to ${target.fsPath}`);
      }
    }
  }

  dispose(): void {
    for (const { panel } of this.panels.values()) panel.dispose();
    this.panels.clear();
  }
}
