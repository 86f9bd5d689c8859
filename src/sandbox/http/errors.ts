/**
 * A Gong-shaped error reply: `{ requestId, errors: [...] }` with an HTTP status. Route
 * code throws it; the server turns it into the response, so no handler writes errors by hand.
 */
export class GongHttpError extends Error {
  constructor(
    readonly status: number,
    readonly errors: string[],
    readonly headers: Record<string, string> = {},
  ) {
    super(errors.join('; '));
  }
}

export const badRequest = (...errors: string[]) => new GongHttpError(400, errors);
export const notFound = (...errors: string[]) => new GongHttpError(404, errors);
export const conflict = (...errors: string[]) => new GongHttpError(409, errors);
export const unprocessable = (...errors: string[]) => new GongHttpError(422, errors);
