import { statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import * as vscode from 'vscode';
import type { Destination } from '../../mirror/destination';
import { runSync, SyncNotConfirmed } from '../../mirror/job';
import { isPostgresUrl } from '../../mirror/open';
import { normalizeSince } from '../../mirror/reads';
import { mirrorTables } from '../../mirror/schema';
import type { SyncEstimate, SyncSummary } from '../../mirror/sync';
import type { Connections, LiveConnection } from '../connections';
import type { Lease } from '../mirrors';
import { listConnections, SANDBOX } from '../connectionSettings';
import { findMirror, listMirrors, type MirrorSetting } from '../mirrorSettings';
import { estimateText, matchesQuery, mirrorName, progressText, summaryText } from '../mirrorText';
import type { MirrorCommand } from './mirrorCommandIds';

/** Recent SQLite destinations (paths only), so that a stopped sync is resumed without a save dialog. */
const RECENT_FILES = 'gongsql.mirror.recentFiles';

/** Sync to Local Mirror, Add Mirror Connection, Search Transcripts. */
export function mirrorCommandHandlers(connections: Connections, state: vscode.Memento, openQuery: (sql: string) => Promise<void>): Record<MirrorCommand, () => Promise<void>> {
  return {
    'gongsql.syncToMirror': () => syncToMirror(connections, state),
    'gongsql.addMirrorConnection': async () => {
      const target = await pickLocation(state, 'Add Mirror Connection');
      if (target?.mirror) await connections.setActive(target.mirror.name);
      else if (target) await addMirrorConnection(connections, target.location);
    },
    'gongsql.searchTranscripts': () => searchTranscripts(connections, openQuery),
  };
}

// ---- Sync to Local Mirror -------------------------------------------------------------

async function syncToMirror(connections: Connections, state: vscode.Memento): Promise<void> {
  const live = await pickLiveConnection(connections);
  if (!live) return;
  const objects = await pickObjects();
  if (!objects) return;
  const since = await askSince();
  if (since === undefined) return;
  const target = await pickLocation(state, 'Sync to Local Mirror');
  if (!target) return;
  let connection: LiveConnection;
  let lease: Lease;
  try {
    connection = await connections.live(live);
    lease = await (target.mirror ? connections.mirrors.lease(target.mirror) : connections.mirrors.leaseAt(target.location));
  } catch (error) {
    void vscode.window.showErrorMessage(`Sync to Local Mirror: ${(error as Error).message}`);
    return;
  }
  if (!isPostgresUrl(target.location)) await rememberFile(state, target.location);
  const { label } = lease.destination;
  let ran: Ran | undefined;
  try {
    ran = await runWithProgress(connection, lease.destination, objects, since || undefined);
  } finally {
    // Not held while the summary waits for an answer: the file is free for other programs.
    lease.release();
  }
  connections.notifyChanged();
  if (ran) await offerQuery(connections, ran, label, target);
}

/** The active connection when it is live (a sync reads Gong), else the user picks one. */
async function pickLiveConnection(connections: Connections): Promise<string | undefined> {
  const active = connections.activeLabel;
  if (!findMirror(active)) return active;
  return vscode.window.showQuickPick([SANDBOX, ...listConnections().map((c) => c.name)], { title: 'Sync to Local Mirror: read which Gong connection?' });
}

/** Every mirrored object, all picked: the user unticks what they do not want. */
async function pickObjects(): Promise<string[] | undefined> {
  const items = mirrorTables().map((t) => ({ label: t.name, description: policyText(t.policy), picked: true }));
  const picked = await vscode.window.showQuickPick(items, { title: 'Sync to Local Mirror: objects', canPickMany: true, placeHolder: 'Objects to mirror (per-call content follows the calls synced)', ignoreFocusOut: true });
  if (!picked || picked.length === 0) return undefined;
  return picked.length === items.length ? [] : picked.map((p) => p.label);
}

/**
 * `--since` of the CLI: where a first run of dated objects starts; empty (the default, as in
 * the CLI) reads everything. Undefined when the user backed out.
 */
async function askSince(): Promise<string | undefined> {
  const since = await vscode.window.showInputBox({
    title: 'Sync to Local Mirror: since',
    placeHolder: 'Empty: everything (as gongsql sync without --since)',
    prompt: 'A date (2026-01-31): a first sync of calls and other dated objects starts there, and transcripts follow only those calls. Later runs go on from where the last one ended.',
    ignoreFocusOut: true,
    validateInput: (v) => sinceProblem(v.trim()),
  });
  return since?.trim();
}

function sinceProblem(since: string): string | undefined {
  if (!since) return undefined;
  try {
    normalizeSince(since);
    return undefined;
  } catch {
    return `A date such as 2026-01-31 (or an ISO-8601 date-time), not ${since}`;
  }
}

function policyText(policy: ReturnType<typeof mirrorTables>[number]['policy']): string {
  switch (policy.kind) {
    case 'window': return `incremental on ${policy.cursor}, with a look-back`;
    case 'createdSince': return `new records since the last run (${policy.cursor})`;
    case 'fullRefresh': return 'read whole each run';
    case 'perCall': return 'per call, follows the calls synced';
  }
}

/** A destination: a saved mirror connection, or a location (a URL may carry its password, kept in memory only). */
interface Target {
  readonly location: string;
  readonly mirror?: MirrorSetting;
}

/**
 * Where the mirror goes: a mirror connection, a recent file, a new SQLite file (a save
 * dialog, `gong.sqlite` in the workspace by default) or a PostgreSQL URL.
 */
async function pickLocation(state: vscode.Memento, title: string): Promise<Target | undefined> {
  type Item = vscode.QuickPickItem & { target?: Target; action?: 'file' | 'postgres' };
  const mirrors = listMirrors();
  const recent = state.get<string[]>(RECENT_FILES, []).filter((file) => !mirrors.some((m) => m.location === file));
  const items: Item[] = [
    ...mirrors.map((mirror): Item => ({ label: `$(database) ${mirror.name}`, description: mirror.location, detail: 'mirror connection', target: { location: mirror.location, mirror } })),
    ...recent.map((file): Item => ({ label: `$(history) ${basename(file)}`, description: file, target: { location: file } })),
    { label: '$(new-file) SQLite file…', description: 'an embedded database file, gong.sqlite by default', action: 'file' },
    { label: '$(server) PostgreSQL…', description: 'postgres://user:password@host/database', action: 'postgres' },
  ];
  const pick = await vscode.window.showQuickPick(items, { title: `${title}: destination`, ignoreFocusOut: true });
  if (!pick) return undefined;
  if (pick.target) return pick.target;
  const location = pick.action === 'postgres' ? await askPostgresUrl(title) : await askFile(title);
  return location === undefined ? undefined : { location };
}

/**
 * The SQLite file: a path typed (Enter takes it; `gong.sqlite` in the workspace offered), or
 * chosen in the save dialog behind the Browse button. A relative path is in the workspace.
 */
async function askFile(title: string): Promise<string | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const box = vscode.window.createInputBox();
  box.title = `${title}: SQLite file`;
  box.prompt = 'A new or existing file; Enter uses it. Browse (the folder button) picks it in a dialog.';
  box.ignoreFocusOut = true;
  box.value = folder ? vscode.Uri.joinPath(folder, 'gong.sqlite').fsPath : 'gong.sqlite';
  const browse: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('folder-opened'), tooltip: 'Browse…' };
  box.buttons = [browse];
  const resolve = (value: string) => (isAbsolute(value) || !folder ? value : join(folder.fsPath, value));
  try {
    return await new Promise<string | undefined>((done) => {
      box.onDidChangeValue((value) => {
        box.validationMessage = fileProblem(resolve(value.trim()));
      });
      box.onDidAccept(() => {
        const file = resolve(box.value.trim());
        box.validationMessage = fileProblem(file);
        if (!box.validationMessage) done(file);
      });
      box.onDidTriggerButton(async () => {
        const uri = await vscode.window.showSaveDialog({
          title: `${title}: SQLite file`,
          defaultUri: vscode.Uri.file(resolve(box.value.trim() || 'gong.sqlite')),
          filters: { 'SQLite database': ['sqlite', 'db', 'sqlite3'] },
          saveLabel: 'Use this file',
        });
        done(uri?.fsPath);
      });
      box.onDidHide(() => done(undefined));
      box.show();
    });
  } finally {
    box.dispose();
  }
}

