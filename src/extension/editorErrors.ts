import { EngineError } from '../engine/run/errors';

/**
 * An engine error as the editor says it. The engine's read-only message advises the CLI
 * (run without --mirror); in the editor a write on a mirror connection is told the editor's
 * way to Gong: switch to a live connection. Code and position are kept.
 */
export function forEditor(error: unknown, connection: string): unknown {
  if (!(error instanceof EngineError) || error.code !== 'READ_ONLY') return error;
  return new EngineError('READ_ONLY', readOnlyInEditor(connection), error.span);
}

export function readOnlyInEditor(connection: string): string {
  return `${connection} is a mirror, read-only: a copy that Sync to Local Mirror keeps current. INSERT, UPDATE, DELETE and CALL go to Gong: switch to a live connection (Gong: Switch Connection, or click the connection in the status bar) and run the statement there.`;
}
