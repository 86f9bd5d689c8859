import type { Diagnostic, Token, TokenKind } from './tokens';

/**
 * Splits gongsql text into tokens. Never throws: an unterminated string or comment becomes
 * a diagnostic and the scan goes on. Comments and whitespace are skipped (the editor's
 * grammar colours them).
 */
export function scan(text: string): { tokens: Token[]; diagnostics: Diagnostic[] } {
  const tokens: Token[] = [];
  const diagnostics: Diagnostic[] = [];
  let i = 0;
  const push = (kind: TokenKind, start: number, end: number, value?: string) => {
    const source = text.slice(start, end);
    tokens.push({ kind, span: { start, end }, text: source, value: value ?? source });
  };
  const error = (code: string, message: string, start: number, end: number) =>
    diagnostics.push({ code, message, span: { start, end }, severity: 'error' });

  while (i < text.length) {
    const c = text[i] as string;
    const start = i;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f') {
      i++;
    } else if (c === '-' && text[i + 1] === '-') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      if (close < 0) {
        error('GS1002', 'Unterminated comment: add */', start, text.length);
        i = text.length;
      } else {
        i = close + 2;
      }
    } else if (isIdentStart(c)) {
      while (i < text.length && isIdentPart(text[i] as string)) i++;
      if ((c === 'x' || c === 'X') && i === start + 1 && text[i] === "'") {
        i = quoted(text, i, "'");
        push('Blob', start, i);
      } else {
        push('Identifier', start, i);
      }
    } else if (c === '"' || c === '`' || c === '[') {
      const close = c === '[' ? ']' : c;
      const end = quoted(text, i, close);
      const terminated = text[end - 1] === close && end - i >= 2;
      if (!terminated) error('GS1003', `Unterminated quoted name: add ${close}`, start, end);
      const inner = text.slice(i + 1, terminated ? end - 1 : end);
      push('QuotedIdentifier', start, end, close === ']' ? inner : inner.split(close + close).join(close));
      i = end;
    } else if (c === "'") {
      const end = quoted(text, i, "'");
      const terminated = end - i >= 2 && text[end - 1] === "'";
      if (!terminated) error('GS1001', "Unterminated string: add the closing '", start, end);
      push('String', start, end, text.slice(i + 1, terminated ? end - 1 : end).split("''").join("'"));
      i = end;
    } else if (isDigit(c) || (c === '.' && isDigit(text[i + 1] ?? ''))) {
      i = number(text, i);
      const raw = text.slice(start, i);
      push(/[.eE]/.test(raw) && !/^0[xX]/.test(raw) ? 'Float' : 'Integer', start, i);
    } else if (c === '?') {
      i++;
      while (isDigit(text[i] ?? '')) i++;
      push('Parameter', start, i);
    } else if ((c === ':' || c === '@' || c === '$') && isIdentStart(text[i + 1] ?? '')) {
      i++;
      while (i < text.length && isIdentPart(text[i] as string)) i++;
      push('Parameter', start, i, text.slice(start + 1, i));
    } else if (c === '(') { i++; push('LParen', start, i); }
    else if (c === ')') { i++; push('RParen', start, i); }
    else if (c === ',') { i++; push('Comma', start, i); }
    else if (c === ';') { i++; push('Semicolon', start, i); }
    else if (c === '.') { i++; push('Dot', start, i); }
    else {
      const op = operatorAt(text, i);
      if (op) {
        i += op.length;
        push('Operator', start, i);
      } else {
        i++;
        error('GS1004', `Unexpected character ${JSON.stringify(c)}`, start, i);
        push('Unknown', start, i);
      }
    }
  }
  tokens.push({ kind: 'EOF', span: { start: text.length, end: text.length }, text: '', value: '' });
  return { tokens, diagnostics };
}

const OPERATORS = new Set(['->>', '||', '<<', '>>', '<=', '>=', '==', '!=', '<>', '->', '<', '>', '=', '+', '-', '*', '/', '%', '&', '|', '~']);

/** The longest operator at i, so `<=` wins over `<`. */
function operatorAt(text: string, i: number): string | undefined {
  for (let length = 3; length >= 1; length--) {
    const candidate = text.slice(i, i + length);
    if (candidate.length === length && OPERATORS.has(candidate)) return candidate;
  }
  return undefined;
}

function isIdentStart(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_' || c.charCodeAt(0) > 127;
}

function isIdentPart(c: string): boolean {
  return isIdentStart(c) || isDigit(c) || c === '$';
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

/** End of a quoted run starting at `open` (doubled quotes escape), or the end of text. */
function quoted(text: string, open: number, close: string): number {
  let i = open + 1;
  while (i < text.length) {
    if (text[i] === close) {
      if (close !== ']' && text[i + 1] === close) {
        i += 2;
        continue;
      }
      return i + 1;
    }
    i++;
  }
  return text.length;
}

function number(text: string, i: number): number {
  if (text[i] === '0' && (text[i + 1] === 'x' || text[i + 1] === 'X')) {
    i += 2;
    while (/[0-9a-fA-F_]/.test(text[i] ?? '')) i++;
    return i;
  }
  while (isDigit(text[i] ?? '') || text[i] === '_') i++;
  if (text[i] === '.') {
    i++;
    while (isDigit(text[i] ?? '')) i++;
  }
  if ((text[i] === 'e' || text[i] === 'E') && (isDigit(text[i + 1] ?? '') || ((text[i + 1] === '+' || text[i + 1] === '-') && isDigit(text[i + 2] ?? '')))) {
    i += 2;
    while (isDigit(text[i] ?? '')) i++;
  }
  return i;
}
