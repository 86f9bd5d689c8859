import type { Database, SqlJsStatic } from 'sql.js';

/**
 * SQLite's verdict on a query: does its syntax parse? sql.js's `prepare()` also resolves
 * names, so an error is a syntax error only when SQLite's parser (the grammar and the checks
 * its grammar actions make) raises it; "no such table/column/function", misuse of
 * aggregates, row-value and other name-resolution errors mean the syntax is valid.
 *
 * The rule: a message is a syntax error when it matches one of SYNTAX_MESSAGES; anything
 * else is a semantic error. `npm run conformance -- --verbose` prints every semantic message
 * with its count so the list can be reviewed.
 */
export const SYNTAX_MESSAGES: readonly RegExp[] = [
  /^near ".*": syntax error$/s,
  /^incomplete input$/,
  /^unrecognized token: /,
  /^parser stack overflow$/,
  // Raised by the grammar's actions while parsing, before any name is resolved:
  /^unknown join type: /,
  /^a NATURAL join may not have an ON or USING clause$/,
  /^a JOIN clause is required before (ON|USING)$/,
  /^hex literal too big: /,
  /^(ORDER BY|LIMIT) clause should come after \S+( ALL)? not before$/,
  /^all VALUES must have the same number of terms$/,
  /^unsupported frame specification$/,
  /^too many terms in compound SELECT$/,
  /^Expression tree is too large/,
  /^at most \d+ tables in a join$/,
  /^variable number must be between \?1 and \?\d+$/,
  /^RANGE with offset PRECEDING\/FOLLOWING requires one ORDER BY expression$/,
];

export function isSyntaxMessage(message: string): boolean {
  return SYNTAX_MESSAGES.some((re) => re.test(message));
}

export type SqliteVerdict = { readonly valid: true; readonly message?: string } | { readonly valid: false; readonly message: string };

/** Prepares every statement of `sql` (never runs them) and judges the first error. */
export function sqliteVerdict(db: Database, sql: string): SqliteVerdict {
  try {
    for (const statement of db.iterateStatements(sql)) statement.free();
    return { valid: true };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return isSyntaxMessage(message) ? { valid: false, message } : { valid: true, message };
  }
}

/**
 * A database holding one corpus file's schema as it grows: schema statements are applied
 * once, in order; a reset (a schema list that does not extend the applied one) starts over.
 * Schema statements SQLite rejects (e.g. modules sql.js lacks) are skipped.
 */
export class SchemaDatabase {
  private db: Database;
  private applied: readonly string[] = [];

  constructor(private readonly SQL: SqlJsStatic) {
    this.db = new SQL.Database();
  }

  at(schema: readonly string[]): Database {
    const extends_ = schema.length >= this.applied.length && this.applied.every((s, i) => s === schema[i]);
    if (!extends_) {
      this.db.close();
      this.db = new this.SQL.Database();
      this.applied = [];
    }
    for (const statement of schema.slice(this.applied.length)) {
      try {
        this.db.run(statement);
      } catch {
        // Not supported here: the queries that need it get "no such table", still valid syntax.
      }
    }
    this.applied = schema;
    return this.db;
  }

  close(): void {
    this.db.close();
  }
}
