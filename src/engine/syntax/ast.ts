import type { Span } from './tokens';

/** A name as written: unquoted names compare case-insensitively. */
export interface Name {
  readonly text: string;
  readonly span: Span;
  readonly quoted: boolean;
  /**
   * The quote it was written with, when quoted: `"` (which SQLite reads as a string when no
   * column has the name, so the binder hints at single quotes), `` ` ``, `[` or `'`.
   */
  readonly quote?: '"' | '`' | '[' | "'";
}

export type Expr =
  | Literal | ColumnRef | StarExpr | ParameterExpr | UnaryExpr | BinaryExpr | BetweenExpr | InListExpr | InSelectExpr
  | IsNullExpr | CallExpr | CaseExpr | CastExpr | ExistsExpr | SubqueryExpr | ParenExpr | CollateExpr | MissingExpr;

export interface Literal {
  readonly kind: 'Literal';
  readonly span: Span;
  readonly type: 'integer' | 'float' | 'string' | 'blob' | 'null' | 'boolean' | 'current';
  /** Integers keep their digits (ids exceed 2^53); strings are unescaped; booleans are TRUE/FALSE. */
  readonly value: string;
}
/** `name`, `t.name` or `schema.t.name`. */
export interface ColumnRef { readonly kind: 'Column'; readonly span: Span; readonly schema?: Name; readonly table?: Name; readonly name: Name }
/** `*` or `t.*` (result columns, count(*)). */
export interface StarExpr { readonly kind: 'Star'; readonly span: Span; readonly schema?: Name; readonly table?: Name }
/** `:name`, `@name`, `$name` (name without the sigil), or `?`/`?N` (name `?N`, numbered in order). */
export interface ParameterExpr {
  readonly kind: 'Parameter';
  readonly span: Span;
  /**
   * What binds it: `x` for `:x`, `@x` and `$x` alike (so `--param x=…` gives all three their
   * value), `?N` for `?N` and for the Nth bare `?`.
   */
  readonly name: string;
  /** As the user wrote it (`$x`, `@y`, `:x`, `?1`, `?`): what messages and the printer show. */
  readonly written: string;
}
export interface UnaryExpr { readonly kind: 'Unary'; readonly span: Span; /** `-`, `+`, `~`, `NOT` */ readonly op: string; readonly operand: Expr }
export interface BinaryExpr {
  readonly kind: 'Binary';
  readonly span: Span;
  /** Upper case: `=`, `<`, `AND`, `OR`, `||`, `LIKE`, `NOT LIKE`, `IS`, `IS NOT`, `->>`, … */
  readonly op: string;
  readonly left: Expr;
  readonly right: Expr;
  /** `x LIKE y ESCAPE z`. */
  readonly escape?: Expr;
}
export interface BetweenExpr { readonly kind: 'Between'; readonly span: Span; readonly not: boolean; readonly expr: Expr; readonly low: Expr; readonly high: Expr }
export interface InListExpr { readonly kind: 'InList'; readonly span: Span; readonly not: boolean; readonly expr: Expr; readonly items: readonly Expr[] }
export interface InSelectExpr { readonly kind: 'InSelect'; readonly span: Span; readonly not: boolean; readonly expr: Expr; readonly select: SelectStatement }
/** `x IS NULL`, `x ISNULL`, `x NOTNULL`, `x NOT NULL`, `x IS NOT NULL`. */
export interface IsNullExpr { readonly kind: 'IsNull'; readonly span: Span; readonly not: boolean; readonly expr: Expr }
export interface CallExpr {
  readonly kind: 'Call';
  readonly span: Span;
  readonly name: Name;
  readonly distinct: boolean;
  readonly args: readonly Expr[];
  /** An aggregate's own order: `group_concat(x, ', ' ORDER BY y)`. */
  readonly orderBy?: readonly OrderItem[];
  readonly filter?: Expr;
  /** A window function: `OVER (…)` or `OVER name`. */
  readonly over?: WindowSpec;
}
/** `OVER (base PARTITION BY … ORDER BY … frame)`, `OVER name`, or a WINDOW clause's definition. */
export interface WindowSpec {
  readonly span: Span;
  /** The base window (`OVER (w ORDER BY …)`) or, for `OVER w`, the window referred to. */
  readonly name?: Name;
  readonly partitionBy: readonly Expr[];
  readonly orderBy: readonly OrderItem[];
  readonly frame?: WindowFrame;
}
/** `ROWS|RANGE|GROUPS start` or `… BETWEEN start AND end`, with an optional EXCLUDE. */
export interface WindowFrame {
  readonly span: Span;
  readonly units: 'ROWS' | 'RANGE' | 'GROUPS';
  readonly start: FrameBound;
  /** Present for the BETWEEN form. */
  readonly end?: FrameBound;
  readonly exclude?: 'NO OTHERS' | 'CURRENT ROW' | 'GROUP' | 'TIES';
}
export type FrameBound =
  | { readonly kind: 'UnboundedPreceding'; readonly span: Span }
  | { readonly kind: 'Preceding'; readonly span: Span; readonly offset: Expr }
  | { readonly kind: 'CurrentRow'; readonly span: Span }
  | { readonly kind: 'Following'; readonly span: Span; readonly offset: Expr }
  | { readonly kind: 'UnboundedFollowing'; readonly span: Span };
