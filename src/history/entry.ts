import type { ResultColumn, ResultLayout, StatementResult } from '../engine/run/result';
import type { SqlValue } from '../values';

/** How a run ended: it ran, failed, was cancelled, or the user said no to a confirmation. */
export type RunOutcome = 'ok' | 'error' | 'cancelled' | 'declined';

/** Where a run came from; `agent`: an AI agent's tool call (gongsql mcp, or VS Code's language-model tools). */
export type RunSurface = 'editor' | 'notebook' | 'cli' | 'agent';

/** One run as the history keeps it: what ran, where, when and what it cost. Never a credential. */
export interface HistoryEntry {
  /** Sorts by time: ids of later runs are greater. */
  readonly id: string;
  /** When the run started (ISO 8601, UTC). */
  readonly at: string;
  readonly text: string;
  /** The connection's name (the CLI: `sandbox`, the base URL, or `mirror <file>`). */
  readonly connection: string;
  readonly surface: RunSurface;
  /** The file it ran from (a URI in the editor, a path in the CLI), when there is one. */
  readonly file?: string;
  readonly ms: number;
  /** Rows of every result set. */
  readonly rows: number;
  readonly apiCalls: number;
  readonly statements: number;
  readonly outcome: RunOutcome;
  /** The error's message, for outcome `error`. */
  readonly error?: string;
  /** The `:name` values it ran with; a secret-named parameter's value is never kept (null). */
  readonly params?: Readonly<Record<string, string | null>>;
  /** Why its result was not kept, when it had one (too large, keeping off). */
  readonly notKept?: string;
}

/** The rows of one statement of a kept result. */
export interface KeptStatement {
  readonly index: number;
  readonly text: string;
  readonly kind: StatementResult['kind'];
  readonly columns: readonly ResultColumn[];
  readonly rows: readonly (readonly SqlValue[])[];
  readonly messages: readonly string[];
  readonly layout?: ResultLayout;
}

/** What a run produced, kept on disk so that it can be shown again without asking Gong. */
export interface KeptResult {
  readonly id: string;
  readonly at: string;
  readonly statements: readonly KeptStatement[];
}

const SECRET_NAME = /secret|token|key|passw|pwd|credential/i;

/** Whether a parameter's name says it holds a secret: its value is never kept nor offered again. */
export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

/**
 * The parameters as the history keeps them: secret-named values, and the `unkept` ones (what an
 * erase procedure erases), left out as null. Non-text values (a file picked for media) are kept as their path.
 */
export function keptParams(params: Readonly<Record<string, unknown>>, unkept: ReadonlySet<string> = new Set()): Record<string, string | null> {
  return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, isSecretName(name) || unkept.has(name) ? null : String(value)]));
}

const URL_IN_TEXT = /\bhttps?:\/\/[^\s"'<>]+/gi;

/**
 * Text with each URL cut to scheme://host[:port]/path: a query string, a fragment or a
 * user:password may carry a token (`?token=…`), and the history is kept in plain files.
 */
export function withoutUrlSecrets(text: string): string {
  return text.replace(URL_IN_TEXT, (written) => {
    try {
      const url = new URL(written);
      return `${url.protocol}//${url.host}${url.pathname}`;
    } catch {
      return written.replace(/[?#@].*$/, '');
    }
  });
}

/** A new entry id: the time in base 36 (fixed width, so ids sort by time) and a random tail. */
export function newEntryId(now: number, random: () => number = Math.random): string {
  return `${now.toString(36).padStart(9, '0')}-${Math.floor(random() * 36 ** 4).toString(36).padStart(4, '0')}`;
}
