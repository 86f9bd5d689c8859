import { everyRow, irreversibleQuestion, type ConfirmRequest } from '../engine/run/context';

/**
 * The question a run stopped on because the user answered no in its dialog, if that is why it
 * stopped. Recognised by its code, not its class: the engine's error may come from the
 * runtime bundle, whose classes are not this bundle's.
 */
export function declinedRequest(error: unknown): ConfirmRequest | undefined {
  const e = error as { code?: unknown; request?: ConfirmRequest } | undefined;
  return e?.code === 'CONFIRMATION_REQUIRED' ? e.request : undefined;
}

/** What the editor says then: the user's own choice, not an error (and no CLI flags). */
export function declinedText(request: ConfirmRequest, what: 'statement' | 'cell'): string {
  switch (request.kind) {
    case 'apiCalls': return `Not run: you declined to spend about ${request.estimate} Gong API calls on this ${what}.`;
    case 'unfilteredWrite': return `Not run: you declined to ${request.statement} ${everyRow(request.rows)} of ${request.table} (no WHERE).`;
    case 'irreversibleCall': return `Not run: you declined to ${request.action} (CALL ${request.procedure}). Nothing was sent to Gong.`;
  }
}

/** The dialog's text and its yes button (an irreversible CALL's names what it does); a costly read says where its cost comes from. */
export function confirmQuestion(request: ConfirmRequest, what: 'statement' | 'cell'): [string, string] {
  switch (request.kind) {
    case 'apiCalls': return [`This ${what} needs about ${request.estimate} Gong API calls (more than ${request.threshold}).${request.detail ? ` ${request.detail}.` : ''} Run it?`, 'Run'];
    case 'unfilteredWrite': return [`${request.statement} without WHERE changes ${everyRow(request.rows)} of ${request.table}. Run it?`, 'Run'];
    case 'irreversibleCall': return [`${irreversibleQuestion(request)} Run it?`, `Run ${request.procedure}`];
  }
}
