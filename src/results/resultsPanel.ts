import { createWriteStream } from 'node:fs';
import * as vscode from 'vscode';
import { csvLine, type CsvOptions } from '../engine/render/csv';
import { jsonKeys, jsonObject } from '../engine/render/json';
import type { ExportColumn } from '../engine/render/exportKinds';
import { loadFileExport } from '../engine/render/loadFileExport';
import type { ResultColumn, ResultLayout, StatementResult } from '../engine/run/result';
import type { SqlValue } from '../values';
import type { ErrorLocation } from '../engine/ide/errorLocation';
import type { KeptResult } from '../history/entry';
import { revealLocation } from '../extension/revealLocation';
import { userSetting } from '../extension/userSettings';
import { saveChart } from './chartFile';
import { resultsHtml } from './html';
import { resultTitle, statementLabel, StatementLog, type Stop } from './messages';
import type { ExportFormat, HostToWebview, ResultInfo, SavedResults, StatementMessages, WebviewToHost } from './protocol';
import { toTsv, viewIndex, type FilterSpec, type SortSpec } from './rowView';

/** A result set as the host keeps it: the rows once, and the current view over them. */
interface HeldResult {
  info: ResultInfo;
  rows: SqlValue[][];
  view: Uint32Array | undefined;
  sort?: SortSpec;
  filter: FilterSpec;
  done: boolean;
  /** The catalog's type of each column that is an object's column (known at the end): Excel and Parquet write booleans and dates typed. */
  declared?: readonly ExportColumn['declared'][];
}

/** One run's results in a panel: fed by the engine's events, read by the webview in windows. */
export class ResultsRun {
  private readonly results = new Map<number, HeldResult>();
  private countTimer: NodeJS.Timeout | undefined;
  private readonly statements = new StatementLog();
  private lastMessages: readonly StatementMessages[] | undefined;
  /** Each started statement's text: a result's tab is named after it. */
  private readonly texts = new Map<number, string>();
  private readonly titles = new Set<string>();

  constructor(readonly id: number, private readonly post: (m: HostToWebview) => void) {}

