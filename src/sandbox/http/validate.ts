import { badRequest } from './errors';

/**
 * Checks on request inputs, each failing with Gong's 400 and the field's name. Gong is
 * terse about which validations it runs; the sandbox is strict so that clients learn to
 * send well-formed requests.
 */

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^\d{1,20}$/;

export type Json = Record<string, unknown>;

export function asObject(value: unknown, name: string): Json {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw badRequest(`${name} must be a JSON object`);
  return value as Json;
}

export function optObject(value: unknown, name: string): Json | undefined {
  return value === undefined || value === null ? undefined : asObject(value, name);
}

export function optString(value: unknown, name: string, maxLength = 100_000): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw badRequest(`${name} must be a string`);
  if (value.length > maxLength) throw badRequest(`${name} must be at most ${maxLength} characters`);
  return value;
}

export function reqString(value: unknown, name: string, maxLength?: number): string {
  const s = optString(value, name, maxLength);
  if (s === undefined || s === '') throw badRequest(`${name} is required`);
  return s;
}

export function optBool(value: unknown, name: string): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (value === 'true' || value === true) return true;
  if (value === 'false' || value === false) return false;
  throw badRequest(`${name} must be true or false`);
}

export function optNumber(value: unknown, name: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw badRequest(`${name} must be a number`);
  return value;
}

/** Ids travel as strings; a number is accepted only while it is still exact. */
export function optId(value: unknown, name: string): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const s = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
  if (typeof s !== 'string' || !ID.test(s)) throw badRequest(`${name} must be a numeric id string`);
  return s;
}

export function reqId(value: unknown, name: string): string {
  const id = optId(value, name);
  if (id === undefined) throw badRequest(`${name} is required`);
  return id;
}

export function optIdList(value: unknown, name: string): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw badRequest(`${name} must be an array of ids`);
  if (value.length === 0) throw badRequest(`${name} must not be empty`);
  return value.map((v, i) => reqId(v, `${name}[${i}]`));
}

/** Milliseconds since the epoch of an ISO-8601 date-time with an offset or Z. */
export function optDateTime(value: unknown, name: string): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' || !ISO_DATE_TIME.test(value) || Number.isNaN(Date.parse(value))) {
    throw badRequest(`${name} must be an ISO-8601 date-time with an offset, e.g. 2018-02-18T08:00:00Z`);
  }
  return Date.parse(value);
}

export function reqDateTime(value: unknown, name: string): number {
  const ms = optDateTime(value, name);
  if (ms === undefined) throw badRequest(`${name} is required`);
  return ms;
}

/** A YYYY-MM-DD date read in the company's time zone (UTC in the sandbox), as ms at midnight. */
export function optDate(value: unknown, name: string): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' || !ISO_DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw badRequest(`${name} must be a date in the form YYYY-MM-DD`);
  }
  return Date.parse(`${value}T00:00:00Z`);
}

export function optEnum<T extends string>(value: unknown, name: string, allowed: readonly T[]): T | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || !allowed.includes(value as T)) throw badRequest(`${name} must be one of ${allowed.join(', ')}`);
  return value as T;
}

/** from-inclusive, to-exclusive, as every Gong date window. */
export function inWindow(ms: number, from: number | undefined, to: number | undefined): boolean {
  return (from === undefined || ms >= from) && (to === undefined || ms < to);
}
