/** One API request as the sandbox saw it: what tests count and assert on. */
export interface LogEntry {
  seq: number;
  time: string;
  method: string;
  path: string;
  query: Record<string, string>;
  /** A short summary of the body: the JSON text (cut at 2,000 characters) or the multipart parts. */
  body?: string;
  status: number;
  durationMs: number;
  requestId: string;
  /** The injected fault, when one was. */
  fault?: string;
}

/** The in-memory request log (sandbox-only; also served at GET /__sandbox/log). */
export class RequestLog {
  private readonly list: LogEntry[] = [];
  private seq = 0;

  add(entry: Omit<LogEntry, 'seq'>): void {
    this.list.push({ seq: ++this.seq, ...entry });
    if (this.list.length > 100_000) this.list.splice(0, 10_000);
  }

  entries(): readonly LogEntry[] {
    return this.list;
  }

  /** Entries after a sequence number, so a test can count just what its own step caused. */
  since(seq: number): LogEntry[] {
    return this.list.filter((e) => e.seq > seq);
  }

  get lastSeq(): number {
    return this.seq;
  }

  clear(): void {
    this.list.length = 0;
  }
}
