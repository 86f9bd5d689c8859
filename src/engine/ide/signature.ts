import { findProcedure } from '../../gong/catalog';
import { statementContext } from './context';
import { paramDoc, procedureSignature } from './docs';
import { argumentIndex } from './hover';

export interface SignatureHelp {
  readonly label: string;
  readonly documentation: string;
  readonly parameters: readonly { readonly label: string; readonly documentation: string }[];
  readonly activeParameter: number;
}

/** Inside `CALL Name(`: the procedure's parameters and the one the cursor is on. */
export function signatureHelp(text: string, offset: number): SignatureHelp | undefined {
  const ctx = statementContext(text, offset);
  const statement = ctx?.statement;
  if (!ctx || statement?.kind !== 'Call') return undefined;
  const procedure = findProcedure(statement.name.text);
  if (!procedure) return undefined;
  const open = ctx.tokens.find((t) => t.kind === 'LParen');
  if (!open || offset < open.span.end) return undefined;
  const close = ctx.tokens.find((t) => t.kind === 'RParen' && t.span.start >= open.span.end);
  if (close && offset > close.span.start) return undefined;
  return {
    label: procedureSignature(procedure),
    documentation: procedure.description,
    parameters: procedure.params.map((p) => ({ label: p.required ? p.name : `${p.name}?`, documentation: paramDoc(procedure, p) })),
    activeParameter: Math.min(argumentIndex(ctx.tokens, open.span.end, offset), procedure.params.length - 1),
  };
}
