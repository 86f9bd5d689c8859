import type { Diagnostic, Span } from './tokens';

/**
 * Every diagnostic the scanner, parser and binder report: its code, severity and text, in
 * one table (as the TypeScript compiler keeps diagnosticMessages.json), so tests and docs
 * name them (`Diagnostics.unknownJoinType.code`) instead of repeating strings. Texts are
 * templates: `{0}`, `{1}`… are the arguments of `diagnostic()` in order. GS1xxx are syntax
 * (scanner GS100x, parser GS11xx), GS2xxx are names and rules (binder). A code names one
 * problem; a few problems have more than one wording (GS2002 with and without its table).
 */
export const Diagnostics = {
  // Scanner
  unterminatedString: error('GS1001', "Unterminated string: add the closing '"),
  // A warning: SQLite accepts a block comment open at the end of the text, but everything after it is ignored.
  unterminatedComment: warning('GS1002', 'Unterminated comment: it runs to the end of the text; add */ to end it'),
  unterminatedQuotedName: error('GS1003', 'Unterminated quoted name: add {0}'),
  unexpectedCharacter: error('GS1004', 'Unexpected character {0}'),
  malformedNumber: error('GS1005', 'Malformed number {0}'),
  hexTooBig: error('GS1006', 'Hex literal too big: {0} (at most 16 significant hex digits)'),
  malformedBlob: error('GS1007', 'Malformed blob literal {0}: it takes an even number of hex digits'),
  negatedHexTooBig: error('GS1008', 'Hex literal too big: -{0} is below the smallest integer'),
  // Parser: statements and clauses
  expectedStatement: error('GS1100', 'Expected a statement (SELECT, INSERT, UPDATE, DELETE, CALL or EXPLAIN), found {0}'),
  expectedEndOfStatement: error('GS1101', 'Unexpected {0}: expected ; or the end of the statement'),
  nestedExplain: error('GS1102', 'EXPLAIN cannot be nested'),
  expectedName: error('GS1110', 'Expected {0}, found {1}'),
  expectedNullsOrder: error('GS1120', 'Expected FIRST or LAST after NULLS'),
  unknownJoinType: error('GS1121', 'Unknown join type: {0} JOIN'),
  tooManyJoinTables: error('GS1123', 'Too many tables in one join (at most {0})'),
  naturalJoinConstraint: error('GS1124', 'A NATURAL join cannot have an ON or USING clause'),
  unevenValues: error('GS1125', 'Every VALUES row needs the same number of values (the first has {0})'),
  parameterNumber: error('GS1126', 'Parameter numbers go from ?1 to ?{0}'),
  clauseAfterValues: error('GS1127', '{0} cannot follow VALUES; select from it: SELECT * FROM (VALUES …) {0} …'),
  frameEndsBeforeStart: error('GS1128', 'Unsupported frame: it ends before it starts'),
  expectedExclusion: error('GS1129', 'Expected NO OTHERS, CURRENT ROW, GROUP or TIES after EXCLUDE, found {0}'),
  expectedValuesOrSelect: error('GS1130', 'Expected VALUES or SELECT'),
  expectedEquals: error('GS1131', 'Expected = after {0}'),
  clauseInsideCompound: error('GS1132', '{0} must come after the last SELECT of a compound, not before {1}'),
  rangeOffsetNeedsOneOrder: error('GS1133', 'RANGE with an offset PRECEDING or FOLLOWING needs exactly one ORDER BY expression'),
  unboundedOnWrongSide: error('GS1134', 'A frame cannot {0} at UNBOUNDED {1}; expected UNBOUNDED {2}'),
  caseWithoutWhen: error('GS1140', 'CASE needs at least one WHEN … THEN …'),
  expectedTypeSize: error('GS1141', "Expected a number in the type's size, found {0}"),
  expectedItemAfterComma: error('GS1150', 'Expected another item after the comma'),
  // Parser: expressions and tokens
  expectedExpression: error('GS1160', 'Expected an expression, found {0}'),
  starAsOperand: error('GS1161', '* stands for all columns only in a result list or count(*); expected an expression'),
  tableStarAsOperand: error('GS1162', '{0}.* stands for all columns only in a result list; expected a column name'),
  expectedToken: error('GS1170', 'Expected {0}, found {1}'),
  expectedAfter: error('GS1171', 'Expected {0} after {1}'),
  expectedKeyword: error('GS1172', 'Expected {0}, found {1}'),
  // Parser: limits and guards
  nestedTooDeeply: error('GS1190', 'Nested too deeply: more than {0} levels of parentheses, subqueries or operators'),
  cannotParse: error('GS1191', 'Cannot parse this statement: {0} at {1}'),
  tooManyCompoundTerms: error('GS1193', 'Too many terms in a compound SELECT (at most {0})'),
  // Binder
  unknownObject: error('GS2001', 'Unknown object {0}'),
  unknownColumn: error('GS2002', 'Unknown column {0}'),
  unknownColumnIn: error('GS2002', 'Unknown column {0} in {1}'),
  unknownColumnWithoutFrom: error('GS2002', 'Unknown column {0}: the statement has no FROM clause'),
  // SQLite would read a double-quoted name no column has as a string: {0} is one of the above.
  doubleQuotedText: error('GS2002', '{0} — for text, use single quotes: {1}'),
  ambiguousColumn: error('GS2003', 'Ambiguous column {0}: it is in {1}; qualify it'),
  unknownTableOrAlias: error('GS2004', 'Unknown table or alias {0}'),
  unknownSchema: error('GS2005', 'Unknown schema {0}: Gong objects are in gong (or main)'),
  unsupportedStatement: error('GS2010', '{0} does not support {1}; it supports {2}'),
  readOnlyColumn: error('GS2011', '{0}.{1} is read-only'),
  missingInsertColumns: error('GS2012', 'INSERT INTO {0} needs {1}'),
  valueCount: error('GS2013', '{0} values for {1} columns'),
  insertWithoutColumns: error('GS2014', 'Name the columns to insert: INSERT INTO {0} ({1}, …) VALUES (…)'),
  unknownProcedure: error('GS2020', 'Unknown procedure {0}'),
  tooManyArguments: error('GS2021', '{0} takes at most {1} arguments'),
  missingArguments: error('GS2022', '{0} needs {1}'),
  invalidArgument: error('GS2023', '{0} {1}'),
  insertOnlyColumn: warning('GS2030', '{0}.{1} is used only by INSERT; SELECT returns it empty'),
  updateWithoutWhere: warning('GS2031', 'UPDATE without WHERE changes every row of {0}'),
  deleteWithoutWhere: warning('GS2031', 'DELETE without WHERE deletes every row of {0}'),
  dayEqualsInstants: warning('GS2032', "{0} = '{1}' compares date-times with a day, which no date-time equals (SQL compares the text): for that whole day write {0} >= '{1}' AND {0} < '{2}'"),
  dayEndsInstants: warning('GS2033', "{0} <= '{1}' compares date-times with a day: it ends at {1} 00:00:00, leaving that day out; to include it write {0} < '{2}'"),
} as const;

export interface DiagnosticMessage {
  readonly code: string;
  readonly severity: Diagnostic['severity'];
  /** The text, with `{0}`, `{1}`… where the arguments go. */
  readonly template: string;
}

/** The text of a message with its arguments in place. */
export function messageText(message: DiagnosticMessage, args: readonly (string | number)[]): string {
  return message.template.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)] ?? ''));
}

/** A diagnostic of the table at `span`. */
export function diagnostic(message: DiagnosticMessage, span: Span, ...args: (string | number)[]): Diagnostic {
  return { code: message.code, message: messageText(message, args), span, severity: message.severity };
}

function error(code: string, template: string): DiagnosticMessage {
  return { code, severity: 'error', template };
}

function warning(code: string, template: string): DiagnosticMessage {
  return { code, severity: 'warning', template };
}
