import { functionForms, functionKind } from '../syntax/functionCatalog';

/** A function as the editor offers it: name, signature, what it does. */
export interface FunctionDoc {
  readonly name: string;
  readonly signature: string;
  readonly doc: string;
}

/**
 * Words for the functions users reach for most. Whether one aggregates or windows is not
 * written here: it comes from SQLite's function list (functionCatalog.ts), as for the planner.
 */
const WRITTEN: Record<string, [signature: string, doc: string]> = {
  abs: ['abs(X)', 'Absolute value.'], coalesce: ['coalesce(X, Y, …)', 'The first non-NULL argument.'],
  ifnull: ['ifnull(X, Y)', 'X, or Y when X is NULL.'], iif: ['iif(C, X, Y)', 'X when C is true, else Y.'],
  instr: ['instr(X, Y)', 'Position of Y in X (1-based), 0 if absent.'], length: ['length(X)', 'Characters in X.'],
  lower: ['lower(X)', 'Lower case.'], upper: ['upper(X)', 'Upper case.'], ltrim: ['ltrim(X[, Y])', 'Trims the left.'],
  rtrim: ['rtrim(X[, Y])', 'Trims the right.'], trim: ['trim(X[, Y])', 'Trims both ends.'],
  nullif: ['nullif(X, Y)', 'NULL when X = Y, else X.'], printf: ['printf(FORMAT, …)', 'Formatted text.'],
  format: ['format(FORMAT, …)', 'Formatted text.'], replace: ['replace(X, Y, Z)', 'X with every Y replaced by Z.'],
  round: ['round(X[, N])', 'X rounded to N digits.'], substr: ['substr(X, START[, LENGTH])', 'Part of X.'],
  typeof: ['typeof(X)', "X's storage class."],
  date: ["date(TIME, MODIFIER…)", "A date (YYYY-MM-DD); date('now', '-7 days')."], datetime: ['datetime(TIME, MODIFIER…)', 'YYYY-MM-DD HH:MM:SS.'],
  time: ['time(TIME, MODIFIER…)', 'HH:MM:SS.'], julianday: ['julianday(TIME, MODIFIER…)', 'Julian day number.'],
  unixepoch: ['unixepoch(TIME, MODIFIER…)', 'Seconds since 1970.'], strftime: ['strftime(FORMAT, TIME, MODIFIER…)', 'Formatted date/time.'],
  count: ['count(X) | count(*)', 'Number of rows (non-NULL X).'], sum: ['sum(X)', 'Sum.'],
  total: ['total(X)', 'Sum as a float, 0.0 for no rows.'], avg: ['avg(X)', 'Average.'],
  min: ['min(X[, Y…])', 'The smallest X; with two or more arguments, the smallest of them (scalar).'],
  max: ['max(X[, Y…])', 'The largest X; with two or more arguments, the largest of them (scalar).'],
  group_concat: ['group_concat(X[, SEP])', 'Values joined by SEP.'], string_agg: ['string_agg(X, SEP)', 'Values joined by SEP.'],
  median: ['median(X)', 'The middle number (the mean of the two middle ones for an even count).'],
  lower_quartile: ['lower_quartile(X)', 'The number a quarter of the way up, interpolated.'],
  upper_quartile: ['upper_quartile(X)', 'The number three quarters of the way up, interpolated.'],
  mode: ['mode(X)', 'The most frequent value, exactly as stored (an id stays its digits); ties go to the smallest.'],
  stdev: ['stdev(X)', 'Sample standard deviation; NULL for fewer than two numbers.'],
  variance: ['variance(X)', 'Sample variance; NULL for fewer than two numbers.'],
  row_number: ['row_number() OVER (…)', 'Row number.'], rank: ['rank() OVER (…)', 'Rank with gaps.'],
  dense_rank: ['dense_rank() OVER (…)', 'Rank without gaps.'], lag: ['lag(X[, N[, DEFAULT]]) OVER (…)', 'X of an earlier row.'],
  lead: ['lead(X[, N[, DEFAULT]]) OVER (…)', 'X of a later row.'], ntile: ['ntile(N) OVER (…)', 'Bucket number.'],
  first_value: ['first_value(X) OVER (…)', 'First X.'], last_value: ['last_value(X) OVER (…)', 'Last X.'],
  json_extract: ["json_extract(JSON, '$.path', …)", 'The value at a path of a JSON column (Parties, Questions, Context…).'],
  json_array_length: ['json_array_length(JSON[, PATH])', 'Elements of a JSON array.'], json_type: ['json_type(JSON[, PATH])', 'JSON type at a path.'],
  json_valid: ['json_valid(X)', '1 if X is well-formed JSON.'], json_object: ['json_object(LABEL, VALUE, …)', 'Builds a JSON object.'],
  json_array: ['json_array(VALUE, …)', 'Builds a JSON array.'], json_group_array: ['json_group_array(X)', 'A JSON array of the values.'],
  json_group_object: ['json_group_object(NAME, VALUE)', 'A JSON object of the pairs.'],
};