  /** A statement produced columns: its result set starts (rows stream in after). */
  columns(statement: number, columns: readonly ResultColumn[], layout?: ResultLayout): void {
    if (this.results.has(statement)) return;
    const text = this.texts.get(statement);
    const info: ResultInfo = { id: statement, title: this.uniqueTitle(text ? resultTitle(text) : `Result ${this.results.size + 1}`), ...(text ? { statement: statementLabel(text) } : {}), columns: columns.map((c) => ({ name: c.name, type: c.type })), ...(layout ? { layout } : {}) };
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
      this.columns(result.index, result.columns, result.layout);
      this.rows(result.index, result.rows);
    }
    const held = this.results.get(result.index);
    if (held) {
      held.done = true;
      // Column types are known once every row has been seen.
      held.info = { ...held.info, columns: result.columns.map((c) => ({ name: c.name, type: c.type })) };
      held.declared = result.columns.map((c) => c.declared);
    }
    this.statements.ended(result.index, result.messages);
    this.flushCounts();
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
  async export(result: number, format: ExportFormat, file: string, csv: CsvOptions = {}): Promise<number> {
    const held = this.results.get(result);
    if (!held) return 0;
    const names = held.info.columns.map((c) => c.name);
    if (format === 'xlsx' || format === 'parquet') {
      const columns = held.info.columns.map(({ name, type }, i) => ({ name, type, declared: held.declared?.[i] }));
      return loadFileExport().writeFileExport(format, file, { columns, rows: held.rows }, held.info.title);
    }
    const keys = jsonKeys(names);
    const out = createWriteStream(file, { encoding: 'utf8' });
    const write = (text: string) => (out.write(text) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
    if (format === 'csv') {
      await write(csvLine(names, csv));
      for (const row of held.rows) await write(csvLine(row, csv));
    } else {
      await write('[');
      for (const [i, row] of held.rows.entries()) await write(`${i ? ',' : ''}\n  ${JSON.stringify(jsonObject(keys, row))}`);
      await write('\n]\n');
    }
    await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
    return held.rows.length;
  }

  /** A statement of the run started (`at`, for a result kept from an earlier run): its messages will say which one, and when. */
  started(statement: number, text: string, at?: number): void {
    this.texts.set(statement, text);
    this.statements.started(statement, text, at);
  }

  /** The run finished: its messages go out. */
  finish(): void {
    this.sendMessages(this.statements.messages());
  }

  /**
   * A statement stopped the run (an error or Cancel): every count becomes final (no result
   * stays "so far…"), and Messages keeps what the earlier statements said.
   */
  stop(statement: number, reason: { error: string; location?: ErrorLocation } | { notRun: string } | 'cancelled', ms: number): void {
    const stop: Stop = reason === 'cancelled' ? { cancelled: true, ms, rows: this.results.get(statement)?.rows.length ?? 0 } : reason;
    for (const held of this.results.values()) held.done = true;
    this.flushCounts();
    this.sendMessages(this.statements.messages({ index: statement, stop }));
  }

  private sendMessages(messages: readonly StatementMessages[]): void {
    this.lastMessages = messages;
    this.post({ type: 'messages', run: this.id, messages });
  }

  /** Tabs of one run have different names: a second "Calls" is "Calls (2)". */
  private uniqueTitle(title: string): string {
    let unique = title;
    for (let n = 2; this.titles.has(unique); n++) unique = `${title} (${n})`;
    this.titles.add(unique);
    return unique;
  }

  /**
   * Sends the run again to a webview that reloaded: its page lost the run, the host still
   * holds the rows. The new page's grids start unsorted and unfiltered, so the views do too.
   */
  replay(): void {
    this.post({ type: 'begin', run: this.id });
    for (const held of this.results.values()) {
      Object.assign(held, { view: undefined, sort: undefined, filter: {} });
      this.post({ type: 'result', run: this.id, result: held.info });
    }
    this.sendCounts();
    if (this.lastMessages) this.post({ type: 'messages', run: this.id, messages: this.lastMessages });
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

  private flushCounts(): void {
    clearTimeout(this.countTimer);
    this.countTimer = undefined;
    this.sendCounts();
  }

  private sendCounts(): void {
    for (const [id, held] of this.results) {
      this.post({ type: 'count', run: this.id, result: id, count: held.view ? held.view.length : held.rows.length, done: held.done });
    }
  }
}

export const RESULTS_VIEW_TYPE = 'gongsql.results';

/** How the save dialog names each export format (its title and file filter). */
const EXPORT_KINDS: Record<ExportFormat, string> = { csv: 'CSV', json: 'JSON', xlsx: 'Excel', parquet: 'Parquet' };

/** The scheme of the key of a panel showing a result kept in the query history. */
export const KEPT_SCHEME = 'gongsql-history';

/** An editor's results panel: the webview, its first `ready`, and what it shows. */
interface PanelEntry {
  readonly panel: vscode.WebviewPanel;
  readonly ready: Promise<void>;
  run?: ResultsRun;
  /** The error the panel shows instead of a run's results. */
  error?: { message: string; location?: ErrorLocation };
  /** Set for a panel restored after a window reload, until it runs again. */
  restored?: SavedResults;
}

/**
 * One results panel per editor, reused across runs (not a new tab each time). Created at
 * activation (it holds no rows until a run) so that it can restore the panels of a reloaded
 * window: their rows went with the old extension host, so a restored panel says so, shows
 * the statement and offers to run it again (`rerun`).
 */
export class ResultsPanels implements vscode.Disposable, vscode.WebviewPanelSerializer<unknown> {
  private readonly panels = new Map<string, PanelEntry>();
  private runs = 0;

  constructor(private readonly extensionUri: vscode.Uri, private readonly rerun: (document: vscode.Uri, statement: string) => void) {}

  /** Shows the editor's panel and starts a new run in it. */
  async start(document: vscode.Uri, title: string, text: string): Promise<ResultsRun> {
    const entry = this.get(document, title);
    // Where it already is (the user may have moved it); Beside only places a new panel. Beside
    // of a focused panel (its own Run button) would open yet another group.
    entry.panel.reveal(entry.panel.viewColumn ?? vscode.ViewColumn.Beside, true);
    await entry.ready;
    const post = (m: HostToWebview) => void entry.panel.webview.postMessage(m);
    const run = new ResultsRun(++this.runs, post);
    Object.assign(entry, { run, error: undefined, restored: undefined });
    post({ type: 'begin', run: run.id });
    post({ type: 'running', text: text.length > 80 ? `${text.slice(0, 77)}…` : text });
    post({ type: 'remember', state: { document: document.toString(), title, statement: text } });
    return run;
  }

  /**
   * Shows a result the query history kept: its rows come from disk (0 API calls), each
   * statement's messages end with when they were read from Gong. A panel per kept result.
   */
  async showKept(title: string, text: string, kept: KeptResult, note: string): Promise<void> {
    const run = await this.start(vscode.Uri.from({ scheme: KEPT_SCHEME, path: `/${kept.id}` }), title, text);
    const at = Date.parse(kept.at);
    for (const s of kept.statements) {
      run.started(s.index, s.text, at);
      const stats = { apiCalls: 0, pages: 0, records: 0, rows: s.rows.length, cachedScans: 0, ms: 0 };
      run.end({ index: s.index, kind: s.kind, columns: s.columns.map((c) => ({ ...c })), rows: s.rows.map((r) => [...r]), messages: [...s.messages, note], stats, ...(s.layout ? { layout: s.layout } : {}) });
    }
    run.finish();
  }

  async error(document: vscode.Uri, title: string, message: string, location?: ErrorLocation): Promise<void> {
    const entry = this.get(document, title);
    entry.error = { message, location };
    await entry.ready;
    await entry.panel.webview.postMessage({ type: 'error', message, location } satisfies HostToWebview);
  }

  /** VS Code restores a results panel of the reloaded window (activation event onWebviewPanel). */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const saved = savedResults(state);
    // A panel that never ran, or saved by an older version, has nothing to say: close it. So
    // has a kept result's panel (it has no file to run again): Query History reopens it.
    if (!saved || this.panels.has(saved.document) || saved.document.startsWith(`${KEPT_SCHEME}:`)) return panel.dispose();
    // Not waiting for the page: VS Code shows it only once this returns.
    this.adopt(saved.document, panel).restored = saved;
  }

  private get(document: vscode.Uri, title: string): PanelEntry {
    const existing = this.panels.get(document.toString());
    if (existing) return existing;
    const panel = vscode.window.createWebviewPanel(RESULTS_VIEW_TYPE, `Results: ${title}`, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      retainContextWhenHidden: true,
      localResourceRoots: [this.webviewRoot()],
    });
    return this.adopt(document.toString(), panel);
  }

