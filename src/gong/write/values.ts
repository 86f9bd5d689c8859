import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { LANGUAGE_CODES, MAX_MEDIA_BYTES } from '../catalog/params';
import type { ParamDef } from '../catalog/types';
import { GongError } from '../http/errors';
import { parseGongJson } from '../http/json';

/** A value as the engine hands it over: integer literals beyond 2^53 arrive as bigint or digit strings. */
export type InputValue = string | number | bigint | boolean | null | undefined | readonly unknown[] | Record<string, unknown>;

const LANGUAGES = new Set(LANGUAGE_CODES);
const OFFSET_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
const SQL_DATETIME = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[A-Za-z]{2,}$/;

/**
 * Checks one value against its parameter and returns it in the form Gong takes, or a
 * message saying what is wrong. Pure except for `binary`, which looks at the file.
 * The binder uses `checkValue` for diagnostics; writers use `normalizeArgs` before any request.
 */
export function checkValue(param: ParamDef, value: InputValue): { ok: true; value: unknown } | { ok: false; message: string } {
  const fail = (message: string) => ({ ok: false as const, message });
  const ok = (v: unknown) => ({ ok: true as const, value: v });
  if (value === null || value === undefined) return param.required ? fail('is required') : ok(undefined);
  switch (param.type) {
    case 'text': {
      if (typeof value === 'object') return fail('must be text');
      const text = String(value);
      return param.maxLength !== undefined && text.length > param.maxLength ? fail(`must be at most ${param.maxLength} characters (got ${text.length})`) : ok(text);
    }
    case 'id': {
      const text = typeof value === 'number' ? (Number.isSafeInteger(value) ? String(value) : '') : typeof value === 'bigint' || typeof value === 'string' ? String(value).trim() : '';
      return /^\d{1,20}$/.test(text) ? ok(text) : fail(`must be a numeric Gong id (got ${describe(value)})`);
    }
    case 'integer': {
      const n = typeof value === 'bigint' ? Number(value) : typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
      return typeof n === 'number' && Number.isSafeInteger(n) ? ok(n) : fail(`must be an integer (got ${describe(value)})`);
    }
    case 'number': {
      const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      return typeof n === 'number' && Number.isFinite(n) ? ok(n) : fail(`must be a number (got ${describe(value)})`);
    }
    case 'datetime': {
      if (typeof value !== 'string') return fail('must be a date-time text such as 2018-02-18T08:00:00Z');
      const text = value.trim();
      const sql = SQL_DATETIME.exec(text);
      const iso = sql ? `${sql[1]}T${sql[2]}Z` : text;
      return (OFFSET_DATETIME.test(iso) && realDate(iso) && !Number.isNaN(Date.parse(iso)))
        ? ok(iso)
        : fail(`must be ISO-8601 with an offset (2018-02-18T02:30:00-07:00, 2018-02-18T08:00:00Z) or YYYY-MM-DD HH:MM:SS read as UTC (got ${describe(value)})`);
    }
    case 'enum': {
      const match = param.values?.find((v) => v.toLowerCase() === String(value).toLowerCase());
      return match ? ok(match) : fail(`must be one of ${param.values?.join(', ')} (got ${describe(value)})`);
    }
    case 'jsonArray':
    case 'jsonObject':
      return checkJson(param, value);
    case 'language':
      return LANGUAGES.has(String(value)) ? ok(String(value)) : fail(`must be one of Gong's language codes such as en-US or fr-FR (got ${describe(value)})`);
    case 'url': {
      const text = String(value);
      try {
        const url = new URL(text);
        return url.protocol === 'http:' || url.protocol === 'https:' ? ok(text) : fail('must be an http(s) URL');
      } catch {
        return fail(`must be a URL (got ${describe(value)})`);
      }
    }
    case 'email':
      return EMAIL.test(String(value)) ? ok(String(value)) : fail(`must be an email address (got ${describe(value)})`);
    case 'binary':
      return typeof value === 'string' && value.trim() !== '' ? ok(resolve(value)) : fail('must be the path of a file');
  }
}

/** Date.parse accepts 2018-02-30; Gong does not. */
function realDate(iso: string): boolean {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  const hh = Number(iso.slice(11, 13));
  const mm = Number(iso.slice(14, 16));
  const ss = Number(iso.slice(17, 19));
  return m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate() && hh < 24 && mm < 60 && ss < 60;
}

function checkJson(param: ParamDef, value: InputValue): { ok: true; value: unknown } | { ok: false; message: string } {
  const example = param.example === undefined ? '' : `, e.g. ${param.example}`;
  let parsed: unknown = value;
  if (typeof value === 'string') {
    try {
      // Parsed without loss: a UserId written as a bare 19-digit number keeps its digits.
      parsed = parseGongJson(value);
    } catch (error) {
      return { ok: false, message: `is not valid JSON (${(error as Error).message}): write a JSON ${param.type === 'jsonArray' ? 'array' : 'object'}${example}` };
    }
  }
  const isArray = Array.isArray(parsed);
  const isObject = parsed !== null && typeof parsed === 'object' && !isArray;
  if (param.type === 'jsonArray' && !isArray) return { ok: false, message: `must be a JSON array${example}` };
  if (param.type === 'jsonObject' && !isObject) return { ok: false, message: `must be a JSON object${example}` };
  return { ok: true, value: camelKeys(parsed) };
}

/**
 * PascalCase keys (the SQL side's style: PhoneNumber, ObjectType) become Gong's camelCase.
 * The contents of Value fields are the user's data and are left alone.
 */
export function camelKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => {
    const key = k.charAt(0).toLowerCase() + k.slice(1);
    return [key, key === 'value' ? v : camelKeys(v)];
  }));
}

function describe(value: InputValue): string {
  const text = typeof value === 'string' ? `'${value}'` : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/**
 * Validates named arguments against their parameters: every problem at once, each named,
 * and files checked (exists, is a file, within the size limit) without reading them.
 */
export async function normalizeArgs(params: readonly ParamDef[], args: Readonly<Record<string, InputValue>>, owner: string): Promise<Record<string, unknown>> {
  const problems: { name: string; message: string }[] = [];
  const out: Record<string, unknown> = {};
  for (const param of params) {
    const checked = checkValue(param, args[param.name]);
    if (!checked.ok) {
      problems.push({ name: param.name, message: checked.message });
      continue;
    }
    if (param.type === 'binary' && checked.value !== undefined) {
      const message = await checkFile(checked.value as string);
      if (message) {
        problems.push({ name: param.name, message });
        continue;
      }
    }
    if (checked.value !== undefined) out[param.name] = checked.value;
  }
  const unknown = Object.keys(args).filter((k) => !params.some((p) => p.name === k));
  for (const name of unknown) problems.push({ name, message: `is not a parameter of ${owner}` });
  if (problems.length > 0) {
    const text = problems.map((p) => `${p.name} ${p.message}`).join('; ');
    throw new GongError('VALIDATION', `${owner}: ${text}. Nothing was sent to Gong.`, { parameter: problems[0]?.name });
  }
  return out;
}

async function checkFile(path: string): Promise<string | undefined> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return `${path} is not a file`;
    if (info.size > MAX_MEDIA_BYTES) return `${path} is ${(info.size / 1024 ** 3).toFixed(2)} GB; Gong takes at most 1.5 GB`;
    if (info.size === 0) return `${path} is empty`;
    return undefined;
  } catch {
    return `file ${path} does not exist or cannot be read`;
  }
}
