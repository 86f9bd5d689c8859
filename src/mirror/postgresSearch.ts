// Transcript search on PostgreSQL: the user's words, "phrases" and prefix* as a tsquery, and
// the matched words marked in the sentence. The text search configuration is 'simple' (no
// stemming, lower-cased words), as SQLite's FTS5 unicode61 tokenizer matches words.

/** The configuration of the GIN index and of every query: both must name the same one. */
export const TS_CONFIG = 'simple';

interface Term {
  readonly words: readonly string[];
  readonly prefix: boolean;
}

/** Words as PostgreSQL's parser and FTS5 split them: letters and digits. */
function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** `budget "next quarter" price*` → three terms; the parts of a phrase must follow each other. */
function parseTerms(query: string): Term[] {
  const terms: Term[] = [];
  for (const match of query.matchAll(/"([^"]*)"?|(\S+)/g)) {
    const phrase = match[1] !== undefined;
    const raw = (phrase ? match[1] : match[2]) ?? '';
    const words = wordsOf(raw);
    if (words.length > 0) terms.push({ words, prefix: !phrase && raw.endsWith('*') });
  }
  return terms;
}

/**
 * A tsquery text built only from letters and digits (so the user's text can never be tsquery
 * syntax), or undefined when the query has no word.
 */
export function toTsQuery(query: string): string | undefined {
  const terms = parseTerms(query);
  if (terms.length === 0) return undefined;
  return terms.map((t) => {
    const words = t.words.map((w, i) => `'${w}'${t.prefix && i === t.words.length - 1 ? ':*' : ''}`);
    return words.length === 1 ? words[0] : `(${words.join(' <-> ')})`;
  }).join(' & ');
}

/** The sentence with every word that matches a query term in «…» (done here: ts_headline is not portable). */
export function snippet(text: string, query: string): string {
  const terms = parseTerms(query);
  const exact = new Set(terms.flatMap((t) => (t.prefix ? t.words.slice(0, -1) : t.words)));
  const prefixes = terms.filter((t) => t.prefix).map((t) => t.words[t.words.length - 1] ?? '');
  return text.replace(/[\p{L}\p{N}]+/gu, (word) => {
    const lower = word.toLowerCase();
    return exact.has(lower) || prefixes.some((p) => lower.startsWith(p)) ? `«${word}»` : word;
  });
}
