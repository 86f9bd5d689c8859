import type { FilterRoute, Operator, ParamTarget, ReadPath, SqlValue, TableDef } from '../catalog/types';
import { notADate, parseInstant } from './instants';

/** A filter the engine offers to Gong: `column op value` (a list for IN). */
export interface Predicate {
  readonly column: string;
  readonly op: Operator;
  readonly value: SqlValue | readonly SqlValue[];
}

/** How one table will be read: the path, what it sends, what it could not send, what it costs. */
export interface ReadPlan {
  readonly table: TableDef;
  readonly path: ReadPath;
  /** Predicates Gong evaluates (always re-checked locally too). */
  readonly pushed: readonly Predicate[];
  /** Predicates left for local evaluation. */
  readonly residual: readonly Predicate[];
  /** Parameters by target (`query:fromDateTime`, `body:filter.callIds`, `path:id`). */
  readonly params: ReadonlyMap<ParamTarget, string | string[]>;
  /** Column values fixed by the pushed equality filters (rows carry them). */
  readonly bound: Readonly<Record<string, SqlValue>>;
  /** The list parameter split into batches, one request chain each. */
  readonly batches?: { readonly target: ParamTarget; readonly values: readonly (readonly string[])[] };
  /** Set when a required column is not filtered: one request chain per value. */
  readonly fanOut?: ReadPath['fanOut'];
  readonly estimate: Estimate;
  /** Set when the query left an end of a window Gong requires open: what was read instead, for the statement's messages. */
  readonly filledWindow?: string;
}

/**
 * Requests the plan will make at least: one per request chain, where paged chains may
 * need more pages and fan-outs first read their source table.
 */
export interface Estimate {
  readonly requests: number;
  /** More requests may follow: further pages, or one per fan-out value. */
  readonly open: boolean;
  readonly note: string;
}

/** Chooses the read path with the fewest requests for these predicates, then the one that pushes most. */
export function planRead(table: TableDef, predicates: readonly Predicate[]): ReadPlan {
  checkFilterValues(table, predicates);
  const candidates = table.reads.map((path) => planPath(table, path, predicates)).filter((p): p is ReadPlan => p !== undefined);
  if (candidates.length === 0) throw new MissingRequiredFilter(table, predicates);
  return candidates.reduce((best, p) =>
    cost(p) < cost(best) || (cost(p) === cost(best) && p.pushed.length > best.pushed.length) ? p : best);
}

/**
 * An open-ended scan may take any number of pages, so it loses to any bounded plan of
 * reasonable size; fan-outs first read another table.
 */
function cost(plan: ReadPlan): number {
  return plan.estimate.requests + (plan.estimate.open ? 10 : 0) + (plan.fanOut ? 10 : 0);
}

/**
 * A read of a table Gong answers only for filter values it requires (a privacy lookup by
 * email address, coaching of one manager and period): the message names the filters the
 * query lacks, of the path that lacks fewest, and how to write them.
 */
export class MissingRequiredFilter extends Error {
  constructor(readonly table: TableDef, predicates: readonly Predicate[] = []) {
    const on = (c: string) => predicates.filter((p) => same(p.column, c));
    const sent = (r: ReadPath, c: string) => on(c).some((p) => r.bindings.some((b) => same(b.column, c) && accepts(b, p) && apply(b, p) !== undefined));
    const lacking = table.reads
      .map((r) => r.requires.filter((c) => (r.fanOut?.column !== c || mustChoose(r)) && !sent(r, c)))
      .reduce((fewest, missing) => (missing.length > 0 && (fewest.length === 0 || missing.length < fewest.length) ? missing : fewest), []);
    const shapes = lacking.map((c) => {
      const ops = table.filters.find((f) => f.column === c)?.operators ?? ['='];
      // Written, but not as a value Gong takes (an id that is not a number): say which.
      const unsent = on(c).find((p) => p.op === '=' || p.op === 'IN');
      const choices = table.reads.map((r) => r.fanOut).find((f) => f && 'values' in f && f.column === c);
      const oneOf = choices && 'values' in choices ? ` (${c} is one of ${choices.values.join(', ')})` : '';
      return `${c} ${ops.includes('IN') ? "= '…' or IN (…)" : "= '…'"}${unsent ? ` (${c} ${unsent.op} ${quotedList(unsent.value)} is not a value Gong takes)` : oneOf}`;
    });
    super(`${table.name} needs ${lacking.length === 1 ? 'a filter' : 'filters'} Gong requires: WHERE ${shapes.join(' AND ')}`);
    this.name = 'MissingRequiredFilter';
  }
}

