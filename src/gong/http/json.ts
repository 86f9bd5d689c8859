import { isSafeNumber, parse } from 'lossless-json';

/**
 * Parses Gong's JSON keeping every integer beyond 2^53 as its exact digit string. Gong sends
 * some ids as int64 numbers (CRM integrationId, scorecard ids); JSON.parse would round them.
 * Ids that arrive as small numbers are turned into strings by the row mapping.
 */
export function parseGongJson(text: string): unknown {
  return parse(text, null, (digits: string) => (isSafeNumber(digits) ? Number(digits) : digits));
}