export interface CaseExpr { readonly kind: 'Case'; readonly span: Span; readonly operand?: Expr; readonly whens: readonly { when: Expr; then: Expr }[]; readonly else?: Expr }
/** `type` is the type name as SQLite keeps it: words joined by one space, then any `(n)` or `(n, m)` (`DECIMAL(10,2)`). */
export interface CastExpr { readonly kind: 'Cast'; readonly span: Span; readonly expr: Expr; readonly type: string }
export interface ExistsExpr { readonly kind: 'Exists'; readonly span: Span; readonly not: boolean; readonly select: SelectStatement }
export interface SubqueryExpr { readonly kind: 'Subquery'; readonly span: Span; readonly select: SelectStatement }
/** `(a)` or a row value `(a, b)`. */
export interface ParenExpr { readonly kind: 'Paren'; readonly span: Span; readonly exprs: readonly Expr[] }
export interface CollateExpr { readonly kind: 'Collate'; readonly span: Span; readonly expr: Expr; readonly collation: string }
/** Where an expression was expected and none was written: zero width, with a diagnostic. */
export interface MissingExpr { readonly kind: 'Missing'; readonly span: Span }

export interface OrderItem { readonly span: Span; readonly expr: Expr; readonly desc: boolean; readonly nulls?: 'FIRST' | 'LAST' }

export interface SelectItem { readonly span: Span; readonly expr: Expr; readonly alias?: Name }

export type FromItem = TableRef | TableFunctionRef | SubqueryRef | JoinItem | ParenFromRef;

/** A named table: a Gong object or a CTE. `FROM 't1'` (a string as a name) gives a quoted name. */
export interface TableRef {
  readonly kind: 'Table';
  readonly span: Span;
  /** `main.t`, `gong.Calls`: kept so the printer can say what was written; the engine resolves it. */
  readonly schema?: Name;
  readonly name: Name;
  readonly alias?: Name;
  /** `INDEXED BY idx` (name) or `NOT INDEXED` (null). */
  readonly indexedBy?: Name | null;
}
/** `json_each(x)` and friends. */
export interface TableFunctionRef { readonly kind: 'TableFunction'; readonly span: Span; readonly schema?: Name; readonly name: Name; readonly args: readonly Expr[]; readonly alias?: Name }
/** A parenthesised FROM clause: `(t1 JOIN t2 ON a = c) AS j`, `(json_each('[1]')) AS x`. */
export interface ParenFromRef { readonly kind: 'ParenFrom'; readonly span: Span; readonly from: FromItem; readonly alias?: Name }
export interface SubqueryRef { readonly kind: 'SubqueryFrom'; readonly span: Span; readonly select: SelectStatement; readonly alias?: Name }
export interface JoinItem {
  readonly kind: 'Join';
  readonly span: Span;
  readonly left: FromItem;
  readonly right: FromItem;
  readonly type: 'INNER' | 'LEFT' | 'RIGHT' | 'FULL' | 'CROSS';
  readonly natural: boolean;
  readonly on?: Expr;
  readonly using?: readonly Name[];
}

export interface SelectCore {
  readonly kind: 'Core';
  readonly span: Span;
  readonly distinct: boolean;
  readonly columns: readonly SelectItem[];
  readonly from?: FromItem;
  readonly where?: Expr;
  readonly groupBy: readonly Expr[];
  readonly having?: Expr;
  readonly windows: readonly { name: Name; spec: WindowSpec }[];
}
export interface CompoundSelect { readonly kind: 'Compound'; readonly span: Span; readonly op: 'UNION' | 'UNION ALL' | 'INTERSECT' | 'EXCEPT'; readonly left: SelectBody; readonly right: SelectBody }
export interface ValuesBody { readonly kind: 'Values'; readonly span: Span; readonly rows: readonly (readonly Expr[])[] }
export type SelectBody = SelectCore | CompoundSelect | ValuesBody;

export interface CommonTable {
  readonly span: Span;
  readonly name: Name;
  readonly columns: readonly Name[];
  /** `AS MATERIALIZED (…)` is true, `AS NOT MATERIALIZED (…)` is false, plain `AS (…)` leaves it out. */
  readonly materialized?: boolean;
  readonly select: SelectStatement;
}

export interface SelectStatement {
  readonly kind: 'Select';
  readonly span: Span;
  readonly with?: { readonly recursive: boolean; readonly tables: readonly CommonTable[] };
  readonly body: SelectBody;
  readonly orderBy: readonly OrderItem[];
  readonly limit?: { readonly span: Span; readonly limit: Expr; readonly offset?: Expr };
}

export interface InsertStatement {
  readonly kind: 'Insert';
  readonly span: Span;
  readonly schema?: Name;
  readonly table: Name;
  readonly columns: readonly Name[];
  /** VALUES rows, or a SELECT whose rows are inserted. */
  readonly source: { readonly kind: 'Values'; readonly rows: readonly (readonly Expr[])[] } | { readonly kind: 'Select'; readonly select: SelectStatement } | { readonly kind: 'Missing'; readonly span: Span };
}
export interface UpdateStatement {
  readonly kind: 'Update';
  readonly span: Span;
  readonly schema?: Name;
  readonly table: Name;
  readonly alias?: Name;
  readonly sets: readonly { readonly column: Name; readonly value: Expr }[];
  readonly where?: Expr;
}
export interface DeleteStatement { readonly kind: 'Delete'; readonly span: Span; readonly schema?: Name; readonly table: Name; readonly alias?: Name; readonly where?: Expr }
export interface CallStatement { readonly kind: 'Call'; readonly span: Span; readonly name: Name; readonly args: readonly Expr[]; /** Inside the parentheses, for signature help. */ readonly argsSpan: Span }
export interface ExplainStatement { readonly kind: 'Explain'; readonly span: Span; readonly statement: Statement }
/** Text that starts no statement; its diagnostic says why. */
export interface InvalidStatement { readonly kind: 'Invalid'; readonly span: Span }

export type Statement = SelectStatement | InsertStatement | UpdateStatement | DeleteStatement | CallStatement | ExplainStatement | InvalidStatement;
