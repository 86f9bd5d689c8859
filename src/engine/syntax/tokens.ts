/** A range of the source text in UTF-16 offsets, end exclusive. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export type TokenKind =
  | 'Identifier'      // name or keyword; keywords are recognized by the parser, in context
  | 'QuotedIdentifier' // "name", [name] or `name`
  | 'String'          // 'text'
  | 'Integer'         // digits, kept as text: ids exceed 2^53
  | 'Float'
  | 'Blob'            // X'0A1B'
  | 'Parameter'       // :name, @name, $name, ?, ?NNN
  | 'Operator'
  | 'LParen' | 'RParen' | 'Comma' | 'Semicolon' | 'Dot'
  | 'Unknown'         // a character that starts no token
  | 'EOF';

export interface Token {
  readonly kind: TokenKind;
  readonly span: Span;
  /** Source text of the token. */
  readonly text: string;
  /** Identifiers: the name (unquoted, quotes undoubled); strings: the value. */
  readonly value: string;
}

/** A problem with the source, always with a range, never thrown. */
export interface Diagnostic {
  readonly code: string;
  readonly message: string;
  readonly span: Span;
  readonly severity: 'error' | 'warning' | 'info';
  /** Replacements that fix it, for quick fixes ("did you mean"). */
  readonly fixes?: readonly { readonly title: string; readonly span: Span; readonly text: string }[];
}

/** Every keyword of SQLite (its mkkeywordhash.c), upper case. */
export const SQLITE_KEYWORDS: ReadonlySet<string> = new Set([
  'ABORT', 'ACTION', 'ADD', 'AFTER', 'ALL', 'ALTER', 'ALWAYS', 'ANALYZE', 'AND', 'AS', 'ASC', 'ATTACH', 'AUTOINCREMENT', 'BEFORE',
  'BEGIN', 'BETWEEN', 'BY', 'CASCADE', 'CASE', 'CAST', 'CHECK', 'COLLATE', 'COLUMN', 'COMMIT', 'CONFLICT', 'CONSTRAINT', 'CREATE',
  'CROSS', 'CURRENT', 'CURRENT_DATE', 'CURRENT_TIME', 'CURRENT_TIMESTAMP', 'DATABASE', 'DEFAULT', 'DEFERRABLE', 'DEFERRED', 'DELETE',
  'DESC', 'DETACH', 'DISTINCT', 'DO', 'DROP', 'EACH', 'ELSE', 'END', 'ESCAPE', 'EXCEPT', 'EXCLUDE', 'EXCLUSIVE', 'EXISTS', 'EXPLAIN',
  'FAIL', 'FILTER', 'FIRST', 'FOLLOWING', 'FOR', 'FOREIGN', 'FROM', 'FULL', 'GENERATED', 'GLOB', 'GROUP', 'GROUPS', 'HAVING', 'IF',
  'IGNORE', 'IMMEDIATE', 'IN', 'INDEX', 'INDEXED', 'INITIALLY', 'INNER', 'INSERT', 'INSTEAD', 'INTERSECT', 'INTO', 'IS', 'ISNULL',
  'JOIN', 'KEY', 'LAST', 'LEFT', 'LIKE', 'LIMIT', 'MATCH', 'MATERIALIZED', 'NATURAL', 'NO', 'NOT', 'NOTHING', 'NOTNULL', 'NULL',
  'NULLS', 'OF', 'OFFSET', 'ON', 'OR', 'ORDER', 'OTHERS', 'OUTER', 'OVER', 'PARTITION', 'PLAN', 'PRAGMA', 'PRECEDING', 'PRIMARY',
  'QUERY', 'RAISE', 'RANGE', 'RECURSIVE', 'REFERENCES', 'REGEXP', 'REINDEX', 'RELEASE', 'RENAME', 'REPLACE', 'RESTRICT', 'RETURNING',
  'RIGHT', 'ROLLBACK', 'ROW', 'ROWS', 'SAVEPOINT', 'SELECT', 'SET', 'TABLE', 'TEMP', 'TEMPORARY', 'THEN', 'TIES', 'TO', 'TRANSACTION',
  'TRIGGER', 'UNBOUNDED', 'UNION', 'UNIQUE', 'UPDATE', 'USING', 'VACUUM', 'VALUES', 'VIEW', 'VIRTUAL', 'WHEN', 'WHERE', 'WINDOW',
  'WITH', 'WITHOUT',
]);

