/** SQLite's functions as the editor offers them: name, signature, what it does. */
export const FUNCTIONS: readonly { name: string; signature: string; doc: string }[] = [
  ['abs', 'abs(X)', 'Absolute value.'], ['coalesce', 'coalesce(X, Y, …)', 'The first non-NULL argument.'],
  ['ifnull', 'ifnull(X, Y)', 'X, or Y when X is NULL.'], ['iif', 'iif(C, X, Y)', 'X when C is true, else Y.'],
  ['instr', 'instr(X, Y)', 'Position of Y in X (1-based), 0 if absent.'], ['length', 'length(X)', 'Characters in X.'],
  ['lower', 'lower(X)', 'Lower case.'], ['upper', 'upper(X)', 'Upper case.'], ['ltrim', 'ltrim(X[, Y])', 'Trims the left.'],
  ['rtrim', 'rtrim(X[, Y])', 'Trims the right.'], ['trim', 'trim(X[, Y])', 'Trims both ends.'],
  ['nullif', 'nullif(X, Y)', 'NULL when X = Y, else X.'], ['printf', 'printf(FORMAT, …)', 'Formatted text.'],
  ['format', 'format(FORMAT, …)', 'Formatted text.'], ['replace', 'replace(X, Y, Z)', 'X with every Y replaced by Z.'],
  ['round', 'round(X[, N])', 'X rounded to N digits.'], ['substr', 'substr(X, START[, LENGTH])', 'Part of X.'],
  ['typeof', 'typeof(X)', "X's storage class."], ['cast', 'CAST(X AS TYPE)', 'Converts X.'],
  ['date', "date(TIME, MODIFIER…)", "A date (YYYY-MM-DD); date('now', '-7 days')."], ['datetime', 'datetime(TIME, MODIFIER…)', 'YYYY-MM-DD HH:MM:SS.'],
  ['time', 'time(TIME, MODIFIER…)', 'HH:MM:SS.'], ['julianday', 'julianday(TIME, MODIFIER…)', 'Julian day number.'],
  ['unixepoch', 'unixepoch(TIME, MODIFIER…)', 'Seconds since 1970.'], ['strftime', 'strftime(FORMAT, TIME, MODIFIER…)', 'Formatted date/time.'],
  ['count', 'count(X) | count(*)', 'Aggregate: number of rows (non-NULL X).'], ['sum', 'sum(X)', 'Aggregate: sum.'],
  ['total', 'total(X)', 'Aggregate: sum as a float, 0.0 for no rows.'], ['avg', 'avg(X)', 'Aggregate: average.'],
  ['min', 'min(X[, Y…])', 'Aggregate (one argument) or the smallest argument.'], ['max', 'max(X[, Y…])', 'Aggregate (one argument) or the largest argument.'],
  ['group_concat', 'group_concat(X[, SEP])', 'Aggregate: values joined by SEP.'], ['string_agg', 'string_agg(X, SEP)', 'Aggregate: values joined by SEP.'],
  ['row_number', 'row_number() OVER (…)', 'Window: row number.'], ['rank', 'rank() OVER (…)', 'Window: rank with gaps.'],
  ['dense_rank', 'dense_rank() OVER (…)', 'Window: rank without gaps.'], ['lag', 'lag(X[, N[, DEFAULT]]) OVER (…)', 'Window: X of an earlier row.'],
  ['lead', 'lead(X[, N[, DEFAULT]]) OVER (…)', 'Window: X of a later row.'], ['ntile', 'ntile(N) OVER (…)', 'Window: bucket number.'],
  ['first_value', 'first_value(X) OVER (…)', 'Window: first X.'], ['last_value', 'last_value(X) OVER (…)', 'Window: last X.'],
  ['json_extract', "json_extract(JSON, '$.path', …)", 'The value at a path of a JSON column (Parties, Questions, Context…).'],
  ['json_each', 'json_each(JSON[, PATH])', 'Table-valued: a row per element (key, value, type, …).'], ['json_tree', 'json_tree(JSON[, PATH])', 'Table-valued: every node.'],
  ['json_array_length', 'json_array_length(JSON[, PATH])', 'Elements of a JSON array.'], ['json_type', 'json_type(JSON[, PATH])', 'JSON type at a path.'],
  ['json_valid', 'json_valid(X)', '1 if X is well-formed JSON.'], ['json_object', 'json_object(LABEL, VALUE, …)', 'Builds a JSON object.'],
  ['json_array', 'json_array(VALUE, …)', 'Builds a JSON array.'], ['json_group_array', 'json_group_array(X)', 'Aggregate: a JSON array.'],
  ['json_group_object', 'json_group_object(NAME, VALUE)', 'Aggregate: a JSON object.'],
].map(([name, signature, doc]) => ({ name: name as string, signature: signature as string, doc: doc as string }));

/** Keywords offered where a statement starts, and elsewhere. */
export const STATEMENT_KEYWORDS = ['SELECT', 'WITH', 'INSERT INTO', 'UPDATE', 'DELETE FROM', 'CALL', 'EXPLAIN', 'VALUES'];
export const CLAUSE_KEYWORDS = [
  'SELECT', 'DISTINCT', 'FROM', 'WHERE', 'GROUP BY', 'HAVING', 'ORDER BY', 'LIMIT', 'OFFSET', 'JOIN', 'LEFT JOIN', 'INNER JOIN',
  'CROSS JOIN', 'ON', 'USING', 'AS', 'AND', 'OR', 'NOT', 'IN', 'IS NULL', 'IS NOT NULL', 'LIKE', 'BETWEEN', 'CASE', 'WHEN', 'THEN',
  'ELSE', 'END', 'UNION', 'UNION ALL', 'EXCEPT', 'INTERSECT', 'ASC', 'DESC', 'EXISTS', 'NULL', 'SET', 'VALUES', 'OVER', 'PARTITION BY',
];
