/** The gongsql engine: parse → bind → plan → fetch → evaluate. Pure Node, no vscode. */
export { parse, type ParseResult } from './syntax/parser';
export type { Diagnostic, Span, Token } from './syntax/tokens';
export type * as Ast from './syntax/ast';
export { bind, constantValue, type BindResult } from './bind/binder';
export { planQuery, type QueryPlan, type Scan } from './plan/planner';
export { execute } from './run/engine';
export { EngineError, lineColumn } from './run/errors';
export { NotConfirmed } from './run/context';
export { QueryCache } from './run/cache';
export type { RunOptions, ConfirmRequest, ConfirmKind } from './run/context';
export type { StatementResult, ResultColumn, EngineEvent, ExecStats } from './run/result';
