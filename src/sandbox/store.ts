import { randomInt } from 'node:crypto';
import type { SandboxCall, World } from './data/model';
import { timeIdKey } from './http/paging';

export interface MediaOptions {
  /** Simulated processing time after media arrives (default 1,500 ms). */
  processingDelayMs?: number;
  /**
   * Media shorter than Gong's 2-minute minimum is discarded. The sandbox reads the length
   * from a WAV header when there is one; other formats count as long enough from this many
   * bytes (default 120,000: two minutes at 8 kbit/s).
   */
  minBytes?: number;
  /** Gong's upload limit, 1.5 GB (configurable so tests need not write 1.5 GB). */
  maxBytes?: number;
}

export const MAX_MEDIA_BYTES = 1.5 * 1024 ** 3;

/** How long an accepted erase takes in the sandbox (Gong: hours; short here so it can be tested). */
export const ERASE_DELAY_MS = 3000;

/**
 * The world plus what the server needs to serve it fast and to change it: calls visible
 * to listing kept sorted by Gong's filter time, indexes by id, the ingestion timers.
 */
export class Store {
  readonly visibleCalls: SandboxCall[];
  private readonly callsById = new Map<string, SandboxCall>();
  readonly clientUniqueIds = new Set<string>();
  readonly mediaHashes = new Set<string>();
  /** Meetings created through POST /v2/meetings (Gong has no endpoint that lists them). */
  /** Call access as changed through PUT/DELETE /v2/calls/users-access, by call id. */
  readonly callAccess = new Map<string, string[]>();
  readonly meetings = new Map<string, { organizerEmail: string; invitees: { email: string }[] }>();
  private readonly timers = new Set<NodeJS.Timeout>();
  readonly media: Required<MediaOptions>;

  constructor(readonly world: World, media: MediaOptions = {}, readonly eraseDelayMs = ERASE_DELAY_MS) {
    this.media = { processingDelayMs: 1500, minBytes: 120_000, maxBytes: MAX_MEDIA_BYTES, ...media };
    for (const call of world.calls) {
      this.callsById.set(call.meta.id, call);
      if (call.meta.clientUniqueId) this.clientUniqueIds.add(call.meta.clientUniqueId);
    }
    this.visibleCalls = world.calls.filter((c) => c.state === 'processed');
  }

  /** Any call, processed or not (the write routes need drafts too). */
  call(id: string): SandboxCall | undefined {
    return this.callsById.get(id);
  }

  /** Visible calls whose filter time is in [from, to), in listing order, found by binary search. */
  callsInWindow(from: number | undefined, to: number | undefined): SandboxCall[] {
    const lo = from === undefined ? 0 : lowerBound(this.visibleCalls, from);
    const hi = to === undefined ? this.visibleCalls.length : lowerBound(this.visibleCalls, to);
    return this.visibleCalls.slice(lo, Math.max(lo, hi));
  }

  /** A fresh 19-digit id for something created through the API. */
  newId(): string {
    for (;;) {
      let id = String(randomInt(1, 10));
      while (id.length < 19) id += String(randomInt(0, 10));
      if (!this.callsById.has(id)) return id;
    }
  }

  addDraft(call: SandboxCall): void {
    this.world.calls.push(call);
    this.callsById.set(call.meta.id, call);
    if (call.meta.clientUniqueId) this.clientUniqueIds.add(call.meta.clientUniqueId);
  }

  /** Media arrived: after the processing delay the call becomes visible, or fails for good. */
  process(call: SandboxCall, succeeds: boolean): void {
    call.state = 'processing';
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      call.state = succeeds ? 'processed' : 'failed';
      if (succeeds) this.insertVisible(call);
    }, this.media.processingDelayMs);
    this.timers.add(timer);
  }

  /** Runs `action` later unless the sandbox closes first. */
  later(delayMs: number, action: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      action();
    }, delayMs);
    this.timers.add(timer);
  }

  /**
   * Gong's erase, once carried out: every call the person took part in is deleted, and with it
   * what Gong derives from it (their emails, meetings and CRM records in the privacy lookups,
   * parties, transcripts, answered scorecards, activity); meetings they were invited to go too.
   */
  eraseCalls(matches: (call: SandboxCall) => boolean, email?: string): number {
    const gone = new Set(this.world.calls.filter(matches).map((c) => c.meta.id));
    const keep = <T>(list: T[], kept: (x: T) => boolean) => list.splice(0, list.length, ...list.filter(kept));
    keep(this.world.calls, (c) => !gone.has(c.meta.id));
    keep(this.visibleCalls, (c) => !gone.has(c.meta.id));
    keep(this.world.answeredScorecards, (s) => !gone.has(s.callId));
    keep(this.world.activity, (a) => !gone.has(a.callId));
    for (const id of gone) {
      this.callsById.delete(id);
      this.callAccess.delete(id);
    }
    if (email) {
      for (const [id, m] of this.meetings) if ([m.organizerEmail, ...m.invitees.map((i) => i.email)].some((e) => e.toLowerCase() === email)) this.meetings.delete(id);
    }
    return gone.size;
  }

  close(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  private insertVisible(call: SandboxCall): void {
    const key = callKey(call);
    let lo = 0;
    let hi = this.visibleCalls.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (callKey(this.visibleCalls[mid] as SandboxCall) < key) lo = mid + 1;
      else hi = mid;
    }
    this.visibleCalls.splice(lo, 0, call);
  }
}

/** Listing order of calls: filter time, then numeric id. Also the paging key. */
export const callKey = (call: SandboxCall): string => timeIdKey(call.filterTimeMs, call.meta.id);

function lowerBound(calls: SandboxCall[], ms: number): number {
  let lo = 0;
  let hi = calls.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((calls[mid] as SandboxCall).filterTimeMs < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
