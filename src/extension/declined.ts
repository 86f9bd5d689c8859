import { everyRow, type ConfirmRequest } from '../engine/run/context';

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
