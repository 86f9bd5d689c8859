import type { EngineEvent, ExecStats } from '../engine/run/result';

/**
 * Progress on stderr: a single self-overwriting line on a terminal, nothing otherwise (a
 * pipe or a log file gets only the messages). Data never goes to stderr.
 */
export class Progress {
  private shown = false;

  constructor(private readonly err: NodeJS.WriteStream | NodeJS.WritableStream, private readonly interactive: boolean) {}

  onEvent(event: EngineEvent): void {
    if (event.type === 'progress' && this.interactive) {
      this.err.write(`\r\x1b[2K${bar(event.stats)}`);
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
}

function bar(stats: Readonly<ExecStats>): string {
  const spinner = '⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏'[stats.pages % 10];
  return `${spinner} ${stats.pages} page${stats.pages === 1 ? '' : 's'} · ${stats.records} records · ${stats.apiCalls} API call${stats.apiCalls === 1 ? '' : 's'}`;
}