  /** Gives a panel, new or restored, the results page and keeps it as the document's panel. */
  private adopt(key: string, panel: vscode.WebviewPanel): PanelEntry {
    const webviewRoot = this.webviewRoot();
    panel.webview.options = { enableScripts: true, localResourceRoots: [webviewRoot] };
    const script = panel.webview.asWebviewUri(vscode.Uri.joinPath(webviewRoot, 'results.js'));
    panel.webview.html = resultsHtml(script.toString(), panel.webview.cspSource);
    let resolveReady: () => void = () => undefined;
    const ready = new Promise<void>((resolve) => { resolveReady = resolve; });
    const entry: PanelEntry = { panel, ready };
    panel.webview.onDidReceiveMessage((m: WebviewToHost) => {
      if (m.type !== 'ready') return void this.onMessage(entry, m, vscode.Uri.parse(key));
      resolveReady();
      this.reshow(entry);
    });
    panel.onDidDispose(() => this.panels.delete(key));
    this.panels.set(key, entry);
    return entry;
  }

  /** A page that (re)loaded shows what the panel holds: the run, its error, or what a reload left. */
  private reshow(entry: PanelEntry): void {
    const post = (m: HostToWebview) => void entry.panel.webview.postMessage(m);
    const saved = entry.restored;
    if (saved) {
      post({ type: 'remember', state: saved });
      post({ type: 'restored', statement: saved.statement });
      return;
    }
    entry.run?.replay();
    if (entry.error !== undefined) post({ type: 'error', ...entry.error });
  }

  private webviewRoot(): vscode.Uri {
    return vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview');
  }

  private async onMessage(entry: PanelEntry, m: Exclude<WebviewToHost, { type: 'ready' }>, document: vscode.Uri): Promise<void> {
    if (m.type === 'reveal') return revealLocation(document, m);
    if (m.type === 'saveChart') return saveChart(m.title, m.format, m.data);
    if (m.type === 'rerun') {
      if (entry.restored) this.rerun(vscode.Uri.parse(entry.restored.document), entry.restored.statement);
      return;
    }
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
        const kind = EXPORT_KINDS[m.format];
        const target = await vscode.window.showSaveDialog({
          title: `Export ${run.titleOf(m.result)} as ${kind}`,
          filters: { [kind]: [m.format] },
          defaultUri: vscode.workspace.workspaceFolders?.[0] ? vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, `result.${m.format}`) : undefined,
        });
        if (!target) return;
        try {
          const rows = await run.export(m.result, m.format, target.fsPath, { formulas: userSetting('export.neutraliseCsvFormulas', true) ? 'neutralise' : 'raw' });
          void vscode.window.showInformationMessage(`Exported ${rows.toLocaleString('en-US')} rows to ${target.fsPath}`);
        } catch (error) {
          // Excel's limits (rows, a cell's length) name what does not fit and what to export instead.
          void vscode.window.showErrorMessage(`Export ${kind}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    }
  }

  dispose(): void {
    for (const { panel } of this.panels.values()) panel.dispose();
    this.panels.clear();
  }
}

/** The webview state VS Code gives back after a reload, if it is one a run left. */
export function savedResults(state: unknown): SavedResults | undefined {
  if (typeof state !== 'object' || state === null) return undefined;
  const { document, title, statement } = state as Record<string, unknown>;
  return typeof document === 'string' && typeof title === 'string' && typeof statement === 'string' ? { document, title, statement } : undefined;
}