/** A filter value Gong would misread or refuse (not a date, not one of the values Gong takes): the message names the column. */
export class FilterValueError extends Error {
  constructor(readonly predicate: Predicate, message: string) {
    super(message);
    this.name = 'FilterValueError';
  }
}

const mustChoose = (r: ReadPath) => r.fanOut !== undefined && 'values' in r.fanOut && r.fanOut.chosen === true;
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const quoted = (v: SqlValue) => (typeof v === 'string' ? `'${v.replaceAll("'", "''")}'` : String(v));
const quotedList = (v: Predicate['value']) => (Array.isArray(v) ? `(${(v as readonly SqlValue[]).map(quoted).join(', ')})` : quoted(v as SqlValue));
const TEMPORAL: readonly FilterRoute['format'][] = ['date', 'datetime', 'instantFrom', 'instantTo'];

/**
 * Refuses, before any request, the values a native filter cannot mean: a date column compared
 * with something that is no date would read a default or the whole history; a value outside
 * the list a path fans out over (Period) would be Gong's 400 after the fact.
 */
export function checkFilterValues(table: TableDef, predicates: readonly Predicate[]): void {
  for (const p of predicates) {
    const values = Array.isArray(p.value) ? (p.value as readonly SqlValue[]) : [p.value as SqlValue];
    const routes = table.reads.flatMap((r) => r.bindings).filter((b) => same(b.column, p.column));
    if (routes.some((b) => b.kind === 'range' || TEMPORAL.includes(b.format))) {
      for (const v of values) {
        const why = notADate(v);
        if (why) throw new FilterValueError(p, `${p.column} ${p.op} ${quoted(v)}: ${why}`);
      }
    }
    const allowed = table.reads.map((r) => r.fanOut).find((f) => f && 'values' in f && same(f.column, p.column));
    if (allowed && 'values' in allowed && (p.op === '=' || p.op === 'IN')) {
      const wrong = values.find((v) => !allowed.values.includes(String(v)));
      if (wrong !== undefined) throw new FilterValueError(p, `${p.column} ${p.op} ${quoted(wrong)}: ${p.column} is one of ${allowed.values.join(', ')}${caseHint(wrong, allowed.values)}`);
    }
  }
}

/** `; write 'MONTH'` when only the case is wrong. */
function caseHint(value: SqlValue, allowed: readonly string[]): string {
  const match = allowed.find((a) => a.toLowerCase() === String(value).toLowerCase());
  return match ? ` (write '${match}': Gong's values are case-sensitive)` : '';
}

/** Gong's page size. A batch of at most this many ids is answered in one page. */
export const PAGE_SIZE = 100;

