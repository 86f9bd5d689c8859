/**
 * The typed messages between the extension host and the results webview. Both sides
 * import this module (the webview with `import type` only).
 */
import type { SqlValue } from '../gong/catalog/types';

export interface ResultSetMessage {
  readonly title: string;
  readonly columns: readonly { readonly name: string; readonly type: string }[];
  readonly rows: readonly (readonly SqlValue[])[];
  /** Rows not sent to the webview (the plain table shows at most a bounded number). */
  readonly omitted: number;
}

export type HostToWebview =
  | { type: 'running'; text: string }
  | { type: 'results'; results: readonly ResultSetMessage[]; messages: readonly string[] }
  | { type: 'error'; message: string };

export type WebviewToHost = { type: 'ready' };