/** Why `file` cannot be a mirror file (its folder missing, or it is a folder), if so. */
function fileProblem(file: string): string | undefined {
  if (!file) return 'A file name is required';
  const stat = (path: string) => statSync(path, { throwIfNoEntry: false });
  if (stat(file)?.isDirectory()) return `${file} is a folder: name a file in it`;
  if (!stat(dirname(file))?.isDirectory()) return `There is no folder ${dirname(file)}`;
  return undefined;
}

async function askPostgresUrl(title: string): Promise<string | undefined> {
  const url = await vscode.window.showInputBox({
    title: `${title}: PostgreSQL URL`,
    placeHolder: 'postgres://user:password@host:5432/database',
    prompt: 'The password, if any, is kept in VS Code\'s secret storage, never in settings.',
    ignoreFocusOut: true,
    validateInput: (v) => (isPostgresUrl(v.trim()) && URL.canParse(v.trim()) ? undefined : 'A postgres:// or postgresql:// URL'),
  });
  return url?.trim() || undefined;
}

async function rememberFile(state: vscode.Memento, file: string): Promise<void> {
  const recent = [file, ...state.get<string[]>(RECENT_FILES, []).filter((f) => f !== file)].slice(0, 5);
  await state.update(RECENT_FILES, recent);
}

