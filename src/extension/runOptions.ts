import * as vscode from 'vscode';
import { DEFAULT_LOCAL_MEMORY_MB, MIN_LOCAL_MEMORY_MB } from '../engine/eval/local';
import type { RunOptions } from '../engine/run/context';
import { confirmQuestion } from './declined';
import type { ActiveConnection } from './connections';

/**
 * What every run from the editor shares, whether from a .gongsql file or a notebook cell:
 * the connection (Gong, or a mirror) and its cache, the confirmation threshold and the local
 * memory limit from settings, and a modal question before a costly or unfiltered statement.
 * `what` names the thing being run.
 */
export function editorRunOptions(connection: ActiveConnection, what: 'statement' | 'cell'): Pick<RunOptions, 'client' | 'mirror' | 'answerFromMirror' | 'connectionId' | 'cache' | 'confirmThreshold' | 'confirm' | 'localMemory'> {
  const settings = vscode.workspace.getConfiguration('gongsql');
  return {
    ...sourceOptions(connection),
    connectionId: connection.id,
    cache: connection.cache,
    confirmThreshold: settings.get<number>('confirmAboveApiCalls', 50),
    localMemory: { megabytes: Math.max(MIN_LOCAL_MEMORY_MB, settings.get<number>('localMemoryLimitMB', DEFAULT_LOCAL_MEMORY_MB)), setting: 'gongsql.localMemoryLimitMB' },
    confirm: async (request) => {
      const [message, button] = confirmQuestion(request, what);
      return (await vscode.window.showWarningMessage(message, { modal: true }, button)) === button;
    },
  };
}

/** Where rows come from: the mirror of a mirror connection, or Gong (answered from a mirror when the user's setting allows it). */
function sourceOptions(connection: ActiveConnection): Pick<RunOptions, 'client' | 'mirror' | 'answerFromMirror'> {
  if (connection.kind === 'mirror') return { mirror: connection.destination };
  const { answerFrom } = connection;
  return { client: connection.client, ...(answerFrom ? { answerFromMirror: { destination: answerFrom.destination, maxAgeMs: answerFrom.maxAgeMinutes * 60_000 } } : {}) };
}
