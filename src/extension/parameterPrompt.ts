import type * as vscode from 'vscode';

/**
 * The input box of a `:name` parameter: a secret-named one is typed as a password; the prompt
 * says when the value is not remembered (a secret, or what an erase erases), or that it is last run's.
 */
export function parameterPrompt(written: string, secret: boolean, erased: boolean, offered: boolean): Pick<vscode.InputBoxOptions, 'title' | 'prompt' | 'password'> {
  const note = secret ? ' (a secret: not remembered)' : erased ? ' (what the procedure erases: not remembered)' : offered ? ' (the value it had in the last run)' : '';
  return { title: `Value of ${written}`, prompt: `Parameter ${written}${note}`, password: secret };
}
