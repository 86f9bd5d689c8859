import * as vscode from 'vscode';
import type { RunOptions } from '../engine/run/context';
import { everyRow } from '../engine/run/dml';
import type { ActiveConnection } from './connections';

/**
 * What every run from the editor shares, whether from a .gongsql file or a notebook cell:
 * the connection and its cache, the confirmation threshold from settings, and a modal
 * question before a costly or unfiltered statement. `what` names the thing being run.
 */
export function editorRunOptions(connection: ActiveConnection, what: 'statement' | 'cell'): Pick<RunOptions, 'client' | 'connectionId' | 'cache' | 'confirmThreshold' | 'confirm'> {
  return {
    client: connection.client,
    connectionId: connection.id,
    cache: connection.cache,
    confirmThreshold: vscode.workspace.getConfiguration('gongsql').get<number>('confirmAboveApiCalls', 50),
    confirm: async (request) => {
      const message = request.kind === 'apiCalls'
        ? `This ${what} needs about ${request.estimate} Gong API calls (more than ${request.threshold}). Run it?`
        : `${request.statement} without WHERE changes ${everyRow(request.rows)} of ${request.table}. Run it?`;
      return (await vscode.window.showWarningMessage(message, { modal: true }, 'Run')) === 'Run';
    },
  };
}
