/**
 * The values every layer passes around: a SQL value as SQLite gives it (ids and date-times are
 * text, so no id ever goes through a JS number) and a row of them. Their own module, below
 * the connector, the engine and the front ends alike, so the webview, the results panel,
 * notebooks and the CLI need nothing from the connector to name a cell. Imports nothing.
 */
export type SqlValue = string | number | null;
export type Row = SqlValue[];
