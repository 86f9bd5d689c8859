import * as vscode from 'vscode';
import type { EngineEvent } from '../../engine/run/result';
import type { RunOutcome } from '../../history/entry';
import { historyDir } from '../../history/location';
import { RunRecording, type RunDescription } from '../../history/record';
import { HistoryStore, type ResultLimits } from '../../history/store';

/** A run of the editor or a notebook being recorded: the engine's events in, how it ended out. */
export interface EditorRecording {
  readonly onEvent: (event: EngineEvent) => void;
  finish(outcome: RunOutcome, error?: unknown): Promise<void>;
}

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

  constructor(private readonly log: vscode.LogOutputChannel) {
    // The CLI keeps results under the same rules: the limits are saved with the store.
    const saveLimits = () => void this.store.setLimits(historyLimits()).then(() => this.changed.fire(), (e: Error) => log.warn(`Query history: ${e.message}`));
    this.settings = vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('gongsql.history')) saveLimits(); });
    saveLimits();
  }

  /** Starts recording a run; finishing it writes the entry (never failing the run) and refreshes the view. */
  record(run: RunDescription): EditorRecording {
    const recording = new RunRecording(this.store, run, historyLimits(), (e) => this.log.warn(`Query history: the run was not recorded in ${this.store.dir}: ${(e as Error).message}`));
    return {
      onEvent: recording.onEvent,
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
    this.settings.dispose();
    this.changed.dispose();
  }
}