/**
 * Keywords SQLite lets you use as names where the keyword would not parse: parse.y's
 * `%fallback ID …` list (LIKE_KW spelled out as LIKE, GLOB, REGEXP; CTIME_KW as
 * CURRENT_DATE, CURRENT_TIME, CURRENT_TIMESTAMP; TEMP as TEMP, TEMPORARY; COLUMNKW as COLUMN).
 */
export const FALLBACK_KEYWORDS: ReadonlySet<string> = new Set([
  'ABORT', 'ACTION', 'AFTER', 'ANALYZE', 'ASC', 'ATTACH', 'BEFORE', 'BEGIN', 'BY', 'CASCADE', 'CAST', 'COLUMN', 'CONFLICT', 'DATABASE',
  'DEFERRED', 'DESC', 'DETACH', 'DO', 'EACH', 'END', 'EXCLUSIVE', 'EXPLAIN', 'FAIL', 'FOR', 'IGNORE', 'IMMEDIATE', 'INITIALLY', 'INSTEAD',
  'LIKE', 'GLOB', 'REGEXP', 'MATCH', 'NO', 'PLAN', 'QUERY', 'KEY', 'OF', 'OFFSET', 'PRAGMA', 'RAISE', 'RECURSIVE', 'RELEASE', 'REPLACE',
  'RESTRICT', 'ROW', 'ROWS', 'ROLLBACK', 'SAVEPOINT', 'TEMP', 'TEMPORARY', 'TRIGGER', 'VACUUM', 'VIEW', 'VIRTUAL', 'WITH', 'WITHOUT',
  'NULLS', 'FIRST', 'LAST', 'CURRENT', 'FOLLOWING', 'PARTITION', 'PRECEDING', 'RANGE', 'UNBOUNDED', 'EXCLUDE', 'GROUPS', 'OTHERS',
  'TIES', 'GENERATED', 'ALWAYS', 'MATERIALIZED', 'REINDEX', 'RENAME', 'CURRENT_DATE', 'CURRENT_TIME', 'CURRENT_TIMESTAMP', 'IF',
]);

/** SQLite's JOIN_KW: names of tables and columns (its `nm`), never a bare alias. */
export const JOIN_KEYWORDS: ReadonlySet<string> = new Set(['CROSS', 'FULL', 'INNER', 'LEFT', 'NATURAL', 'OUTER', 'RIGHT']);

/**
 * Keywords only where SQLite's tokenizer sees what follows them: FILTER after `)` before `(`,
 * OVER after `)` before `(` or a name, WINDOW before `name AS`. Elsewhere they are names.
 */
export const CONTEXTUAL_KEYWORDS: ReadonlySet<string> = new Set(['FILTER', 'OVER', 'WINDOW']);

/**
 * Words that are never a bare name: SQLite's keywords less the fallback list, the join
 * keywords, the contextual ones and INDEXED (which SQLite's `id` includes).
 */
export const RESERVED: ReadonlySet<string> = new Set(
  [...SQLITE_KEYWORDS].filter((w) => !FALLBACK_KEYWORDS.has(w) && !JOIN_KEYWORDS.has(w) && !CONTEXTUAL_KEYWORDS.has(w) && w !== 'INDEXED'),
);

/** Words the editor shows as keywords (the formatter upper-cases them); not about what may be a name. */
export const EDITOR_KEYWORDS: ReadonlySet<string> = new Set([
  'ALL', 'AND', 'AS', 'ASC', 'BETWEEN', 'BY', 'CALL', 'CASE', 'CAST', 'COLLATE', 'CROSS', 'CURRENT_DATE', 'CURRENT_TIME',
  'CURRENT_TIMESTAMP', 'DELETE', 'DESC', 'DISTINCT', 'ELSE', 'END', 'ESCAPE', 'EXCEPT', 'EXISTS', 'EXPLAIN', 'FILTER', 'FROM',
  'FULL', 'GLOB', 'GROUP', 'HAVING', 'IN', 'INNER', 'INSERT', 'INTERSECT', 'INTO', 'IS', 'ISNULL', 'JOIN', 'LEFT', 'LIKE',
  'LIMIT', 'MATCH', 'NATURAL', 'NOT', 'NOTNULL', 'NULL', 'OFFSET', 'ON', 'OR', 'ORDER', 'OUTER', 'OVER', 'REGEXP', 'RIGHT',
  'SELECT', 'SET', 'THEN', 'UNION', 'UPDATE', 'USING', 'VALUES', 'WHEN', 'WHERE', 'WINDOW', 'WITH',
]);
