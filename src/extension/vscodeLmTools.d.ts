/**
 * VS Code's language-model tool API (stable since VS Code 1.95, hence engines.vscode ^1.95.0),
 * the part lmTools.ts uses. @types/vscode here is still 1.90, which lacks it: delete this file
 * when @types/vscode is raised to 1.95 or later (the declarations would then be duplicates).
 */
import 'vscode';

declare module 'vscode' {
  export namespace lm {
    export function registerTool<T>(name: string, tool: LanguageModelTool<T>): Disposable;
  }

  export class LanguageModelTextPart {
    value: string;
    constructor(value: string);
  }

  export class LanguageModelToolResult {
    content: unknown[];
    constructor(content: LanguageModelTextPart[]);
  }

  export interface LanguageModelToolInvocationOptions<T> {
    toolInvocationToken: undefined;
    input: T;
  }

  export interface LanguageModelToolInvocationPrepareOptions<T> {
    input: T;
  }

  export interface LanguageModelToolConfirmationMessages {
    title: string;
    message: string | MarkdownString;
  }

  export interface PreparedToolInvocation {
    invocationMessage?: string;
    confirmationMessages?: LanguageModelToolConfirmationMessages;
  }

  export interface LanguageModelTool<T> {
    invoke(options: LanguageModelToolInvocationOptions<T>, token: CancellationToken): ProviderResult<LanguageModelToolResult>;
    prepareInvocation?(options: LanguageModelToolInvocationPrepareOptions<T>, token: CancellationToken): ProviderResult<PreparedToolInvocation>;
  }
}