/** The job with a cancellable progress notification; undefined when it could not run at all. */
async function runWithProgress(connection: LiveConnection, destination: Destination, objects: string[], since: string | undefined): Promise<Ran | undefined> {
  const threshold = vscode.workspace.getConfiguration('gongsql').get<number>('mirror.confirmAboveApiCalls', 500);
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Syncing ${connection.label} into ${mirrorName(destination.label)}`, cancellable: true }, async (progress, token) => {
    const controller = new AbortController();
    token.onCancellationRequested(() => controller.abort());
    let total = objects.length || mirrorTables().length;
    let done = 0;
    const resumed: string[] = [];
    const report = (object: string, rows: number, apiCalls: number) => progressText(object, done, total, rows, apiCalls, resumed.includes(object));
    try {
      const summary = await runSync({
        client: connection.client,
        destination,
        objects,
        since,
        signal: controller.signal,
        confirmAbove: threshold,
        confirm: (estimate) => confirmEstimate(estimate, threshold),
        onEvent: (event) => {
          if (event.type === 'estimate') {
            total = event.estimate.objects.length;
            progress.report({ message: `Estimate: ${estimateText(event.estimate)}` });
          } else if (event.type === 'objectStart') {
            if (event.resumed) resumed.push(event.object);
            progress.report({ message: report(event.object, 0, 0) });
          } else if (event.type === 'progress') progress.report({ message: report(event.object, event.rows, event.totalApiCalls) });
          else if (event.type === 'objectEnd') {
            progress.report({ increment: 100 / Math.max(1, total), message: report(event.object, event.result.rows, event.result.apiCalls) });
            done++;
          } else if (event.type === 'waiting') progress.report({ message: `Gong asked to wait ${event.seconds} s (rate limit); the sync goes on after it.` });
        },
      });
      return { summary, resumed };
    } catch (error) {
      // Declining the estimate is an answer, not an error.
      if (error instanceof SyncNotConfirmed) void vscode.window.showInformationMessage(`Sync to Local Mirror: ${error.message}`);
      else void vscode.window.showErrorMessage(`Sync to Local Mirror: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  });
}

/** A run's end and the objects it took up where a stopped run left them. */
interface Ran {
  readonly summary: SyncSummary;
  readonly resumed: readonly string[];
}

/** Asked above the threshold: the estimate against what is left of today's quota. */
async function confirmEstimate(estimate: SyncEstimate, threshold: number): Promise<boolean> {
  const answer = await vscode.window.showWarningMessage(`This sync needs ${estimateText(estimate)}. Start it?`, {
    modal: true,
    detail: `More than ${threshold} API calls (the gongsql.mirror.confirmAboveApiCalls setting). A stopped sync resumes where it stopped on the next run.`,
  }, 'Sync');
  return answer === 'Sync';
}

/** The summary, with "Query the mirror" (which adds a mirror connection for it when there is none). */
async function offerQuery(connections: Connections, { summary, resumed }: Ran, label: string, target: Target): Promise<void> {
  const saved = target.mirror ?? connections.mirrors.savedFor(target.location);
  // A toast hides after a while: where to find the offer again, when it is still needed.
  const later = saved ? '' : ' Later: Add Mirror Connection… (the Gong explorer\'s … menu, or a connection\'s right-click menu).';
  const text = summaryText(summary, mirrorName(label), resumed) + later;
  const query = 'Query the Mirror';
  const failed = summary.stopped || summary.objects.some((o) => o.status === 'failed');
  const show = failed ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  if ((await show(text, query)) !== query) return;
  if (saved) await connections.setActive(saved.name);
  else await addMirrorConnection(connections, target.location);
}

// ---- Mirror connections ---------------------------------------------------------------

/** Names and saves a mirror connection for `location`, opens it to check it, and makes it active. */
async function addMirrorConnection(connections: Connections, location: string): Promise<void> {
  const suggested = isPostgresUrl(location) ? `Mirror ${new URL(location).hostname}` : `Mirror ${basename(location).replace(/\.[^.]+$/, '')}`;
  const taken = new Set([SANDBOX, ...listConnections().map((c) => c.name), ...listMirrors().map((m) => m.name)]);
  const name = await vscode.window.showInputBox({
    title: 'Mirror connection: name', value: suggested, ignoreFocusOut: true,
    validateInput: (v) => (!v.trim() ? 'A name is required' : taken.has(v.trim()) ? `There is a connection named ${v.trim()} already` : undefined),
  });
  if (!name) return;
  try {
    await connections.mirrors.using(connections.mirrors.leaseAt(location), (destination) => destination.readState());
  } catch (error) {
    void vscode.window.showErrorMessage(`Mirror connection ${name.trim()}: ${(error as Error).message}`);
    return;
  }
  await connections.mirrors.save(name.trim(), location);
  await connections.setActive(name.trim());
  void vscode.window.showInformationMessage(`${name.trim()} is the active connection: queries read the mirror, 0 API calls.`);
}