/** Syntax that reads like a call but is not in SQLite's function list. */
const NOT_FUNCTIONS: readonly FunctionDoc[] = [
  { name: 'cast', signature: 'CAST(X AS TYPE)', doc: 'Converts X.' },
  { name: 'json_each', signature: 'json_each(JSON[, PATH])', doc: 'Table-valued: a row per element (key, value, type, …).' },
  { name: 'json_tree', signature: 'json_tree(JSON[, PATH])', doc: 'Table-valued: every node.' },
];

const KIND_WORDS = { aggregate: 'Aggregate', window: 'Window function' } as const;

/** Every function SQLite knows (operators such as `->` aside), with written words where there are some. */
export const FUNCTIONS: readonly FunctionDoc[] = [
  ...[...functionForms()].filter(([name]) => /^[a-z_][a-z0-9_]*$/.test(name)).map(([name, forms]): FunctionDoc => {
    const kind = functionKind(name) ?? 'scalar';
    const [signature, doc] = WRITTEN[name] ?? [`${signatureOf(name, forms.map((f) => f.narg))}${kind === 'window' ? ' OVER (…)' : ''}`, `See ${referenceOf(name, kind)}.`];
    return { name, signature, doc: kind === 'scalar' ? doc : `${KIND_WORDS[kind]}. ${doc}` };
  }),
  ...NOT_FUNCTIONS,
];

/** SQLite's page for a function nobody wrote words for. */
function referenceOf(name: string, kind: 'scalar' | 'aggregate' | 'window'): string {
  if (name.startsWith('json')) return 'sqlite.org/json1.html';
  if (kind === 'window') return 'sqlite.org/windowfunctions.html';
  if (kind === 'aggregate') return 'sqlite.org/lang_aggfunc.html';
  return 'sqlite.org/lang_corefunc.html (and lang_mathfunc.html, lang_datefunc.html)';
}

/** `name(X, Y[, Z])` from the argument counts SQLite lists; `…` when the count varies. */
function signatureOf(name: string, counts: readonly number[]): string {
  const fixed = counts.filter((n) => n >= 0);
  const least = fixed.length ? Math.min(...fixed) : 0;
  const most = fixed.length ? Math.max(...fixed) : 0;
  const names = ['X', 'Y', 'Z', 'W'];
  const required = names.slice(0, least).join(', ');
  // Each optional argument nests in the one before: like(X, Y[, Z]), unhex(X[, Y]).
  const optional = names.slice(least, most).map((n, i) => `[${least + i > 0 ? ', ' : ''}${n}`).join('') + ']'.repeat(most - least);
  const more = counts.some((n) => n < 0) ? `${least + most > 0 ? ', ' : ''}…` : '';
  return `${name}(${required}${optional}${more})`;
}

/** Keywords offered where a statement starts, and elsewhere. */
export const STATEMENT_KEYWORDS = ['SELECT', 'WITH', 'INSERT INTO', 'UPDATE', 'DELETE FROM', 'CALL', 'EXPLAIN', 'VALUES'];
export const CLAUSE_KEYWORDS = [
  'SELECT', 'DISTINCT', 'FROM', 'WHERE', 'GROUP BY', 'HAVING', 'ORDER BY', 'LIMIT', 'OFFSET', 'JOIN', 'LEFT JOIN', 'INNER JOIN',
  'CROSS JOIN', 'ON', 'USING', 'AS', 'AND', 'OR', 'NOT', 'IN', 'IS NULL', 'IS NOT NULL', 'LIKE', 'BETWEEN', 'CASE', 'WHEN', 'THEN',
  'ELSE', 'END', 'UNION', 'UNION ALL', 'EXCEPT', 'INTERSECT', 'ASC', 'DESC', 'EXISTS', 'NULL', 'SET', 'VALUES', 'OVER', 'PARTITION BY',
];