function planPath(table: TableDef, path: ReadPath, predicates: readonly Predicate[]): ReadPlan | undefined {
  const params = new Map<ParamTarget, string | string[]>();
  const bound: Record<string, SqlValue> = {};
  const pushed: Predicate[] = [];
  const residual: Predicate[] = [];
  let batches: ReadPlan['batches'];
  let batchesBounded = false;
  const lower = new Map<string, number>();
  const upper = new Map<string, number>();
  /** Several bounds on one column: the tightest window still contains every match. */
  const narrow = (column: string, side: 'from' | 'to', ms: number) => {
    const [bounds, tighter] = side === 'from' ? [lower, (a: number, b: number) => a > b] : [upper, (a: number, b: number) => a < b];
    const current = bounds.get(column);
    if (current === undefined || tighter(ms, current)) bounds.set(column, ms);
  };
  /** `=` on a column whose window depends on other filters (PeriodStart on Period): read once every `=` is bound. */
  const spans: { binding: Extract<FilterRoute, { kind: 'range' }>; p: Predicate }[] = [];

  for (const p of predicates) {
    const binding = path.bindings.find((b) => b.column.toLowerCase() === p.column.toLowerCase() && accepts(b, p));
    if (binding?.kind === 'range' && binding.span && p.op === '=') {
      spans.push({ binding, p });
      continue;
    }
    const applied = binding && (holdsDays(path, binding) ? dayBounds(binding, p) : apply(binding, p));
    if (!binding || applied === undefined) {
      residual.push(p);
      continue;
    }
    if (applied.kind === 'bounds') {
      for (const b of applied.bounds) narrow(binding.column, b.side, b.ms);
      pushed.push(p);
      continue;
    }
    const target = (binding as Exclude<FilterRoute, { kind: 'range' }>).to;
    if (params.has(target)) {
      residual.push(p);
      continue;
    }
    if (binding.kind === 'list') {
      const { values } = applied;
      const chunks: string[][] = [];
      for (let i = 0; i < values.length; i += binding.batch) chunks.push(values.slice(i, i + binding.batch));
      batches = { target, values: chunks };
      batchesBounded = binding.onePerValue && binding.batch <= PAGE_SIZE;
      params.set(target, values);
    } else {
      params.set(target, applied.values[0] as string);
      // Rows show the value as written (a plain date sent as a date-time still matches it).
      bound[binding.column] = TEMPORAL.includes(binding.format) ? String(p.value) : applied.values[0] as string;
    }
    pushed.push(p);
  }
  for (const { binding, p } of spans) {
    const instant = parseInstant(p.value);
    const window = instant && binding.span!(String(p.value).trim(), instant.ms, bound);
    if (typeof window === 'string') throw new FilterValueError(p, window);
    if (!window) {
      residual.push(p);
      continue;
    }
    narrow(binding.column, 'from', window.from);
    narrow(binding.column, 'to', window.to);
    pushed.push(p);
  }
  for (const b of path.bindings) {
    if (b.kind !== 'range') continue;
    const from = lower.get(b.column);
    const to = upper.get(b.column);
    if (from !== undefined && b.from) params.set(b.from, formatInstant(from, b.format, 'from'));
    if (to !== undefined && b.to) params.set(b.to, formatInstant(to, b.format, 'to'));
  }

  const filled = path.window ? fillWindow(params, path) : undefined;
  const defaulted = filled?.note ?? '';
  if (path.window) refuseEmptyWindow(params, path, pushed);
  refuseReversedPeriod(params, path, pushed);

  const missing = path.requires.filter((c) => !pushed.some((p) => p.column.toLowerCase() === c.toLowerCase()));
  const fanOut = missing.length === 1 && path.fanOut && path.fanOut.column === missing[0] ? chosenValues(path.fanOut, predicates) : undefined;
  if (missing.length > 0 && !fanOut) return undefined;
  const chains = batches ? batches.values.length : 1;
  const bounded = path.paging === 'none' || batchesBounded;
  const estimate: Estimate = fanOut
    ? { requests: 'values' in fanOut ? fanOut.values.length : 2, open: true, note: 'values' in fanOut ? `one request per ${fanOut.column}` : `reads ${fanOut.from.table}, then one request per ${fanOut.column}` }
    : { requests: chains, open: !bounded, note: `${chains} request${chains === 1 ? '' : 's'}${bounded ? '' : ' or more (100 records per page)'}${defaulted}` };
  return { table, path, pushed, residual, params, bound, batches, fanOut, estimate, ...(filled?.message ? { filledWindow: `${table.name} ${filled.message}` } : {}) };
}

/** A fan-out whose values the query must choose reads only those of its `IN`, and without one is no path. */
function chosenValues(fanOut: NonNullable<ReadPath['fanOut']>, predicates: readonly Predicate[]): ReadPath['fanOut'] {
  if (!('values' in fanOut) || !fanOut.chosen) return fanOut;
  const listed = predicates.find((p) => same(p.column, fanOut.column) && p.op === 'IN');
  return listed && { column: fanOut.column, values: [...new Set((listed.value as readonly SqlValue[]).map(String))] };
}

/**
 * Fills the open ends of a window Gong requires; says what it filled in, for the estimate's
 * note and, naming the filter that would close it, for the statement's messages.
 */
