import type { SyncState } from '../mirror/destination';
import type { SyncEstimate, SyncSummary } from '../mirror/sync';

// What the editor says about a mirror and its syncs (no vscode: unit-tested).

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/**
 * A mirror as messages and the explorer name it: a file by its name (the path is in settings
 * and tooltips), a database by its URL (settings and labels hold it without a password).
 */
export function mirrorName(location: string): string {
  return /^postgres(ql)?:\/\//i.test(location) ? location : location.split(/[\\/]/).pop() || location;
}

/** "about 1 min": an estimate's time at 3 requests a second. */
export function duration(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

/** The estimate against today's quota, like EXPLAIN: said before a sync starts. */
export function estimateText(estimate: SyncEstimate): string {
  const open = estimate.objects.some((o) => o.open) ? 'at least ' : '';
  const quota = estimate.quotaLeft === undefined ? '' : `; ${count(estimate.quotaLeft, 'call')} left of today's 10,000`;
  return `${open}${count(estimate.requests, 'API call')} (about ${duration(estimate.seconds)} at 3 requests/s)${quota}`;
}

/** The progress notification's line: the object (and whether it takes up a stopped run), rows, API calls. */
export function progressText(object: string, done: number, total: number, rows: number, apiCalls: number, resumed = false): string {
  return `${object}${resumed ? ', resumed' : ''} (${Math.min(done + 1, total)}/${total}) · ${count(rows, 'row')} · ${count(apiCalls, 'API call')}`;
}

/** The end of a run: what it wrote and cost, whether it took up a stopped run, and whether the next run resumes. */
export function summaryText(summary: SyncSummary, destination: string, resumed: readonly string[] = []): string {
  const failed = summary.objects.filter((o) => o.status === 'failed');
  const done = summary.objects.filter((o) => o.status === 'done').length;
  const what = `${count(summary.rows, 'row')}, ${count(summary.apiCalls, 'API call')} in ${duration(summary.ms / 1000)}`;
  const errors = failed.map((o) => `${o.object}: ${o.error ?? 'failed'}`).join('; ');
  const took = resumed.length > 0 ? ` Resumed where the last run stopped: ${resumed.join(', ')}.` : '';
  if (summary.stopped) return `Sync into ${destination} stopped after ${count(done, 'object')} (${what}). Run it again to resume where it stopped.`;
  if (failed.length > 0) return `Synced ${count(done, 'object')} into ${destination} (${what}); ${count(failed.length, 'object')} failed: ${errors}. Run it again to retry.${took}`;
  return `Synced ${count(done, 'object')} into ${destination}: ${what}.${took}`;
}

/**
 * An object's row in the explorer, short enough for a narrow sidebar: "1,234 rows · synced
 * 10:42" (today, local time; else the date), after how its last run ended when not well.
 */
export function objectDescription(rows: number, state: SyncState | undefined, now = new Date()): string {
  // An unfinished run first: in a narrow sidebar the end of the row is what gets cut.
  const parts = state && state.status !== 'done' ? [state.status === 'running' ? 'unfinished' : state.status] : [];
  parts.push(count(rows, 'row'));
  const synced = state?.lastRunFinished ?? state?.lastRunStarted;
  if (synced) parts.push(`synced ${shortTime(new Date(synced), now)}`);
  return parts.join(' · ');
}

/** An object's tooltip: the state in full. */
export function objectTooltip(name: string, rows: number, state: SyncState | undefined): string {
  if (!state) return `${name}: ${count(rows, 'row')}; never synced.`;
  const lines = [
    `${name}: ${count(rows, 'row')} in the mirror`,
    `Last run: ${state.lastRunStarted ?? 'never'}${state.lastRunFinished ? ` → ${state.lastRunFinished}` : ''} (${state.status}), ${count(state.rows, 'row')}, ${count(state.apiCalls, 'API call')}`,
  ];
  if (state.watermark) lines.push(`Complete up to ${state.watermark}`);
  if (state.status === 'stopped' || state.status === 'running') lines.push('The next sync resumes where it stopped.');
  if (state.error) lines.push(`Error: ${state.error}`);
  return lines.join('\n');
}

/** "10:42" when `at` is today, else "2026-11-29" (local time). */
function shortTime(at: Date, now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return day(at) === day(now) ? `${pad(at.getHours())}:${pad(at.getMinutes())}` : day(at);
}

/** The grid's query: the call's sentences that match, in the order they were said. */
export function matchesQuery(callId: string, title: string | null, words: string, startMs: readonly number[]): string {
  const about = `-- "${words.replace(/\s+/g, ' ').trim()}" in ${(title ?? `call ${callId}`).replace(/\s+/g, ' ')}`;
  const at = startMs.length > 0 ? `\n  AND StartMs IN (${startMs.join(', ')})` : '';
  return `${about}\nSELECT StartMs, SpeakerName, Text\nFROM CallTranscripts\nWHERE CallId = '${callId.replace(/'/g, "''")}'${at}\nORDER BY StartMs;\n`;
}