// ---- Search Transcripts ---------------------------------------------------------------

/** The mirror to search: the active connection when it is one, else the only one, else the user picks. */
async function pickMirror(connections: Connections): Promise<string | undefined> {
  const mirrors = connections.mirrors.list();
  if (findMirror(connections.activeLabel)) return connections.activeLabel;
  if (mirrors.length === 0) {
    const sync = 'Sync to Local Mirror…';
    const add = 'Add Mirror Connection…';
    const answer = await vscode.window.showInformationMessage('Search Transcripts searches a mirror: sync one first, or add a mirror connection.', sync, add);
    if (answer === sync) await vscode.commands.executeCommand('gongsql.syncToMirror');
    else if (answer === add) await vscode.commands.executeCommand('gongsql.addMirrorConnection');
    return undefined;
  }
  if (mirrors.length === 1) return mirrors[0]?.name;
  return (await vscode.window.showQuickPick(mirrors.map((m) => ({ label: m.name, description: m.location })), { title: 'Search Transcripts in which mirror?' }))?.label;
}

type MatchItem = vscode.QuickPickItem & { callId: string; callTitle: string | null };

/** Search Transcripts in the mirror the user means (the mirror is in use until it is done). */
async function searchTranscripts(connections: Connections, openQuery: (sql: string) => Promise<void>): Promise<void> {
  const name = await pickMirror(connections);
  const setting = name ? findMirror(name) : undefined;
  if (!setting) return;
  await connections.mirrors.using(connections.mirrors.lease(setting), (destination) => searchIn(destination, setting.name, openQuery, connections));
}

/**
 * A quick pick over the mirror's full-text index: each keystroke searches again (the newest
 * answer wins); choosing a sentence opens its call's matches in the grid, a query on the mirror.
 */
async function searchIn(destination: Destination, name: string, openQuery: (sql: string) => Promise<void>, connections: Connections): Promise<void> {
  const pick = vscode.window.createQuickPick<MatchItem>();
  pick.title = `Search Transcripts in ${name}`;
  pick.placeholder = 'Words, "a phrase" or a prefix*: sentences that say them';
  let asked = 0;
  const search = async (query: string) => {
    const mine = ++asked;
    if (!query.trim()) {
      pick.items = [];
      return;
    }
    pick.busy = true;
    try {
      const matches = await destination.searchTranscripts(query, 50);
      if (mine !== asked) return;
      if (matches.length === 0) {
        pick.items = [{ label: `No sentences match ${query.trim()}`, detail: 'Words, "a phrase" or a prefix*: try other words', alwaysShow: true, callId: '', callTitle: null }];
        return;
      }
      pick.items = matches.map((m) => ({
        label: m.snippet.replace(/[«»]/g, ''),
        // Who said it first on its own line: a long sentence would cut it off the label's line.
        detail: [m.speakerName ?? 'Unknown speaker', m.affiliation, m.callTitle ?? `Call ${m.callId}`, m.callScheduled?.slice(0, 10)].filter(Boolean).join(' · '),
        // The index chose them: the quick pick's own filter must not hide them.
        alwaysShow: true,
        callId: m.callId,
        callTitle: m.callTitle,
      }));
    } catch (error) {
      if (mine !== asked) return;
      // A half-typed phrase is not worth a toast: the reason shows in the list.
      pick.items = [{ label: `$(warning) ${(error as Error).message}`, alwaysShow: true, callId: '', callTitle: null }];
    } finally {
      if (mine === asked) pick.busy = false;
    }
  };
  const chosen = await new Promise<{ item: MatchItem; query: string } | undefined>((resolve) => {
    pick.onDidChangeValue((value) => void search(value));
    pick.onDidAccept(() => {
      const item = pick.selectedItems[0];
      if (!item?.callId) return;
      resolve({ item, query: pick.value });
      pick.hide();
    });
    pick.onDidHide(() => resolve(undefined));
    pick.show();
  });
  pick.dispose();
  if (!chosen) return;
  const matches = (await destination.searchTranscripts(chosen.query, 1000)).filter((m) => m.callId === chosen.item.callId);
  if (connections.activeLabel !== name) await connections.setActive(name);
  await openQuery(matchesQuery(chosen.item.callId, chosen.item.callTitle, chosen.query, matches.map((m) => m.startMs)));
}
