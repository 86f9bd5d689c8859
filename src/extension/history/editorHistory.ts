import { watch, type FSWatcher } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import * as vscode from 'vscode';
import type { EngineEvent } from '../../engine/run/result';
import type { RunOutcome } from '../../history/entry';
import { historyDir } from '../../history/location';
import { RunRecording, type RunDescription } from '../../history/record';
import { HistoryStore, type ResultLimits } from '../../history/store';

/** A run of the editor or a notebook being recorded: the engine's events in, how it ended out. */
export interface EditorRecording {
  readonly onEvent: (event: EngineEvent) => void;
  /** The run options with the time spent answering a confirmation left out of the run's duration. */
  readonly withUntimedConfirm: RunRecording['withUntimedConfirm'];
  finish(outcome: RunOutcome, error?: unknown): Promise<void>;
}

/** How long the store must be quiet before the view reads it again. */
const WATCH_DEBOUNCE_MS = 300;

/** The result settings (`gongsql.history.*`) as the store's limits. */
export function historyLimits(): ResultLimits {
  const settings = vscode.workspace.getConfiguration('gongsql.history');
  return {
    keep: settings.get<boolean>('keepResults', true),
    maxCount: Math.max(0, settings.get<number>('maxResults', 20)),
    maxBytes: Math.max(0, settings.get<number>('maxResultsSizeMB', 50)) * 1024 * 1024,
  };
}

/**
 * The editor's side of the query history (src/history): the store shared with the CLI, each
 * run recorded under the `gongsql.history.*` settings, and an event when the history changed.
 */
export class EditorHistory implements vscode.Disposable {
  readonly store = new HistoryStore(historyDir());
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly settings: vscode.Disposable;
  private watcher: FSWatcher | undefined;
  private debounce: NodeJS.Timeout | undefined;

  constructor(private readonly log: vscode.LogOutputChannel) {
    // The CLI keeps results under the same rules: the limits are saved with the store.
    const saveLimits = () => void this.store.setLimits(historyLimits()).then(() => this.changed.fire(), (e: Error) => log.warn(`Query history: ${e.message}`));
    this.settings = vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('gongsql.history')) saveLimits(); });
    saveLimits();
    void this.watchStore();
  }

  /**
   * The CLI (another process) writes the same store: a change to its folder refreshes the view,
   * once per burst (a run appends a line and writes a result; a clear removes several files).
   */
  private async watchStore(): Promise<void> {
    try {
      await mkdir(this.store.dir, { recursive: true, mode: 0o700 });
      this.watcher = watch(this.store.dir, () => {
        clearTimeout(this.debounce);
        this.debounce = setTimeout(() => this.changed.fire(), WATCH_DEBOUNCE_MS);
      });
      this.watcher.on('error', (e) => this.log.warn(`Query history: stopped watching ${this.store.dir}: ${e.message}`));
    } catch (e) {
      this.log.warn(`Query history: runs of the CLI show after Refresh: ${this.store.dir} cannot be watched: ${(e as Error).message}`);
    }
  }

  /** Starts recording a run; finishing it writes the entry (never failing the run) and refreshes the view. */
  record(run: RunDescription): EditorRecording {
    const recording = new RunRecording(this.store, run, historyLimits(), (e) => this.log.warn(`Query history: the run was not recorded in ${this.store.dir}: ${(e as Error).message}`));
    return {
      onEvent: recording.onEvent,
      withUntimedConfirm: (options) => recording.withUntimedConfirm(options),
      finish: async (outcome, error) => {
        await recording.finish(outcome, error);
        this.changed.fire();
      },
    };
  }

  /** Something else changed the store (cleared): the view reads it again. */
  refresh(): void {
    this.changed.fire();
  }

  dispose(): void {
    this.watcher?.close();
    clearTimeout(this.debounce);
    this.settings.dispose();
    this.changed.dispose();
  }
}
