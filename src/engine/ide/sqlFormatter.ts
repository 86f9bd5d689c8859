import { scan } from '../syntax/scanner';
import { EDITOR_KEYWORDS, type Span, type Token } from '../syntax/tokens';
import { statementSpans } from './statements';

export interface TextEdit { readonly span: Span; readonly text: string }

const CLAUSES = new Set(['FROM', 'WHERE', 'GROUP', 'HAVING', 'ORDER', 'LIMIT', 'UNION', 'INTERSECT', 'EXCEPT', 'VALUES', 'SET', 'WINDOW']);
const JOIN_STARTS = new Set(['JOIN', 'LEFT', 'RIGHT', 'INNER', 'CROSS', 'FULL', 'NATURAL']);
const KEYWORDS = new Set([...EDITOR_KEYWORDS, 'RECURSIVE', 'NULLS', 'FIRST', 'LAST', 'ROWS', 'RANGE', 'PRECEDING', 'FOLLOWING', 'UNBOUNDED', 'CURRENT', 'ROW', 'PARTITION', 'TRUE', 'FALSE', 'MATERIALIZED', 'REPLACE', 'IGNORE', 'ABORT', 'FAIL', 'ROLLBACK']);

/**
 * Formats statements by editing only the whitespace between tokens and the case of
 * keywords: strings, names and comments are never touched (a gap holding a comment is
 * left as it is). Major clauses start a new line.
 */
export function format(text: string, range?: Span): TextEdit[] {
  const { tokens } = scan(text);
  const all = statementSpans(text);
  const spans = all.filter((s) => !range || (s.end >= range.start && s.start <= range.end));
  const edits: TextEdit[] = [];
  for (const span of spans) {
    const inside = tokens.filter((t) => t.kind !== 'EOF' && t.span.start >= span.start && t.span.end <= span.end);
    let depth = 0;
    inside.forEach((t, i) => {
      const upper = t.kind === 'Identifier' ? t.value.toUpperCase() : '';
      const prev = inside[i - 1];
      if (upper && KEYWORDS.has(upper) && t.text !== upper && !(inside[i + 1]?.kind === 'LParen' && !EDITOR_KEYWORDS.has(upper))) {
        edits.push({ span: t.span, text: upper });
      }
      if (prev) {
        const gap = { start: prev.span.end, end: t.span.start };
        const current = text.slice(gap.start, gap.end);
        // Comments live in gaps; a gap with anything but whitespace stays as written.
        if (/^\s*$/.test(current)) {
          const wanted = separator(prev, t, depth, inside[i - 2]);
          if (wanted !== current) edits.push({ span: gap, text: wanted });
        }
      }
      if (t.kind === 'LParen') depth++;
      if (t.kind === 'RParen') depth = Math.max(0, depth - 1);
    });
  }
  // Each statement after the first starts on its own line.
  for (const next of spans.filter((s) => s !== all[0])) {
    const semicolon = tokens.filter((t) => t.kind === 'Semicolon' && t.span.end <= next.start).pop();
    if (!semicolon) continue;
    const gap = { start: semicolon.span.end, end: next.start };
    const current = text.slice(gap.start, gap.end);
    if (/^[ \t]*$/.test(current)) edits.push({ span: gap, text: '\n' });
  }
  return edits;
}

function separator(prev: Token, t: Token, depth: number, beforePrev: Token | undefined): string {
  const word = t.kind === 'Identifier' ? t.value.toUpperCase() : '';
  const prevWord = prev.kind === 'Identifier' ? prev.value.toUpperCase() : '';
  const joinWord = (w: string) => JOIN_STARTS.has(w) || w === 'OUTER';
  if (depth === 0 && (CLAUSES.has(word) || (JOIN_STARTS.has(word) && !joinWord(prevWord)))) return '\n';
  if (t.kind === 'Comma' || t.kind === 'RParen' || t.kind === 'Dot' || t.kind === 'Semicolon') return '';
  if (prev.kind === 'LParen' || prev.kind === 'Dot') return '';
  // A call keeps its parenthesis: count(…), json_extract(…); a keyword before ( takes a space.
  if (t.kind === 'LParen' && (prev.kind === 'Identifier' || prev.kind === 'QuotedIdentifier') && !(prevWord && KEYWORDS.has(prevWord) && EDITOR_KEYWORDS.has(prevWord))) return '';
  // Unary minus and plus stay attached to their operand.
  if (prev.kind === 'Operator' && (prev.text === '-' || prev.text === '+') && (!beforePrev || beforePrev.kind === 'Operator' || beforePrev.kind === 'LParen' || beforePrev.kind === 'Comma' || (beforePrev.kind === 'Identifier' && EDITOR_KEYWORDS.has(beforePrev.value.toUpperCase())))) return '';
  return ' ';
}

/** The formatted text (edits applied), for tests and the CLI. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = '';
  let at = 0;
  // An insertion at a position comes before a replacement that starts there.
  for (const e of [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end)) {
    out += text.slice(at, e.span.start) + e.text;
    at = e.span.end;
  }
  return out + text.slice(at);
}
