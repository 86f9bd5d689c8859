import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { badRequest, GongHttpError } from './errors';

/** JSON text spliced verbatim into a reply: lets hot routes serialize each record once. */
export class RawJson {
  constructor(readonly text: string) {}
}

/**
 * JSON.stringify that also writes bigint values as bare JSON numbers and splices RawJson.
 * Gong sends some ids (CRM integrationId, scorecard ids) as int64 numbers beyond 2^53; the
 * sandbox must put those exact digits on the wire so that clients are tested against them.
 */
export function stringify(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'bigint') return `${RAW_MARK}${raws.push(v.toString()) - 1}`;
    if (v instanceof RawJson) return `${RAW_MARK}${raws.push(v.text) - 1}`;
    return v;
  });
  return raws.length === 0 ? text : text.replace(RAW_PATTERN, (_m, i: string) => raws[Number(i)] as string);
}
// A per-process nonce keeps data that happens to contain the marker from being spliced.
const NONCE = randomBytes(6).toString('hex');
const RAW_MARK = `\u0001raw${NONCE}:`;
const RAW_PATTERN = new RegExp(`"\\\\u0001raw${NONCE}:(\\d+)"`, 'g');

/** int64 on the wire: the id string becomes a bigint that `stringify` writes as a number. */
export const int64 = (id: string): bigint => BigInt(id);

const MAX_JSON_BODY = 10 * 1024 * 1024;

/** Reads and parses a JSON body; malformed JSON and wrong content are Gong's 400, never a crash. */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_JSON_BODY) throw new GongHttpError(413, ['Request body too large']);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest('Malformed request: the body is not valid JSON');
  }
}
