/**
 * One way to call a function, as SQLite's `pragma_function_list` reports it: the syntax
 * layer learns which calls aggregate from SQLite itself (through the generated table in
 * sqliteFunctions.ts), never from a hand list.
 */
export interface FunctionForm {
  readonly name: string;
  /** s: scalar, a: aggregate, w: aggregate that can also take OVER, or a window function. */
  readonly type: 's' | 'a' | 'w';
  /** The argument count it takes; negative: a variable count. */
  readonly narg: number;
  /** A window function proper (row_number, lag…): SQLite refuses it without OVER. */
  readonly windowOnly?: true;
}
