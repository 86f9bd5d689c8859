import { notFound } from './errors';
import type { RequestContext } from './router';

/** Paging inputs of a GET route: the cursor from the query, every other parameter as the filter. */
export function getPaging(ctx: RequestContext) {
  const inputs = [...ctx.query.entries()].filter(([k]) => k !== 'cursor' && k !== 'limit').sort();
  return { route: ctx.routeKey, inputs, cursor: ctx.query.get('cursor') ?? undefined };
}

/**
 * Paging inputs of a POST route: the cursor lives in the body. A `?cursor=` on a POST is
 * ignored, so such a client gets the first page again, exactly as Gong behaves.
 */
export function postPaging(ctx: RequestContext, body: Record<string, unknown>) {
  const { cursor, ...inputs } = body;
  return { route: ctx.routeKey, inputs, cursor: typeof cursor === 'string' ? cursor : undefined };
}

/** Gong answers a valid query that matches nothing with 404, not an empty 200. */
export function nonEmpty<T>(items: readonly T[], message: string): readonly T[] {
  if (items.length === 0) throw notFound(message);
  return items;
}

export const NO_CALLS = 'No calls found corresponding to the provided filters';