function fillWindow(params: Map<ParamTarget, string | string[]>, path: ReadPath): { note: string; message?: string } {
  const window = path.window!;
  const given = [params.has(window.from), params.has(window.to)];
  const to = (params.get(window.to) as string | undefined) ?? formatInstant(Date.now(), 'date', 'to');
  const from = (params.get(window.from) as string | undefined) ?? formatInstant(Date.parse(`${to}T00:00:00Z`) - window.defaultDays * DAY_MS, 'date', 'from');
  params.set(window.from, from);
  params.set(window.to, to);
  if (given[0] && given[1]) return { note: '' };
  const column = (side: 'from' | 'to') => path.bindings.find((b) => b.kind === 'range' && b[side] === window[side])?.column ?? 'the window';
  const start = `${column('from')} >= '…'`;
  const end = `${column('to')} <= '…'`;
  // Gong's toDate is the day after: the last day read is the one before it.
  const read = `read ${from} to ${formatInstant(Date.parse(`${to}T00:00:00Z`) - DAY_MS, 'date', 'from')}, both included`;
  if (given[0]) return { note: '; the window ends today (Gong requires an end)', message: `${read}: with no end (${end}) the window ends today.` };
  const note = `; no start given: the ${window.defaultDays} days before ${to}`;
  if (given[1]) return { note, message: `${read}: with no start (${start}) the window is the ${window.defaultDays} days to its end.` };
  return { note, message: `${read}: with no window (${start}, ${end}) it is the ${window.defaultDays} days to today.` };
}

/**
 * A required window with no day in it (it starts after today, or ends before it starts) is
 * refused before the request, at the filter that put its start there: Gong would answer 400
 * about a toDate the query never wrote.
 */
function refuseEmptyWindow(params: ReadonlyMap<ParamTarget, string | string[]>, path: ReadPath, pushed: readonly Predicate[]): void {
  const window = path.window!;
  const [from, to] = [params.get(window.from) as string, params.get(window.to) as string];
  if (from < to) return;
  const starts = path.bindings.filter((b) => b.kind === 'range' && b.from === window.from).map((b) => b.column);
  const start = [...pushed].reverse().find((p) => starts.some((c) => same(c, p.column)) && (p.op === '>' || p.op === '>=' || p.op === '='));
  if (!start) return;
  const today = formatInstant(Date.now(), 'date', 'from');
  const why = from > today
    ? `the window starts after today (${today}), and Gong's stats end today: there is nothing to read yet`
    : `the window ends before it starts (its last day, ${formatInstant(Date.parse(`${to}T00:00:00Z`) - DAY_MS, 'date', 'from')}, is before ${from})`;
  throw new FilterValueError(start, `${start.column} ${start.op} ${quoted(start.value as SqlValue)}: ${why}`);
}

/**
 * A period sent as two instants (Coaching's from and to) that ends before it starts, or where
 * it starts, is refused at its start filter before the request: Gong would answer 400
 * ("to must be after from") for one API call.
 */
function refuseReversedPeriod(params: ReadonlyMap<ParamTarget, string | string[]>, path: ReadPath, pushed: readonly Predicate[]): void {
  const side = (format: FilterRoute['format']) => path.bindings.find((b) => b.kind === 'equals' && b.format === format) as Extract<FilterRoute, { kind: 'equals' }> | undefined;
  const [start, end] = [side('instantFrom'), side('instantTo')];
  if (!start || !end || !params.has(start.to) || !params.has(end.to)) return;
  const [from, to] = [Date.parse(params.get(start.to) as string), Date.parse(params.get(end.to) as string)];
  if (from < to) return;
  const [first, last] = [start, end].map((b) => pushed.find((p) => same(p.column, b.column))!);
  throw new FilterValueError(first!, `${first!.column} = ${quoted(first!.value as SqlValue)} is not before ${last!.column} = ${quoted(last!.value as SqlValue)}: the period ends before it starts (Gong would refuse it: to must be after from)`);
}

function accepts(binding: FilterRoute, p: Predicate): boolean {
  switch (binding.kind) {
    case 'equals': return p.op === '=';
    case 'list': return p.op === '=' || p.op === 'IN';
    case 'range': return ((p.op === '>' || p.op === '>=' || p.op === '=') && binding.from !== undefined) || ((p.op === '<' || p.op === '<=' || p.op === '=') && binding.to !== undefined);
  }
}

type Bound = { side: 'from' | 'to'; ms: number };
type Applied = { kind: 'values'; values: string[] } | { kind: 'bounds'; bounds: Bound[] };

