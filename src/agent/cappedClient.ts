import type { GongClient, GongRequest, GongResponse } from '../gong/http/client';
import { GongError } from '../gong/http/errors';

/**
 * The Gong client of one agent statement: the connection's own (its pool, pacing, credentials
 * and daily count), refusing any request once `ceiling` have been sent. Everything the engine
 * sends goes through `request` (a first page counted, a fan-out's source, an enrichment, a
 * write), so none of it can pass what the call may spend, whatever the estimates said. A
 * request is counted when it is sent, not when it ends, so parallel reads cannot all slip
 * under the ceiling; a retry within one request is another attempt Gong counts, and counts.
 */
export function cappedClient(client: GongClient, ceiling: number, onRefused: () => void): GongClient {
  let sent = 0;
  const request = async (req: GongRequest): Promise<GongResponse> => {
    if (sent >= ceiling) {
      onRefused();
      throw new GongError('VALIDATION', `Not sent: this call has already sent the ${ceiling} API call${ceiling === 1 ? '' : 's'} it may spend.`);
    }
    sent++;
    let attempts = 0;
    return client.request({
      ...req,
      onEvent: (event) => {
        if (event.type === 'request' && ++attempts > 1) sent++;
        req.onEvent?.(event);
      },
    });
  };
  // Every other member is the client's own, bound to it (its private fields are the instance's).
  return new Proxy(client, {
    get: (target, property) => {
      if (property === 'request') return request;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
