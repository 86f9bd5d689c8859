import * as vscode from 'vscode';
import { GongError } from '../gong/http/errors';
import type { ConnectionSetting } from './connectionSettings';

/**
 * Gong refused a connection's credentials (a revoked sign-in, a wrong or deleted access
 * key): say so, with one click to fix them — sign in again for "Sign in with Gong", edit the
 * connection for an access key. Never retried by itself, so a refusal cannot loop. Returns
 * false, showing nothing, when the error is something else.
 */
export function offerCredentialsFix(error: unknown, message: string, connection: ConnectionSetting | undefined): boolean {
  if (!(error instanceof GongError && error.code === 'AUTH') || !connection) return false;
  if (connection.kind === 'oauth') offerSignInAgain(message, connection.name);
  else offer(message, 'Edit Connection', 'gongsql.editConnection', connection.name);
  return true;
}

/** A failed sign-in, with one click to start it again (from the connection's values when there is one). */
export function offerSignInAgain(message: string, connectionName?: string): void {
  offer(message, 'Sign in again', 'gongsql.signInWithGong', connectionName);
}

function offer(message: string, action: string, command: string, connectionName: string | undefined): void {
  void vscode.window.showErrorMessage(message, action).then((pick) => {
    if (pick) void vscode.commands.executeCommand(command, connectionName);
  });
}