/** The predicate's value in Gong's terms, or undefined when it cannot be sent faithfully. */
function apply(binding: FilterRoute, p: Predicate): Applied | undefined {
  if (binding.kind === 'range') {
    const instant = parseInstant(p.value);
    if (instant === undefined) return undefined;
    // Gong's window is from-inclusive, to-exclusive; `<=` and `=` move the end one second on
    // (a day for whole days, as the end is rounded up). Literals that do not sort like
    // Gong's timestamps are widened a day each way.
    const slack = instant.canonical ? 0 : 86_400_000;
    const from: Bound = { side: 'from', ms: instant.ms - slack };
    const to: Bound = { side: 'to', ms: instant.ms + slack + (p.op === '<' ? 0 : 1000) };
    if (p.op === '>' || p.op === '>=') return { kind: 'bounds', bounds: [from] };
    if (p.op === '<' || p.op === '<=') return { kind: 'bounds', bounds: [to] };
    return { kind: 'bounds', bounds: [...(binding.from ? [from] : []), ...(binding.to ? [to] : [])] };
  }
  const raw = Array.isArray(p.value) ? p.value : [p.value];
  const values: string[] = [];
  for (const v of raw) {
    const formatted = formatValue(v as SqlValue, binding.format);
    if (formatted === undefined) return undefined;
    values.push(formatted);
  }
  return values.length === 0 ? undefined : { kind: 'values', values: [...new Set(values)] };
}

/** The window columns of a stats read hold whole days ('YYYY-MM-DD'), compared as text. */
const holdsDays = (path: ReadPath, binding: FilterRoute): binding is Extract<FilterRoute, { kind: 'range' }> => path.window !== undefined && binding.kind === 'range' && binding.format === 'date';

/**
 * The window of whole days whose rows the filter keeps, compared as SQL does (as text): the
 * first day after `FromDate > '2026-10-01'` is October 2 (a window from the 1st would give only
 * rows the filter drops), and a date-time bounds by its day. `=` a date-time matches no day, so
 * it is refused with the day to write.
 */
function dayBounds(binding: Extract<FilterRoute, { kind: 'range' }>, p: Predicate): Applied | undefined {
  const instant = parseInstant(p.value);
  if (typeof p.value !== 'string' || !instant) return undefined;
  const text = p.value.trim();
  const day = Date.parse(`${text.slice(0, 10)}T00:00:00Z`);
  // Midnight UTC is the day itself (the mirror's sync sends its --since day so).
  const timed = instant.ms !== day;
  if (p.op === '=' && text.length > 10) {
    throw new FilterValueError(p, `${p.column} = ${quoted(p.value)}: ${p.column} holds days ('YYYY-MM-DD'), which a date-time never equals: write ${p.column} = '${text.slice(0, 10)}'`);
  }
  // 'D' sorts before every 'DT…': a bound with a time of day leaves its own day out below, in above.
  const from: Bound = { side: 'from', ms: p.op === '>' || (p.op === '>=' && timed) ? day + DAY_MS : day };
  const to: Bound = { side: 'to', ms: p.op === '<' && !timed ? day : day + DAY_MS };
  if (p.op === '>' || p.op === '>=') return { kind: 'bounds', bounds: [from] };
  if (p.op === '<' || p.op === '<=') return { kind: 'bounds', bounds: [to] };
  return { kind: 'bounds', bounds: [...(binding.from ? [from] : []), ...(binding.to ? [to] : [])] };
}

function formatValue(value: SqlValue, format: FilterRoute['format']): string | undefined {
  if (value === null) return undefined;
  const text = String(value);
  if (format === 'id') return /^\d{1,20}$/.test(text) && (typeof value === 'string' || Number.isSafeInteger(value)) ? text : undefined;
  if (format === 'instantFrom' || format === 'instantTo') return instantText(text.trim(), format);
  return text;
}

/** A date-time with an offset for Gong: as written when it has one; a plain date is a whole day (UTC). */
function instantText(text: string, format: 'instantFrom' | 'instantTo'): string | undefined {
  const instant = parseInstant(text);
  if (!instant) return undefined;
  if (/(Z|[+-]\d{2}:\d{2})$/.test(text)) return text.replace(' ', 'T');
  const wholeDay = text.length === 10 && format === 'instantTo' ? DAY_MS : 0;
  return formatInstant(instant.ms + wholeDay, 'datetime', 'from');
}

const DAY_MS = 86_400_000;

function formatInstant(ms: number, format: FilterRoute['format'], side: 'from' | 'to'): string {
  if (format === 'date') {
    // Whole days: the window is widened to the days that contain it.
    const day = Math.floor(ms / DAY_MS) * DAY_MS;
    // Gong refuses a toDate after the current day; nothing lies beyond it anyway.
    const tomorrow = Math.floor(Date.now() / DAY_MS) * DAY_MS + DAY_MS;
    const edge = side === 'to' ? Math.min(day !== ms ? day + DAY_MS : day, tomorrow) : day;
    return new Date(edge).toISOString().slice(0, 10);
  }
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
