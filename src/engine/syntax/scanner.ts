import { diagnostic, Diagnostics as D, type DiagnosticMessage } from './diagnostics';
import type { Diagnostic, Token, TokenKind } from './tokens';

/**
 * Splits gongsql text into tokens. Never throws: an unterminated string becomes an error
 * and the scan goes on; an unterminated block comment is a warning only, since SQLite accepts
 * one at the end of the text. Comments and whitespace are skipped (the editor's
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
  const error = (message: DiagnosticMessage, start: number, end: number, ...args: string[]) =>
    diagnostics.push(diagnostic(message, { start, end }, ...args));

  while (i < text.length) {
    const c = text[i] as string;
    const start = i;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f') {
      i++;
    } else if (c === '-' && text[i + 1] === '-') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*' && i + 2 < text.length) {
      // As in SQLite's tokenizer, a bare `/*` ending the text is the operators / and *.
      const close = text.indexOf('*/', i + 2);
      if (close < 0) {
        error(D.unterminatedComment, start, text.length);
        i = text.length;
      } else {
        i = close + 2;
      }
    } else if (isIdentStart(c)) {
      while (i < text.length && isIdentPart(text[i] as string)) i++;
      if ((c === 'x' || c === 'X') && i === start + 1 && text[i] === "'") {
        i = quoted(text, i, "'");
        const digits = text.slice(start + 2, i - 1);
        if (text[i - 1] !== "'" || i - start < 3) error(D.unterminatedString, start, i);
        else if (!/^[0-9a-fA-F]*$/.test(digits) || digits.length % 2 !== 0) error(D.malformedBlob, start, i, text.slice(start, i));
        push('Blob', start, i);
      } else {
        push('Identifier', start, i);
      }
    } else if (c === '"' || c === '`' || c === '[') {
      const close = c === '[' ? ']' : c;
      const end = quoted(text, i, close);
      const terminated = text[end - 1] === close && end - i >= 2;
      if (!terminated) error(D.unterminatedQuotedName, start, end, close);
      const inner = text.slice(i + 1, terminated ? end - 1 : end);
      push('QuotedIdentifier', start, end, close === ']' ? inner : inner.split(close + close).join(close));
      i = end;
    } else if (c === "'") {
      const end = quoted(text, i, "'");
      const terminated = end - i >= 2 && text[end - 1] === "'";
      if (!terminated) error(D.unterminatedString, start, end);
      push('String', start, end, text.slice(i + 1, terminated ? end - 1 : end).split("''").join("'"));
      i = end;
    } else if (isDigit(c) || (c === '.' && isDigit(text[i + 1] ?? ''))) {
      i = number(text, i);
      // number() takes 0x only before a hex digit.
      const hex = c === '0' && (text[start + 1] === 'x' || text[start + 1] === 'X') && i > start + 2;
      let float = false;
      for (let k = start; k < i && !hex && !float; k++) float = text[k] === '.' || text[k] === 'e' || text[k] === 'E';
      // As in SQLite, a number running into a name is one bad token: 123abc, 1.0e, 0x.
      if (i < text.length && isIdentPart(text[i] as string)) {
        while (i < text.length && isIdentPart(text[i] as string)) i++;
        error(D.malformedNumber, start, i, text.slice(start, i));
      } else if (hex && text.slice(start + 2, i).replace(/_/g, '').replace(/^0+/, '').length > 16) {
        error(D.hexTooBig, start, i, text.slice(start, i));
      }
      push(float ? 'Float' : 'Integer', start, i);
    } else if (c === '?') {
      i++;
      while (isDigit(text[i] ?? '')) i++;
      push('Parameter', start, i);
    } else if ((c === ':' || c === '@' || c === '$') && parameterEnd(text, i) > i + 1) {
      i = parameterEnd(text, i);
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
        error(D.unexpectedCharacter, start, i, JSON.stringify(c));
        push('Unknown', start, i);
      }
    }
  }
  tokens.push({ kind: 'EOF', span: { start: text.length, end: text.length }, text: '', value: '' });
  return { tokens, diagnostics };
}

const TWO_CHARACTER_OPERATORS = new Set(['||', '<<', '>>', '<=', '>=', '==', '!=', '<>', '->']);
const ONE_CHARACTER_OPERATORS = new Set(['<', '>', '=', '+', '-', '*', '/', '%', '&', '|', '~']);

/** The longest operator at i, so `<=` wins over `<` and `->>` over `->`. */
function operatorAt(text: string, i: number): string | undefined {
  const two = text.slice(i, i + 2);
  if (two === '->' && text[i + 2] === '>') return '->>';
  if (TWO_CHARACTER_OPERATORS.has(two)) return two;
  const one = text[i] as string;
  return ONE_CHARACTER_OPERATORS.has(one) ? one : undefined;
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

const isHexDigit = (c: string) => /^[0-9a-fA-F]$/.test(c);

/** Digits from i, with SQLite's `_` separators (only between two digits). */
function digits(text: string, i: number, digit: (c: string) => boolean): number {
  while (digit(text[i] ?? '') || (text[i] === '_' && digit(text[i - 1] ?? '') && digit(text[i + 1] ?? ''))) i++;
  return i;
}

/** The end of a number starting at i, as SQLite's tokenizer reads it. */
function number(text: string, i: number): number {
  if (text[i] === '0' && (text[i + 1] === 'x' || text[i + 1] === 'X') && isHexDigit(text[i + 2] ?? '')) return digits(text, i + 2, isHexDigit);
  i = digits(text, i, isDigit);
  if (text[i] === '.') i = digits(text, i + 1, isDigit);
  if ((text[i] === 'e' || text[i] === 'E') && (isDigit(text[i + 1] ?? '') || ((text[i + 1] === '+' || text[i + 1] === '-') && isDigit(text[i + 2] ?? '')))) {
    i = digits(text, i + 2, isDigit);
  }
  return i;
}

/**
 * The end of a `:name`, `@name` or `$name` parameter at i (i + 1 when there is none). As in
 * SQLite: the name may start with a digit (`:123`), and the TCL forms `$::ns::x` and `$a(…)`.
 */
function parameterEnd(text: string, i: number): number {
  let n = 0;
  let j = i + 1;
  for (; j < text.length; j++) {
    const c = text[j] as string;
    if (isIdentPart(c)) n++;
    else if (c === '(' && n > 0) {
      const close = text.slice(j).search(/[\s)]/);
      return close >= 0 && text[j + close] === ')' ? j + close + 1 : i + 1;
    } else if (c === ':' && text[j + 1] === ':') j++;
    else break;
  }
  return n > 0 ? j : i + 1;
}
