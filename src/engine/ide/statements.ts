import type { Span } from '../syntax/tokens';

/**
 * Statement ranges found by a single pass over the characters (strings, quoted names and
 * comments respected), without parsing: the editor needs the statement under the cursor of
 * a 5,000-line file within a millisecond or two, then parses only that statement.
 */
export function statementSpans(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 39 /* ' */ || c === 34 /* " */ || c === 96 /* ` */) {
      i = closeQuote(text, i, text[i] as string);
    } else if (c === 91 /* [ */) {
      const close = text.indexOf(']', i + 1);
      i = close < 0 ? n : close + 1;
    } else if (c === 45 /* - */ && text.charCodeAt(i + 1) === 45) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? n : nl;
    } else if (c === 47 /* / */ && text.charCodeAt(i + 1) === 42) {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? n : close + 2;
    } else if (c === 59 /* ; */) {
      spans.push({ start, end: i });
      start = i + 1;
      i++;
    } else {
      i++;
    }
  }
  spans.push({ start, end: n });
  return spans.map(trim(text)).filter((s) => s.end > s.start);
}

/**
 * The statement a run at `offset` takes: the one holding the cursor, or the last one that
 * starts before it (a cursor just after its `;`, or on blank or comment-only lines after it,
 * before the next statement starts). Nothing before the first statement or in an empty file.
 */
export function statementAt(text: string, offset: number): Span | undefined {
  let found: Span | undefined;
  for (const span of statementSpans(text)) {
    if (span.start > offset) break;
    found = span;
  }
  return found;
}

/**
 * The statement being typed at `offset`, for completion, hover and signature help: the one
 * holding the cursor or ending just before it; after a `;` a new statement begins.
 */
export function statementEditedAt(text: string, offset: number): Span | undefined {
  const spans = statementSpans(text);
  const inside = spans.find((s) => offset >= s.start && offset <= s.end);
  if (inside) return inside;
  const before = spans.filter((s) => s.end <= offset).pop();
  return before && !text.slice(before.end, offset).includes(';') ? before : undefined;
}

function closeQuote(text: string, open: number, quote: string): number {
  let i = open + 1;
  for (;;) {
    const close = text.indexOf(quote, i);
    if (close < 0) return text.length;
    if (text[close + 1] === quote) {
      i = close + 2;
      continue;
    }
    return close + 1;
  }
}

/** Leading whitespace and comments are not part of a statement. */
function trim(text: string) {
  return (s: Span): Span => {
    let { start } = s;
    let { end } = s;
    for (;;) {
      while (start < end && /\s/.test(text[start] as string)) start++;
      if (text.startsWith('--', start)) {
        const nl = text.indexOf('\n', start);
        start = nl < 0 || nl > end ? end : nl;
        continue;
      }
      if (text.startsWith('/*', start)) {
        const close = text.indexOf('*/', start + 2);
        start = close < 0 || close + 2 > end ? end : close + 2;
        continue;
      }
      break;
    }
    while (end > start && /\s/.test(text[end - 1] as string)) end--;
    return { start, end };
  };
}
