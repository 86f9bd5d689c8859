import type { HistoryEntry } from './entry';

/** The words a search finds each outcome by (what the view says of it, and its usual synonyms). */
const OUTCOME_WORDS: Record<HistoryEntry['outcome'], string> = { ok: 'ok succeeded', error: 'failed error', cancelled: 'cancelled canceled', declined: 'declined not run' };

/** Whether an entry matches a search: every word of it, in any case, in the text, connection, file, outcome or error. */
export function matchesSearch(entry: HistoryEntry, search: string | undefined): boolean {
  const words = (search ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = [entry.text, entry.connection, entry.file ?? '', OUTCOME_WORDS[entry.outcome], entry.error ?? ''].join('\n').toLowerCase();
  return words.every((word) => haystack.includes(word));
}

/** When a run started, as every history surface shows it: `30 Nov 2026, 14:58:14` (local time). */
export function runTime(at: string): string {
  return new Date(at).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'medium' });
}

/** Entries (newest first) in groups by local day, newest day first: `Today`, `Yesterday`, then the date. */
export function groupByDay(entries: readonly HistoryEntry[], now: Date = new Date()): { label: string; entries: HistoryEntry[] }[] {
  const groups = new Map<string, HistoryEntry[]>();
  for (const entry of entries) {
    const label = dayLabel(new Date(entry.at), now);
    const group = groups.get(label);
    if (group) group.push(entry);
    else groups.set(label, [entry]);
  }
  return [...groups].map(([label, grouped]) => ({ label, entries: grouped }));
}

/** `Today`, `Yesterday`, or e.g. `Mon 23 Nov 2026`, in local time. */
export function dayLabel(at: Date, now: Date): string {
  const days = Math.round((startOfDay(now) - startOfDay(at)) / 86_400_000);
  if (days === 0) return 'Today';
  if (days === 1) return 'Yesterday';
  return at.toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }).replace(/,/g, '');
}

function startOfDay(date: Date): number {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

/** A one-line summary of a run: `12 rows · 3 API calls · 420 ms · Sandbox`, or how it ended. */
export function describeEntry(entry: HistoryEntry): string {
  const cost = `${entry.apiCalls.toLocaleString('en-US')} API call${entry.apiCalls === 1 ? '' : 's'} · ${entry.ms.toLocaleString('en-US')} ms · ${entry.connection}`;
  if (entry.outcome === 'ok') return `${entry.rows.toLocaleString('en-US')} row${entry.rows === 1 ? '' : 's'} · ${cost}`;
  const ended = entry.outcome === 'error' ? `failed: ${entry.error ?? 'error'}` : entry.outcome === 'cancelled' ? 'cancelled' : 'not run (declined)';
  return `${ended} · ${cost}`;
}
