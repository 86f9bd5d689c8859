import type { Span } from '../syntax/tokens';

export type EngineErrorCode = 'SYNTAX' | 'BIND' | 'PARAMETER' | 'SQLITE' | 'CONFIRMATION_REQUIRED' | 'UNSUPPORTED' | 'MEMORY_LIMIT' | 'READ_ONLY' | 'MIRROR';

/** A problem with the query itself (not with Gong), with where it is. */
export class EngineError extends Error {
  constructor(readonly code: EngineErrorCode, message: string, readonly span?: Span) {
    super(message);
    this.name = 'EngineError';
  }
}

/** 1-based line and column of an offset, for messages. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lastBreak = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lastBreak = i;
    }
  }
  return { line, column: offset - lastBreak };
}
