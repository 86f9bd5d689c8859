import { duration } from '../mirror/job';
import { REQUESTS_PER_SECOND } from '../mirror/estimate';
import type { SyncEvent } from '../mirror/sync';

/**
 * The sync's progress on stderr: on a terminal one self-overwriting line (objects, pages, rows,
 * API calls, ETA at Gong's 3 requests a second); elsewhere a plain line per object.
 */
export class SyncProgress {
  private shown = false;
  private objects = 0;
  private done = 0;
  private estimated = 0;
  private finishedRows = 0;
  private finishedPages = 0;
  private apiCalls = 0;
  /**
   * Objects under way and their counts so far. Per-call objects that share their requests
   * (parties, topics, trackers, comments) run together: the line shows them together and
   * adds their counts, so it never goes backwards as their pages interleave.
   */
  private readonly active = new Map<string, { pages: number; rows: number }>();
  private last = '';

  constructor(private readonly err: NodeJS.WriteStream | NodeJS.WritableStream, private readonly interactive: boolean) {}

  onEvent(event: SyncEvent): void {
    switch (event.type) {
      case 'estimate':
        this.objects = event.estimate.objects.length;
        this.estimated = event.estimate.requests;
        return;
      case 'objectStart':
        this.active.set(event.object, { pages: 0, rows: 0 });
        this.last = event.object;
        if (!this.interactive) this.err.write(`${event.object}: ${event.resumed ? 'resuming' : 'starting'}\n`);
        break;
      case 'progress':
        this.active.set(event.object, { pages: event.pages, rows: event.rows });
        this.apiCalls = Math.max(this.apiCalls, event.totalApiCalls);
        break;
      case 'objectEnd': {
        this.done++;
        this.finishedPages += this.active.get(event.object)?.pages ?? 0;
        this.finishedRows += event.result.rows;
        this.active.delete(event.object);
        if (!this.interactive) {
          this.err.write(`${event.object}: ${event.result.status}, ${event.result.rows} rows, ${event.result.apiCalls} API calls${event.result.error ? ` (${event.result.error})` : ''}\n`);
        }
        break;
      }
      case 'waiting':
        if (!this.interactive) this.err.write(`Gong asked to wait ${event.seconds} s\n`);
        break;
    }
    if (this.interactive) {
      this.err.write(`\r\x1b[2K${this.line()}`);
      this.shown = true;
    }
  }

  /** Clears the progress line before anything else is written to stderr. */
  clear(): void {
    if (this.shown) {
      this.err.write('\r\x1b[2K');
      this.shown = false;
    }
  }

  private line(): string {
    let pages = this.finishedPages;
    let rows = this.finishedRows;
    for (const counts of this.active.values()) {
      pages += counts.pages;
      rows += counts.rows;
    }
    const spinner = '⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏'[pages % 10];
    const left = Math.max(0, this.estimated - this.apiCalls);
    const eta = left > 0 ? ` · ETA ${duration(left / REQUESTS_PER_SECOND)}` : '';
    const current = this.active.size > 0 ? [...this.active.keys()].join(', ') : this.last;
    return `${spinner} ${current} · ${this.done}/${this.objects} objects · ${count(pages, 'page')} · ${count(rows, 'row')} · ${count(this.apiCalls, 'API call')}${eta}`;
  }
}

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
