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

/** Words that cannot be bare column or table names without quoting. */
export const RESERVED = new Set([
  'ALL', 'AND', 'AS', 'ASC', 'BETWEEN', 'BY', 'CALL', 'CASE', 'CAST', 'COLLATE', 'CROSS', 'CURRENT_DATE', 'CURRENT_TIME',
  'CURRENT_TIMESTAMP', 'DELETE', 'DESC', 'DISTINCT', 'ELSE', 'END', 'ESCAPE', 'EXCEPT', 'EXISTS', 'EXPLAIN', 'FILTER', 'FROM',
  'FULL', 'GLOB', 'GROUP', 'HAVING', 'IN', 'INNER', 'INSERT', 'INTERSECT', 'INTO', 'IS', 'ISNULL', 'JOIN', 'LEFT', 'LIKE',
  'LIMIT', 'MATCH', 'NATURAL', 'NOT', 'NOTNULL', 'NULL', 'OFFSET', 'ON', 'OR', 'ORDER', 'OUTER', 'OVER', 'REGEXP', 'RIGHT',
  'SELECT', 'SET', 'THEN', 'UNION', 'UPDATE', 'USING', 'VALUES', 'WHEN', 'WHERE', 'WINDOW', 'WITH',
]);
