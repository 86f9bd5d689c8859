import { callArgumentAt, statementContext } from './context';
import { paramDoc, procedureSignature } from './docs';

export interface SignatureHelp {
  readonly label: string;
  readonly documentation: string;
  readonly parameters: readonly { readonly label: string; readonly documentation: string }[];
  readonly activeParameter: number;
}

/** Inside `CALL Name(`: the procedure's parameters and the one the cursor is on. */
export function signatureHelp(text: string, offset: number): SignatureHelp | undefined {
  const ctx = statementContext(text, offset);
  const argument = ctx && callArgumentAt(ctx, offset);
  if (!argument) return undefined;
  const { procedure } = argument;
  return {
    label: procedureSignature(procedure),
    documentation: procedure.description,
    parameters: procedure.params.map((p) => ({ label: p.required ? p.name : `${p.name}?`, documentation: paramDoc(procedure, p) })),
    activeParameter: Math.min(argument.index, procedure.params.length - 1),
  };
}
