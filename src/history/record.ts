import type { ConfirmRequest } from '../engine/run/context';
import type { EngineEvent, StatementResult } from '../engine/run/result';
import { erasedParameterNames } from '../engine/ide/parameters';
import { keptParams, newEntryId, withoutUrlSecrets, type HistoryEntry, type KeptResult, type RunOutcome, type RunSurface } from './entry';
import { DEFAULT_RESULT_LIMITS, type HistoryStore, type ResultLimits } from './store';

/** What a front end knows of a run before it starts. */
export interface RunDescription {
  readonly text: string;
  readonly connection: string;
  readonly surface: RunSurface;
  readonly file?: string;
  readonly params?: Readonly<Record<string, unknown>>;
}

/**
 * One run being recorded: fed the engine's events (`onEvent`), then `finish`ed with how it
 * ended. Recording never fails a run: a store that cannot be written is reported to `onError`.
 */
export class RunRecording {
  private readonly started = Date.now();
  private readonly results: StatementResult[] = [];
  private apiCalls = 0;
  /** Time spent waiting for the user's answer to a confirmation: not the run's duration. */
  private answering = 0;
  private statements = 0;
  /** Each statement's own text, as the engine started it. */
  private readonly texts = new Map<number, string>();

  constructor(private readonly store: HistoryStore, private readonly run: RunDescription, private readonly limits: ResultLimits = DEFAULT_RESULT_LIMITS, private readonly onError: (error: unknown) => void = () => undefined) {}

  readonly onEvent = (event: EngineEvent): void => {
    if (event.type === 'statementStart') this.texts.set(event.index, event.text);
    else if (event.type === 'statementEnd') {
      this.results.push(event.result);
      this.apiCalls += event.result.stats.apiCalls;
      this.statements += 1;
    } else if (event.type === 'statementError') {
      this.apiCalls += event.stats.apiCalls;
      this.statements += 1;
    }
  };

  /** The run's options with their `confirm` question timed apart: a declined run lasted until asked, not while the dialog was open. */
  withUntimedConfirm<O extends { confirm?: (request: ConfirmRequest) => Promise<boolean> }>(options: O): O {
    const { confirm } = options;
    if (!confirm) return options;
    return {
      ...options,
      confirm: async (request: ConfirmRequest) => {
        const asked = Date.now();
        try {
          return await confirm(request);
        } finally {
          this.answering += Date.now() - asked;
        }
      },
    };
  }

  /** Writes the entry (and the result of a run that ended well); the entry, or undefined when the store failed. */
  async finish(outcome: RunOutcome, error?: unknown): Promise<HistoryEntry | undefined> {
    const id = newEntryId(this.started);
    const at = new Date(this.started).toISOString();
    const { text, connection, surface, file, params } = this.run;
    const entry: HistoryEntry = {
      id, at, text, connection: withoutUrlSecrets(connection), surface,
      ...(file ? { file } : {}),
      ms: Date.now() - this.started - this.answering,
      rows: this.results.reduce((n, r) => n + r.rows.length, 0),
      apiCalls: this.apiCalls,
      statements: this.statements,
      outcome,
      ...(outcome === 'error' ? { error: withoutUrlSecrets(firstLine(error)) } : {}),
      ...(params && Object.keys(params).length > 0 ? { params: keptParams(params, erasedParameterNames(text)) } : {}),
    };
    const result: KeptResult | undefined = outcome === 'ok' && this.results.some((r) => r.columns.length > 0)
      ? { id, at, statements: this.results.map((r) => ({ index: r.index, text: this.texts.get(r.index) ?? text, kind: r.kind, columns: r.columns, rows: r.rows, messages: r.messages, ...(r.layout ? { layout: r.layout } : {}) })) }
      : undefined;
    try {
      await this.store.add(entry, result, this.limits);
      return entry;
    } catch (failure) {
      this.onError(failure);
      return undefined;
    }
  }
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? '';
}
