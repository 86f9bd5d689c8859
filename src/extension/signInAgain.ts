import * as vscode from 'vscode';
import { GongError } from '../gong/http/errors';

/**
 * Gong refused an OAuth connection's tokens (revoked, expired refresh, app removed): say so
 * and offer one click to sign in again. Never retried by itself, so a refusal cannot loop.
 */
export function offerSignInAgain(message: string, connectionName?: string): void {
  void vscode.window.showErrorMessage(message, 'Sign in again').then((pick) => {
    if (pick) void vscode.commands.executeCommand('gongsql.signInWithGong', connectionName);
  });
}

/** True when an error means the OAuth tokens no longer work (the access key path has its own message). */
export function isRefusedSignIn(error: unknown): boolean {
  return error instanceof GongError && error.code === 'AUTH';
}
