import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { badRequest } from './errors';

/** Gong's page size; `limit` parameters are ignored, exactly as Gong does. */
export const PAGE_SIZE = 100;

export interface Records {
  totalRecords: number;
  currentPageSize: number;
  currentPageNumber: number;
  /** Present only while more pages remain. */
  cursor?: string;
}

interface CursorClaims {
  /** Route the cursor belongs to. */
  r: string;
  /** Hash of the other request inputs, which Gong says must stay the same. */
  f: string;
  /** Page number the cursor leads to. */
  p: number;
  /** Sort key of the last record already served. */
  k: string;
}

/**
 * Cursor paging. A cursor looks like Gong's (three base64url parts, JWT-like), is signed
 * so a tampered or foreign cursor is a 400, and remembers the sort key of the last record
 * served rather than an offset: a call that becomes visible mid-scan can then never make
 * a walk return a record twice or skip one.
 */
export class Pager {
  private readonly secret = randomBytes(32);

  page<T>(items: readonly T[], keyOf: (item: T) => string, request: { route: string; inputs: unknown; cursor: string | undefined }) {
    const f = hashInputs(request.inputs);
    let start = 0;
    let pageNumber = 0;
    if (request.cursor !== undefined && request.cursor !== '') {
      const claims = this.verify(request.cursor);
      if (claims.r !== request.route || claims.f !== f) {
        throw badRequest('The cursor does not belong to this request: all other request inputs must remain the same');
      }
      start = firstAfter(items, keyOf, claims.k);
      pageNumber = claims.p;
    }
    const pageItems = items.slice(start, start + PAGE_SIZE);
    const records: Records = { totalRecords: items.length, currentPageSize: pageItems.length, currentPageNumber: pageNumber };
    const last = pageItems[pageItems.length - 1];
    if (start + PAGE_SIZE < items.length && last !== undefined) {
      records.cursor = this.sign({ r: request.route, f, p: pageNumber + 1, k: keyOf(last) });
    }
    return { records, items: pageItems };
  }

  private sign(claims: CursorClaims): string {
    const header = b64(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
    const payload = b64(JSON.stringify(claims));
    return `${header}.${payload}.${this.mac(`${header}.${payload}`)}`;
  }

  private verify(cursor: string): CursorClaims {
    const parts = cursor.split('.');
    const invalid = () => badRequest('Invalid cursor: it is malformed, expired or was not issued for this request');
    if (parts.length !== 3) throw invalid();
    const [header, payload, mac] = parts as [string, string, string];
    const expected = Buffer.from(this.mac(`${header}.${payload}`));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid();
    try {
      return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as CursorClaims;
    } catch {
      throw invalid();
    }
  }

  private mac(text: string): string {
    return createHmac('sha256', this.secret).update(text).digest('base64url');
  }
}

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

function hashInputs(inputs: unknown): string {
  return createHash('sha1').update(JSON.stringify(inputs ?? null)).digest('base64url').slice(0, 16);
}

/** Index of the first item whose key sorts after `key` (items are sorted by key). */
function firstAfter<T>(items: readonly T[], keyOf: (item: T) => string, key: string): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keyOf(items[mid] as T) <= key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A sort key that orders by time, then by numeric id, as plain string comparison. */
export function timeIdKey(ms: number, id: string): string {
  return `${String(ms).padStart(15, '0')}:${id.padStart(20, '0')}`;
}
